package schema

import "strings"

// A Product is the document as the homepage uses it: every field that could
// be read, whatever the validity of the rest. Missing or mistyped fields are
// left empty (a preview of a half-written document is the normal case), and
// nothing here is trusted for output: package preview escapes every string
// and accepts only http(s) URLs. Color is set only to a validated hex value.
type Product struct {
	KeyStandard string
	KeyStr      string
	Base        BaseInfo
	Banners     []Banner
	Details     []DetailRow
	Actions     []Action
	Modules     []Module
}

// BaseInfo is brand_info.base_info.
type BaseInfo struct {
	Title        string
	ThumbURL     string
	BrandTag     string
	CategoryID   string // as written, number or string
	StoreMgrType string // "auto", "custom" or as written
	VendorIDs    []int  // store_vendorid_list items that are numbers or numeric strings
	Color        string // six hex digits, upper case, without '#'; "" for auto, absent or invalid
}

// Banner is one detail_info.banner_list item.
type Banner struct{ Link, Desc string }

// DetailRow is one detail_info.detail_list item.
type DetailRow struct{ Title, Desc string }

// An Action is one action_info.action_list item; which fields mean
// something depends on Type. Index is its position in the list.
type Action struct {
	Index       int
	Type        string
	Name        string
	Link        string
	Image       string
	ShowType    string
	Text        string
	Digest      string
	AppID       string
	CardID      string
	RetailPrice string // price: as written ("12.00"; a JSON number is kept as its literal)
	ProductID   string
	SalePrice   string
	Recommend   []Code // recommend: recommend.recommend_list
}

// Banner reports whether a link action is an image banner (showtype banner).
func (a Action) Banner() bool { return a.Type == "link" && a.ShowType == "banner" }

// A vendor is a store channel of store_vendorid_list (API doc, base_info).
type vendor struct {
	ID   int
	Name Message
}

// vendors are the channels the API accepts, in the doc's order.
var vendors = []vendor{
	{2, Msg("亚马逊", "Amazon")}, {3, Msg("当当网", "Dangdang")}, {4, Msg("京东", "JD.com")},
	{9, Msg("一号店", "Yihaodian")}, {11, Msg("聚美优品", "Jumei")}, {19, Msg("酒仙网", "Jiuxian")},
}

// VendorName returns the name of channel id; false for an id the API does
// not know.
func VendorName(id int) (Message, bool) {
	for _, v := range vendors {
		if v.ID == id {
			return v.Name, true
		}
	}
	return Message{}, false
}

// A Code is a product code of a recommendation.
type Code struct{ Standard, Str string }

// A Module is one module_info.module_list item.
type Module struct {
	Type        string
	NativeShow  string // "true"/"false" (a JSON boolean is turned into its string)
	AntiFakeURL string
}

// productOf reads a Product from the parsed tree; root may be nil or partial.
func productOf(root *Node) *Product {
	p := &Product{}
	p.KeyStandard = text(root.Get("keystandard"))
	p.KeyStr = text(root.Get("keystr"))
	bi := root.Get("brand_info")
	base := bi.Get("base_info")
	p.Base = BaseInfo{
		Title:        text(base.Get("title")),
		ThumbURL:     text(base.Get("thumb_url")),
		BrandTag:     text(base.Get("brand_tag")),
		CategoryID:   text(base.Get("category_id")),
		StoreMgrType: text(base.Get("store_mgr_type")),
	}
	if l := base.Get("store_vendorid_list"); l != nil {
		p.Base.VendorIDs = make([]int, 0, len(l.Items))
		for _, it := range l.Items {
			if id, ok := smallInt(text(it)); ok {
				p.Base.VendorIDs = append(p.Base.VendorIDs, id)
			}
		}
	}
	if c := base.Get("color"); c != nil && c.Kind == String && len(c.Str) == 6 && isHex(c.Str, false) {
		p.Base.Color = strings.ToUpper(c.Str)
	}
	// Each list is made at its length at once: an Action is a few hundred
	// bytes, and growing the slice by appending copied them over and over.
	det := bi.Get("detail_info")
	p.Banners = make([]Banner, 0, len(items(det.Get("banner_list"))))
	for _, it := range items(det.Get("banner_list")) {
		p.Banners = append(p.Banners, Banner{Link: text(it.Get("link")), Desc: text(it.Get("desc"))})
	}
	p.Details = make([]DetailRow, 0, len(items(det.Get("detail_list"))))
	for _, it := range items(det.Get("detail_list")) {
		p.Details = append(p.Details, DetailRow{Title: text(it.Get("title")), Desc: text(it.Get("desc"))})
	}
	actions := items(bi.Get("action_info").Get("action_list"))
	p.Actions = make([]Action, 0, len(actions))
	for i, it := range actions {
		if it.Kind != Object {
			continue
		}
		// Filled in place, in one pass over the members (a later duplicate
		// key wins, as with Get): an Action is a few hundred bytes, and
		// thirteen Gets scanned the members thirteen times.
		p.Actions = p.Actions[:len(p.Actions)+1]
		a := &p.Actions[len(p.Actions)-1]
		a.Index = i
		var recommend *Node
		for _, f := range it.Fields {
			switch f.Key {
			case "type":
				a.Type = text(f)
			case "name":
				a.Name = text(f)
			case "link":
				a.Link = text(f)
			case "image":
				a.Image = text(f)
			case "showtype":
				a.ShowType = text(f)
			case "text":
				a.Text = text(f)
			case "digest":
				a.Digest = text(f)
			case "appid":
				a.AppID = text(f)
			case "cardid":
				a.CardID = text(f)
			case "retail_price":
				a.RetailPrice = text(f)
			case "productid":
				a.ProductID = text(f)
			case "sale_price":
				a.SalePrice = text(f)
			case "recommend":
				recommend = f
			}
		}
		recs := items(recommend.Get("recommend_list"))
		a.Recommend = make([]Code, 0, len(recs))
		for _, r := range recs {
			a.Recommend = append(a.Recommend, Code{Standard: text(r.Get("keystandard")), Str: text(r.Get("keystr"))})
		}
		a.Recommend = orNil(a.Recommend)
	}
	modules := items(bi.Get("module_info").Get("module_list"))
	p.Modules = make([]Module, 0, len(modules))
	for _, it := range modules {
		p.Modules = append(p.Modules, Module{
			Type: text(it.Get("type")), NativeShow: text(it.Get("native_show")), AntiFakeURL: text(it.Get("anti_fake_url")),
		})
	}
	// An empty list is nil, as appending to nil left it.
	p.Base.VendorIDs, p.Banners, p.Details = orNil(p.Base.VendorIDs), orNil(p.Banners), orNil(p.Details)
	p.Actions, p.Modules = orNil(p.Actions), orNil(p.Modules)
	return p
}

// orNil is s, or nil when s is empty.
func orNil[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

// text returns a scalar as a string: strings as they are, numbers as
// written, booleans as true/false; "" for anything else.
func text(n *Node) string {
	if n == nil {
		return ""
	}
	switch n.Kind {
	case String, Number:
		return n.Str
	case Bool:
		if n.Bool {
			return "true"
		}
		return "false"
	}
	return ""
}

func items(n *Node) []*Node {
	if n == nil || n.Kind != Array {
		return nil
	}
	return n.Items
}

// smallInt parses a non-negative decimal integer below one million.
func smallInt(s string) (int, bool) {
	if s == "" || len(s) > 6 {
		return 0, false
	}
	v := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}
