package schema

import "sort"

// Options tune Validate.
type Options struct {
	// Lang selects the language of messages (default Chinese).
	Lang Lang
	// Merchant is the merchantinfo/get response as JSON text; "" for none.
	Merchant string
}

// A Result is everything one validation produced: the report, the parsed
// document and the product read from it, so that a caller (the preview)
// never parses the text again.
type Result struct {
	Report  Report
	Doc     *Document
	Product *Product
}

// Validate parses text once and checks it. It never fails and never panics
// on any input: every problem is an issue in the report.
func Validate(text string, opts Options) *Result {
	d := Parse(text)
	var fs []finding
	fs = append(fs, d.syntax...)
	if !d.Fatal {
		fs = append(fs, checkDocument(d)...)
	}
	// Report in text order, whatever rule found what; equal offsets keep
	// the order the rules ran in.
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].start < fs[j].start })
	issues := make([]Issue, 0, len(fs))
	for _, f := range fs {
		issues = append(issues, d.issue(f, opts.Lang))
	}
	return &Result{Report: NewReport(issues), Doc: d, Product: ProductOf(d.Root)}
}

// checkDocument applies the rules to a document that parsed (possibly after
// stepping over slips).
func checkDocument(d *Document) []finding {
	root := d.Root
	if root == nil {
		return nil
	}
	if root.Kind != Object {
		return []finding{{sev: Error, code: "document.not_object", start: root.Start, end: root.End,
			msg: Msg("文档顶层是%[1]s，应为一个 JSON 对象 {…}。", "The document's top level is %[2]s; a JSON object {…} is expected.", kindZH(root.Kind), article(root.Kind))}}
	}
	// The rules of product-rules.md are not built yet; say so rather than
	// pretend the document passed them.
	return []finding{{sev: Info, code: "unimplemented.rules", start: root.Start, end: root.Start + 1,
		msg: Msg("目前只检查了 JSON 语法；字段规则尚未实现。", "Only the JSON syntax was checked; the field rules are not built yet.")}}
}

func kindZH(k Kind) string {
	switch k {
	case Array:
		return "数组"
	case String:
		return "字符串"
	case Number:
		return "数字"
	case Bool:
		return "布尔值"
	case Null:
		return "null"
	}
	return "对象"
}

func article(k Kind) string {
	switch k {
	case Array:
		return "an array"
	case Object:
		return "an object"
	case Null:
		return "null"
	}
	return "a " + k.String()
}
