package schema

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// field returns the metadata of path (and action), or fails.
func field(t *testing.T, f Form, path, action string) Field {
	t.Helper()
	for _, fd := range f.Fields {
		if fd.Path == path && fd.Action == action {
			return fd
		}
	}
	t.Fatalf("no field %q (action %q)", path, action)
	return Field{}
}

func TestFields(t *testing.T) {
	const act = "/brand_info/action_info/action_list/*"
	zh, en := Fields(ZH), Fields(EN)
	for _, tc := range []struct {
		path, action     string
		typ              string
		labelZH, labelEN string
		required         bool
		width            int
		widthSev         Severity
		enum             []any
		format           string
		image            string // en advice
	}{
		{"/keystandard", "", "string", "商品编码标准", "Code standard", true, 0, "", []any{"ean13", "ean8", "qrcode"}, "", ""},
		{"/keystr", "", "string", "商品编码内容", "Code", true, 0, "", nil, "code", ""},
		{"/brand_info/base_info/title", "", "string", "商品名称", "Product name", true, 15, Warning, nil, "", ""},
		{"/brand_info/base_info/thumb_url", "", "string", "商品缩略图", "Thumbnail", true, 0, "", nil, "url", "Advised 180×180 px, at most 50 KB"},
		{"/brand_info/base_info/category_id", "", "integer", "商品类目 ID", "Category id", true, 0, "", nil, "", ""},
		{"/brand_info/base_info/store_mgr_type", "", "string", "电商渠道展示方式", "Store channels", false, 0, "", []any{"auto", "custom"}, "", ""},
		{"/brand_info/base_info/store_vendorid_list/*", "", "integer", "电商渠道", "Shop", true, 0, "", []any{2, 3, 4, 9, 11, 19}, "", ""},
		{"/brand_info/base_info/color", "", "string", "主页头部背景色", "Header colour", false, 0, "", nil, "color", ""},
		{"/brand_info/detail_info/banner_list/*/link", "", "string", "图片链接", "Image URL", true, 0, "", nil, "url", "Advised 640×320 px, at most 200 KB"},
		{"/brand_info/detail_info/banner_list/*/desc", "", "string", "图片说明", "Caption", false, 80, Error, nil, "", ""},
		{"/brand_info/detail_info/detail_list/*/title", "", "string", "属性名称", "Attribute name", true, 6, Error, nil, "", ""},
		{"/brand_info/detail_info/detail_list/*/desc", "", "string", "属性内容", "Attribute value", true, 80, Error, nil, "", ""},
		{act + "/type", "", "string", "服务栏类型", "Action type", true, 0, "", []any{"media", "text", "link", "user", "card", "price", "product", "store", "recommend"}, "", ""},
		{act + "/image", "media", "string", "视频封面", "Cover image", true, 0, "", nil, "url", "Advised 690×320 px, at most 200 KB"},
		{act + "/link", "media", "string", "视频链接", "Video URL", true, 0, "", nil, "url", ""},
		{act + "/text", "text", "string", "文字内容", "Text", true, 0, "", nil, "", ""},
		{act + "/name", "link", "string", "入口名称", "Entry name", false, 12, Error, nil, "", ""},
		{act + "/link", "link", "string", "跳转链接", "Target URL", true, 0, "", nil, "url", ""},
		{act + "/digest", "link", "string", "引导语", "Hint", false, 5, Error, nil, "", ""},
		{act + "/showtype", "link", "string", "图片跳转", "Image banner", false, 0, "", []any{"banner"}, "", ""},
		{act + "/digest", "card", "string", "引导语", "Hint", false, 5, Error, nil, "", ""},
		{act + "/digest", "product", "string", "引导语", "Hint", false, 5, Error, nil, "", ""},
		{act + "/name", "product", "string", "入口名称", "Entry name", true, 0, "", nil, "", ""},
		{act + "/retail_price", "price", "string", "建议零售价（元）", "Retail price (yuan)", true, 0, "", nil, "price", ""},
		{act + "/sale_price", "store", "string", "售价（元）", "Sale price (yuan)", true, 0, "", nil, "price", ""},
		{act + "/recommend/recommend_list/*/keystandard", "recommend", "string", "商品编码标准", "Code standard", true, 0, "", []any{"ean13", "ean8", "qrcode"}, "", ""},
		{"/brand_info/module_info/module_list/*/native_show", "", "string", "使用微信防伪弹窗", "WeChat's anti-fake popup", false, 0, "", []any{"true", "false"}, "", ""},
	} {
		t.Run(tc.path+" "+tc.action, func(t *testing.T) {
			z, e := field(t, zh, tc.path, tc.action), field(t, en, tc.path, tc.action)
			if e.Type != tc.typ || z.Label != tc.labelZH || e.Label != tc.labelEN || e.Required != tc.required ||
				e.Width != tc.width || e.WidthSeverity != tc.widthSev || e.Format != tc.format {
				t.Errorf("got type %q labels %q/%q required %v width %d %q format %q", e.Type, z.Label, e.Label, e.Required, e.Width, e.WidthSeverity, e.Format)
			}
			var vals []any
			for _, c := range e.Enum {
				vals = append(vals, c.Value)
				if c.Label == "" {
					t.Errorf("enum value %v has no label", c.Value)
				}
			}
			if fmt.Sprint(vals) != fmt.Sprint(tc.enum) {
				t.Errorf("enum %v, want %v", vals, tc.enum)
			}
			adv := ""
			if e.Image != nil {
				adv = e.Image.Advice
			}
			if adv != tc.image {
				t.Errorf("image advice %q, want %q", adv, tc.image)
			}
		})
	}

	// The labels the issue names.
	vendor := field(t, zh, "/brand_info/base_info/store_vendorid_list/*", "")
	if vendor.Enum[2].Value != 4 || vendor.Enum[2].Label != "京东" {
		t.Errorf("vendor 4: %+v", vendor.Enum[2])
	}
	mgr := field(t, en, "/brand_info/base_info/store_mgr_type", "")
	if !strings.Contains(mgr.Enum[0].Help, "WeChat finds") || !strings.Contains(mgr.Enum[1].Help, "store_vendorid_list") {
		t.Errorf("store_mgr_type choices are not explained: %+v", mgr.Enum)
	}
	// Conditional requirements, from the schema's if/then/else.
	img := field(t, en, act+"/image", "link")
	if img.Required || img.RequiredIf == nil || img.RequiredIf.Key != "showtype" || img.RequiredIf.Not || fmt.Sprint(img.RequiredIf.Values) != "[banner]" {
		t.Errorf("link image: required %v if %+v; want required if showtype is banner", img.Required, img.RequiredIf)
	}
	name := field(t, en, act+"/name", "link")
	if name.RequiredIf == nil || !name.RequiredIf.Not || name.WidthIf == nil || !name.WidthIf.Not {
		t.Errorf("link name: required if %+v, width if %+v; want both unless showtype is banner", name.RequiredIf, name.WidthIf)
	}
	afu := field(t, en, "/brand_info/module_info/module_list/*/anti_fake_url", "")
	if afu.RequiredIf == nil || afu.RequiredIf.Key != "native_show" || afu.RequiredIf.Not {
		t.Errorf("anti_fake_url: required if %+v; want when native_show is false", afu.RequiredIf)
	}
	if len(en.Wide) != len(wideRanges) {
		t.Errorf("the form's width table has %d ranges, the rule's %d", len(en.Wide), len(wideRanges))
	}
}

// Every property of the schema, reached through its references and the
// action branches, has metadata with a type and a label in both languages;
// and no field is listed twice.
func TestFieldsCoverSchema(t *testing.T) {
	zh, en := Fields(ZH), Fields(EN)
	seen := map[string]bool{}
	for i, f := range en.Fields {
		k := fieldKey(f.Path, f.Action)
		if seen[k] {
			t.Errorf("field %q listed twice", k)
		}
		seen[k] = true
		if f.Type == "" || f.Label == "" || zh.Fields[i].Label == "" || f.Label == zh.Fields[i].Label && f.Path != "/keystr" {
			t.Errorf("%q: type %q, labels %q / %q", k, f.Type, zh.Fields[i].Label, f.Label)
		}
	}
	// An independent walk over the schema as plain values.
	doc := Parse(string(schemaJSON)).Root.Value().(map[string]any)
	defs := doc["definitions"].(map[string]any)
	var want []string
	var walk func(path, action string, s map[string]any)
	walk = func(path, action string, s map[string]any) {
		if r, ok := s["$ref"].(string); ok {
			s = defs[strings.TrimPrefix(r, "#/definitions/")].(map[string]any)
		}
		props, _ := s["properties"].(map[string]any)
		for k, p := range props {
			want = append(want, fieldKey(path+"/"+k, action))
			walk(path+"/"+k, action, p.(map[string]any))
		}
		if it, ok := s["items"].(map[string]any); ok {
			want = append(want, fieldKey(path+"/*", action))
			walk(path+"/*", action, it)
		}
		if all, ok := s["allOf"].([]any); ok && action == "" && strings.HasSuffix(path, "action_list/*") {
			for _, b := range all {
				typ := dig(b.(map[string]any), "if", "properties", "type", "const").(string)
				walk(path, typ, dig(b.(map[string]any), "then").(map[string]any))
			}
		}
	}
	walk("", "", doc)
	for _, k := range want {
		if !seen[k] {
			t.Errorf("schema property %q has no field metadata", k)
		}
	}
	if len(want)+1 != len(en.Fields) {
		t.Errorf("%d fields for %d schema properties (and the root)", len(en.Fields), len(want))
	}
}

// A field added to the schema appears in the form with no code.
func TestFieldsFollowSchema(t *testing.T) {
	s := strings.Replace(string(schemaJSON), `"color": {`,
		`"origin": { "title": "产地 · Origin", "description": "省份。\nThe province.", "type": "string" },
        "color": {`, 1)
	fs := walkSchemaText(s)
	for i, f := range fs {
		if f.Path == "/brand_info/base_info/origin" {
			if f.label.EN != "Origin" || f.help.ZH != "省份。" || f.Type != "string" || fs[i+1].Path != "/brand_info/base_info/color" {
				t.Errorf("new field: %+v", f)
			}
			return
		}
	}
	t.Error("a property added to the schema has no field")
}

// Every enum value of the schema is offered with a label, or is another
// spelling of an offered value that the rules warn about ("4" for 4, true
// for "true"); every offered value is one the schema allows.
func TestFieldsEnumsMatchSchema(t *testing.T) {
	en := Fields(EN)
	doc := Parse(string(schemaJSON)).Root
	var enums [][]any
	var find func(n *Node)
	find = func(n *Node) {
		for _, f := range fields(n) {
			if f.Key == "if" {
				continue // a condition's enum, not a field's
			}
			if f.Key == "enum" && f.Kind == Array && f.Parent.Parent != nil && f.Parent.Parent.Key == "properties" || f.Key == "enum" && f.Parent.Key == "items" {
				enums = append(enums, f.Value().([]any))
			}
			find(f)
		}
		for _, it := range items(n) {
			find(it)
		}
	}
	find(doc)
	var offered [][]any
	for _, f := range en.Fields {
		if len(f.Enum) > 0 {
			var vs []any
			for _, c := range f.Enum {
				vs = append(vs, c.Value)
			}
			offered = append(offered, vs)
		}
	}
	str := func(vs []any) []string {
		var out []string
		for _, v := range vs {
			out = append(out, fmt.Sprint(v))
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	for _, e := range enums {
		ok := false
		for _, o := range offered {
			if slices.Equal(str(e), str(o)) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("schema enum %v has no labelled choices", e)
		}
	}
}

// The form's width limits are the validator's: a value exactly at the limit
// (in CJK characters) passes, half a character more is a width issue at
// that very path, with the severity the form shows.
func TestFieldsWidthMatchesRules(t *testing.T) {
	sample, err := os.ReadFile("../samples/04-reconstructed-full-features.json")
	if err != nil {
		t.Fatal(err)
	}
	base := Parse(string(sample)).Root
	n := 0
	for _, f := range Fields(EN).Fields {
		if f.Width == 0 {
			continue
		}
		n++
		// The first instance of the field in the sample: an item of the
		// action type the field belongs to.
		ptr := ""
		parent, key, _ := strings.Cut(f.Path, "/*/")
		list := base.Lookup(parent)
		for _, it := range items(list) {
			if f.Action == "" || actionType(it) == f.Action && !isBannerLink(it) {
				ptr = it.Pointer() + "/" + key
				break
			}
		}
		if ptr == "" {
			ptr = f.Path
		}
		for _, tc := range []struct {
			value string
			over  bool
		}{{strings.Repeat("汉", f.Width), false}, {strings.Repeat("汉", f.Width) + "a", true}, {strings.Repeat("ab", f.Width) + "a", true}} {
			d := Parse(string(sample))
			e, ok := d.SetEdit(ptr, tc.value)
			if !ok {
				t.Fatalf("%s: cannot set %s", f.Path, ptr)
			}
			rep := Validate(applyEdit(string(sample), e), Options{Lang: EN}).Report
			var got *Issue
			for i, is := range rep.Issues {
				if is.Path == ptr && strings.HasSuffix(is.Code, ".width") {
					got = &rep.Issues[i]
				}
			}
			switch {
			case tc.over && got == nil:
				t.Errorf("%s (%s) = %q: no width issue; the form says the limit is %d", ptr, f.Action, tc.value, f.Width)
			case !tc.over && got != nil:
				t.Errorf("%s (%s) = %q: %s; the form says the limit is %d", ptr, f.Action, tc.value, got.Message, f.Width)
			case got != nil && got.Severity != f.WidthSeverity:
				t.Errorf("%s: width issue is a %s, the form says %s", ptr, got.Severity, f.WidthSeverity)
			}
		}
	}
	if n != len(widthLimits) {
		t.Errorf("%d fields have a width, %d limits are listed", n, len(widthLimits))
	}
}

func TestReadForm(t *testing.T) {
	for _, tc := range []struct {
		text  string
		want  string
		fatal bool
		stop  string // code:line of Stop
	}{
		{`{"a": 1, "a": 2, "b": [true, null, "x"]}`, `{"a":2,"b":[true,null,"x"]}`, false, ""},
		{"{'a': 1,}", `{"a":1}`, false, ""},                                        // slips stepped over, as the validator reads them
		{`{"a": 1, "b": ?}`, `{"a":1}`, true, "syntax.unexpected:1"},               // what was read before the error
		{`{"a": 1, "b", "c": 2}`, `{"a":1,"c":2}`, true, "syntax.missing_value:1"}, // a key with no value: read past, read-only
		{`{"a": {"t": }, "c": 2}`, `{"a":{},"c":2}`, true, "syntax.missing_value:1"},
		{``, `null`, true, "syntax.empty:1"},
		// The first error no edit fixes, not the slip before it.
		{"{'a': 1,\n \"b\": ,\n \"c\": ?}", `{"a":1}`, true, "syntax.missing_value:2"},
		{"{'a': 1,\n \"c\": ?,\n \"b\": }", `{"a":1}`, true, "syntax.unexpected:2"},
	} {
		got := ReadForm(tc.text)
		b, _ := json.Marshal(got.Value)
		stop := ""
		if got.Stop != nil {
			stop = got.Stop.Code + ":" + strconv.Itoa(got.Stop.Line)
		}
		if string(b) != tc.want || got.Fatal != tc.fatal || stop != tc.stop {
			t.Errorf("ReadForm(%q) = %s fatal %v stop %q; want %s fatal %v stop %q", tc.text, b, got.Fatal, stop, tc.want, tc.fatal, tc.stop)
		}
	}
}

// TestReadFormStopPastTheCap: the key with no value is named even when the
// report lists only the slips before it.
func TestReadFormStopPastTheCap(t *testing.T) {
	text := "[" + strings.Repeat("1 ", 2*MaxIssues) + "\n{\"k\": }]"
	if got := ReadForm(text); got.Stop == nil || got.Stop.Code != "syntax.missing_value" || got.Stop.Line != 2 {
		t.Errorf("ReadForm stop = %+v, want syntax.missing_value on line 2", got.Stop)
	}
}
