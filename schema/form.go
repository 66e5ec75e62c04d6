package schema

import (
	"strings"
	"sync"
)

// The form's field metadata. A form view is generated from it, never
// written per field: Fields walks the embedded create-product.schema.json
// (so a field added to the schema appears in the form with no code), and
// adds what the schema cannot say in a form's terms: the display-width
// limits the rules check (width.go, rules.go), the labels of enum values
// (4 → 京东), the advised image sizes. The labels and help come from the
// schema's own titles ("中文 · English") and descriptions ("中文\nEnglish").

// A Field describes one value of the document as the form shows it.
type Field struct {
	// Path is the JSON Pointer of the value, with "*" standing for any
	// index of an array: /brand_info/detail_info/detail_list/*/title.
	Path string `json:"path"`
	// Action is the action type whose card holds the field, for the fields
	// of an action_list item that depend on its type ("" for the others).
	Action string `json:"action,omitempty"`
	// Type is the JSON type the form writes: object, array, string,
	// integer, number or boolean. Types lists every type the schema accepts
	// when it accepts more than one (category_id: integer or string).
	Type  string   `json:"type"`
	Types []string `json:"types,omitempty"`

	Label string `json:"label"`
	Help  string `json:"help,omitempty"`

	// Required: the value must be there whenever its parent is. RequiredIf:
	// it must be there when a sibling has (or, with Not, has not) one of
	// some values (a banner link needs an image).
	Required   bool       `json:"required"`
	RequiredIf *Condition `json:"requiredIf,omitempty"`

	// Width is the display-width limit the rules check (Form.Wide says how
	// to count), and WidthSeverity what going over it is: an error, or a
	// warning for the title, which the client cuts with an ellipsis.
	Width         int        `json:"width,omitempty"`
	WidthSeverity Severity   `json:"widthSeverity,omitempty"`
	WidthIf       *Condition `json:"widthIf,omitempty"` // the limit holds only then (a normal link's name, not a banner's)

	// Enum lists the values the form offers, each with its label. Values
	// the schema tolerates in another spelling ("4" for 4, true for
	// "true") are not offered: the rules warn about them.
	Enum []Choice `json:"enum,omitempty"`

	// Format names the kind of string: url, price, color or code.
	Format   string `json:"format,omitempty"`
	Pattern  string `json:"pattern,omitempty"`
	MinItems int    `json:"minItems,omitempty"`
	MaxItems int    `json:"maxItems,omitempty"`

	// Image is the advised size of the picture an image URL points to.
	Image *ImageAdvice `json:"image,omitempty"`
}

// A Condition is the sibling value a RequiredIf depends on.
type Condition struct {
	Key    string `json:"key"`
	Values []any  `json:"values"`
	Not    bool   `json:"not,omitempty"` // required when the sibling is absent or none of Values
}

// A Choice is one value of an enum and what it means.
type Choice struct {
	Value any    `json:"value"`
	Label string `json:"label"`
	Help  string `json:"help,omitempty"`
}

// ImageAdvice is the size the API doc advises for an image; MaxKB 0 when
// it gives none.
type ImageAdvice struct {
	Width  int    `json:"width"`
	Height int    `json:"height"`
	MaxKB  int    `json:"maxKB,omitempty"`
	Advice string `json:"advice"` // "180×180 像素，不超过 50 KB"
}

// A Form is the metadata of every field, in the schema's order (parents
// before their children), and the display-width rule.
type Form struct {
	Fields []Field `json:"fields"`
	// Wide holds the code point ranges counted 1 by the display-width rule;
	// every other character counts 0.5 (width.go). The form's counters use
	// this table, the validator's own.
	Wide [][2]rune `json:"wide"`
}

// An itemStep stands for any index of an array in a Field's Path.
const itemStep = "*"

// widthLimit is a display-width limit a rule checks.
type widthLimit struct {
	limit int
	sev   Severity
	when  *Condition
}

// widthLimits are the limits of rules.go and actions.go, by field key
// (path, or path and action type). A test checks each against the
// validator, so that the form's counter and the rules cannot drift apart.
var widthLimits = map[string]widthLimit{
	"/brand_info/base_info/title":                          {TitleWidth, Warning, nil},
	"/brand_info/detail_info/banner_list/*/desc":           {detailDescWide, Error, nil},
	"/brand_info/detail_info/detail_list/*/title":          {detailTitleWide, Error, nil},
	"/brand_info/detail_info/detail_list/*/desc":           {detailDescWide, Error, nil},
	"/brand_info/action_info/action_list/*/name link":      {linkNameWidth, Error, notBanner},
	"/brand_info/action_info/action_list/*/digest link":    {digestWidth, Error, notBanner},
	"/brand_info/action_info/action_list/*/digest card":    {digestWidth, Error, nil},
	"/brand_info/action_info/action_list/*/digest product": {digestWidth, Error, nil},
}

// notBanner: a normal link's name and digest are limited, a banner
// link's are not checked (actions.go).
var notBanner = &Condition{Key: "showtype", Values: []any{"banner"}, Not: true}

var keystandardChoices = []choiceText{
	{"ean13", Msg("EAN-13 商品条码", "EAN-13 barcode"), Msg("13 位数字，最后一位是校验位。", "13 digits, the last one a check digit.")},
	{"ean8", Msg("EAN-8 商品条码", "EAN-8 barcode"), Msg("8 位数字，最后一位是校验位。", "8 digits, the last one a check digit.")},
	{"qrcode", Msg("二维码", "QR code"), Msg("自定义编码，1 到 20 个字母、数字、_ 或 -（较新的文档才有）。", "Your own code, 1 to 20 letters, digits, _ or - (in the newer doc only).")},
}

// choiceText is a Choice in both languages.
type choiceText struct {
	value       any
	label, help Message
}

// enumLabels label the values of every enum of the schema, by field key.
var enumLabels = map[string][]choiceText{
	"/keystandard": keystandardChoices,
	"/brand_info/action_info/action_list/*/recommend/recommend_list/*/keystandard recommend": keystandardChoices,
	"/brand_info/base_info/store_mgr_type": {
		{"auto", Msg("自动", "Automatic"), Msg("由微信识别并展示售卖本商品的电商渠道。", "WeChat finds the shops that sell the product and shows them.")},
		{"custom", Msg("自选渠道", "Chosen shops"), Msg("只展示 store_vendorid_list 中选定的电商渠道。", "Only the shops chosen in store_vendorid_list are shown.")},
	},
	"/brand_info/action_info/action_list/*/type": {
		{"media", Msg("视频播放", "Video"), Msg("v.qq.com 上的视频和一张封面；与图片跳转二选一。", "A video on v.qq.com with a cover image; a page has this or an image banner.")},
		{"text", Msg("文字介绍", "Text"), Msg("一段文字，最多一个。", "A text; at most one.")},
		{"link", Msg("链接", "Link"), Msg("普通链接（名称和链接），或 showtype 为 banner 的图片跳转。", "A normal link (a name and a URL), or an image banner with showtype banner.")},
		{"user", Msg("公众号", "Official account"), Msg("关注公众号的入口，最多一个。", "An entry to follow an official account; at most one.")},
		{"card", Msg("微信卡券", "Card"), Msg("领取卡券的入口，最多一个。", "An entry to take a card; at most one.")},
		{"price", Msg("建议零售价", "Retail price"), Msg("没有微信小店或电商链接时必须有。", "Needed when there is no product or store action.")},
		{"product", Msg("微信小店", "WeChat store"), Msg("微信小店里的商品。", "The product in a WeChat store.")},
		{"store", Msg("电商链接", "Shop link"), Msg("电商网站上的购买页和售价。", "The product's page on a shop's website, with its price.")},
		{"recommend", Msg("商品推荐", "Recommendations"), Msg("同一账号下已发布的其他商品。", "Other products published under the same account.")},
	},
	"/brand_info/action_info/action_list/*/showtype link": {
		{"banner", Msg("图片跳转", "Image banner"), Msg("整张图片是链接；不计入普通链接的数量。", "The whole image is the link; it does not count as a normal link.")},
	},
	"/brand_info/action_info/action_list/*/recommend/recommend_type recommend": {
		{"appointed", Msg("指定商品", "Chosen products"), Msg("推荐 recommend_list 中列出的商品。", "Recommend the products of recommend_list.")},
	},
	"/brand_info/module_info/module_list/*/type": {
		{"anti_fake", Msg("防伪组件", "Anti-fake"), Msg("商品主页上的防伪查询入口。", "An anti-fake check entry on the product page.")},
	},
	"/brand_info/module_info/module_list/*/native_show": {
		{"true", Msg("使用微信防伪弹窗", "WeChat's anti-fake popup"), Msg("", "")},
		{"false", Msg("使用自己的防伪查询链接", "My own anti-fake check page"), Msg("需要填写 anti_fake_url。", "anti_fake_url is then required.")},
	},
}

// vendorChoices are store_vendorid_list's values: the channels of product.go.
func vendorChoices() []choiceText {
	out := make([]choiceText, len(vendors))
	for i, v := range vendors {
		out[i] = choiceText{v.ID, v.Name, Message{}}
	}
	return out
}

// imageAdvice is the advised size of the images of product-rules.md.
var imageAdvice = map[string]ImageAdvice{
	"/brand_info/base_info/thumb_url":                   {Width: 180, Height: 180, MaxKB: 50},
	"/brand_info/detail_info/banner_list/*/link":        {Width: 640, Height: 320, MaxKB: 200},
	"/brand_info/action_info/action_list/*/image media": {Width: 690, Height: 320, MaxKB: 200},
}

// fieldLabels name the values the schema gives no title.
var fieldLabels = map[string]Message{
	"":                                    Msg("商品", "Product"),
	"/brand_info/module_info/module_list": Msg("组件列表", "Module list"),
	"/brand_info/action_info/action_list/*/retail_price price":                               Msg("建议零售价（元）", "Retail price (yuan)"),
	"/brand_info/action_info/action_list/*/sale_price store":                                 Msg("售价（元）", "Sale price (yuan)"),
	"/brand_info/base_info/store_vendorid_list/*":                                            Msg("电商渠道", "Shop"),
	"/brand_info/detail_info/banner_list/*":                                                  Msg("横幅图片", "Banner image"),
	"/brand_info/detail_info/detail_list/*":                                                  Msg("属性", "Attribute"),
	"/brand_info/module_info/module_list/*":                                                  Msg("组件", "Module"),
	"/brand_info/action_info/action_list/*/recommend/recommend_list/*/keystandard recommend": Msg("商品编码标准", "Code standard"),
	"/brand_info/action_info/action_list/*/recommend recommend":                              Msg("推荐设置", "Recommendation"),
	"/brand_info/action_info/action_list/*/recommend/recommend_list/*/keystr recommend":      Msg("商品编码内容", "Code"),
}

// fieldKey is how the tables above name a field: its path, and its action
// type when it has one.
func fieldKey(path, action string) string {
	if action == "" {
		return path
	}
	return path + " " + action
}

// formFields are the fields in both languages, walked once.
var formFields struct {
	once   sync.Once
	fields []fieldText
}

// fieldText is a Field before it is put into one language.
type fieldText struct {
	Field
	label, help Message
	enum        []choiceText
}

// Fields returns the metadata of every field of the document, in lang.
func Fields(lang Lang) Form {
	formFields.once.Do(func() { formFields.fields = walkSchema() })
	out := Form{Fields: make([]Field, len(formFields.fields)), Wide: wideRanges[:]}
	for i, ft := range formFields.fields {
		f := ft.Field
		f.Label = ft.label.In(lang)
		f.Help = ft.help.In(lang)
		for _, c := range ft.enum {
			f.Enum = append(f.Enum, Choice{Value: c.value, Label: c.label.In(lang), Help: c.help.In(lang)})
		}
		if f.Image != nil {
			img := *f.Image
			img.Advice = Msg("推荐 %d×%d 像素", "Advised %d×%d px", img.Width, img.Height).In(lang)
			if img.MaxKB > 0 {
				img.Advice += Msg("，不超过 %d KB", ", at most %d KB", img.MaxKB).In(lang)
			}
			f.Image = &img
		}
		out.Fields[i] = f
	}
	return out
}

// schemaWalker walks the schema's tree (our own parser keeps the order of
// its properties, which is the form's order).
type schemaWalker struct {
	defs *Node
	out  []fieldText
}

func walkSchema() []fieldText { return walkSchemaText(string(schemaJSON)) }

// walkSchemaText walks the schema text s.
func walkSchemaText(s string) []fieldText {
	root := Parse(s).Root
	w := &schemaWalker{defs: root.Get("definitions")}
	w.field("", "", root, nil, true)
	return w.out
}

// resolve follows $ref; the referring node's own keywords (title,
// description) win over the definition's.
func (w *schemaWalker) resolve(s *Node) (own, def *Node, ref string) {
	r := s.Get("$ref")
	if r == nil || r.Kind != String {
		return s, s, ""
	}
	ref = strings.TrimPrefix(r.Str, "#/definitions/")
	return s, w.defs.Get(ref), ref
}

// get returns keyword k of own, else of def.
func get(own, def *Node, k string) *Node {
	if n := own.Get(k); n != nil {
		return n
	}
	return def.Get(k)
}

// field adds the field at path, described by s, then its children.
func (w *schemaWalker) field(path, action string, s *Node, cond *Condition, required bool) {
	own, def, ref := w.resolve(s)
	key := fieldKey(path, action)
	ft := fieldText{Field: Field{Path: path, Action: action, Required: required, RequiredIf: cond}}
	if t := get(own, def, "type"); t != nil {
		if t.Kind == String {
			ft.Type = t.Str
		} else {
			for _, it := range t.Items {
				ft.Types = append(ft.Types, it.Str)
			}
			if len(ft.Types) > 0 {
				ft.Type = ft.Types[0]
			}
		}
	}
	if ft.Type == "" {
		// An enum without a type (store_vendorid_list's items): the type
		// of its first value, the one the form writes.
		if e := get(own, def, "enum"); e != nil && len(e.Items) > 0 {
			ft.Type = e.Items[0].Kind.String()
			if ft.Type == "number" {
				ft.Type = "integer"
			}
		}
	}
	if t := get(own, def, "title"); t != nil {
		zh, en, _ := strings.Cut(t.Str, " · ")
		ft.label = Message{zh, en}
	}
	if m, ok := fieldLabels[key]; ok {
		ft.label = m
	}
	if d := get(own, def, "description"); d != nil {
		zh, en, _ := strings.Cut(d.Str, "\n")
		ft.help = Message{zh, en}
	}
	if p := get(own, def, "pattern"); p != nil {
		ft.Pattern = p.Str
	}
	switch {
	case ref == "url" || strings.HasPrefix(ft.Pattern, "^https?://"):
		ft.Format = "url"
	case ref == "price":
		ft.Format = "price"
	case path == "/brand_info/base_info/color":
		ft.Format = "color"
	case strings.HasSuffix(path, "keystr"):
		ft.Format = "code"
	}
	if n := get(own, def, "minItems"); n != nil {
		ft.MinItems, _ = smallInt(n.Str)
	}
	if n := get(own, def, "maxItems"); n != nil {
		ft.MaxItems, _ = smallInt(n.Str)
	}
	if wl, ok := widthLimits[key]; ok {
		ft.Width, ft.WidthSeverity, ft.WidthIf = wl.limit, wl.sev, wl.when
	}
	if strings.HasSuffix(path, "/store_vendorid_list/*") {
		ft.enum = vendorChoices()
	} else {
		ft.enum = enumLabels[key]
	}
	if a, ok := imageAdvice[key]; ok {
		ft.Image = &a
	}
	w.out = append(w.out, ft)

	// The children: an object's properties, an array's items, and for an
	// action item the properties of each type's branch.
	props := get(own, def, "properties")
	req := map[string]bool{}
	if r := get(own, def, "required"); r != nil {
		for _, it := range items(r) {
			req[it.Str] = true
		}
	}
	// if/then/else on a sibling: {"if": {"properties": {K: {"const"|"enum"}}}, "then"|"else": {"required": [...]}}.
	conds := map[string]*Condition{}
	if iff := get(own, def, "if"); len(fields(iff.Get("properties"))) == 1 {
		p := iff.Get("properties").Fields[0]
		var vals []any
		if c := p.Get("const"); c != nil {
			vals = []any{c.Value()}
		} else if e := p.Get("enum"); e != nil {
			vals, _ = e.Value().([]any)
		}
		then := map[string]bool{}
		for _, r := range items(get(own, def, "then").Get("required")) {
			then[r.Str] = true
		}
		for _, r := range items(get(own, def, "else").Get("required")) {
			if then[r.Str] {
				req[r.Str] = true // required either way
			} else if !req[r.Str] {
				conds[r.Str] = &Condition{Key: p.Key, Values: vals, Not: true}
			}
			delete(then, r.Str)
		}
		for k := range then {
			if !req[k] {
				conds[k] = &Condition{Key: p.Key, Values: vals}
			}
		}
	}
	for _, p := range fields(props) {
		w.field(path+"/"+escapePointer(p.Key), action, p, conds[p.Key], req[p.Key])
	}
	if it := get(own, def, "items"); it != nil && ft.Type == "array" {
		w.field(path+"/"+itemStep, action, it, nil, true)
	}
	if ref == "action" {
		for _, b := range items(def.Get("allOf")) {
			typ := b.Get("if").Get("properties").Get("type").Get("const")
			branch := b.Get("then")
			if typ == nil || branch == nil {
				continue
			}
			_, bdef, _ := w.resolve(branch)
			w.branch(path, typ.Str, bdef)
		}
	}
}

// branch adds the fields of an action type's branch, under the action
// item at path.
func (w *schemaWalker) branch(path, typ string, def *Node) {
	tmp := &schemaWalker{defs: w.defs}
	// Walk the branch as an object of its own, then keep its children.
	tmp.field(path, typ, def, nil, true)
	w.out = append(w.out, tmp.out[1:]...)
}

// fields returns the members of an object node; nil for anything else.
func fields(n *Node) []*Node {
	if n == nil || n.Kind != Object {
		return nil
	}
	return n.Fields
}

// A FormState is what a form shows of a text: its value as the validator
// reads it (slips stepped over, the last of two keys), so that the page
// never reads JSON itself. Fatal: the text has a syntax error that could
// not be stepped over, or a key with no value yet (Holes); Value is then
// what was read, which a form shows read-only (FormEdit refuses such a
// text: a field set in the form would add a second key beside the hole).
// Stop, when Fatal, says why, so that a page names the line to mend
// without reading the issues itself.
type FormState struct {
	Value any       `json:"value"`
	Fatal bool      `json:"fatal"`
	Stop  *FormStop `json:"stop,omitempty"`
}

// A FormStop is the syntax error that makes a text read-only in a form:
// its code (syntax.missing_value for a key with no value, else the error
// the parser could not step over) and its line.
type FormStop struct {
	Code string `json:"code"`
	Line int    `json:"line"`
}

// ReadForm parses text and returns what a form shows of it.
func ReadForm(text string) FormState {
	d := Parse(text)
	s := FormState{Value: d.Root.Value(), Fatal: d.partial()}
	if s.Fatal {
		s.Stop = d.stop()
	}
	return s
}
