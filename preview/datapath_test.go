package preview

import (
	"strconv"
	"strings"
	"testing"

	"scanpage/schema"
)

// The page maps a click in the preview back to the document through
// data-path: the JSON Pointer of the value an element shows. Each kind of
// element carries the pointer of its own value.
func TestDataPaths(t *testing.T) {
	fx := fixtures(t)
	doc := fx["04"]
	root := schema.Parse(doc).Root
	const list = "/brand_info/action_info/action_list/"
	actionIndex := func(typ string) string {
		for i, it := range root.Lookup("/brand_info/action_info/action_list").Items {
			if it.Get("type").Str == typ {
				return strconv.Itoa(i)
			}
		}
		t.Fatalf("sample 04 has no %s action", typ)
		return ""
	}
	// A second document for the kinds sample 04 cannot hold: a banner link
	// (it has a video) and a custom channel list.
	banner := `{"keystandard": "ean13", "keystr": "6901939621608", "brand_info": {
  "base_info": {"title": "t", "thumb_url": "http://a/b.png", "brand_tag": "b", "category_id": 1, "store_mgr_type": "custom", "store_vendorid_list": [4]},
  "detail_info": {"detail_list": [{"title": "a", "desc": "b"}]},
  "action_info": {"action_list": [{"type": "price", "retail_price": "1.00"}, {"type": "link", "showtype": "banner", "link": "http://a/", "image": "http://a/i.png"}]}}}`

	is := func(name, class string) func(tag) bool {
		return func(tg tag) bool {
			c, _ := tg.attr("class")
			return tg.name == name && (class == "" || strings.Contains(" "+c+" ", " "+class+" "))
		}
	}
	with := func(name, attr, value string) func(tag) bool {
		return func(tg tag) bool {
			v, ok := tg.attr(attr)
			return tg.name == name && ok && (value == "" || v == value)
		}
	}
	for _, tc := range []struct {
		kind, doc string
		opts      Options
		match     func(tag) bool
		nth       int
		want      string
	}{
		{"title", doc, Options{}, is("h1", "hd-title"), 0, "/brand_info/base_info/title"},
		{"thumbnail", doc, Options{}, is("span", "box-thumb"), 0, "/brand_info/base_info/thumb_url"},
		{"code", doc, Options{}, is("div", "hd-code"), 0, "/keystr"},
		{"price", doc, Options{}, with("div", "data-action", "price"), 0, list + actionIndex("price") + "/retail_price"},
		{"store row", doc, Options{}, with("div", "data-action", "store"), 0, list + actionIndex("store")},
		{"product row", doc, Options{}, with("div", "data-action", "product"), 0, list + actionIndex("product")},
		{"media", doc, Options{}, with("div", "data-action", "media"), 0, list + actionIndex("media")},
		{"video cover", doc, Options{}, is("span", "box-cover"), 0, list + actionIndex("media") + "/image"},
		{"text", doc, Options{}, with("div", "data-action", "text"), 0, list + actionIndex("text")},
		{"link row", doc, Options{}, with("div", "data-action", "link"), 0, list + actionIndex("link")},
		{"user row", doc, Options{}, with("div", "data-action", "user"), 0, list + actionIndex("user")},
		{"card row", doc, Options{}, with("div", "data-action", "card"), 0, list + actionIndex("card")},
		{"anti-fake entry", doc, Options{}, with("div", "data-module", "anti_fake"), 0, "/brand_info/module_info/module_list/0"},
		{"recommendation tile", doc, Options{}, is("div", "tile"), 1, list + actionIndex("recommend") + "/recommend/recommend_list/1"},
		{"detail banner", doc, Options{Page: "detail"}, with("div", "data-banner", ""), 1, "/brand_info/detail_info/banner_list/1"},
		{"detail banner image", doc, Options{Page: "detail"}, is("span", "box-banner"), 1, "/brand_info/detail_info/banner_list/1/link"},
		{"detail row", doc, Options{Page: "detail"}, is("tr", ""), 2, "/brand_info/detail_info/detail_list/2"},
		{"detail row title", doc, Options{Page: "detail"}, is("th", ""), 2, "/brand_info/detail_info/detail_list/2/title"},
		{"detail row value", doc, Options{Page: "detail"}, is("td", ""), 2, "/brand_info/detail_info/detail_list/2/desc"},
		{"banner link", banner, Options{}, with("div", "data-action", "banner"), 0, list + "1"},
		{"channels", banner, Options{}, with("div", "data-store", "custom"), 0, "/brand_info/base_info/store_vendorid_list"},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			tags, err := tokenize(render(tc.doc, tc.opts).HTML)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, tg := range tags {
				if !tc.match(tg) {
					continue
				}
				if n < tc.nth {
					n++
					continue
				}
				if got, _ := tg.attr("data-path"); got != tc.want {
					t.Errorf("<%s %v>: data-path %q, want %q", tg.name, tg.attrs, got, tc.want)
				}
				return
			}
			t.Fatalf("no element %d of this kind", tc.nth)
		})
	}
}

// Every data-path of every page of every sample is a pointer into its
// document: the value is there, or (a missing value the page marks with
// data-missing) its parent is.
func TestDataPathsPointIntoTheDocument(t *testing.T) {
	for name, doc := range fixtures(t) {
		root := schema.Parse(doc).Root
		for _, page := range []string{"home", "detail", "antifake"} {
			tags, err := tokenize(render(doc, Options{Page: page}).HTML)
			if err != nil {
				t.Fatal(err)
			}
			marked := map[string]bool{}
			for _, tg := range tags {
				if p, ok := tg.attr("data-missing"); ok {
					marked[p] = true
				}
			}
			n := 0
			for _, tg := range tags {
				p, ok := tg.attr("data-path")
				if !ok {
					continue
				}
				n++
				parent := p[:max(strings.LastIndexByte(p, '/'), 0)]
				if root.Lookup(p) == nil && !(marked[p] && root.Lookup(parent) != nil) {
					t.Errorf("sample %s, %s: data-path %q leads nowhere", name, page, p)
				}
			}
			if n == 0 {
				t.Errorf("sample %s, %s: no data-path at all", name, page)
			}
		}
	}
}
