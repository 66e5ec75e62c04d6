package schema

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// seeds adds the syntax cases and the payload fixtures to a fuzz corpus.
func seeds(f *testing.F) {
	for _, tc := range readSyntaxCases(f) {
		f.Add(tc.input)
	}
	files, _ := filepath.Glob("testdata/payloads/*")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
}

// units16 of a text as a browser would hold it.
func textUnits(s string) int {
	n := 0
	for _, r := range s {
		n += utf16Len(r)
	}
	return n
}

func checkIssues(t *testing.T, text string, issues []Issue) {
	t.Helper()
	total := textUnits(text)
	for _, is := range issues {
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
		var walk func(n *Node)
		walk = func(n *Node) {
			if n.Start < 0 || n.End > len(text) || n.Start > n.End {
				t.Fatalf("node %s at [%d,%d) outside the text", n.Pointer(), n.Start, n.End)
			}
			if !res.Doc.Fatal {
				if got := res.Doc.Root.Lookup(n.Pointer()); got == nil {
					t.Fatalf("Lookup(%q) finds nothing", n.Pointer())
				}
			}
			for _, c := range n.Fields {
				walk(c)
			}
			for _, c := range n.Items {
				walk(c)
			}
		}
		if res.Doc.Root != nil {
			walk(res.Doc.Root)
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
			if f.sev == Error && (f.fix == nil || !f.fix.Edit) {
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
