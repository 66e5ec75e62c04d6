package catalogue

import (
	"context"
	"encoding/csv"
	"io"
	"strings"
	"testing"

	"scanpage/schema"
)

// The CSV has one row per issue (a document's own and the cross-document
// ones), named by file, line and keystr, and a cell a spreadsheet would run
// as a formula stays text.
func TestCSV(t *testing.T) {
	doc := func(code, title string) string {
		return `{"keystandard": "ean13", "keystr": "` + code + `", "brand_info": {"base_info": {"title": "` + title + `"}}}`
	}
	text := doc("6901234567892", "=HYPERLINK(1)") + "\n" + doc("6901234567892", "plain") + "\n{\n"
	var b strings.Builder
	in := []Input{{Name: "a.ndjson", Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(text)), nil }}}
	if _, err := Check(context.Background(), in, Options{Lang: schema.EN, Workers: 2}, NewCSV(&b)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "\uFEFF") {
		t.Fatalf("no BOM: %q", out[:10])
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(CSVHeader, ",") {
		t.Fatalf("header %v", rows[0])
	}
	// Count the issues the JSON writer reports on the same input: one row each.
	var j strings.Builder
	sum, err := Check(context.Background(), in, Options{Lang: schema.EN, Workers: 1}, NewJSON(&j))
	if err != nil {
		t.Fatal(err)
	}
	n := sum.Severities[schema.Error] + sum.Severities[schema.Warning] + sum.Severities[schema.Info]
	if len(rows)-1 != n {
		t.Fatalf("%d rows for %d issues", len(rows)-1, n)
	}
	dup, formula, broken := false, false, false
	for _, r := range rows[1:] {
		if r[7] == "catalogue.keystr.duplicate" && r[0] == "a.ndjson" && r[1] == "2" && r[4] == "6901234567892" && r[5] == "plain" {
			dup = true
		}
		if r[5] == "'=HYPERLINK(1)" {
			formula = true
		}
		if r[5] == "=HYPERLINK(1)" {
			t.Fatalf("formula cell unescaped: %v", r)
		}
		if r[3] == "3" && r[6] == "error" {
			broken = true
		}
	}
	if !dup || !formula || !broken {
		t.Fatalf("dup %v formula %v broken %v:\n%s", dup, formula, broken, out)
	}
}

func TestCell(t *testing.T) {
	for in, want := range map[string]string{"": "", "a": "a", "=1": "'=1", "+1": "'+1", "-1": "'-1", "@x": "'@x", "\tx": "'\tx", "\rx": "'\rx", "中=": "中="} {
		if got := Cell(in); got != want {
			t.Errorf("Cell(%q) = %q, want %q", in, got, want)
		}
	}
}
