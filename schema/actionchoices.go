package schema

import "encoding/json"

// An ActionChoice is one kind of action a form may offer to add: Allowed
// when the cross-rules still allow one more at the end of the list, else
// Reason says which rule refuses it (the rule's own message). Item is the
// JSON text of the new action, its required fields empty, for an insert.
type ActionChoice struct {
	Kind    string          `json:"kind"` // an action type, or "banner" (a link with showtype banner)
	Label   string          `json:"label"`
	Allowed bool            `json:"allowed"`
	Code    string          `json:"code,omitempty"`   // the refusing rule's issue code
	Reason  string          `json:"reason,omitempty"` // why not, when refused
	Item    json.RawMessage `json:"item"`
}

// actionKinds are the kinds a form offers, in the API doc's order, with
// the item each one adds.
var actionKinds = []struct {
	kind  string
	label Message
	item  string
}{
	{"media", Msg("视频播放", "Video"), `{"type": "media", "link": "", "image": ""}`},
	{"text", Msg("文字介绍", "Text"), `{"type": "text", "text": ""}`},
	{"banner", Msg("图片跳转", "Image banner"), `{"type": "link", "showtype": "banner", "link": "", "image": ""}`},
	{"link", Msg("普通链接", "Link"), `{"type": "link", "name": "", "link": ""}`},
	{"user", Msg("公众号", "Official account"), `{"type": "user", "appid": ""}`},
	{"card", Msg("微信卡券", "Card"), `{"type": "card", "cardid": ""}`},
	{"price", Msg("建议零售价", "Retail price"), `{"type": "price", "retail_price": ""}`},
	{"product", Msg("微信小店", "WeChat store"), `{"type": "product", "name": "", "productid": ""}`},
	{"store", Msg("电商链接", "Shop link"), `{"type": "store", "name": "", "link": "", "sale_price": ""}`},
	{"recommend", Msg("商品推荐", "Recommendations"), `{"type": "recommend", "recommend": {"recommend_type": "appointed", "recommend_list": [{"keystandard": "ean13", "keystr": ""}]}}`},
}

// refusals are the cross-rules that can refuse one more action (A2, A3,
// A4 of product-rules.md).
var refusals = map[string]bool{
	"action.text.duplicate": true, "action.user.duplicate": true, "action.card.duplicate": true,
	"action.count": true, "action.banner_media": true,
}

// ActionChoices says, for each kind of action, whether one more may be
// added at the end of d's action_list. It asks the rules themselves
// (checker.actions, the code that validates): the list is taken with the
// candidate appended, and a cross-rule finding about the candidate is the
// refusal, its message the reason. Only the items' type and showtype are
// handed to the rules, so nothing else of the list (a bad recommendation)
// can refuse an action.
func ActionChoices(d *Document, lang Lang) []ActionChoice {
	var have []*Node
	if d.Root != nil {
		have = items(d.Root.Get("brand_info").Get("action_info").Get("action_list"))
	}
	out := make([]ActionChoice, 0, len(actionKinds))
	for _, k := range actionKinds {
		cand := Parse(k.item).Root
		list := &Node{Kind: Array, Key: "action_list", Parent: &Node{Kind: Object}, KeyStart: -1, Index: -1}
		for _, it := range append(append([]*Node(nil), have...), cand) {
			list.Items = append(list.Items, shallowAction(it, list, len(list.Items), len(d.Text)))
		}
		c := &checker{text: d.Text, top: shapeRoot}
		c.actions(list, productCode{})
		last := list.Items[len(list.Items)-1].Pointer()
		ch := ActionChoice{Kind: k.kind, Label: k.label.In(lang), Allowed: true, Item: json.RawMessage(k.item)}
		for _, f := range c.out {
			if refusals[f.code] && f.path == last {
				ch.Allowed, ch.Code, ch.Reason = false, f.code, f.msg.In(lang)
				break
			}
		}
		out = append(out, ch)
	}
	return out
}

// shallowAction is the item it as the cross-rules see it: its type and
// showtype alone, as item i of list. A candidate (not from the text) is
// placed at the text's end.
func shallowAction(it, list *Node, i, end int) *Node {
	v := &Node{Kind: it.Kind, Start: it.Start, End: it.End, Parent: list, Index: i, KeyStart: -1, KeyEnd: -1}
	if it.Parent == nil {
		v.Start, v.End = end, end
	}
	for _, k := range []string{"type", "showtype"} {
		if f := it.Get(k); f != nil {
			c := *f
			c.Parent = v
			if it.Parent == nil {
				c.Start, c.End, c.KeyStart, c.KeyEnd = end, end, end, end
			}
			v.Fields = append(v.Fields, &c)
		}
	}
	return v
}
