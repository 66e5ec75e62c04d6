package schema_test

import (
	"fmt"

	"scanpage/schema"
)

// Parse is a forgiving JSON parser that keeps positions: it steps over the
// slips people make (here a full-width colon typed with a Chinese IME and a
// trailing comma), reports each with the edit that repairs it, and still
// gives the whole tree, every value with its place in the text.
func ExampleParse() {
	d := schema.Parse("{\n  \"keystr\"：\"6901939621608\",\n}")
	for _, is := range d.SyntaxIssues(schema.EN) {
		fmt.Printf("%d:%d %s, fix %q\n", is.Line, is.Column, is.Code, is.Fix.Text)
	}
	v := d.Root.Lookup("/keystr")
	at := d.Pos(v.Start)
	fmt.Printf("%s = %q at %d:%d\n", v.Pointer(), v.Str, at.Line, at.Column)
	// Output:
	// 2:11 syntax.fullwidth, fix ":"
	// 2:27 syntax.trailing_comma, fix ""
	// /keystr = "6901939621608" at 2:12
}

// Validate parses once and applies every check; the report's issues are
// positioned in UTF-16 units, as a JavaScript editor counts.
func ExampleValidate() {
	res := schema.Validate(`{"keystandard": "ean13", "keystr": "6900000000000"}`, schema.Options{Lang: schema.EN})
	for _, is := range res.Report.Issues[:2] {
		fmt.Printf("%s %s %s\n", is.Severity, is.Code, is.Path)
	}
	fmt.Println("valid:", res.Report.Valid, "keystr:", res.Product.KeyStr)
	// Output:
	// error brand_info.missing /brand_info
	// error keystr.check_digit /keystr
	// valid: false keystr: 6900000000000
}
