package catgen

import (
	"testing"

	"scanpage/schema"
)

// The generator is reproducible, and each document is what its fault says:
// a clean one is valid, a broken one has a syntax error, an invalid one a
// bad price; the NDJSON form is the same document on one line.
func TestDocuments(t *testing.T) {
	o := Default(400, 3)
	if a, b := o.Doc(123), o.Doc(123); a.Pretty != b.Pretty || Default(400, 4).Doc(123).Pretty == a.Pretty {
		t.Fatal("a document is not a function of (seed, index)")
	}
	seen := map[Fault]int{}
	size := 0
	for i := range o.N {
		d := o.Doc(i)
		seen[d.Fault]++
		size += len(d.Pretty)
		pretty := schema.Validate(d.Pretty, schema.Options{})
		line := schema.Validate(d.Line, schema.Options{})
		if pretty.Report.Valid != line.Report.Valid || len(pretty.Report.Issues) != len(line.Report.Issues) {
			t.Errorf("document %d: pretty and one-line forms differ", i)
		}
		codes := map[string]bool{}
		for _, is := range pretty.Report.Issues {
			if is.Severity == schema.Error {
				codes[is.Code] = true
			}
		}
		want := map[Fault]string{Broken: "syntax.unexpected", Invalid: "action.price.retail_price.format"}[d.Fault]
		switch {
		case want == "" && len(codes) > 0:
			t.Errorf("document %d (%q) has errors %v", i, d.Fault, codes)
		case want != "" && (len(codes) != 1 || !codes[want]):
			t.Errorf("document %d (%s) has errors %v, want %s only", i, d.Fault, codes, want)
		}
		if d.KeyStr != pretty.Report.Product.KeyStr {
			t.Errorf("document %d: keystr %q, read %q", i, d.KeyStr, pretty.Report.Product.KeyStr)
		}
	}
	exp := o.Expect()
	for f, n := range exp {
		if seen[f] != n {
			t.Errorf("%q: %d documents, Expect says %d", f, seen[f], n)
		}
	}
	if avg := size / o.N; avg < 2400 || avg > 3400 {
		t.Errorf("average document %d bytes, want about 3 KB", avg)
	}
}
