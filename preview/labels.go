package preview

import "scanpage/schema"

// labels are the words of the page itself (never the author's), in one
// language.
type labels struct {
	HTMLLang     string // the lang attribute
	DocTitle     string // <title> when the product has none
	ColorAuto    string // tooltip of a header without a colour of its own
	ColorSet     string // tooltip prefix of a header with one
	ToDetail     string // header hint: tapping it opens the detail page
	Purchase     string
	RetailPrice  string
	Shop         string // 微信小店
	Gift         string // concept: send as a gift
	Channels     string
	ChannelsNote string
	ChannelsAuto string
	ChannelsNone string // custom with no known channel
	Promotion    string
	Play         string
	Follow       string // 关注公众号
	FollowBtn    string
	Card         string // 领取卡券
	Component    string
	AntiFake     string // 防伪查询
	NativePopup  string // the entry opens WeChat's own popup
	Recommend    string
	Detail       string
	DetailEmpty  string
	Verdict      string // placeholder verdict of the popup
	Queries      string
	PopupTitle   string
	PopupNote    string
	PopupClose   string
	NoPopup      string // page antifake without native_show "true"
	NotShown     string // a list cut at ShownPerList: how many more, and the cap
	ConceptBar   [4]string
	Live         string
	LiveEmpty    string
	Stock        string
	StockNote    string
	StockRows    [4]string
	StockEmpty   string
	Opens        string            // tooltip of an http(s) link
	Blocked      string            // marker of a refused URL
	Refused      map[string]string // marker of a URL refused for a reason other than its scheme, by reason
	BadCode      string            // marker prefix of a code that cannot be drawn
	UnknownType  string            // marker of an action of an unknown type
	BadNative    string            // marker of a native_show that is neither "true" nor "false"
	Missing      map[string]string
	// Icons are the one-character marks of the entry rows, by row:
	// a Chinese character in Chinese, a symbol in English.
	Icons map[string]string
}

var zhLabels = labels{
	Icons:        map[string]string{"shop": "店", "store": "购", "link": "链", "user": "公", "card": "券", "anti": "防"},
	HTMLLang:     "zh-CN",
	DocTitle:     "商品主页预览",
	ColorAuto:    "颜色 auto：微信会从缩略图中取色，此处以中性色代替",
	ColorSet:     "头部背景色 #",
	ToDetail:     "商品详情",
	Purchase:     "购买",
	RetailPrice:  "建议零售价",
	Shop:         "微信小店",
	Gift:         "送给朋友",
	Channels:     "电商渠道",
	ChannelsNote: "商品在该渠道有售时，由微信匹配显示",
	ChannelsAuto: "自动匹配电商渠道",
	ChannelsNone: "未选择渠道：store_vendorid_list 为空，不会显示任何电商渠道",
	Promotion:    "推广服务",
	Play:         "播放视频",
	Follow:       "关注公众号",
	FollowBtn:    "关注",
	Card:         "领取卡券",
	Component:    "组件",
	AntiFake:     "防伪查询",
	NativePopup:  "扫码时以微信弹窗显示",
	Recommend:    "相关商品推荐",
	Detail:       "商品详情",
	DetailEmpty:  "没有商品详情（banner_list 与 detail_list 均为空）",
	Verdict:      "正品",
	Queries:      "第 1 次查询",
	PopupTitle:   "防伪查询结果",
	PopupNote:    "查询结果由商户回传（此处为示例）",
	PopupClose:   "查看商品主页",
	NotShown:     "另有 %d 项未显示：预览每个列表只画前 %d 项。",
	NoPopup:      "没有防伪弹窗：只有 anti_fake 组件的 native_show 为 \"true\" 时，微信才在主页之前弹出防伪结果。",
	ConceptBar:   [4]string{"关注", "入库", "收藏", "分享"},
	Live:         "视频号直播",
	LiveEmpty:    "暂无关联此商品的直播",
	Stock:        "我的库存",
	StockNote:    "入库后在「微信仓库」补充",
	StockRows:    [4]string{"生产日期", "到期日", "启用日期", "最佳使用日期提醒"},
	StockEmpty:   "未填写",
	Opens:        "在新窗口打开：",
	Blocked:      "链接已屏蔽：不是 http(s) 地址",
	Refused: map[string]string{
		refusedUserinfo: "链接已屏蔽：含用户名或密码（@ 之前的部分）",
		refusedLocal:    "链接已屏蔽：指向本机或内网地址",
		refusedNumeric:  "链接已屏蔽：主机是改写过的数字地址",
		refusedHost:     "链接已屏蔽：主机名无效或有歧义",
	},
	BadCode:     "无法绘制条码：",
	UnknownType: "未知的服务栏类型",
	BadNative:   "native_show 应为 \"true\" 或 \"false\"",
	Missing: map[string]string{
		"title": "缺少标题", "thumb": "缺少缩略图", "code": "缺少条码", "price": "缺少价格信息",
		"image": "缺少图片", "link": "缺少链接", "text": "缺少文字", "name": "缺少名称",
		"cardid": "缺少卡券 ID", "retail_price": "缺少建议零售价", "productid": "缺少小店商品 ID", "sale_price": "缺少售价",
		"anti_fake_url": "缺少防伪查询链接", "recommend": "没有推荐商品", "actions": "没有服务栏",
	},
}

var enLabels = labels{
	Icons:        map[string]string{"shop": "⌂", "store": "$", "link": "↗", "user": "@", "card": "%", "anti": "✓"},
	HTMLLang:     "en",
	DocTitle:     "Product homepage preview",
	ColorAuto:    "Colour auto: WeChat takes a colour from the thumbnail; a neutral one stands in here",
	ColorSet:     "Header colour #",
	ToDetail:     "Details",
	Purchase:     "Buy",
	RetailPrice:  "Suggested retail price",
	Shop:         "WeChat Shop",
	Gift:         "Send as a gift",
	Channels:     "Online stores",
	ChannelsNote: "shown by WeChat when the product sells there",
	ChannelsAuto: "Online stores matched automatically",
	ChannelsNone: "No channel chosen: store_vendorid_list is empty, so no online store will show",
	Promotion:    "Promotion",
	Play:         "Play video",
	Follow:       "Follow the official account",
	FollowBtn:    "Follow",
	Card:         "Get the coupon",
	Component:    "Components",
	AntiFake:     "Anti-counterfeit check",
	NativePopup:  "shown as a WeChat popup on scanning",
	Recommend:    "Related products",
	Detail:       "Product details",
	DetailEmpty:  "No details (banner_list and detail_list are both empty)",
	Verdict:      "Genuine",
	Queries:      "Checked 1 time",
	PopupTitle:   "Anti-counterfeit result",
	PopupNote:    "The merchant supplies the result (an example here)",
	PopupClose:   "View the homepage",
	NotShown:     "%d more not shown: the preview draws the first %d items of each list.",
	NoPopup:      "No anti-counterfeit popup: WeChat shows one before the homepage only when an anti_fake module has native_show \"true\".",
	ConceptBar:   [4]string{"Follow", "Stock", "Save", "Share"},
	Live:         "Channels live",
	LiveEmpty:    "No live streams linked to this product",
	Stock:        "My stock",
	StockNote:    "filled in after stocking it in the WeChat store room",
	StockRows:    [4]string{"Production date", "Expiry date", "Opened on", "Best-before reminder"},
	StockEmpty:   "not set",
	Opens:        "Opens in a new window: ",
	Blocked:      "Link blocked: not an http(s) URL",
	Refused: map[string]string{
		refusedUserinfo: "Link blocked: it carries a user name or password (before @)",
		refusedLocal:    "Link blocked: it points to this device or a private network",
		refusedNumeric:  "Link blocked: the host is a disguised numeric address",
		refusedHost:     "Link blocked: the host name is invalid or ambiguous",
	},
	BadCode:     "Cannot draw the barcode: ",
	UnknownType: "Unknown action type",
	BadNative:   "native_show should be \"true\" or \"false\"",
	Missing: map[string]string{
		"title": "title missing", "thumb": "thumbnail missing", "code": "barcode missing", "price": "no price",
		"image": "image missing", "link": "link missing", "text": "text missing", "name": "name missing",
		"cardid": "card id missing", "retail_price": "retail price missing", "productid": "shop product id missing", "sale_price": "sale price missing",
		"anti_fake_url": "anti-counterfeit URL missing", "recommend": "no recommended products", "actions": "no actions",
	},
}

func labelsFor(lang schema.Lang) *labels {
	if lang == schema.EN {
		return &enLabels
	}
	return &zhLabels
}

// refused returns the marker of a URL the gate refused for reason.
func (l *labels) refused(reason string) string {
	if m, ok := l.Refused[reason]; ok {
		return m
	}
	return l.Blocked
}
