package schema

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf16"
)

type syntaxCase struct {
	name     string
	input    string
	issues   []string
	fatal    bool
	repaired *string
}

// readSyntaxCases reads testdata/syntax.txt (its format is described at its
// top).
func readSyntaxCases(t testing.TB) []syntaxCase {
	b, err := os.ReadFile("testdata/syntax.txt")
	if err != nil {
		t.Fatal(err)
	}
	var cases []syntaxCase
	var cur *syntaxCase
	section := ""
	var buf []string
	flush := func() {
		if cur == nil {
			return
		}
		text := strings.Join(buf, "\n")
		if strings.Contains(cur.name, "CRLF") {
			text = strings.ReplaceAll(text, "\n", "\r\n")
		}
		switch section {
		case "input":
			cur.input = text
		case "repaired":
			cur.repaired = &text
		}
		buf = nil
	}
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(line, "== "):
			flush()
			if cur != nil {
				cases = append(cases, *cur)
			}
			cur = &syntaxCase{name: line[3:]}
			section = "input"
		case cur == nil:
		case line == "-- issues" || line == "-- repaired":
			flush()
			section = line[3:]
		case line == "-- fatal":
			flush()
			cur.fatal = true
			section = ""
		case section == "issues":
			if line != "" {
				cur.issues = append(cur.issues, line)
			}
		case section == "input" || section == "repaired":
			buf = append(buf, line)
		}
	}
	flush()
	if cur != nil {
		cases = append(cases, *cur)
	}
	for i := range cases {
		// Blocks are separated by a blank line that belongs to no text.
		cases[i].input = strings.TrimSuffix(cases[i].input, "\n")
		if r := cases[i].repaired; r != nil {
			s := strings.TrimRight(*r, "\n")
			if strings.Contains(cases[i].name, "CRLF") {
				s = strings.TrimRight(*r, "\r\n")
			}
			cases[i].repaired = &s
		}
	}
	return cases
}

func syntaxOnly(issues []Issue) []string {
	var out []string
	for _, is := range issues {
		if strings.HasPrefix(is.Code, "syntax.") || strings.HasPrefix(is.Code, "object.duplicate") || strings.HasPrefix(is.Code, "document.") {
			p := is.Path
			if p == "" {
				p = "-"
			}
			out = append(out, fmt.Sprintf("%s %d:%d+%d %s", is.Code, is.Line, is.Column, is.Length, p))
		}
	}
	return out
}

func TestSyntax(t *testing.T) {
	cases := readSyntaxCases(t)
	if len(cases) < 30 {
		t.Fatalf("read only %d cases", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := Validate(tc.input, Options{Lang: EN})
			got := syntaxOnly(res.Report.Issues)
			if strings.Join(got, "\n") != strings.Join(tc.issues, "\n") {
				t.Errorf("issues:\n got %q\nwant %q", got, tc.issues)
			}
			if res.Doc.Fatal != tc.fatal {
				t.Errorf("Fatal = %v, want %v", res.Doc.Fatal, tc.fatal)
			}
			for _, is := range res.Report.Issues {
				if is.Message == "" || is.Severity == "" {
					t.Errorf("issue without message or severity: %+v", is)
				}
				zh := Validate(tc.input, Options{}).Report.Issues
				for _, z := range zh {
					if z.Message == is.Message && z.Code == is.Code && strings.HasPrefix(z.Code, "syntax.") {
						t.Errorf("%s: the Chinese message is the English one: %q", z.Code, z.Message)
					}
				}
			}
			want := tc.input
			if tc.repaired != nil {
				want = *tc.repaired
			}
			text, fixes := Repair(tc.input, EN)
			if text != want {
				t.Errorf("Repair:\n got %q\nwant %q", text, want)
			}
			if tc.repaired != nil {
				// What no edit fixes (listed without a fix) stays; nothing else.
				unfixed := map[string]bool{}
				for _, f := range fixes {
					if f.Fix == nil {
						unfixed[f.Code] = true
					}
				}
				if d := Parse(text); !onlyDuplicates(d) {
					var left []Issue
					for _, is := range d.SyntaxIssues(EN) {
						if !unfixed[is.Code] {
							left = append(left, is)
						}
					}
					if len(left) > 0 {
						t.Errorf("the repaired text still has syntax issues: %v", syntaxOnly(left))
					}
				}
				if len(fixes) == 0 {
					t.Errorf("Repair changed the text but listed no fix")
				}
			}
		})
	}
}

func onlyDuplicates(d *Document) bool {
	for _, f := range d.syntax {
		if f.code != "object.duplicate_key" {
			return false
		}
	}
	return true
}

// Every text fix, applied alone in UTF-16 units the way an editor applies
// it, must remove its own issue.
func TestTextFixesApplyInUTF16(t *testing.T) {
	for _, tc := range readSyntaxCases(t) {
		if tc.fatal {
			continue
		}
		for _, is := range Validate(tc.input, Options{}).Report.Issues {
			if is.Fix == nil || !is.Fix.IsText {
				continue
			}
			u := utf16.Encode([]rune(tc.input))
			fixed := string(utf16.Decode(u[:is.Offset])) + is.Fix.Text + string(utf16.Decode(u[is.Offset+is.Length:]))
			for _, again := range Validate(fixed, Options{}).Report.Issues {
				if again.Code == is.Code && again.Line == is.Line && again.Column == is.Column {
					t.Errorf("%s: applying the fix of %s at %d:%d leaves it in place:\n%q", tc.name, is.Code, is.Line, is.Column, fixed)
				}
			}
		}
	}
}

func TestDocSampleSyntax(t *testing.T) {
	b, err := os.ReadFile("../samples/00-doc-sample-verbatim.json.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := syntaxOnly(Validate(string(b), Options{}).Report.Issues)
	want := []string{
		"syntax.trailing_comma 12:19+1 /brand_info/base_info",
		"syntax.trailing_comma 55:42+1 /brand_info/action_info/action_list/2",
		"syntax.trailing_comma 60:42+1 /brand_info/action_info/action_list/3",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("doc sample:\n got %q\nwant %q", got, want)
	}
	text, fixes := Repair(string(b), ZH)
	if len(fixes) != 3 || Parse(text).Fatal || len(Parse(text).syntax) != 0 {
		t.Errorf("repair of the doc sample: %d fixes, result has %v", len(fixes), syntaxOnly(Parse(text).SyntaxIssues(EN)))
	}
}

func TestLimits(t *testing.T) {
	big := `{"a":"` + strings.Repeat("x", MaxSize) + `"}`
	if got := syntaxOnly(Validate(big, Options{}).Report.Issues); len(got) != 1 || !strings.HasPrefix(got[0], "syntax.too_large 1:1+0") {
		t.Errorf("over 1 MiB: %v", got)
	}
	for _, lang := range []Lang{ZH, EN} {
		want := Validate(big, Options{Lang: lang}).Report.Issues
		if got := TooLarge(len(big), lang); len(want) != 1 || got != want[0] {
			t.Errorf("TooLarge(%d, %s) = %+v\nValidate says %+v", len(big), lang, got, want)
		}
	}
	ok := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	if d := Parse(ok); d.Fatal {
		t.Errorf("depth %d refused: %v", MaxDepth, syntaxOnly(d.SyntaxIssues(EN)))
	}
	deep := strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	if got := syntaxOnly(Validate(deep, Options{}).Report.Issues); len(got) != 1 || got[0] != fmt.Sprintf("syntax.too_deep 1:%d+1 %s", MaxDepth+1, strings.Repeat("/0", MaxDepth)) {
		t.Errorf("depth %d: %v", MaxDepth+1, got)
	}
	bad := "{\"a\": \"\xff\"}"
	if got := syntaxOnly(Validate(bad, Options{}).Report.Issues); len(got) != 1 || got[0] != "syntax.utf8 1:8+1 -" {
		t.Errorf("invalid UTF-8: %v", got)
	}
}

func TestPointers(t *testing.T) {
	d := Parse(`{"a/b": {"m~n": [10, {"k": true}]}}`)
	for ptr, want := range map[string]string{
		"":               "object",
		"/a~1b":          "object",
		"/a~1b/m~0n":     "array",
		"/a~1b/m~0n/1/k": "boolean",
		"/a~1b/m~0n/0":   "number",
		"/a~1b/m~0n/2":   "",
		"/a~1b/m~0n/01":  "",
		"/nope":          "",
	} {
		n := d.Root.Lookup(ptr)
		got := ""
		if n != nil {
			got = n.Kind.String()
			if n.Pointer() != ptr {
				t.Errorf("Lookup(%q).Pointer() = %q", ptr, n.Pointer())
			}
		}
		if got != want {
			t.Errorf("Lookup(%q) = %q, want %q", ptr, got, want)
		}
	}
}

// TestParseAllocatesInBulk: the parser carves Nodes and the containers'
// Fields and Items from chunks instead of allocating each (a quarter of
// validate's allocations, before): parsing the large sample, 326 values,
// takes 15 allocations (574 before). A container's children are capped at
// their length, so appending to one never writes over another's.
func TestParseAllocatesInBulk(t *testing.T) {
	b, err := os.ReadFile("../samples/large.json")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	values := 0
	var count func(n *Node)
	count = func(n *Node) {
		values++
		for _, f := range n.Fields {
			count(f)
		}
		for _, it := range n.Items {
			count(it)
		}
	}
	d := Parse(text)
	count(d.Root)
	allocs := testing.AllocsPerRun(20, func() { Parse(text) })
	if allocs > float64(values)/10 {
		t.Errorf("Parse of %d values: %.0f allocations, want at most a tenth as many", values, allocs)
	} else {
		t.Logf("Parse of %d values: %.0f allocations", values, allocs)
	}
	list := d.Root.Get("brand_info").Get("detail_info").Get("detail_list")
	first, second := list.Items[0], list.Items[1]
	want := second.Fields[0]
	_ = append(first.Fields, &Node{Kind: Null})
	if second.Fields[0] != want || list.Items[1] != second {
		t.Error("appending to one container's Fields changed another's")
	}
}
