package schema

import (
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// seeds adds the syntax cases, the rule cases, the payload fixtures and
// the large document to a fuzz corpus.
func seeds(f *testing.F) {
	for _, tc := range readSyntaxCases(f) {
		f.Add(tc.input)
	}
	base, cases := readRuleCases(f)
	for _, tc := range cases {
		f.Add(tc.text(f, base))
	}
	for _, s := range sampleTexts(f) {
		f.Add(s)
	}
}

// textUnits is the length of a text in UTF-16 units, as a browser holds it,
// counted by the standard library independently of the positions under
// test (an invalid byte becomes one U+FFFD, as in a browser).
func textUnits(s string) int {
	return len(utf16.Encode([]rune(s)))
}

func checkIssues(t *testing.T, text string, issues []Issue) {
	t.Helper()
	checkSource(t, text, "", issues)
}

// checkSource checks the issues of one source ("" for the document) against
// the text they are positioned in.
func checkSource(t *testing.T, text, source string, issues []Issue) {
	t.Helper()
	total := textUnits(text)
	for _, is := range issues {
		if is.Source == SourceMerchant && source != SourceMerchant || is.Source != SourceMerchant && source == SourceMerchant {
			continue
		}
		if is.Line < 1 || is.Column < 1 || is.Offset < 0 || is.Length < 0 || is.Offset+is.Length > total {
			t.Fatalf("%s out of the text (%d units): %+v", is.Code, total, is)
		}
		if is.Code == "" || is.Message == "" || (is.Severity != Error && is.Severity != Warning && is.Severity != Info) {
			t.Fatalf("malformed issue %+v", is)
		}
	}
}

func FuzzValidate(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		res := Validate(text, Options{Lang: EN})
		checkIssues(t, text, res.Report.Issues)
		if res.Product == nil {
			t.Fatal("no product")
		}
		// shadowed: under a member that a later duplicate key hides, where
		// a pointer leads to the duplicate instead.
		var walk func(n *Node, shadowed bool)
		walk = func(n *Node, shadowed bool) {
			if n.Start < 0 || n.End > len(text) || n.Start > n.End {
				t.Fatalf("node %s at [%d,%d) outside the text", n.Pointer(), n.Start, n.End)
			}
			if !res.Doc.Fatal && !shadowed {
				if got := res.Doc.Root.Lookup(n.Pointer()); got != n {
					t.Fatalf("Lookup(%q) finds %v", n.Pointer(), got)
				}
			}
			for _, c := range n.Fields {
				walk(c, shadowed || n.Get(c.Key) != c)
			}
			for _, c := range n.Items {
				walk(c, shadowed)
			}
		}
		if res.Doc.Root != nil {
			walk(res.Doc.Root, false)
		}
	})
}

func FuzzRepair(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		out, fixes := Repair(text, EN)
		checkIssues(t, text, fixes)
		d := Parse(text)
		if !utf8.ValidString(text) || len(text) > MaxSize {
			return
		}
		after := Parse(out)
		if !d.Fatal && after.Fatal {
			t.Fatalf("repairing a document that parsed made it fatal:\n%q\n->\n%q\n%v", text, out, after.SyntaxIssues(EN))
		}
		fixable := true
		for _, f := range d.syntax {
			if f.sev == Error && (f.fix == nil || !f.fix.IsText) {
				fixable = false
			}
		}
		if fixable {
			for _, f := range after.syntax {
				if f.sev == Error {
					t.Fatalf("the repaired text still has %s:\n%q\n->\n%q", f.code, text, out)
				}
			}
			again, more := Repair(out, EN)
			if again != out || len(more) != 0 {
				t.Fatalf("repair is not idempotent:\n%q\n->\n%q\n->\n%q", text, out, again)
			}
		}
	})
}

// FuzzMerchant validates a fixed document against fuzzed merchant contexts:
// issues about the merchant stay inside its text, issues about the
// document inside the document's.
func FuzzMerchant(f *testing.F) {
	base, cases := readRuleCases(f)
	for _, tc := range cases {
		if tc.merchant != "" {
			f.Add(tc.merchant)
		}
	}
	f.Add(`{"verified_list": [{"verified_firm_code": "6901939", "verified_cate_list": [{"verified_cate_id": "1"}]}], "brand_tag_list": [1]}`)
	doc := toJV(Parse(base).Root).String()
	f.Fuzz(func(t *testing.T, merchant string) {
		if merchant == "" {
			return
		}
		res := Validate(doc, Options{Lang: EN, Merchant: merchant})
		checkSource(t, doc, "", res.Report.Issues)
		checkSource(t, merchant, SourceMerchant, res.Report.Issues)
	})
}
