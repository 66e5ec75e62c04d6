package schema

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
)

// schemaFinding turns one schema error into a positioned finding with our
// code, errcode and message, and a fix when one is certain. Positions follow
// product-rules.md: a bad value points at the value, a missing key at the
// key of the object that lacks it (or its opening brace).
func (c *checker) schemaFinding(e schemaError) {
	n := e.node
	switch e.kind {
	case "required":
		c.missing(n, e.property)
	case "invalid_type":
		c.badType(n, e)
	case "enum", "const":
		c.badValue(n, e.allowed)
	case "pattern":
		c.badFormat(n)
	case "string_gte":
		code, ec := nodeCode(n, c.top)
		c.atValue(n, Error, code+".empty", ec, Msg("%s 是空字符串；它必须有内容。", "%s is empty; it must have some text.", name(n)))
	case "array_min_items":
		code, ec := nodeCode(n, c.top)
		msg := Msg("%s 是空数组；至少需要 %d 项。", "%s is empty; it needs at least %d items.", name(n), e.bound)
		switch code {
		case "action.list":
			msg = Msg("action_list 是空数组；至少需要一个服务栏。", "action_list is empty; at least one action is needed.")
		case "action.recommend.recommend_list":
			msg = Msg("recommend_list 是空数组；至少要推荐一个商品。", "recommend_list is empty; it needs at least one product to recommend.")
		}
		c.atValue(n, Error, code+".empty", ec, msg)
	case "array_max_items":
		code, ec := nodeCode(n, c.top)
		c.atValue(n, Error, code+".too_many", ec, Msg("%s 有 %d 项，最多只能有 %d 项。", "%s has %d items; at most %d are allowed.", name(n), len(n.Items), e.bound))
	case "number_gte":
		code, ec := nodeCode(n, c.top)
		c.atValue(n, Error, code+".negative", ec, Msg("%s 是 %s，不能小于 0。", "%s is %s; it must not be below 0.", name(n), n.Str))
	case "number_not":
		// The one "not" of the schema: detail_info's lists both empty.
		c.atKey(n, Error, "detail_info.empty", errDetailEmpty, Msg("detail_info 的 banner_list 和 detail_list 都是空的或缺失；至少要有一张横幅图片或一条商品属性。",
			"detail_info has neither banner images nor attributes; at least one of banner_list and detail_list must be non-empty."))
	default:
		// Not a keyword the schemas use; say what the engine said.
		code, ec := nodeCode(n, c.top)
		c.atValue(n, Error, code+"."+e.kind, ec, Msg("%s 不符合 JSON Schema（%s）。", "%s does not match the JSON Schema (%s).", name(n), e.kind))
	}
}

// missing reports that the object parent lacks key.
func (c *checker) missing(parent *Node, key string) {
	sh := shapeOf(parent, c.top)
	code, ec := fieldCode(sh, parent, key)
	var msg Message
	switch {
	case sh == shapeModule && key == "anti_fake_url":
		msg = Msg("native_show 为 \"false\" 时，%s 必须填写 anti_fake_url（商户的防伪查询链接）。",
			"%s needs an anti_fake_url (the merchant's anti-fake check page) when native_show is \"false\".", name(parent))
	case sh == shapeAction && key != "type":
		typ := actionType(parent)
		kind := Msg("%s 类型的服务栏", "a %s action", typ)
		if typ == "link" {
			kind = Msg("普通链接 link", "a normal link")
			if isBannerLink(parent) {
				kind = Msg("图片跳转 link", "an image banner link")
			}
		}
		msg = Msg("%s（%s）缺少必填字段 %s。", "%s (%s) has no %s, which it requires.", name(parent), kind, key)
	case parent.Parent == nil && c.top == shapeMerchant:
		msg = Msg("商户信息缺少必填字段 %s。", "The merchant context has no %s, which is required.", key)
	case parent.Parent == nil:
		msg = Msg("文档缺少必填字段 %s。", "The document has no %s, which is required.", key)
	default:
		msg = Msg("%s 缺少必填字段 %s。", "%s has no %s, which is required.", name(parent), key)
	}
	c.atMissing(parent, key, Error, code+".missing", ec, msg)
}

// atMissing reports the member key that parent lacks: the path is where
// the key would be, the range the parent's own key (or its opening
// bracket).
func (c *checker) atMissing(parent *Node, key string, sev Severity, code string, errcode int, msg Message) *finding {
	f := c.atKey(parent, sev, code, errcode, msg)
	f.path = parent.Pointer() + "/" + escapePointer(key)
	return f
}

// isBannerLink reports whether an action is an image banner link (a link
// told apart by showtype "banner").
func isBannerLink(action *Node) bool {
	st := action.Get("showtype")
	return st != nil && st.Kind == String && st.Str == "banner"
}

// badType reports a value of the wrong JSON type.
func (c *checker) badType(n *Node, e schemaError) {
	code, ec := nodeCode(n, c.top)
	f := c.atValue(n, Error, code+".type", ec, Msg("%s 是%s，应为%s。", "%s is %s; it must be %s.", name(n), described(n), expectedType(code, e.expected)))
	// A number where text is expected: the same digits as a string, unless
	// the field takes only a few values (keystandard, type...), where the
	// digits would be just as wrong.
	if e.expected == "string" && n.Kind == Number && !enumField(code) {
		f.fix = ValueFix(n.Pointer(), n.Str)
	}
}

// described says what a value is, with the value itself when it is short:
// "the integer 13", "the string "x"", "an array".
func described(n *Node) Message {
	switch n.Kind {
	case String:
		return Msg("字符串 %s", "the string %s", Quote(n.Str))
	case Number:
		if strings.ContainsAny(n.Str, ".eE") {
			return Msg("数字 %s", "the number %s", n.Str)
		}
		return Msg("整数 %s", "the integer %s", n.Str)
	case Bool:
		return Msg("布尔值 %t", "the boolean %t", n.Bool)
	case Null:
		return Msg(" null", "null")
	}
	return kindName(n.Kind.String())
}

// enumField reports whether the field of code takes one of a few values.
func enumField(code string) bool {
	for _, s := range []string{"keystandard", ".store_mgr_type", ".type", ".showtype", ".recommend_type", ".native_show"} {
		if code == s || strings.HasSuffix(code, s) {
			return true
		}
	}
	return false
}

// expectedType says what a field must be, naming the preferred form where
// the schema tolerates others (Go warns about those).
func expectedType(code, expected string) Message {
	switch {
	case code == "base.category_id":
		return Msg("整数类目 ID（如 200531967）", "an integer category id (such as 200531967)")
	case isPriceField(code):
		return Msg("十进制字符串（如 \"12.00\"）", "a decimal string (such as \"12.00\")")
	case code == "module.native_show":
		return Msg("字符串 \"true\" 或 \"false\"", "the string \"true\" or \"false\"")
	case code == "merchant.verified_cate_id" || code == "merchant.verified_firm_code" || code == "merchant.verified_firm_code_list":
		return Msg("整数", "an integer")
	}
	ts := strings.Split(strings.Trim(expected, "[]"), ",")
	ms := make([]Message, len(ts))
	for i, t := range ts {
		ms[i] = kindName(t)
	}
	return orList(ms)
}

// vendorNames lists the store channels as "2（亚马逊）" / "2 (Amazon)".
func vendorNames() []Message {
	ms := make([]Message, len(vendors))
	for i, v := range vendors {
		ms[i] = Msg("%d（%s）", "%d (%s)", v.ID, v.Name)
	}
	return ms
}

// badValue reports a value outside an enum (or const); allowed are the
// schema's values as JSON texts. The fix is the nearest allowed string,
// when there is exactly one within edit distance 2.
func (c *checker) badValue(n *Node, allowed []string) {
	code, ec := nodeCode(n, c.top)
	var strs []string
	var shown []Message
	for _, a := range allowed {
		var s string
		if json.Unmarshal([]byte(a), &s) == nil {
			strs = append(strs, s)
			shown = append(shown, plain(s))
		}
	}
	what := orList(shown)
	switch code {
	case "base.store_vendorid_list":
		what = orList(vendorNames())
	case "module.native_show":
		what = Msg("\"true\" 或 \"false\"（字符串）", "the string \"true\" or \"false\"")
	}
	f := c.atValue(n, Error, code+".value", ec, Msg("%s 是 %s，只能是 %s。", "%s is %s; it must be %s.", name(n), literal(n), what))
	if n.Kind == String {
		if s, ok := nearest(n.Str, strs); ok {
			f.fix = ValueFix(n.Pointer(), s)
		}
	}
}

var (
	httpURL  = regexp.MustCompile(`^https?://([^/?#\s]+)`)
	bareHost = regexp.MustCompile(`^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:[0-9]+)?([/?#]\S*)?$`)
	// A name ending like a file ("banner.jpg") is not taken for a host.
	fileName = regexp.MustCompile(`(?i)^[^/?#:]*\.(jpe?g|png|gif|webp|bmp|svg|html?|php|mp4|txt)$`)
)

// isPriceField reports whether a field code names a price (retail or sale).
func isPriceField(code string) bool {
	return strings.HasSuffix(code, ".retail_price") || strings.HasSuffix(code, ".sale_price")
}

// isBareHost reports whether v is a host name, perhaps with a path, that
// lacks its scheme: "weixin.qq.com", "mmbiz.qpic.cn/a/0".
func isBareHost(v string) bool {
	return bareHost.MatchString(v) && !fileName.MatchString(v)
}

// badFormat reports a string that fails the schema's pattern.
func (c *checker) badFormat(n *Node) {
	code, ec := nodeCode(n, c.top)
	v := n.Str
	switch {
	case code == "base.color":
		c.color(n, ec)
	case code == "action.media.link" && httpURL.MatchString(v):
		host := httpURL.FindStringSubmatch(v)[1]
		c.atValue(n, Error, code+".host", ec, Msg("视频链接的域名是 %s；只支持 v.qq.com 上的视频。", "The video link's host is %s; only videos on v.qq.com are supported.", Quote(host)))
	case isPriceField(code):
		c.atValue(n, Error, code+".format", ec, Msg("%s 是 %s；价格应为不小于 0、最多两位小数的十进制字符串，如 \"12.00\"。",
			"%s is %s; a price is a decimal string not below 0 with at most two decimals, such as \"12.00\".", name(n), literal(n)))
	case isURLField(code):
		c.url(n, code, ec, Error)
	case code == "base.category_id":
		c.atValue(n, Error, code+".format", ec, Msg("category_id 是 %s；应为整数类目 ID（来自“获取商户信息”接口）。", "category_id is %s; it must be an integer category id (from merchantinfo/get).", literal(n)))
	case strings.HasPrefix(code, "merchant."):
		c.atValue(n, Error, code+".format", ec, Msg("%s 是 %s；应为数字。", "%s is %s; it must be a number.", name(n), literal(n)))
	default:
		c.atValue(n, Error, code+".format", ec, Msg("%s 是 %s，格式不符合要求。", "%s is %s, which is not in the required format.", name(n), literal(n)))
	}
}

// isURLField reports whether the field of code holds a URL.
func isURLField(code string) bool {
	for _, s := range []string{".thumb_url", ".link", ".image", ".anti_fake_url"} {
		if strings.HasSuffix(code, s) {
			return true
		}
	}
	return false
}

// url reports a URL field that is not an http(s) URL. A bare host
// ("weixin.qq.com") gets the fix "http://" + host; sev is Warning for
// anti_fake_url, which the schema lets through in that form.
func (c *checker) url(n *Node, code string, ec int, sev Severity) {
	v := n.Str
	if isBareHost(v) {
		f := c.atValue(n, sev, code+".scheme", ec, Msg("%s 是 %s，缺少 http:// 或 https://；应为完整的 http(s) 链接。",
			"%s is %s, without http:// or https://; it must be a full http(s) URL.", name(n), literal(n)))
		f.fix = ValueFix(n.Pointer(), "http://"+v)
		return
	}
	c.atValue(n, sev, code+".format", ec, Msg("%s 是 %s，不是 http(s) 链接；应以 http:// 或 https:// 开头。",
		"%s is %s, not an http(s) URL; it must start with http:// or https://.", name(n), literal(n)))
}

// color reports a colour that is neither auto nor six hex digits.
func (c *checker) color(n *Node, ec int) {
	v := n.Str
	h := strings.TrimPrefix(v, "#")
	allowed := Msg("应为 6 位十六进制数字（不带 #，如 C8102E）或 auto", "it must be 6 hex digits without # (such as C8102E) or auto")
	switch {
	case len(h) == 6 && isHex(h, false):
		f := c.atValue(n, Error, "base.color.hash", ec, Msg("color 是 %s，带了 #；%s。", "color is %s, with a #; %s.", literal(n), allowed))
		f.fix = ValueFix(n.Pointer(), v[1:])
	case len(h) == 3 && isHex(h, false):
		f := c.atValue(n, Error, "base.color.short", ec, Msg("color 是 %s，是三位简写；%s。", "color is %s, a 3-digit short form; %s.", literal(n), allowed))
		f.fix = ValueFix(n.Pointer(), string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]}))
	default:
		c.atValue(n, Error, "base.color.format", ec, Msg("color 是 %s；%s。", "color is %s; %s.", literal(n), allowed))
	}
}

// priceText returns the JSON number literal as a decimal string when it
// is one a price can take (not below 0, at most two decimals, no exponent).
func priceText(lit string) (string, bool) {
	if lit == "" || lit[0] == '-' || strings.ContainsAny(lit, "eE") {
		return "", false
	}
	if i := strings.IndexByte(lit, '.'); i >= 0 && len(lit)-i-1 > 2 {
		return "", false
	}
	if _, err := strconv.ParseFloat(lit, 64); err != nil {
		return "", false
	}
	return lit, true
}
