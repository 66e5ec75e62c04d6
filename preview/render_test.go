package preview

import (
	"crypto/sha256"
	"encoding/base64"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"scanpage/schema"
)

func render(doc string, opts Options) Page {
	return Render(schema.Validate(doc, schema.Options{Lang: schema.ParseLang(opts.Lang)}), opts)
}

// fixtures returns the example documents of ../samples by their two-digit
// number.
func fixtures(t testing.TB) map[string]string {
	t.Helper()
	files, err := filepath.Glob("../samples/0*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	m := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m[filepath.Base(f)[:2]] = string(b)
	}
	return m
}

var areaAttr = regexp.MustCompile(`data-area="([a-z-]+)"`)

// areas lists the data-area names of doc in order.
func areas(doc string) []string {
	var names []string
	for _, m := range areaAttr.FindAllStringSubmatch(doc, -1) {
		names = append(names, m[1])
	}
	return names
}

// area returns the markup of one area: from its data-area attribute to
// the end of its section (areas are sections and never nest).
func area(doc, name string) string {
	i := strings.Index(doc, `data-area="`+name+`"`)
	if i < 0 {
		return ""
	}
	j := strings.Index(doc[i:], "</section>")
	if j < 0 {
		return doc[i:]
	}
	return doc[i : i+j]
}

// action returns the markup of the first promotion entry of type typ:
// from its data-action attribute to the next entry or the end of the
// area.
func action(areaHTML, typ string) string {
	i := strings.Index(areaHTML, `data-action="`+typ+`"`)
	if i < 0 {
		return ""
	}
	rest := areaHTML[i+1:]
	if j := strings.Index(rest, "data-action="); j >= 0 {
		rest = rest[:j]
	}
	return areaHTML[i : i+1+len(rest)]
}

func TestEveryFixturePageLayoutLang(t *testing.T) {
	for num, doc := range fixtures(t) {
		res := schema.Validate(doc, schema.Options{})
		for _, page := range []string{"home", "detail", "antifake"} {
			for _, layout := range []string{"classic", "concept"} {
				for _, lang := range []string{"zh", "en"} {
					name := num + "-" + page + "-" + layout + "-" + lang
					p := Render(res, Options{Page: page, Layout: layout, Lang: lang})
					h := p.HTML
					if !strings.HasPrefix(h, "<!doctype html>\n<html lang=\"") || !strings.HasSuffix(h, "</html>\n") {
						t.Errorf("%s: not a complete document: %.60q … %q", name, h, h[max(0, len(h)-20):])
					}
					for _, want := range []string{`<meta charset="utf-8">`, `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src http: https:; style-src ` + StyleHash() + `">`} {
						if !strings.Contains(html.UnescapeString(h), want) {
							t.Errorf("%s: no %s", name, want)
						}
					}
					if err := checkSafe(h); err != nil {
						t.Errorf("%s: %v", name, err)
					}
					got := areas(h)
					var want []string
					switch page {
					case "detail":
						want = []string{"detail-nav", "attributes"}
					default:
						want = []string{"header", "purchase"}
					}
					for _, a := range want {
						if !slices.Contains(got, a) {
							t.Errorf("%s: no area %q in %v", name, a, got)
						}
					}
					if len(p.Report.Issues) != len(res.Report.Issues) || p.Report.Valid != res.Report.Valid {
						t.Errorf("%s: report %d issues (valid %v), the validation had %d (valid %v)",
							name, len(p.Report.Issues), p.Report.Valid, len(res.Report.Issues), res.Report.Valid)
					}
				}
			}
		}
	}
}

func TestHomeAreasInOrder(t *testing.T) {
	doc := fixtures(t)["04"]
	for layout, want := range map[string][]string{
		"classic": {"header", "purchase", "promotion", "component", "recommend"},
		"concept": {"header", "actions", "purchase", "stock", "promotion", "live", "component", "recommend"},
	} {
		if got := areas(render(doc, Options{Layout: layout}).HTML); !slices.Equal(got, want) {
			t.Errorf("%s: areas %v, want %v", layout, got, want)
		}
	}
	if got, want := areas(render(doc, Options{Page: "detail"}).HTML), []string{"detail-nav", "banners", "attributes"}; !slices.Equal(got, want) {
		t.Errorf("detail: areas %v, want %v", got, want)
	}
}

// fieldsDoc has a distinct text in every field the page shows.
const fieldsDoc = `{"keystandard":"ean13","keystr":"6954496901201",
 "brand_info":{"base_info":{"title":"F-title","thumb_url":"http://img.example/F-thumb.jpg","brand_tag":"x","category_id":1,
   "store_mgr_type":"custom","store_vendorid_list":[2,3,4,9,11,19],"color":"C8102E"},
 "detail_info":{"banner_list":[{"link":"http://img.example/F-banner1.jpg","desc":"F-banner1-desc"},{"link":"https://img.example/F-banner2.jpg"}],
   "detail_list":[{"title":"F-row1","desc":"F-row1-desc"},{"title":"F-row2","desc":"F-row2-desc"}]},
 "action_info":{"action_list":[
   {"type":"price","retail_price":"F-12.00"},
   {"type":"product","name":"F-shop","productid":"F-productid","digest":"F-shopdigest"},
   {"type":"store","name":"F-store","link":"http://store.example/F-storelink","sale_price":"F-49.90"},
   {"type":"media","link":"https://v.qq.com/F-media","image":"http://img.example/F-cover.jpg"},
   {"type":"link","name":"F-bannerlink","link":"http://link.example/F-bannerhref","image":"http://img.example/F-bannerimg.jpg","showtype":"banner"},
   {"type":"text","name":"F-textname","text":"F-text"},
   {"type":"link","name":"F-link","link":"http://link.example/F-linkhref","digest":"F-linkdigest"},
   {"type":"user","name":"F-user","appid":"wx0e2ceaf763dd6e7a"},
   {"type":"card","cardid":"F-cardid","digest":"F-carddigest"},
   {"type":"recommend","recommend":{"recommend_type":"appointed","recommend_list":[
     {"keystandard":"ean13","keystr":"6954496900556"},{"keystandard":"ean8","keystr":"69012341"}]}}]},
 "module_info":{"module_list":[{"type":"anti_fake","native_show":"false","anti_fake_url":"https://af.example/F-antifake"}]}}}`

// Every field's text appears in its own area, and in no other.
func TestFieldsInTheirAreas(t *testing.T) {
	h := render(fieldsDoc, Options{}).HTML
	want := map[string][]string{
		"header": {"F-title", `src="http://img.example/F-thumb.jpg"`, "6954496901201", `aria-label="EAN-13 6954496901201"`,
			`fill="#C8102E"`},
		"purchase": {"F-12.00", "F-shop", "F-productid", "F-shopdigest", "F-store", `href="http://store.example/F-storelink"`,
			"F-49.90", "亚马逊", "当当网", "京东", "一号店", "聚美优品", "酒仙网"},
		"promotion": {`href="https://v.qq.com/F-media"`, `src="http://img.example/F-cover.jpg"`, `class="play"`,
			`href="http://link.example/F-bannerhref"`, `src="http://img.example/F-bannerimg.jpg"`, "F-bannerlink",
			"F-textname", "F-text", "F-link", `href="http://link.example/F-linkhref"`, "F-linkdigest",
			"F-user", "wx0e2ceaf763dd6e7a", "F-cardid", "F-carddigest"},
		"component": {`href="https://af.example/F-antifake"`},
		"recommend": {`aria-label="EAN-13 6954496900556"`, `aria-label="EAN-8 69012341"`},
	}
	for name, texts := range want {
		a := area(h, name)
		if a == "" {
			t.Errorf("no area %q", name)
			continue
		}
		for _, s := range texts {
			if !strings.Contains(a, s) {
				t.Errorf("area %q lacks %s", name, s)
			}
			for other := range want {
				if other != name && strings.Contains(area(h, other), s) {
					t.Errorf("%s of area %q also appears in %q", s, name, other)
				}
			}
		}
	}
}

// Each promotion entry holds its own fields, in action_list order.
func TestPromotionEntries(t *testing.T) {
	promo := area(render(fieldsDoc, Options{}).HTML, "promotion")
	want := []struct {
		typ   string
		index string
		texts []string
	}{
		{"media", "3", []string{`href="https://v.qq.com/F-media"`, "F-cover.jpg", `class="play"`, "690×320"}},
		{"banner", "4", []string{`href="http://link.example/F-bannerhref"`, "F-bannerimg.jpg", "F-bannerlink", "640×320"}},
		{"text", "5", []string{"<h3>F-textname</h3>", "<p>F-text</p>"}},
		{"link", "6", []string{"F-link", "F-linkdigest", `href="http://link.example/F-linkhref"`, `target="_blank"`, `rel="noopener noreferrer"`}},
		{"user", "7", []string{"F-user", "appid wx0e2ceaf763dd6e7a", "关注公众号"}},
		{"card", "8", []string{"领取卡券", "F-carddigest", "cardid F-cardid"}},
	}
	last := -1
	for _, w := range want {
		block := action(promo, w.typ)
		if block == "" {
			t.Errorf("no %s entry", w.typ)
			continue
		}
		if !strings.Contains(block, `data-index="`+w.index+`"`) {
			t.Errorf("%s entry: not action %s: %.80s", w.typ, w.index, block)
		}
		for _, s := range w.texts {
			if !strings.Contains(block, s) {
				t.Errorf("%s entry lacks %s: %s", w.typ, s, block)
			}
		}
		at := strings.Index(promo, block)
		if at < last {
			t.Errorf("%s entry out of action_list order", w.typ)
		}
		last = at
	}
	for _, typ := range []string{"price", "product", "store", "recommend"} {
		if strings.Contains(promo, `data-action="`+typ+`"`) {
			t.Errorf("a %s action in the promotion area", typ)
		}
	}
}

func TestDetailPage(t *testing.T) {
	h := render(fieldsDoc, Options{Page: "detail"}).HTML
	banners := area(h, "banners")
	for _, s := range []string{`src="http://img.example/F-banner1.jpg"`, "F-banner1-desc", `src="https://img.example/F-banner2.jpg"`, "1/2", "2/2"} {
		if !strings.Contains(banners, s) {
			t.Errorf("banners lack %s", s)
		}
	}
	if strings.Index(banners, "F-banner1-desc") > strings.Index(banners, "F-banner2.jpg") {
		t.Error("a banner's desc is not under it")
	}
	attrs := area(h, "attributes")
	for _, s := range []string{`<tr data-path="/brand_info/detail_info/detail_list/0"><th data-path="/brand_info/detail_info/detail_list/0/title">F-row1</th><td data-path="/brand_info/detail_info/detail_list/0/desc">F-row1-desc</td></tr>`,
		`<tr data-path="/brand_info/detail_info/detail_list/1"><th data-path="/brand_info/detail_info/detail_list/1/title">F-row2</th><td data-path="/brand_info/detail_info/detail_list/1/desc">F-row2-desc</td></tr>`, "F-title"} {
		if !strings.Contains(attrs, s) {
			t.Errorf("attributes lack %s", s)
		}
	}
	if area(h, "header") != "" || area(h, "purchase") != "" {
		t.Error("the detail page shows homepage areas")
	}
	empty := render(`{"brand_info":{"detail_info":{}}}`, Options{Page: "detail", Lang: "en"}).HTML
	if !strings.Contains(area(empty, "attributes"), `data-missing="/brand_info/detail_info"`) {
		t.Error("an empty detail_info has no marker")
	}
}

func TestAntiFakePopup(t *testing.T) {
	fx := fixtures(t)
	// 03 has native_show "true": the popup over the dimmed homepage.
	h := render(fx["03"], Options{Page: "antifake"}).HTML
	popup := area(h, "antifake-popup")
	for _, s := range []string{"防伪查询结果", "正品", "第 1 次查询", "测试商品"} {
		if !strings.Contains(popup, s) {
			t.Errorf("popup lacks %s", s)
		}
	}
	if !strings.Contains(h, `<div class="dim"></div>`) || !strings.Contains(h, `modal">`) {
		t.Error("the homepage under the popup is not dimmed")
	}
	if area(h, "header") == "" || strings.Index(h, `data-area="header"`) > strings.Index(h, `data-area="antifake-popup"`) {
		t.Error("the popup is not drawn over the homepage")
	}
	if strings.Contains(render(fx["03"], Options{}).HTML, "antifake-popup") {
		t.Error("the popup shows on the home page")
	}
	// 04 has native_show "false": no popup, a notice, and the entry in
	// the component area.
	h = render(fx["04"], Options{Page: "antifake", Lang: "en"}).HTML
	if area(h, "antifake-popup") != "" || area(h, "antifake-none") == "" {
		t.Error(`native_show "false": want the notice and no popup`)
	}
	if !strings.Contains(area(h, "component"), "Anti-counterfeit check") {
		t.Error("no anti-fake entry in the component area")
	}
}

func TestConceptLayout(t *testing.T) {
	fx := fixtures(t)
	h := render(fx["04"], Options{Layout: "concept"}).HTML
	bar := area(h, "actions")
	for _, s := range []string{"关注", "入库", "收藏", "分享"} {
		if !strings.Contains(bar, s) {
			t.Errorf("action bar lacks %s", s)
		}
	}
	for _, s := range []string{"生产日期", "到期日", "启用日期", "最佳使用日期提醒"} {
		if !strings.Contains(area(h, "stock"), s) {
			t.Errorf("my-stock card lacks %s", s)
		}
	}
	if !strings.Contains(area(h, "live"), "视频号直播") {
		t.Error("no 视频号直播 block")
	}
	if !strings.Contains(area(h, "purchase"), `data-concept="gift"`) {
		t.Error("no 送给朋友 on the 微信小店 entry")
	}
	classic := render(fx["04"], Options{}).HTML
	for _, a := range []string{"actions", "stock", "live"} {
		if area(classic, a) != "" {
			t.Errorf("the classic layout has the concept's %s", a)
		}
	}
	if strings.Contains(classic, `data-concept="gift"`) {
		t.Error("the classic layout has a gift button")
	}
	// Without a product action there is nothing to give.
	if strings.Contains(render(fx["02"], Options{Layout: "concept"}).HTML, `data-concept="gift"`) {
		t.Error("a gift button without a 微信小店 entry")
	}
}

func TestPurchaseChannels(t *testing.T) {
	custom := area(render(`{"brand_info":{"base_info":{"store_mgr_type":"custom","store_vendorid_list":[4,"9",7]},"action_info":{"action_list":[{"type":"price","retail_price":"1.00"}]}}}`, Options{}).HTML, "purchase")
	if !strings.Contains(custom, "京东") || !strings.Contains(custom, "一号店") || !strings.Contains(custom, "由微信匹配显示") {
		t.Errorf("custom channels: %s", custom)
	}
	auto := area(render(`{"brand_info":{"base_info":{"store_mgr_type":"auto"}}}`, Options{Lang: "en"}).HTML, "purchase")
	if !strings.Contains(auto, "matched automatically") || strings.Contains(auto, "JD.com") {
		t.Errorf("auto channels: %s", auto)
	}
}

func TestMissingMarkers(t *testing.T) {
	for _, doc := range []string{"", "{", "[]", "{}", `{"brand_info":{"action_info":{"action_list":[]}}}`} {
		h := render(doc, Options{Lang: "en"}).HTML
		for _, path := range []string{"/brand_info/base_info/title", "/keystr", "/brand_info/base_info/thumb_url", "/brand_info/action_info/action_list"} {
			if !strings.Contains(h, `data-missing="`+path+`"`) {
				t.Errorf("%q: no marker for %s", doc, path)
			}
		}
		for _, s := range []string{"title missing", "barcode missing", "no price", "no actions"} {
			if !strings.Contains(h, s) {
				t.Errorf("%q: no %q marker", doc, s)
			}
		}
	}
	h := render(`{"brand_info":{"action_info":{"action_list":[{"type":"media"},{"type":"text"},{"type":"card"},{"type":"store"},{"type":"product"},{"type":"price"}]},
		"module_info":{"module_list":[{"type":"anti_fake","native_show":"false"}]}}}`, Options{}).HTML
	for _, path := range []string{"0/image", "0/link", "1/text", "2/cardid", "3/name", "3/link", "3/sale_price", "4/name", "4/productid", "5/retail_price"} {
		if !strings.Contains(h, `data-missing="/brand_info/action_info/action_list/`+path+`"`) {
			t.Errorf("no marker for action %s", path)
		}
	}
	if !strings.Contains(area(h, "component"), `data-missing="/brand_info/module_info/module_list/0/anti_fake_url"`) {
		t.Error("no marker for the missing anti_fake_url")
	}
}

func TestRefusedURLsAreInertAndMarked(t *testing.T) {
	bad := []string{"javascript:alert(1)", "  JaVaScRiPt:alert(1)", "data:text/html,x", "VBScript:msgbox(1)", "//evil.example/x",
		"http://127.0.0.1/beacon", "http://0x7f.1/", "http://2130706433/", "http://[::1]/", "http://192.168.1.1/",
		"https://127.0.0.1:8393@evil.example/", "http://169.254.169.254/latest/meta-data/", "http://localhost:8080/"}
	for _, u := range bad {
		q := `"` + strings.ReplaceAll(u, `"`, `\"`) + `"`
		doc := `{"keystr":"6954496901201","brand_info":{"base_info":{"title":"x","thumb_url":` + q + `},
			"detail_info":{"banner_list":[{"link":` + q + `}]},
			"action_info":{"action_list":[{"type":"store","name":"s","link":` + q + `,"sale_price":"1"},
				{"type":"media","link":` + q + `,"image":` + q + `},{"type":"link","showtype":"banner","link":` + q + `,"image":` + q + `},
				{"type":"link","name":"n","link":` + q + `}]},
			"module_info":{"module_list":[{"type":"anti_fake","native_show":"false","anti_fake_url":` + q + `}]}}}`
		for _, page := range []string{"home", "detail"} {
			h := render(doc, Options{Page: page}).HTML
			if err := checkSafe(h); err != nil {
				t.Errorf("%q %s: %v", u, page, err)
			}
			if strings.Contains(h, "href=") && page == "detail" {
				t.Errorf("%q: a link on the detail page", u)
			}
			paths := []string{"/brand_info/base_info/thumb_url", "/brand_info/action_info/action_list/0/link",
				"/brand_info/action_info/action_list/1/link", "/brand_info/action_info/action_list/1/image",
				"/brand_info/action_info/action_list/2/link", "/brand_info/action_info/action_list/2/image",
				"/brand_info/action_info/action_list/3/link", "/brand_info/module_info/module_list/0/anti_fake_url"}
			if page == "detail" {
				paths = []string{"/brand_info/detail_info/banner_list/0/link"}
			}
			for _, p := range paths {
				if !strings.Contains(h, `data-blocked="`+p+`"`) {
					t.Errorf("%q %s: %s not marked", u, page, p)
				}
			}
			if !strings.Contains(h, "链接已屏蔽") {
				t.Errorf("%q %s: no visible marker", u, page)
			}
		}
	}
}

// TestRefusedURLReasonsAndEscapes: a refused URL's marker says why, and a
// URL shown (in a marker or a tooltip) has its bidi controls written out.
func TestRefusedURLReasonsAndEscapes(t *testing.T) {
	doc := func(u string) string {
		return `{"keystr":"6954496901201","brand_info":{"action_info":{"action_list":[{"type":"link","name":"n","link":"` + u + `"}]}}}`
	}
	for _, tc := range []struct{ url, zh, en string }{
		{"http://10.0.0.1/", "指向本机或内网地址", "points to this device or a private network"},
		{"http://0177.0.0.1/", "改写过的数字地址", "disguised numeric address"},
		{"https://a@evil.example/", "含用户名或密码", "user name or password"},
		{"javascript:x", "不是 http(s) 地址", "not an http(s) URL"},
	} {
		if h := render(doc(tc.url), Options{}).HTML; !strings.Contains(h, tc.zh) {
			t.Errorf("%s: zh marker lacks %q", tc.url, tc.zh)
		}
		if h := render(doc(tc.url), Options{Lang: "en"}).HTML; !strings.Contains(h, tc.en) {
			t.Errorf("%s: en marker lacks %q", tc.url, tc.en)
		}
	}
	thumb := func(u string) string { return `{"brand_info":{"base_info":{"thumb_url":"` + u + `"}}}` }
	for _, tc := range []struct{ what, doc string }{
		{"link", doc(`https://a.example/\u202egpj.exe`)},
		{"refused link", doc(`javascript:\u202ex`)},
		{"refused picture", thumb(`javascript:\u202ex`)},
	} {
		h := html.UnescapeString(render(tc.doc, Options{}).HTML)
		if strings.Contains(h, "\u202e") || !strings.Contains(h, "⟨U+202E⟩") {
			t.Errorf("%s: the right-to-left override is not written out", tc.what)
		}
	}
	h := render(doc(`https://\u0430pple.com/`), Options{}).HTML
	if !strings.Contains(h, `title="在新窗口打开：https://xn--pple-43d.com/"`) || !strings.Contains(h, `href="https://xn--pple-43d.com/"`) {
		t.Errorf("a homoglyph host is not shown and linked in punycode")
	}
}

func TestTitleEllipsis(t *testing.T) {
	long := "一二三四五六七八九十一二三四五六七"
	hd := area(render(`{"brand_info":{"base_info":{"title":"`+long+`"}}}`, Options{}).HTML, "header")
	if !strings.Contains(hd, ">一二三四五六七八九十一二三四五…</h1>") {
		t.Errorf("title not cut at width 15: %s", hd)
	}
	if !strings.Contains(hd, `title="`+long+`"`) {
		t.Error("the whole title is not in the tooltip")
	}
	hd = area(render(`{"brand_info":{"base_info":{"title":"一二三四五六七八九十一二三四五"}}}`, Options{}).HTML, "header")
	if strings.Contains(hd, "…") {
		t.Error("a title of width 15 was cut")
	}
}

func TestHeaderColour(t *testing.T) {
	// The colour is a presentation attribute of an SVG rect behind the
	// header (no style attribute: a strict CSP blocks those), the text one of
	// two classes of the constant stylesheet.
	const autoTip = "颜色 auto：微信会从缩略图中取色，此处以中性色代替"
	for _, tc := range []struct{ color, fill, text, tip string }{
		{`"C8102E"`, "C8102E", "light", "头部背景色 #C8102E"},
		{`"ffffff"`, "FFFFFF", "dark", "头部背景色 #FFFFFF"},
		{`"F5F0C8"`, "F5F0C8", "dark", "头部背景色 #F5F0C8"},
		{`"101820"`, "101820", "light", "头部背景色 #101820"},
		{`"auto"`, "4B5B6B", "light", autoTip},
		{`null`, "4B5B6B", "light", autoTip},
		{`"#C8102E"`, "4B5B6B", "light", autoTip},
		{`"000000;background:url(javascript:alert(1))"`, "4B5B6B", "light", autoTip},
		{`"red"`, "4B5B6B", "light", autoTip},
	} {
		page := render(`{"brand_info":{"base_info":{"color":`+tc.color+`}}}`, Options{}).HTML
		hd := area(page, "header")
		if !strings.Contains(page, `<section class="hd hd-`+tc.text+`" data-area="header"`) {
			t.Errorf("color %s: want class hd-%s in %.200s", tc.color, tc.text, hd)
		}
		if !strings.Contains(hd, `<rect width="1" height="1" fill="#`+tc.fill+`"/>`) {
			t.Errorf("color %s: want fill #%s in %.400s", tc.color, tc.fill, hd)
		}
		if strings.Contains(hd, "style=") {
			t.Errorf("color %s: a style attribute in %.200s", tc.color, hd)
		}
		if !strings.Contains(hd, `title="`+tc.tip+`"`) {
			t.Errorf("color %s: the tooltip is not %q in %.300s", tc.color, tc.tip, hd)
		}
		// schema sets Color only to six hex digits, so the cases above never
		// reach the preview's own check; a product that skipped validation
		// must get the same header.
		raw := ""
		if tc.color != "null" {
			raw, _ = strconv.Unquote(tc.color)
		}
		res := &schema.Result{Product: &schema.Product{Base: schema.BaseInfo{Color: raw}}}
		page = Render(res, Options{}).HTML
		hd = area(page, "header")
		if !strings.Contains(page, `<section class="hd hd-`+tc.text+`" data-area="header"`) ||
			!strings.Contains(hd, `<rect width="1" height="1" fill="#`+tc.fill+`"/>`) || strings.Contains(hd, "style=") {
			t.Errorf("unvalidated color %q: want class hd-%s and fill #%s, no style attribute, in %.400s", raw, tc.text, tc.fill, hd)
		}
	}
}

// TestEnglishIcons: the marks of the entry rows are words of the page, so
// the English page shows none of the Chinese ones (issue 13: 链).
func TestEnglishIcons(t *testing.T) {
	for name, doc := range fixtures(t) {
		en := render(doc, Options{Lang: "en"}).HTML
		for _, icon := range []string{"店", "购", "链", "公", "券", "防"} {
			if strings.Contains(en, `">`+icon+`</span>`) {
				t.Errorf("fixture %s: the English page shows the icon %s", name, icon)
			}
		}
	}
}

func TestStyleHashIsPublished(t *testing.T) {
	// The stylesheet is constant, so one hash lets a strict CSP allow it
	// (style-src 'sha256-…'); the preview's own CSP names it, and the
	// package's README publishes it for hosts.
	css, err := os.ReadFile("templates/page.css")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(css)
	want := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	if got := StyleHash(); got != want {
		t.Fatalf("StyleHash() = %s, want %s", got, want)
	}
	page := render(`{}`, Options{}).HTML
	if !strings.Contains(page, `<style>`+string(css)+`</style>`) {
		t.Fatal("the <style> element does not hold page.css byte for byte")
	}
	if !strings.Contains(html.UnescapeString(page), `content="default-src 'none'; img-src http: https:; style-src `+want+`"`) || strings.Contains(page, "unsafe-inline") {
		t.Errorf("the preview's CSP does not allow exactly the stylesheet's hash: %.400s", page)
	}
	if strings.Contains(failedPage, "style=") {
		t.Error("the failure page has a style attribute")
	}
	readme, err := os.ReadFile("../wasm/js/README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), want) {
		t.Errorf("wasm/js/README.md does not publish the preview's style hash %s", want)
	}
}

func TestLanguages(t *testing.T) {
	doc := fixtures(t)["04"]
	en := render(doc, Options{Lang: "en", Layout: "concept"}).HTML
	zh := render(doc, Options{Layout: "concept"}).HTML
	for _, s := range []string{`lang="en"`, ">Buy<", "Suggested retail price", "Follow", "My stock", "Related products"} {
		if !strings.Contains(en, s) {
			t.Errorf("en lacks %s", s)
		}
	}
	for _, s := range []string{`lang="zh-CN"`, ">购买<", "建议零售价", "入库", "我的库存", "相关商品推荐"} {
		if !strings.Contains(zh, s) {
			t.Errorf("zh lacks %s", s)
		}
		if strings.Contains(en, s) {
			t.Errorf("en has the Chinese label %s", s)
		}
	}
}

func TestBadCodes(t *testing.T) {
	h := render(`{"keystandard":"ean13","keystr":"6900000000000","brand_info":{"action_info":{"action_list":[
		{"type":"recommend","recommend":{"recommend_list":[{"keystandard":"ean13","keystr":"12"},{"keystandard":"qrcode","keystr":"AB-1"},{}]}}]}}}`, Options{Lang: "en"}).HTML
	hd := area(h, "header")
	if strings.Contains(hd, "<svg xmlns") || !strings.Contains(hd, "Cannot draw the barcode: ") || !strings.Contains(hd, "6900000000000") {
		t.Errorf("a wrong check digit: %s", hd)
	}
	rec := area(h, "recommend")
	if strings.Contains(rec, "<svg") {
		t.Error("a symbol drawn for a bad recommended code")
	}
	for _, s := range []string{`data-code="12"`, "Cannot draw the barcode", `data-code="AB-1"`, "qrcode AB-1", "barcode missing"} {
		if !strings.Contains(rec, s) {
			t.Errorf("recommend lacks %s", s)
		}
	}
	// A valid EAN-13 under keystandard ean8 is not an EAN-8: no symbol.
	wrong := area(render(`{"keystandard":"ean8","keystr":"6901939621608"}`, Options{Lang: "en"}).HTML, "header")
	if strings.Contains(wrong, "<svg xmlns") || !strings.Contains(wrong, "Cannot draw the barcode: ") {
		t.Errorf("an EAN-13 code drawn under keystandard ean8: %s", wrong)
	}
	if right := area(render(`{"keystandard":"ean13","keystr":"6901939621608"}`, Options{Lang: "en"}).HTML, "header"); !strings.Contains(right, "<svg xmlns") {
		t.Errorf("a valid EAN-13 under ean13 is not drawn: %s", right)
	}
	empty := render(`{"brand_info":{"action_info":{"action_list":[{"type":"recommend"}]}}}`, Options{}).HTML
	if !strings.Contains(area(empty, "recommend"), "没有推荐商品") {
		t.Error("an empty recommend action has no marker")
	}
}

func TestUnknownOptions(t *testing.T) {
	p := render(fixtures(t)["05"], Options{Page: "gallery", Layout: "2030", Lang: "en"})
	if area(p.HTML, "header") == "" || area(p.HTML, "actions") != "" {
		t.Error("an unknown page or layout does not fall back to the classic homepage")
	}
	var codes []string
	for _, is := range p.Report.Issues {
		if strings.HasPrefix(is.Code, "preview.") {
			codes = append(codes, is.Code+" "+is.Path)
			if is.Severity != schema.Warning {
				t.Errorf("%s is %s, want a warning", is.Code, is.Severity)
			}
		}
	}
	if !slices.Equal(codes, []string{"preview.page /page", "preview.layout /layout"}) {
		t.Errorf("option issues %v", codes)
	}
}

// Render never fails, even without a validation result.
func TestRenderWithoutProduct(t *testing.T) {
	for _, res := range []*schema.Result{nil, {}, {Product: &schema.Product{}}} {
		p := Render(res, Options{})
		if !strings.HasPrefix(p.HTML, "<!doctype html>") || !p.Report.Valid || p.Report.Issues == nil {
			t.Errorf("Render(%+v) = %.80q, %+v", res, p.HTML, p.Report)
		}
	}
}

// The report is the validation's own: Render never changes the caller's
// slice.
func TestRenderKeepsTheReport(t *testing.T) {
	res := schema.Validate(fixtures(t)["00"], schema.Options{})
	before := slices.Clone(res.Report.Issues)
	// Spare capacity, as a caller's slice may have: one render's notes
	// must not land in another's report.
	res.Report.Issues = slices.Grow(res.Report.Issues, 4)
	page := Render(res, Options{Page: "nope"})
	Render(res, Options{Layout: "nope"})
	if !slices.EqualFunc(before, res.Report.Issues, func(a, b schema.Issue) bool { return a.Code == b.Code && a.Offset == b.Offset }) ||
		len(res.Report.Issues) != len(before) {
		t.Error("Render changed the validation's report")
	}
	if last := page.Report.Issues[len(page.Report.Issues)-1]; last.Code != "preview.page" {
		t.Errorf("the first render's note became %s: renders share the report's array", last.Code)
	}
	if page.Report.Product == nil || *page.Report.Product != *res.Report.Product {
		t.Errorf("the page's report names the product %+v, the validation %+v", page.Report.Product, res.Report.Product)
	}
}
