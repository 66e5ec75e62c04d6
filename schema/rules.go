package schema

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"scanpage/schema/gtin"
)

// A checker collects the findings about one parsed text (the document or
// the merchant context) and knows how to point at its tokens.
type checker struct {
	text   string
	top    shape  // the shape of the root: shapeRoot or shapeMerchant
	source string // "" for the document, SourceMerchant for the merchant
	out    []finding
	left   tally // the findings no report will list, counted
	// merchant is the document's merchant context, nil when none.
	merchant *merchant
	spare    finding // what add returns for one of those
}

// add records f, or only counts it when no report will list it; either
// way the caller may set the fix of what it returns.
func (c *checker) add(f finding) *finding {
	if f.source == "" {
		f.source = c.source
	}
	if c.left.leftOut(f.start) {
		c.left.count(f)
		c.spare = finding{}
		return &c.spare
	}
	c.out = append(c.out, f)
	c.left.record(f.start)
	return &c.out[len(c.out)-1]
}

// openSpan is the opening bracket of a container (one character, which may
// be a full-width ｛ the parser stepped over).
func (c *checker) openSpan(n *Node) (int, int) {
	_, size := utf8.DecodeRuneInString(c.text[n.Start:])
	return n.Start, n.Start + size
}

// keySpan is the key of a member, or the opening bracket of a container
// that has no key (the root, an array item).
func (c *checker) keySpan(n *Node) (int, int) {
	if n.KeyStart >= 0 {
		return n.KeyStart, n.KeyEnd
	}
	if n.Kind == Object || n.Kind == Array {
		return c.openSpan(n)
	}
	return n.Start, n.End
}

// valueSpan is a scalar's token; a container is never underlined whole:
// its key stands for it, or its opening bracket.
func (c *checker) valueSpan(n *Node) (int, int) {
	if n.Kind == Object || n.Kind == Array {
		return c.keySpan(n)
	}
	return n.Start, n.End
}

// itemSpan is where an issue about an array item as a whole points: the
// value of its "type" when it has one (the 2nd "text"), else its bracket.
func (c *checker) itemSpan(item *Node) (int, int) {
	if t := item.Get("type"); t != nil && t.Kind != Object && t.Kind != Array {
		return t.Start, t.End
	}
	return c.keySpan(item)
}

// atValue adds a finding about the value n.
func (c *checker) atValue(n *Node, sev Severity, code string, errcode int, msg Message) *finding {
	s, e := c.valueSpan(n)
	return c.add(finding{sev: sev, code: code, errcode: errcode, path: n.Pointer(), start: s, end: e, msg: msg})
}

// atKey adds a finding about the member n, pointing at its key.
func (c *checker) atKey(n *Node, sev Severity, code string, errcode int, msg Message) *finding {
	s, e := c.keySpan(n)
	return c.add(finding{sev: sev, code: code, errcode: errcode, path: n.Pointer(), start: s, end: e, msg: msg})
}

// atItem adds a finding about an array item as a whole.
func (c *checker) atItem(item *Node, sev Severity, code string, errcode int, msg Message) *finding {
	s, e := c.itemSpan(item)
	return c.add(finding{sev: sev, code: code, errcode: errcode, path: item.Pointer(), start: s, end: e, msg: msg})
}

// checkDocument applies every rule of product-rules.md to a document that
// parsed (possibly after stepping over slips): the JSON Schema, then the
// rules in Go, then the merchant context when there is one.
func checkDocument(d *Document, m *merchant) *checker {
	root := d.Root
	if root == nil {
		return &checker{}
	}
	if root.Kind != Object {
		c := &checker{text: d.Text, top: shapeRoot}
		f := c.add(finding{sev: Error, code: "document.not_object", start: root.Start, end: root.End,
			msg: Msg("文档顶层是%s，应为一个 JSON 对象 {…}。", "The document's top level is %s; a JSON object {…} is expected.", zhSpaced(kindName(root.Kind.String())))})
		// An array holding one object is most likely a document wrapped
		// by an export: unwrapping it is the fix.
		if root.Kind == Array && len(root.Items) == 1 && root.Items[0].Kind == Object {
			it := root.Items[0]
			f.fix = textFix(d.Text[it.Start:it.End])
		}
		return c
	}
	c := &checker{text: d.Text, top: shapeRoot, merchant: m}
	e, err := theEngine.get()
	if err != nil {
		// The embedded schema failed to compile: a bug, never the user's.
		c.add(finding{sev: Error, code: "internal.schema", start: root.Start, end: root.Start + 1,
			msg: Msg("内部错误：JSON Schema 无法编译（%s）。", "Internal error: the JSON Schema does not compile (%s).", err.Error())})
	} else {
		for _, se := range schemaErrors(e, d) {
			c.schemaFinding(se)
		}
	}
	c.keys(root, shapeRoot)
	code := c.keystr(root)
	bi := root.Get("brand_info")
	c.base(bi.Get("base_info"))
	c.detail(bi.Get("detail_info"))
	c.actions(bi.Get("action_info").Get("action_list"), code)
	c.modules(bi.Get("module_info").Get("module_list"))
	if m != nil {
		c.merchantRules(root, code, m)
	}
	return c
}

// A productCode is a code as read from the document, and as corrected when
// the correction is certain: what the merchant and recommendation rules
// compare.
type productCode struct {
	node     *Node  // the keystr value
	standard string // ean13, ean8, qrcode, or "" when it is not known
	code     string // the corrected code when checkCode has a fix, else keystr
	ok       bool   // no error: code is a well-formed code of standard
}

// keystr checks the document's code with checkCode, at the keystr value.
func (c *checker) keystr(root *Node) productCode {
	return c.code(root, "", 0)
}

// code checks the code of obj (the document, or an item of recommend_list)
// with checkCode: findings at its keystr value, codes prefixed with prefix,
// errcode errcode instead of 61305 when not 0.
func (c *checker) code(obj *Node, prefix string, errcode int) productCode {
	ks, std := obj.Get("keystr"), obj.Get("keystandard")
	if ks == nil || ks.Kind != String {
		return productCode{}
	}
	standard, known := "", false
	switch {
	case std == nil:
		known = true // infer from the length, as for a bare code
	case std.Kind == String:
		for _, s := range []string{gtin.EAN13, gtin.EAN8, "qrcode"} {
			if strings.EqualFold(std.Str, s) {
				standard, known = s, true
			}
		}
	}
	if !known {
		// keystandard is wrong; its own issue says so, and there is no
		// rule to check the code against.
		return productCode{node: ks}
	}
	pc := productCode{node: ks, standard: standard, code: ks.Str, ok: true}
	for _, f := range checkCode(ks.Str, standard) {
		ec := f.Errcode
		if ec != 0 && errcode != 0 {
			ec = errcode
		}
		fd := c.atValue(ks, f.Severity, prefix+f.Code, ec, f.Message)
		if f.Fix != "" {
			fd.fix = ValueFix(ks.Pointer(), f.Fix)
			pc.code = f.Fix
		}
		if f.Severity == Error && f.Fix == "" {
			pc.ok = false
		}
	}
	if pc.standard == "" && pc.ok {
		pc.standard = gtin.EAN13
		if len(pc.code) == 8 {
			pc.standard = gtin.EAN8
		}
	}
	return pc
}

// TitleWidth is the display width of base_info.title the WeChat client
// shows; a wider title is cut with an ellipsis (a warning here, and what
// the preview draws).
const TitleWidth = 15

// Display-width limits of product-rules.md, in characters of width 1.
const (
	detailTitleWide = 6  // detail_list[].title
	detailDescWide  = 80 // detail_list[].desc, banner_list[].desc
	linkNameWidth   = 12 // a normal link's name
	digestWidth     = 5  // digest of link, card, product
)

// overWidth returns the display width of the string n, in halves, when it
// is over limit.
func overWidth(n *Node, limit int) (halves int, over bool) {
	if n == nil || n.Kind != String {
		return 0, false
	}
	w := halfWidths(n.Str)
	return w, w > 2*limit
}

// width checks the display width of the string n against limit, a limit
// the API doc states ("不超过 N 个汉字"): over it is an error. Only the
// title's width is advice (the client cuts it), with a message of its own.
func (c *checker) width(n *Node, limit int, sev Severity, code string, errcode int) {
	if w, over := overWidth(n, limit); over {
		c.atValue(n, sev, code, errcode, Msg("%s 宽 %s 个汉字（汉字和全角字符计 1，其他字符计 0.5），超过了接口文档规定的上限 %d（“不超过 %[3]d 个汉字”）。",
			"%s is %s wide (CJK and full-width characters count 1, others 0.5), over the limit of %d the API doc sets (\"at most %[3]d Chinese characters\").", name(n), widthText(w), limit))
	}
}

// base applies the rules of base_info a schema cannot say.
func (c *checker) base(base *Node) {
	if base == nil || base.Kind != Object {
		return
	}
	if t := base.Get("title"); t != nil {
		if w, over := overWidth(t, TitleWidth); over {
			c.atValue(t, Warning, "base.title.width", 0, Msg("商品名称 title 宽 %s 个汉字（汉字和全角字符计 1，其他字符计 0.5），客户端只显示约 %d 个，其余以省略号显示。",
				"title is %s wide (CJK and full-width characters count 1, others 0.5); the client shows about %d and cuts the rest with an ellipsis.", widthText(w), TitleWidth))
		}
	}

	if cat := base.Get("category_id"); cat != nil {
		switch {
		case cat.Kind == String && isDigits(cat.Str):
			f := c.atValue(cat, Warning, "base.category_id.string", 0, Msg("category_id 是字符串 %s；API 文档要求整数，有些 SDK 发送字符串也能通过，但最好写成数字。",
				"category_id is the string %s; the API doc asks for an integer, and although some SDKs send strings, a number is safer.", literal(cat)))
			f.fix = ValueFix(cat.Pointer(), json.Number(trimZeros(cat.Str)))
		case cat.Kind == Number && cat.Str == "0":
			f := c.atValue(cat, Warning, "base.category_id.zero", 0, Msg("category_id 是 0，这是示例里的占位值，不是真实类目；请使用“获取商户信息”接口返回的 verified_cate_id。",
				"category_id is 0, the placeholder of the doc's sample and no real category; use a verified_cate_id from merchantinfo/get."))
			if id, ok := c.merchant.onlyCategory(); ok {
				f.fix = ValueFix(cat.Pointer(), json.Number(id))
			}
		}
	}

	typ := base.Get("store_mgr_type")
	list := base.Get("store_vendorid_list")
	for _, it := range items(list) {
		if it.Kind == String && isVendor(it.Str) {
			f := c.atValue(it, Warning, "base.store_vendorid_list.string", 0, Msg("渠道编号是字符串 %s；应写成数字。", "The channel id is the string %s; it should be a number.", literal(it)))
			f.fix = ValueFix(it.Pointer(), json.Number(it.Str))
		}
	}
	custom := typ != nil && typ.Kind == String && typ.Str == "custom"
	switch {
	case custom && (list == nil || list.Kind == Array && len(list.Items) == 0):
		at := typ
		if list != nil {
			at = list
		}
		c.atValue(at, Warning, "base.store_vendorid_list.empty", 0, Msg("store_mgr_type 是 custom，但 store_vendorid_list 没有任何渠道，购买区不会显示电商渠道；请列出渠道，或改用 auto。",
			"store_mgr_type is custom but store_vendorid_list names no channel, so no shop will show; list the channels, or use auto."))
	case !custom && list != nil && list.Kind == Array && len(list.Items) > 0:
		c.atKey(list, Warning, "base.store_vendorid_list.ignored", 0, Msg("store_vendorid_list 只在 store_mgr_type 为 custom 时生效；现在它会被忽略。",
			"store_vendorid_list only applies when store_mgr_type is custom; as it is, it is ignored."))
	}

	for _, f := range base.Fields {
		if slices.Contains(responseOnly, f.Key) {
			c.atKey(f, Info, "base.response_only", 0, Msg("%s 是 product/get 返回的字段，创建商品时会被忽略。", "%s is returned by product/get and ignored by create.", f.Key))
		}
	}
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isVendor reports whether s is a channel id as a digit string ("4").
func isVendor(s string) bool {
	for _, v := range vendors {
		if strconv.Itoa(v.ID) == s {
			return true
		}
	}
	return false
}

// detail applies the width rules of detail_info.
func (c *checker) detail(det *Node) {
	for _, b := range items(det.Get("banner_list")) {
		c.width(b.Get("desc"), detailDescWide, Error, "detail.banner.desc.width", errDetail)
	}
	for _, r := range items(det.Get("detail_list")) {
		c.width(r.Get("title"), detailTitleWide, Error, "detail.row.title.width", errDetail)
		c.width(r.Get("desc"), detailDescWide, Error, "detail.row.desc.width", errDetail)
	}
}
