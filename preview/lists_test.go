package preview

import (
	"fmt"
	"strings"
	"testing"

	"scanpage/schema"
	"scanpage/schema/hostile"
)

// TestShownPerList: a list longer than ShownPerList is drawn up to the cap,
// with one note that says how many items were left out, on the home page
// (recommendations, promotions) and on the detail page (attribute rows).
func TestShownPerList(t *testing.T) {
	var rows, texts strings.Builder
	for i := range 250 {
		if i > 0 {
			rows.WriteString(",")
			texts.WriteString(",")
		}
		fmt.Fprintf(&rows, `{"title": "t%d", "desc": "d"}`, i)
		fmt.Fprintf(&texts, `{"type": "text", "name": "n%d", "text": "x"}`, i)
	}
	doc := `{"keystandard": "ean13", "keystr": "6901939621608", "brand_info": {"base_info": {"title": "t", "thumb_url": "https://example.com/t.jpg", "brand_tag": "b", "category_id": 1},` +
		`"detail_info": {"detail_list": [` + rows.String() + `]}, "action_info": {"action_list": [{"type": "price", "retail_price": "1.00"},` + texts.String() + `]}}}`
	var recommends string
	for _, s := range hostile.Shapes {
		if s.Name == "recommends" {
			recommends = s.Doc(64 << 10)
		}
	}
	for _, c := range []struct {
		name, doc string
		opts      Options
		item      string // what each drawn item of the long list starts with
		want      int    // items in the document's long list
	}{
		{"recommendations", recommends, Options{Lang: "en"}, `<div class="tile" `, strings.Count(recommends, `"keystr":"`)},
		{"promotions", doc, Options{Lang: "en"}, `data-action="text"`, 250},
		{"detail rows", doc, Options{Lang: "zh", Page: "detail"}, `<tr data-path=`, 250},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.want <= ShownPerList {
				t.Fatalf("the test's list has %d items, not more than the cap", c.want)
			}
			pg := Render(schema.Validate(c.doc, schema.Options{}), c.opts)
			if n := strings.Count(pg.HTML, c.item); n != ShownPerList {
				t.Errorf("%d items drawn, want %d", n, ShownPerList)
			}
			if n := strings.Count(pg.HTML, "data-more"); n != 1 {
				t.Errorf("%d notes, want 1", n)
			}
			left := c.want - ShownPerList
			var note string
			if c.opts.Lang == "en" {
				note = fmt.Sprintf("%d more not shown", left)
			} else {
				note = fmt.Sprintf("另有 %d 项未显示", left)
			}
			if !strings.Contains(pg.HTML, note) {
				t.Errorf("the page does not say %q", note)
			}
		})
	}
}

// TestShownPerListKeepsShortLists: a list at the cap is drawn whole, with no
// note.
func TestShownPerListKeepsShortLists(t *testing.T) {
	var tiles strings.Builder
	for _, s := range hostile.Shapes {
		if s.Name == "recommends" {
			doc := s.Doc(1 << 20)
			// Cut the list to exactly ShownPerList items.
			i := strings.Index(doc, `"recommend_list": [`) + len(`"recommend_list": [`)
			items := strings.SplitN(doc[i:], "},", ShownPerList+1)
			tiles.WriteString(doc[:i])
			tiles.WriteString(strings.Join(items[:ShownPerList], "},"))
			tiles.WriteString("}]}}]}}}")
		}
	}
	pg := Render(schema.Validate(tiles.String(), schema.Options{}), Options{})
	if n := strings.Count(pg.HTML, `<div class="tile" `); n != ShownPerList {
		t.Errorf("%d tiles drawn, want %d", n, ShownPerList)
	}
	if strings.Contains(pg.HTML, "data-more") {
		t.Error("a note under a list that was not cut")
	}
	if !pg.Report.Valid {
		t.Errorf("the test document is not valid: %v", pg.Report.Issues)
	}
}

// TestShownPerListDrawsOnlyWhatIsShown: the items past the cap cost
// nothing to draw. Rendering 10,000 recommendations (the 1 MiB hostile
// shape) allocates about as much as rendering 100: each tile draws a
// barcode, and drawing all of them to keep 100 was a third of the
// preview's time on that shape.
func TestShownPerListDrawsOnlyWhatIsShown(t *testing.T) {
	var long string
	for _, s := range hostile.Shapes {
		if s.Name == "recommends" {
			long = s.Doc(1 << 20)
		}
	}
	i := strings.Index(long, `"recommend_list": [`) + len(`"recommend_list": [`)
	items := strings.SplitN(long[i:], "},", ShownPerList+1)
	short := long[:i] + strings.Join(items[:ShownPerList], "},") + "}]}}]}}}"
	allocs := func(doc string) float64 {
		res := schema.Validate(doc, schema.Options{})
		if !res.Report.Valid {
			t.Fatalf("the test document is not valid: %v", res.Report.Issues)
		}
		return testing.AllocsPerRun(3, func() { Render(res, Options{Lang: "en"}) })
	}
	a, b := allocs(short), allocs(long)
	t.Logf("render allocations: %d tiles %.0f, %d tiles %.0f", ShownPerList, a, strings.Count(long, `"keystr":"`), b)
	if b > 1.5*a {
		t.Errorf("rendering the long list allocated %.0f times, %.1f× the list at the cap (%.0f)", b, b/a, a)
	}
}
