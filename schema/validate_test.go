package schema

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xeipuuv/gojsonschema"
)

func readFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// sampleTexts are the texts of samples/*.json*, the example documents.
func sampleTexts(t testing.TB) []string {
	t.Helper()
	names, err := filepath.Glob("../samples/*.json*")
	if err != nil || len(names) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	out := make([]string, len(names))
	for i, name := range names {
		out[i] = readFile(t, name)
	}
	return out
}

// The example documents of ../samples (copied from the spec's fixtures), with the issues the rulebook
// gives them (written from product-rules.md, then checked against the
// report).
func TestFixtures(t *testing.T) {
	tests := []struct {
		file   string
		valid  bool
		issues []string
	}{
		{"00-doc-sample-verbatim.json.txt", false, []string{
			`error keystr.check_digit 61305 /keystr 3 fix="6900000000007"`,
			`warning base.category_id.zero - /brand_info/base_info/category_id 9`,
			`error syntax.trailing_comma - /brand_info/base_info 12 fix=text:""`,
			`error syntax.trailing_comma - /brand_info/action_info/action_list/2 55 fix=text:""`,
			`error syntax.trailing_comma - /brand_info/action_info/action_list/3 60 fix=text:""`,
			`error module.native_show.value 63162 /brand_info/module_info/module_list/0/native_show 75 fix="false"`,
			`warning module.anti_fake_url.scheme - /brand_info/module_info/module_list/0/anti_fake_url 76 fix="http://weixin.qq.com"`,
		}},
		{"01-doc-demo-ean13.json", false, []string{
			`error keystr.check_digit 61305 /keystr 3 fix="6900000000007"`,
			`warning base.category_id.zero - /brand_info/base_info/category_id 9`,
			`warning module.anti_fake_url.scheme - /brand_info/module_info/module_list/0/anti_fake_url 45 fix="http://weixin.qq.com"`,
		}},
		{"02-real-zhiyouquan-6954496900556.json", true, []string{
			`warning base.store_vendorid_list.empty - /brand_info/base_info/store_vendorid_list 12`,
			`info base.response_only - /brand_info/base_info/status 13`,
		}},
		{"03-senparc-createtest-6954496901195.json", true, []string{
			`warning base.category_id.string - /brand_info/base_info/category_id 9 fix=538112978`,
		}},
		{"04-reconstructed-full-features.json", true, []string{
			`info action.card.custom_code 61345 /brand_info/action_info/action_list/7/cardid 34`,
			`info action.recommend.same_account - /brand_info/action_info/action_list/8/recommend/recommend_list 39`,
		}},
		{"05-reconstructed-ean8-minimal.json", true, nil},
	}
	files, _ := filepath.Glob("../samples/0*")
	if len(files) != len(tests) {
		t.Errorf("%d fixtures, %d tested", len(files), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			text := readFile(t, "../samples/"+tt.file)
			res := Validate(text, Options{Lang: EN})
			var got []string
			for _, is := range res.Report.Issues {
				got = append(got, issueLine(is))
			}
			if strings.Join(got, "\n") != strings.Join(tt.issues, "\n") {
				t.Errorf("\n got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.issues, "\n\t"))
			}
			if res.Report.Valid != tt.valid {
				t.Errorf("valid = %v", res.Report.Valid)
			}
			checkMessages(t, text, "", res.Report.Issues)
		})
	}
}

// The API doc's own sample: as written, its three trailing commas (stepped
// over, so the rules still run); repaired, valid JSON whose remaining
// faults are the wrong check digit, "fales" and the scheme-less
// anti_fake_url, each with its fix.
func TestDocSample(t *testing.T) {
	text := readFile(t, "../samples/00-doc-sample-verbatim.json.txt")
	var slips []string
	for _, is := range Validate(text, Options{Lang: EN}).Report.Issues {
		if strings.HasPrefix(is.Code, "syntax.") {
			slips = append(slips, is.Code)
		}
	}
	if want := []string{"syntax.trailing_comma", "syntax.trailing_comma", "syntax.trailing_comma"}; !slices.Equal(slips, want) {
		t.Errorf("slips %v, want %v", slips, want)
	}

	repaired, fixes := Repair(text, EN)
	if len(fixes) != 3 {
		t.Errorf("%d fixes, want the 3 trailing commas", len(fixes))
	}
	if !json.Valid([]byte(repaired)) {
		t.Fatalf("the repaired sample is not JSON:\n%s", repaired)
	}
	res := Validate(repaired, Options{Lang: EN})
	byCode := map[string]Issue{}
	for _, is := range res.Report.Issues {
		if strings.HasPrefix(is.Code, "syntax.") {
			t.Errorf("a slip survived repair: %+v", is)
		}
		byCode[is.Code] = is
	}
	for code, want := range map[string]struct {
		sev   Severity
		value string
		msg   string
	}{
		"keystr.check_digit":          {Error, "6900000000007", "check digit is 0, expected 7"},
		"module.native_show.value":    {Error, "false", `"fales"`},
		"module.anti_fake_url.scheme": {Warning, "http://weixin.qq.com", `"weixin.qq.com"`},
	} {
		is, ok := byCode[code]
		switch {
		case !ok:
			t.Errorf("no %s in %v", code, res.Report.Issues)
		case is.Severity != want.sev || is.Fix == nil || is.Fix.IsText || is.Fix.Value != want.value || is.Fix.Path != is.Path:
			t.Errorf("%s: %s, fix %+v; want %s, fix %q", code, is.Severity, is.Fix, want.sev, want.value)
		case !strings.Contains(is.Message, want.msg):
			t.Errorf("%s: message %q does not say %q", code, is.Message, want.msg)
		}
	}
	if res.Report.Valid {
		t.Error("the repaired sample is valid")
	}
}

// Every value fix, applied, removes its issue (and adds no error).
func TestValueFixesApply(t *testing.T) {
	base, cases := readRuleCases(t)
	applied := 0
	for _, tc := range cases {
		text := tc.text(t, base)
		for _, is := range Validate(text, Options{Merchant: tc.merchant}).Report.Issues {
			if is.Fix == nil || is.Fix.IsText || is.Source == SourceMerchant {
				continue
			}
			root := toJV(Parse(text).Root)
			v, _ := json.Marshal(is.Fix.Value)
			if err := root.edit("set " + is.Fix.Path + " " + string(v)); err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			fixed := root.String()
			applied++
			for _, again := range Validate(fixed, Options{Merchant: tc.merchant}).Report.Issues {
				if again.Code == is.Code && again.Path == is.Path {
					t.Errorf("%s: the fix %s=%s leaves %s", tc.name, is.Fix.Path, v, is.Code)
				}
				if again.Severity == Error && again.Path == is.Path && is.Severity != Error {
					t.Errorf("%s: the fix of a %s makes the error %s", tc.name, is.Severity, again.Code)
				}
			}
		}
	}
	if applied < 25 {
		t.Errorf("only %d fixes applied", applied)
	}
}

// An action of unknown type gets one issue, whatever fields it has: the
// type, with the allowed values; never one per branch of the discriminator.
func TestUnknownActionTypeOnce(t *testing.T) {
	doc := `{"keystandard": "ean13", "keystr": "6901939621608", "brand_info": {
		"base_info": {"title": "t", "thumb_url": "http://a.cn/t", "brand_tag": "b", "category_id": 1},
		"detail_info": {"detail_list": [{"title": "t", "desc": "d"}]},
		"action_info": {"action_list": [{"type": "price", "retail_price": "1.00"},
			{"type": "vedio", "link": 3, "image": [], "name": false, "text": null, "cardid": 1, "recommend": "x"}]}}}`
	issues := Validate(doc, Options{Lang: EN}).Report.Issues
	if len(issues) != 1 || issues[0].Code != "action.type.value" {
		t.Fatalf("want one action.type.value, got %+v", issues)
	}
	for _, typ := range actionTypes {
		if !strings.Contains(issues[0].Message, typ) {
			t.Errorf("the message does not list %s: %q", typ, issues[0].Message)
		}
	}
}

// The engine runs the published schema split in two (jsonschema.go); it
// must find exactly what the published schema, run whole by gojsonschema,
// finds — except the keystr patterns of the root allOf, which checkCode
// owns.
func TestEngineMatchesSchema(t *testing.T) {
	whole := compileWhole(t, schemaJSON)
	e, err := theEngine.get()
	if err != nil {
		t.Fatal(err)
	}
	base, cases := readRuleCases(t)
	texts := []string{}
	for _, tc := range cases {
		texts = append(texts, tc.text(t, base))
	}
	files, _ := filepath.Glob("../samples/*.json")
	for _, f := range files {
		texts = append(texts, readFile(t, f))
	}
	compared := 0
	for _, text := range texts {
		d := Parse(text)
		if d.Root == nil || d.Root.Kind != Object {
			continue
		}
		var want []string
		for _, se := range runSchema(whole, d.Root, d.Root.Value(), nil, nil) {
			if se.kind == "pattern" && se.node.Parent == d.Root && se.node.Key == "keystr" {
				continue
			}
			want = append(want, schemaErrorText(se))
		}
		var got []string
		for _, se := range schemaErrors(e, d) {
			got = append(got, schemaErrorText(se))
		}
		// As sets: the root allOf restates keystr's type too.
		slices.Sort(want)
		slices.Sort(got)
		want, got = slices.Compact(want), slices.Compact(got)
		if !slices.Equal(got, want) {
			t.Errorf("engine %v\nschema %v\n%s", got, want, text)
		}
		compared++
	}
	if compared < 150 {
		t.Errorf("compared only %d documents", compared)
	}
}

func schemaErrorText(se schemaError) string {
	return se.kind + " " + se.node.Pointer() + " " + se.property
}

// The keys Go knows (for unknown-key warnings) are the keys the schema
// describes.
func TestKnownKeysMatchSchema(t *testing.T) {
	var s map[string]any
	if err := json.Unmarshal(schemaJSON, &s); err != nil {
		t.Fatal(err)
	}
	defs := s["definitions"].(map[string]any)
	props := func(m any) []string {
		var keys []string
		for k := range dig(m.(map[string]any), "properties").(map[string]any) {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		return keys
	}
	sorted := func(k []string) []string { k = slices.Clone(k); slices.Sort(k); return k }
	for _, c := range []struct {
		sh     shape
		typ    string
		schema any
	}{
		{shapeRoot, "", s},
		{shapeBrandInfo, "", dig(s, "properties", "brand_info")},
		{shapeBase, "", defs["base_info"]},
		{shapeDetail, "", defs["detail_info"]},
		{shapeBanner, "", dig(defs, "detail_info", "properties", "banner_list", "items")},
		{shapeRow, "", dig(defs, "detail_info", "properties", "detail_list", "items")},
		{shapeActionInfo, "", defs["action_info"]},
		{shapeRecommend, "", dig(defs, "recommend", "properties", "recommend")},
		{shapeCode, "", defs["code"]},
		{shapeModuleInfo, "", defs["module_info"]},
		{shapeModule, "", defs["module"]},
	} {
		if got, want := sorted(knownKeys(c.sh, c.typ)), props(c.schema); !slices.Equal(got, want) {
			t.Errorf("shape %d: Go knows %v, the schema %v", c.sh, got, want)
		}
	}
	var ms map[string]any
	if err := json.Unmarshal(merchantSchemaJSON, &ms); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		sh     shape
		schema any
	}{
		{shapeMerchant, ms},
		{shapeMerchantCate, dig(ms, "definitions", "cate_list", "items")},
		{shapeMerchantFirm, dig(ms, "properties", "verified_list", "items")},
	} {
		if got, want := sorted(knownKeys(c.sh, "")), props(c.schema); !slices.Equal(got, want) {
			t.Errorf("merchant shape %d: Go knows %v, the schema %v", c.sh, got, want)
		}
	}
	for _, typ := range actionTypes {
		name := typ
		if typ == "price" {
			name = "price_action"
		}
		want := append(props(defs[name]), "type")
		slices.Sort(want)
		if got := sorted(knownKeys(shapeAction, typ)); !slices.Equal(got, want) {
			t.Errorf("%s action: Go knows %v, the schema %v", typ, got, want)
		}
	}
	var types []any
	for _, t := range actionTypes {
		types = append(types, t)
	}
	if got := dig(defs, "action", "properties", "type", "enum"); !slices.Equal(got.([]any), types) {
		t.Errorf("the schema's action types %v, Go's %v", got, actionTypes)
	}
}

// The published schemas are draft-07 documents with an $id, and every
// object of the product schema has a title in both languages or sits under
// one.
func TestPublishedSchemas(t *testing.T) {
	for name, src := range map[string][]byte{"create-product": schemaJSON, "merchantinfo": merchantSchemaJSON} {
		var s map[string]any
		if err := json.Unmarshal(src, &s); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if s["$schema"] != "http://json-schema.org/draft-07/schema#" || !strings.HasPrefix(s["$id"].(string), "https://") {
			t.Errorf("%s: $schema %v, $id %v", name, s["$schema"], s["$id"])
		}
		compileWhole(t, src)
		for _, key := range []string{"title", "description"} {
			if v, _ := s[key].(string); !strings.ContainsFunc(v, isHan) || !strings.ContainsFunc(v, isLatin) {
				t.Errorf("%s: the %s is not in both languages: %q", name, key, v)
			}
		}
	}
	if disk, err := os.ReadFile("create-product.schema.json"); err != nil || string(disk) != string(schemaJSON) {
		t.Errorf("schemaJSON is not create-product.schema.json")
	}
}

func isHan(r rune) bool   { return r >= 0x4E00 && r <= 0x9FFF }
func isLatin(r rune) bool { return r >= 'a' && r <= 'z' }

func TestMessagesNameWhatWasFound(t *testing.T) {
	merchant := `{"verified_firm_code_list": [6901939, 6901940], "verified_cate_list": [{"verified_cate_id": 200531967, "verified_cate_name": "调味品"}], "brand_tag_list": ["稚优泉"]}`
	doc := readFile(t, "../samples/02-real-zhiyouquan-6954496900556.json")
	doc = strings.Replace(doc, `"color": "auto"`, `"color": "#C8102E"`, 1)
	doc = strings.Replace(doc, `"title": "稚优泉"`, `"title": "稚优泉隔离霜 SPF50 PA+++ 50ml 男女通用"`, 1)
	for _, tc := range []struct {
		lang Lang
		code string
		want []string
	}{
		{EN, "keystr.firm_code", []string{"6954496900556", "6901939, 6901940", "first 8 digits, 69544969"}},
		{ZH, "keystr.firm_code", []string{"6954496900556", "6901939、6901940", "前 8 位 69544969"}},
		{EN, "base.category_id.unverified", []string{"538112978", `200531967 "调味品"`}},
		{EN, "base.color.hash", []string{`"#C8102E"`, "without #", "auto"}},
		{ZH, "base.color.hash", []string{`"#C8102E"`, "不带 #", "auto"}},
		{EN, "base.title.width", []string{"19 wide", "about 15"}},
		{ZH, "base.title.width", []string{"宽 19 个汉字", "约 15"}},
	} {
		var found *Issue
		for _, is := range Validate(doc, Options{Lang: tc.lang, Merchant: merchant}).Report.Issues {
			if is.Code == tc.code {
				found = &is
			}
		}
		if found == nil {
			t.Errorf("no %s", tc.code)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(found.Message, w) {
				t.Errorf("%s (%s): %q does not say %q", tc.code, tc.lang, found.Message, w)
			}
		}
	}
}

func TestNearest(t *testing.T) {
	keys := []string{"title", "thumb_url", "brand_tag", "category_id", "store_mgr_type", "store_vendorid_list", "color", "status", "retail_price"}
	for in, want := range map[string]string{
		"retial_price": "retail_price", // a transposition is one edit
		"titel":        "title",
		"Title":        "title",
		"colour":       "color",
		"brandtag":     "brand_tag",
		"categoryid":   "category_id",
		"thumb":        "",
		"name":         "",
		"title":        "", // itself: nothing to suggest
	} {
		got, ok := nearest(in, keys)
		if !ok {
			got = ""
		}
		if got != want {
			t.Errorf("nearest(%q) = %q, want %q", in, got, want)
		}
	}
	if _, ok := nearest("ab", []string{"ac", "ad"}); ok {
		t.Error("a tie suggested something")
	}
	if s, ok := nearest("fales", []string{"true", "false"}); !ok || s != "false" {
		t.Errorf("fales → %q", s)
	}
	for a, b := range map[string]string{"kitten": "sitting", "": "abc", "abc": "", "ca": "abc"} {
		if d := distance(a, b); d != 3 {
			t.Errorf("distance(%q, %q) = %d, want 3 (capped)", a, b, d)
		}
	}
	if d := distance("ab", "ba"); d != 1 {
		t.Errorf("distance(ab, ba) = %d", d)
	}
}

// Reports are the same from one run to the next, although gojsonschema
// walks maps in random order.
func TestDeterministic(t *testing.T) {
	text := `{"brand_info": {"base_info": {}, "detail_info": {}, "action_info": {"action_list": [{}, {"type": "link"}]}}}`
	first := Validate(text, Options{Lang: EN}).Report.Issues
	for i := 0; i < 20; i++ {
		again := Validate(text, Options{Lang: EN}).Report.Issues
		if len(again) != len(first) {
			t.Fatalf("%d issues, then %d", len(first), len(again))
		}
		for j := range again {
			if issueLine(again[j]) != issueLine(first[j]) {
				t.Fatalf("run %d: %s, first %s", i, issueLine(again[j]), issueLine(first[j]))
			}
		}
	}
}

// compileWhole compiles a published schema as any tool would, whole.
func compileWhole(t testing.TB, src []byte) *gojsonschema.Schema {
	t.Helper()
	sl := gojsonschema.NewSchemaLoader()
	sl.Draft = gojsonschema.Draft7
	sl.AutoDetect = false
	sl.Validate = true // against the draft-07 meta-schema
	s, err := sl.Compile(gojsonschema.NewBytesLoader(src))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Every GTIN vector of barcode.md gives the same findings as the
// document's keystr and as a recommended product's (codes prefixed
// "recommend.", errcode 63157 instead of 61305), at the keystr value.
func TestRecommendItemsCheckedLikeKeystr(t *testing.T) {
	vectors := []string{
		// valid
		"6291041500213", "5901234123457", "4512345678906", "9501101531000", "1234567890128",
		"9780877799306", "9771384524017", "0036000291452", "96385074", "95012346", "55123457",
		"6954496900556", "6901939621608",
		// wrong check digit
		"2112233789658", "1234567890120", "55123458", "6900000000000", "6900873042720",
		// wrong prefix class
		"2112345678900", "02345680", "20123451", "9813765030011", "0000000000000",
		// one per leading digit
		"0123456789012", "2345678901234", "3456789012340", "4567890123456", "5678901234562",
		"6789012345678", "7890123456784", "8901234567890", "9012345678906",
		// slips
		"６９０１９３９６２１６０８", "036000291452", "690 1939 62160 8",
	}
	base, _ := readRuleCases(t)
	for _, code := range vectors {
		std := "ean13"
		if len([]rune(code)) == 8 {
			std = "ean8"
		}
		codeJSON, _ := json.Marshal(code)
		root := toJV(Parse(base).Root)
		for _, e := range []string{
			`set /keystandard "` + std + `"`,
			"set /keystr " + string(codeJSON),
			`add /brand_info/action_info/action_list/- {"type": "recommend", "recommend": {"recommend_type": "appointed", "recommend_list": [{"keystandard": "` + std + `", "keystr": ` + string(codeJSON) + `}]}}`,
		} {
			if err := root.edit(e); err != nil {
				t.Fatal(err)
			}
		}
		var doc, rec []string
		for _, is := range Validate(root.String(), Options{Lang: EN}).Report.Issues {
			switch {
			case is.Path == "/keystr":
				fix := is.Fix
				if fix != nil {
					fix = ValueFix(fix.Path, fix.Value) // the edit is elsewhere for the recommended one
				}
				doc = append(doc, fmt.Sprintf("%s %s %d %v", is.Severity, is.Code, is.Errcode, fix))
			case strings.HasSuffix(is.Path, "/recommend_list/0/keystr") && strings.HasPrefix(is.Code, "recommend.keystr."):
				ec := is.Errcode
				if ec == errRecommend {
					ec = errKeystr
				}
				fix := is.Fix
				if fix != nil {
					fix = ValueFix("/keystr", fix.Value)
				}
				rec = append(rec, fmt.Sprintf("%s %s %d %v", is.Severity, strings.TrimPrefix(is.Code, "recommend."), ec, fix))
			}
		}
		if !slices.Equal(doc, rec) {
			t.Errorf("%s: keystr %v, recommended %v", code, doc, rec)
		}
		if want := checkCode(code, std); len(doc) != len(want) {
			t.Errorf("%s: %d issues at keystr, checkCode has %d", code, len(doc), len(want))
		}
	}
}

// The report names the product as the validator read it, slips and all, so
// that a frontend never reads the JSON a second way.
func TestReportProduct(t *testing.T) {
	for _, tc := range []struct{ text, keystr, title string }{
		{`{"keystr": "6954496901201", "brand_info": {"base_info": {"title": "茶"}}}`, "6954496901201", "茶"},
		{`{'keystr': '6954496901201'}`, "6954496901201", ""},
		{`{"keystr"："6954496901201"}`, "6954496901201", ""},
		{`{“keystr”: “6954496901201”}`, "6954496901201", ""},
		{`{"keystr": "6900000000000", "keystr": "6954496901201"}`, "6954496901201", ""},
		{`{"keystr": 6954496901201}`, "6954496901201", ""},
		{`[1, 2]`, "", ""},
		{``, "", ""},
	} {
		p := Validate(tc.text, Options{}).Report.Product
		if p == nil || p.KeyStr != tc.keystr || p.Title != tc.title {
			t.Errorf("%s: product %+v, want keystr %q title %q", tc.text, p, tc.keystr, tc.title)
		}
	}
}

// TestSmallMessages: the small things of issue 13 ("also", item 8).
func TestSmallMessages(t *testing.T) {
	one := func(text string, o Options, code string) Issue {
		t.Helper()
		for _, is := range Validate(text, o).Report.Issues {
			if is.Code == code {
				return is
			}
		}
		t.Fatalf("no %s for %s", code, text)
		return Issue{}
	}
	// A space between Chinese and a Latin word, none between Chinese words.
	if m := one("null", Options{}, "document.not_object").Message; !strings.HasPrefix(m, "文档顶层是 null，") {
		t.Errorf("null: %q", m)
	}
	if m := one("[1, 2]", Options{}, "document.not_object").Message; !strings.HasPrefix(m, "文档顶层是数组，") {
		t.Errorf("array: %q", m)
	}
	if m := one(`{"keystr": "6901939621608"}`, Options{Merchant: "null"}, "merchant.not_object").Message; !strings.HasPrefix(m, "商户信息的顶层是 null，") {
		t.Errorf("merchant null: %q", m)
	}

	// A top-level array holding one document: unwrapping it is the fix.
	text := "[\n  {\"keystr\": \"6901939621608\"}\n]"
	is := one(text, Options{}, "document.not_object")
	if is.Fix == nil || !is.Fix.IsText || is.Fix.Edit == nil {
		t.Fatalf("array of one document: no text fix: %+v", is.Fix)
	}
	e := is.Fix.Edit
	if got := text[:e.Offset] + e.Text + text[e.Offset+e.Length:]; got != `{"keystr": "6901939621608"}` {
		t.Errorf("unwrapped: %q", got)
	}
	if is := one(`[{}, {}]`, Options{}, "document.not_object"); is.Fix != nil {
		t.Errorf("array of two documents: fix %+v", is.Fix)
	}

	// A merchant message quotes keystr as the document writes it; the
	// corrected code is the check digit's fix.
	doc := `{"keystandard": "ean13", "keystr": "6900000000000"}`
	m := `{"verified_firm_code_list": [8888]}`
	fc := one(doc, Options{Merchant: m}, "keystr.firm_code")
	if !strings.Contains(fc.Message, "6900000000000") || strings.Contains(fc.Message, "6900000000007") {
		t.Errorf("firm code message: %q", fc.Message)
	}
	if cd := one(doc, Options{Merchant: m}, "keystr.check_digit"); cd.Fix == nil || cd.Fix.Value != "6900000000007" {
		t.Errorf("check digit fix: %+v", cd.Fix)
	}
}
