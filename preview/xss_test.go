package preview

import (
	"encoding/json"
	"html"
	"os"
	"strings"
	"testing"

	"scanpage/schema"
)

// The XSS corpus (testdata/xss.json, shared with www/test/preview.test.mjs)
// put into every text and URL field of the full-features fixture: the
// page must hold no markup, handler, URL or style of the author's making.

func xssPayloads(t testing.TB) []string {
	t.Helper()
	b, err := os.ReadFile("testdata/xss.json")
	if err != nil {
		t.Fatal(err)
	}
	var ps []string
	if err := json.Unmarshal(b, &ps); err != nil {
		t.Fatal(err)
	}
	return ps
}

// poisoned returns the fixture with payload in every string value; with
// types set, in the action and module types too (they then render as
// unknown entries that quote their type).
func poisoned(t testing.TB, fixture, payload string, types bool) string {
	t.Helper()
	var doc any
	if err := json.Unmarshal([]byte(fixture), &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(v any, key string) any
	walk = func(v any, key string) any {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				v[k] = walk(x, k)
			}
		case []any:
			for i, x := range v {
				v[i] = walk(x, key)
			}
		case string:
			if key == "type" && !types {
				return v
			}
			return payload
		}
		return v
	}
	b, err := json.Marshal(walk(doc, ""))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestXSSCorpus(t *testing.T) {
	fixture := fixtures(t)["04"]
	for _, payload := range xssPayloads(t) {
		for _, types := range []bool{false, true} {
			doc := poisoned(t, fixture, payload, types)
			res := schema.Validate(doc, schema.Options{})
			for _, page := range []string{"home", "detail", "antifake"} {
				for _, layout := range []string{"classic", "concept"} {
					h := Render(res, Options{Page: page, Layout: layout}).HTML
					if err := checkSafe(h); err != nil {
						t.Errorf("payload %q (types %v), %s/%s: %v", payload, types, page, layout, err)
					}
					// Safe because escaped, not because dropped: the title
					// (in <title>) shows the payload as text.
					if !strings.Contains(html.UnescapeString(h), payload) {
						t.Errorf("payload %q (types %v), %s/%s: not shown as text at all", payload, types, page, layout)
					}
				}
			}
		}
	}
}
