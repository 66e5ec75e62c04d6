package schema

import (
	"encoding/json"
	"slices"
	"strings"

	"scanpage/schema/gtin"
)

// The merchant context: the merchantinfo/get response, which says what the
// account may use. Two shapes exist:
//
//	old: verified_cate_list [{verified_cate_id, verified_cate_name}],
//	     verified_firm_code_list [int], brand_tag_list [string]
//	new: brand_tag_list, verified_list [{verified_firm_code, verified_cate_list}]
//
// Both are read (a response holding both is read as their union). The
// response is checked too, by its own schema (merchantinfo.schema.json)
// and a few rules, with issues positioned in its own text and marked
// source "merchant".
type merchant struct {
	firms     []firm
	cates     []category // old shape: the account's categories
	tags      []string
	hasTags   bool // brand_tag_list is present: brand_tag is checked
	hasFirms  bool
	hasCates  bool
	newShape  bool
	cateNames map[string]string // id → name, for messages
}

// A firm is a verified firm code (号段) and, in the new shape, the
// categories verified for it.
type firm struct {
	code  string
	cates []category
}

type category struct{ id, name string }

// The lengths of a firm code: 7 to 9 digits for EAN-13 (GB 12904), and an
// EAN-8's firm code is the whole 8-digit code.
const (
	minFirmCode = 7
	maxFirmCode = 9
)

// readMerchant parses and checks the merchant context. It returns the
// context (nil when it is unusable), the parsed text to position the
// findings in, and the findings.
func readMerchant(src string) (*merchant, *Document, *checker) {
	d := Parse(src)
	c := &checker{text: src, top: shapeMerchant, source: SourceMerchant}
	for _, f := range d.syntax {
		c.add(f)
	}
	c.left.merge(&d.left)
	for _, o := range c.left.over {
		o.first.source = c.source // the parser's, counted without a source
	}
	root := d.Root
	if d.Fatal || root == nil {
		return nil, d, c
	}
	if root.Kind != Object {
		c.atValue(root, Error, "merchant.not_object", 0, Msg("商户信息的顶层是%s，应为 merchantinfo/get 返回的 JSON 对象。",
			"The merchant context's top level is %s; the JSON object merchantinfo/get returns is expected.", zhSpaced(kindName(root.Kind.String()))))
		return nil, d, c
	}
	e, err := theEngine.get()
	if err == nil {
		es := runSchema(e.merchant, root, root.Value(), nil, nil)
		sortSchemaErrors(es)
		for _, se := range es {
			c.schemaFinding(se)
		}
	}
	c.keys(root, shapeMerchant)

	if ec := root.Get("errcode"); ec != nil && ec.Kind == Number && ec.Str != "0" {
		msg := text(root.Get("errmsg"))
		c.atValue(ec, Error, "merchant.errcode", 0, Msg("商户信息是一个错误返回（errcode %s，errmsg %s），不含商户的号段和类目。",
			"The merchant context is an error response (errcode %s, errmsg %s) and holds no firm codes or categories.", ec.Str, Quote(msg)))
		return nil, d, c
	}
	m := &merchant{cateNames: map[string]string{}}
	if l := root.Get("verified_firm_code_list"); l != nil && l.Kind == Array {
		m.hasFirms = true
		for _, it := range l.Items {
			if code, ok := c.firmCode(it); ok {
				m.firms = append(m.firms, firm{code: code})
			}
		}
	}
	if l := root.Get("verified_list"); l != nil && l.Kind == Array {
		m.hasFirms, m.newShape = true, true
		for _, it := range l.Items {
			code, ok := c.firmCode(it.Get("verified_firm_code"))
			if !ok {
				continue
			}
			f := firm{code: code}
			if cl := it.Get("verified_cate_list"); cl != nil && cl.Kind == Array {
				m.hasCates = true
				f.cates = m.readCates(cl)
			}
			m.firms = append(m.firms, f)
		}
	}
	if l := root.Get("verified_cate_list"); l != nil && l.Kind == Array {
		m.hasCates = true
		m.cates = m.readCates(l)
	}
	if l := root.Get("brand_tag_list"); l != nil && l.Kind == Array {
		m.hasTags = true
		for _, it := range l.Items {
			if it.Kind == String {
				m.tags = append(m.tags, it.Str)
			}
		}
	}
	if !m.hasFirms && !m.hasCates && !m.hasTags {
		c.atKey(root, Error, "merchant.shape", 0, Msg("商户信息中既没有 verified_firm_code_list、verified_cate_list（旧格式），也没有 verified_list（新格式）或 brand_tag_list；它不像 merchantinfo/get 的返回。",
			"The merchant context has no verified_firm_code_list or verified_cate_list (old shape), no verified_list (new shape) and no brand_tag_list; it does not look like a merchantinfo/get response."))
		return nil, d, c
	}
	return m, d, c
}

// firmCode reads a firm code (a number, or a digit string) and warns when
// its length is not a firm code's.
func (c *checker) firmCode(n *Node) (string, bool) {
	if n == nil || (n.Kind != Number && n.Kind != String) || !isDigits(n.Str) {
		return "", false
	}
	if l := len(n.Str); l < minFirmCode || l > maxFirmCode {
		c.atValue(n, Warning, "merchant.firm_code.length", 0, Msg("号段 %s 有 %d 位；EAN-13 的号段（厂商识别代码）是 7 到 9 位，EAN-8 的号段是 8 位的条码本身。",
			"The firm code %s has %d digits; an EAN-13 firm code is 7 to 9 digits long, and an EAN-8's is the whole 8-digit code.", n.Str, l))
	}
	return n.Str, true
}

// readCates reads a verified_cate_list, remembering the names for messages.
func (m *merchant) readCates(l *Node) []category {
	var out []category
	for _, it := range l.Items {
		id := it.Get("verified_cate_id")
		if id == nil || (id.Kind != Number && id.Kind != String) || !isDigits(id.Str) {
			continue
		}
		c := category{id: trimZeros(id.Str), name: text(it.Get("verified_cate_name"))}
		out = append(out, c)
		if c.name != "" {
			m.cateNames[c.id] = c.name
		}
	}
	return out
}

func trimZeros(s string) string {
	if t := strings.TrimLeft(s, "0"); t != "" {
		return t
	}
	return "0"
}

// merchantRules checks the document against the merchant context: keystr
// under a verified firm code (61323), category_id verified (61319), and
// verified for that firm code in the new shape (61322), brand_tag among the
// brand tags (63156). Findings are positioned in the document.
func (c *checker) merchantRules(root *Node, code productCode, m *merchant) {
	var covering []firm
	if code.ok && (code.standard == gtin.EAN13 || code.standard == gtin.EAN8) && len(m.firms) > 0 {
		for _, f := range m.firms {
			if code.standard == gtin.EAN8 && f.code == code.code || code.standard == gtin.EAN13 && strings.HasPrefix(code.code, f.code) {
				covering = append(covering, f)
			}
		}
		if len(covering) == 0 {
			c.firmCodeMiss(code, m)
		}
	}
	base := root.Get("brand_info").Get("base_info")
	if cat := base.Get("category_id"); cat != nil && (cat.Kind == Number || cat.Kind == String) && isDigits(cat.Str) && m.hasCates {
		id := trimZeros(cat.Str)
		all := slices.Clone(m.cates)
		for _, f := range m.firms {
			all = append(all, f.cates...)
		}
		switch {
		case !hasCategory(all, id):
			f := c.atValue(cat, Error, "base.category_id.unverified", errCategory, Msg("category_id %s 不在商户已审核的类目中（%s）。",
				"category_id %s is not among the merchant's verified categories (%s).", cat.Str, m.cateList(all)))
			if only, ok := m.onlyCategory(); ok && id == "0" {
				// The sample's placeholder, and the merchant has one
				// category: it is what was meant.
				f.fix = ValueFix(cat.Pointer(), json.Number(only))
			}
		case m.newShape && len(covering) > 0 && !coveredCategory(covering, id):
			var verified []string
			for _, f := range m.firms {
				if hasCategory(f.cates, id) {
					verified = append(verified, f.code)
				}
			}
			c.atValue(cat, Error, "base.category_id.firm_code", errCategoryFirm, Msg("category_id %s 只为号段 %s 审核过，而 keystr 属于号段 %s。",
				"category_id %s is verified for the firm code %s only, and keystr lies under %s.", cat.Str, listText(verified), covering[0].code))
		}
	}
	if tag := base.Get("brand_tag"); tag != nil && tag.Kind == String && m.hasTags && !slices.Contains(m.tags, tag.Str) {
		if s, ok := nearest(tag.Str, m.tags); ok {
			c.atValue(tag, Error, "base.brand_tag.unknown", errBrandTag, Msg("brand_tag %s 不在商户的 brand_tag_list 中；是不是想写 %s？",
				"brand_tag %s is not in the merchant's brand_tag_list; did you mean %s?", literal(tag), Quote(s)))
		} else {
			c.atValue(tag, Error, "base.brand_tag.unknown", errBrandTag, Msg("brand_tag %s 不在商户的 brand_tag_list 中（%s）。",
				"brand_tag %s is not in the merchant's brand_tag_list (%s).", literal(tag), quotedList(m.tags)))
		}
	}
}

// onlyCategory returns the id of the merchant's one verified category,
// when it has exactly one (in either shape); m may be nil.
func (m *merchant) onlyCategory() (string, bool) {
	if m == nil || !m.hasCates {
		return "", false
	}
	id := ""
	for _, cs := range append([][]category{m.cates}, firmCates(m.firms)...) {
		for _, c := range cs {
			switch {
			case id == "":
				id = c.id
			case c.id != id:
				return "", false
			}
		}
	}
	return id, id != "" && isDigits(id)
}

func firmCates(fs []firm) [][]category {
	out := make([][]category, len(fs))
	for i, f := range fs {
		out[i] = f.cates
	}
	return out
}

// firmCodeMiss reports keystr under none of the merchant's firm codes,
// naming its own firm code when GB 12904 fixes its length. The message
// quotes keystr as the document writes it; a corrected code (a check
// digit mended) is the fix of the check digit's own issue, not of this one,
// which the corrected code would not mend.
func (c *checker) firmCodeMiss(code productCode, m *merchant) {
	written := code.node.Str
	var codes []string
	for _, f := range m.firms {
		codes = append(codes, f.code)
	}
	list := listText(codes)
	if len(codes) == 0 {
		list = Msg("没有号段", "none")
	}
	var msg Message
	switch n := gtin.FirmCodeLength(code.code); {
	case code.standard == gtin.EAN8:
		msg = Msg("keystr %s 不是商户的号段（%s）之一；EAN-8 的号段就是条码本身。",
			"keystr %s is not one of the merchant's firm codes (%s); an EAN-8's firm code is the code itself.", written, list)
	case n > 0:
		msg = Msg("keystr %s 不在商户的号段（%s）之下；按 GB 12904，它的厂商识别代码是前 %d 位 %s。",
			"keystr %s lies under none of the merchant's firm codes (%s); by GB 12904 its firm code is the first %d digits, %s.", written, list, n, code.code[:n])
	default:
		msg = Msg("keystr %s 不在商户的号段（%s）之下。", "keystr %s lies under none of the merchant's firm codes (%s).", written, list)
	}
	c.atValue(code.node, Error, "keystr.firm_code", errFirmCode, msg)
}

func hasCategory(cs []category, id string) bool {
	for _, c := range cs {
		if c.id == id {
			return true
		}
	}
	return false
}

func coveredCategory(fs []firm, id string) bool {
	for _, f := range fs {
		if hasCategory(f.cates, id) {
			return true
		}
	}
	return false
}

// maxListed is how many items of a list a message names.
const maxListed = 5

// listText joins up to maxListed items: "a、b" / "a, b", with an ellipsis.
func listText(items []string) Message {
	if len(items) == 0 {
		return Msg("无", "none")
	}
	more := len(items) > maxListed
	items = items[:min(len(items), maxListed)]
	zh, en := strings.Join(items, "、"), strings.Join(items, ", ")
	if more {
		zh += "…"
		en += "…"
	}
	return Message{zh, en}
}

func quotedList(items []string) Message {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = Quote(s)
	}
	return listText(q)
}

// cateList names categories with their names: "200531967 调味品".
func (m *merchant) cateList(cs []category) Message {
	seen := map[string]bool{}
	var out []string
	for _, c := range cs {
		if seen[c.id] {
			continue
		}
		seen[c.id] = true
		s := c.id
		if n := m.cateNames[c.id]; n != "" {
			s += " " + Quote(n)
		}
		out = append(out, s)
	}
	return listText(out)
}
