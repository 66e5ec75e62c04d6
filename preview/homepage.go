package preview

import (
	"strconv"

	"scanpage/schema"
)

// The homepage, top to bottom (preview.md): header, 购买区 (purchase
// entry), 推广服务区 (promotion area, in action_list order), 组件区
// (component area), 相关商品推荐 (recommendations). Price, product, store
// and recommend actions go to their own areas, never to the promotion
// area.

// purchase is the 购买区 entry: every way to buy, and the price.
type purchase struct {
	Prices   []price
	Shops    []shop
	Stores   []store
	Channels []string // custom: the names of store_vendorid_list
	Custom   bool     // store_mgr_type custom
	Auto     bool     // store_mgr_type auto
	Missing  []marker
	// Notes for the lists cut at ShownPerList ("" when not cut).
	MorePrices, MoreShops, MoreStores string
}

type price struct {
	Value   string
	Path    string // JSON Pointer of retail_price
	Missing []marker
}

// shop is a product action: the entry of the product in a 微信小店.
type shop struct {
	Name, Digest, ProductID string
	Path                    string // JSON Pointer of the action
	Missing                 []marker
}

// store is a store action: a link to an online store, with its price.
type store struct {
	Name, Price string
	Path        string // JSON Pointer of the action
	To          target
	Missing     []marker
}

// promo is one entry of the promotion area. Which fields mean something
// depends on Type: media, banner (a link with showtype banner), text,
// link, user, card, or unknown.
type promo struct {
	Type    string
	Raw     string // the type as written, for unknown
	Index   int
	Path    string // JSON Pointer of the action
	Name    string
	Text    string
	Digest  string
	ID      string // user: appid; card: cardid
	Image   picture
	To      target
	Missing []marker
}

// antiFake is an anti_fake module of the component area.
type antiFake struct {
	Native    bool   // native_show "true": WeChat's own popup
	BadNative string // native_show when neither "true" nor "false"
	To        target
	Unknown   string // a module of another type, as written
	Path      string // JSON Pointer of the module
}

// tile is one recommended product.
type tile struct {
	Code codeView
	Path string // JSON Pointer of the recommend_list item
}

// homeView is the homepage's areas.
type homeView struct {
	Header    header
	Purchase  purchase
	Promos    []promo
	NoActions *marker
	Modules   []antiFake
	Tiles     []tile
	NoTiles   *marker
	// Notes for the lists cut at ShownPerList ("" when not cut).
	MorePromos, MoreModules, MoreTiles string
}

func newHome(p *schema.Product, lang schema.Lang, l *labels) homeView {
	h := homeView{Header: newHeader(p, lang, l), Purchase: newPurchase(p, lang, l)}
	if len(p.Actions) == 0 {
		h.NoActions = &marker{l.Missing["actions"], "/brand_info/action_info/action_list"}
	}
	recommends := false
	tilesLeft := 0 // recommendations past ShownPerList, not drawn
	for _, a := range p.Actions {
		switch a.Type {
		case "price", "product", "store":
		case "recommend":
			recommends = true
			for i, c := range a.Recommend {
				if len(h.Tiles) == ShownPerList {
					// Past the cap only the count is kept: each tile draws
					// a barcode, and 10,000 fit in the size limit.
					tilesLeft += len(a.Recommend) - i
					break
				}
				h.Tiles = append(h.Tiles, tile{newCode(c.Standard, c.Str, true, lang, l),
					actionPath(a.Index, "recommend/recommend_list/"+strconv.Itoa(i))})
			}
		default:
			h.Promos = append(h.Promos, newPromo(a, l))
		}
	}
	if recommends && len(h.Tiles) == 0 {
		h.NoTiles = &marker{l.Missing["recommend"], "/brand_info/action_info/action_list"}
	}
	for i, m := range p.Modules {
		h.Modules = append(h.Modules, newAntiFake(i, m, l))
	}
	h.MorePromos = cut(&h.Promos, l)
	h.MoreModules = cut(&h.Modules, l)
	h.MoreTiles = notShown(tilesLeft, l)
	return h
}

func actionPath(i int, field string) string {
	return itemPath(i) + "/" + field
}

// itemPath is the JSON Pointer of action i: the data-path of its element,
// by which the page maps a click in the preview back to the text.
func itemPath(i int) string {
	return "/brand_info/action_info/action_list/" + strconv.Itoa(i)
}

func newPurchase(p *schema.Product, lang schema.Lang, l *labels) purchase {
	var pu purchase
	need := func(ms []marker, value string, i int, field string) []marker {
		if value == "" {
			ms = append(ms, marker{l.Missing[field], actionPath(i, field)})
		}
		return ms
	}
	for _, a := range p.Actions {
		switch a.Type {
		case "price":
			pu.Prices = append(pu.Prices, price{Value: a.RetailPrice, Path: actionPath(a.Index, "retail_price"), Missing: need(nil, a.RetailPrice, a.Index, "retail_price")})
		case "product":
			s := shop{Name: a.Name, Digest: a.Digest, ProductID: a.ProductID, Path: itemPath(a.Index)}
			s.Missing = need(s.Missing, a.Name, a.Index, "name")
			s.Missing = need(s.Missing, a.ProductID, a.Index, "productid")
			pu.Shops = append(pu.Shops, s)
		case "store":
			s := store{Name: a.Name, Price: a.SalePrice, Path: itemPath(a.Index), To: newTarget(a.Link, actionPath(a.Index, "link"), l.Missing["link"], l)}
			s.Missing = need(s.Missing, a.Name, a.Index, "name")
			s.Missing = need(s.Missing, a.SalePrice, a.Index, "sale_price")
			pu.Stores = append(pu.Stores, s)
		}
	}
	switch p.Base.StoreMgrType {
	case "custom":
		pu.Custom = true
		for _, id := range p.Base.VendorIDs {
			if name, ok := schema.VendorName(id); ok {
				pu.Channels = append(pu.Channels, name.In(lang))
			}
		}
	case "auto":
		pu.Auto = true
	}
	if len(pu.Prices)+len(pu.Shops)+len(pu.Stores) == 0 {
		pu.Missing = append(pu.Missing, marker{l.Missing["price"], "/brand_info/action_info/action_list"})
	}
	pu.MorePrices = cut(&pu.Prices, l)
	pu.MoreShops = cut(&pu.Shops, l)
	pu.MoreStores = cut(&pu.Stores, l)
	return pu
}

func newPromo(a schema.Action, l *labels) promo {
	pr := promo{Type: a.Type, Index: a.Index, Path: itemPath(a.Index), Name: a.Name, Text: a.Text, Digest: a.Digest}
	need := func(value, field string) {
		if value == "" {
			pr.Missing = append(pr.Missing, marker{l.Missing[field], actionPath(a.Index, field)})
		}
	}
	switch a.Type {
	case "media":
		pr.Image = newPicture("cover", a.Image, actionPath(a.Index, "image"), l)
		pr.To = newTarget(a.Link, actionPath(a.Index, "link"), l.Missing["link"], l)
	case "link":
		if a.Banner() {
			pr.Type = "banner"
			pr.Image = newPicture("banner", a.Image, actionPath(a.Index, "image"), l)
		} else {
			need(a.Name, "name")
		}
		pr.To = newTarget(a.Link, actionPath(a.Index, "link"), l.Missing["link"], l)
	case "text":
		need(a.Text, "text")
	case "user":
		pr.ID = a.AppID
	case "card":
		pr.ID = a.CardID
		need(a.CardID, "cardid")
	default:
		pr.Type, pr.Raw = "unknown", a.Type
	}
	return pr
}

func newAntiFake(i int, m schema.Module, l *labels) antiFake {
	path := "/brand_info/module_info/module_list/" + strconv.Itoa(i)
	if m.Type != "anti_fake" {
		return antiFake{Unknown: m.Type, Path: path}
	}
	af := antiFake{Native: m.NativeShow == "true", Path: path}
	if m.NativeShow != "true" && m.NativeShow != "false" {
		af.BadNative = m.NativeShow
	}
	missing := ""
	if !af.Native {
		missing = l.Missing["anti_fake_url"]
	}
	af.To = newTarget(m.AntiFakeURL, path+"/anti_fake_url", missing, l)
	return af
}
