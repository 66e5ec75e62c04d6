package schema

import "strings"

// isAppID reports whether s is an official account's AppID (wx and 16
// lower-case hex digits) or original id (gh_ and 12).
func isAppID(s string) bool {
	if rest, ok := strings.CutPrefix(s, "wx"); ok {
		return len(rest) == 16 && isHex(rest, true)
	}
	if rest, ok := strings.CutPrefix(s, "gh_"); ok {
		return len(rest) == 12 && isHex(rest, true)
	}
	return false
}

// isHex reports whether s is all hex digits (lower case only if lower).
func isHex(s string, lower bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || !lower && c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// The most normal links, user and card actions a page may have together (A3).
const maxCountedActions = 3

// actions applies the rules of each action a schema cannot say, then the
// cross-rules A2–A5 on the whole list (A1, at least one action, is the
// schema's minItems). Cross-rule issues point at the item that breaks the
// rule (the second text, the fourth counted link); A5 at the action_list key.
func (c *checker) actions(list *Node, self productCode) {
	if list == nil || list.Kind != Array {
		return
	}
	seen := map[string]*Node{} // the first text, user, card
	counted := 0
	var firstBanner, firstMedia *Node
	hasPrice, hasShop := false, false
	var recommended map[string]*Node
	for _, it := range list.Items {
		if it.Kind != Object {
			continue
		}
		typ := actionType(it)
		banner := false
		switch typ {
		case "media":
			if firstMedia == nil {
				firstMedia = it
			}
		case "link":
			if isBannerLink(it) {
				banner = true
				if firstBanner == nil {
					firstBanner = it
				}
			} else {
				c.width(it.Get("name"), linkNameWidth, Error, "action.link.name.width", 0)
				c.width(it.Get("digest"), digestWidth, Error, "action.link.digest.width", 0)
			}
		case "user":
			if a := it.Get("appid"); a != nil && a.Kind == String && !isAppID(a.Str) {
				c.atValue(a, Warning, "action.user.appid.format", errAppID, Msg("appid 是 %s；公众号的 AppID 形如 wx 加 16 位十六进制小写字母数字，原始 ID 形如 gh_ 加 12 位。",
					"appid is %s; an official account's AppID is wx followed by 16 lower-case hex digits, an original id gh_ followed by 12.", literal(a)))
			}
		case "card":
			c.width(it.Get("digest"), digestWidth, Error, "action.card.digest.width", 0)
			if id := it.Get("cardid"); id != nil && id.Kind == String && id.Str != "" {
				c.atValue(id, Info, "action.card.custom_code", errCardCode, Msg("卡券必须是非自定义 code 的卡券；自定义 code 的卡券会被拒绝。",
					"The card must not use custom codes; a card with custom codes is refused."))
			}
		case "price":
			hasPrice = true
			c.numericPrice(it.Get("retail_price"), "action.price.retail_price")
		case "product":
			hasShop = true
			c.width(it.Get("digest"), digestWidth, Error, "action.product.digest.width", 0)
		case "store":
			hasShop = true
			c.numericPrice(it.Get("sale_price"), "action.store.sale_price")
		case "recommend":
			if recommended == nil {
				recommended = map[string]*Node{}
			}
			c.recommend(it.Get("recommend"), self, recommended)
		}

		// A2: one text, one user, one card.
		switch typ {
		case "text", "user", "card":
			if first, dup := seen[typ]; dup {
				code, ec := dupCode(typ)
				c.atItem(it, Error, code, ec, Msg("%s 是第二个 %s 服务栏（第一个是 %s）；每种最多一个。",
					"%s is a second %s action (the first is %s); at most one is allowed.", name(it), typ, name(first)))
			} else {
				seen[typ] = it
			}
		}
		// A3: normal links, user and card, at most 3 together.
		if typ == "user" || typ == "card" || typ == "link" && !banner {
			counted++
			if counted > maxCountedActions {
				c.atItem(it, Error, "action.count", errLinkCount, Msg("%s 是第 %d 个普通链接、公众号或卡券服务栏；这三种合计最多 %d 个（图片跳转不计）。",
					"%s is number %d of the normal links, user and card actions; at most %d are allowed together (image banners do not count).", name(it), counted, maxCountedActions))
			}
		}
	}
	// A4: an image banner link and a video exclude each other; the one that
	// comes second is the fault.
	if firstBanner != nil && firstMedia != nil {
		later, earlier := firstMedia, firstBanner
		if firstBanner.Index > firstMedia.Index {
			later, earlier = firstBanner, firstMedia
		}
		c.atItem(later, Error, "action.banner_media", errBannerMedia, Msg("%s 和 %s 一个是图片跳转（showtype banner），一个是视频播放；二者只能选一种。",
			"%s and %s are an image banner link and a video; a page has one or the other.", name(earlier), name(later)))
	}
	// A5: some price: a product, a store, or a price action.
	if len(list.Items) > 0 && !hasPrice && !hasShop {
		c.atKey(list, Error, "action.no_price", errNoPrice, Msg("action_list 中没有微信小店（product）或电商链接（store），这时必须有建议零售价（price）服务栏。",
			"action_list has no product or store action, so it needs a price action."))
	}
}

func dupCode(typ string) (string, int) {
	switch typ {
	case "text":
		return "action.text.duplicate", errTextDup
	case "user":
		return "action.user.duplicate", errUserDup
	}
	return "action.card.duplicate", errCardDup
}

// numericPrice warns about a price written as a JSON number (the schema
// accepts it): the API doc writes prices as strings. The fix is the same
// digits as a string; a number with more than two decimals or an exponent
// is an error without a fix.
func (c *checker) numericPrice(n *Node, code string) {
	if n == nil || n.Kind != Number {
		return
	}
	if s, ok := priceText(n.Str); ok {
		f := c.atValue(n, Warning, code+".number", 0, Msg("%s 是数字 %s；价格应写成字符串，如 \"%s\"。", "%s is the number %s; a price should be a string, such as \"%s\".", name(n), n.Str, s))
		f.fix = ValueFix(n.Pointer(), s)
		return
	}
	if n.Str != "" && n.Str[0] == '-' {
		return // below 0: the schema's minimum says so
	}
	c.atValue(n, Error, code+".format", errPrice, Msg("%s 是数字 %s；价格应为不小于 0、最多两位小数的十进制字符串，如 \"12.00\"。",
		"%s is the number %s; a price is a decimal string not below 0 with at most two decimals, such as \"12.00\".", name(n), n.Str))
}

// recommend checks every recommended code like the document's own (errcode
// 63157 for errors), and warns about the product recommending itself or one
// code twice. seen holds the codes recommended so far in the document.
func (c *checker) recommend(rec *Node, self productCode, seen map[string]*Node) {
	list := rec.Get("recommend_list")
	if list == nil || list.Kind != Array {
		return
	}
	if len(list.Items) > 0 {
		c.atKey(list, Info, "action.recommend.same_account", 0, Msg("被推荐的商品必须是同一账号下已发布的商品。", "Recommended products must be published under the same account."))
	}
	for _, it := range list.Items {
		if it.Kind != Object {
			continue
		}
		pc := c.code(it, "recommend.", errRecommend)
		if pc.node == nil || pc.code == "" {
			continue
		}
		switch {
		case self.code != "" && pc.code == self.code:
			c.atValue(pc.node, Warning, "recommend.self", 0, Msg("%s 推荐的是本商品自己（%s）。", "%s recommends this very product (%s).", name(it), self.code))
		case seen[pc.code] != nil:
			c.atValue(pc.node, Warning, "recommend.duplicate", 0, Msg("%s 推荐的 %s 已在 %s 中推荐过。", "%s recommends %s, already recommended by %s.", name(it), pc.code, name(seen[pc.code])))
		default:
			seen[pc.code] = it
		}
	}
}
