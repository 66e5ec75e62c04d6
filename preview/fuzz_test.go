package preview

import (
	"strings"
	"testing"

	"scanpage/schema"
)

// FuzzRender: any text, validated and rendered as any page in any layout,
// gives a complete document that the safety check accepts (no element,
// attribute, handler, URL or style of the author's making) and the
// validation's own report; Render never panics.
func FuzzRender(f *testing.F) {
	fx := fixtures(f)
	for _, doc := range fx {
		f.Add(doc, uint8(0))
	}
	for i, p := range xssPayloads(f) {
		f.Add(poisoned(f, fx["04"], p, i%2 == 1), uint8(i))
	}
	f.Add(fieldsDoc, uint8(5))
	pages := []string{"home", "detail", "antifake"}
	layouts := []string{"classic", "concept"}
	f.Fuzz(func(t *testing.T, doc string, sel uint8) {
		res := schema.Validate(doc, schema.Options{})
		opts := Options{Page: pages[int(sel)%3], Layout: layouts[int(sel/3)%2]}
		if sel&0x40 != 0 {
			opts.Lang = "en"
		}
		p := Render(res, opts)
		if !strings.HasPrefix(p.HTML, "<!doctype html>") || !strings.HasSuffix(p.HTML, "</html>\n") {
			t.Fatalf("not a complete document: %.80q", p.HTML)
		}
		if err := checkSafe(p.HTML); err != nil {
			t.Fatalf("%+v: %v", opts, err)
		}
		if len(p.Report.Issues) != len(res.Report.Issues) {
			t.Fatalf("report has %d issues, the validation %d", len(p.Report.Issues), len(res.Report.Issues))
		}
		for _, is := range p.Report.Issues {
			if is.Code == "internal" {
				t.Fatalf("internal error: %s", is.Message)
			}
		}
	})
}
