package schema

// The shape of the document: which objects it has, which keys each may
// hold, and the stable code and WeChat errcode of each field. The JSON
// Schema says the same structure for other tools; TestKnownKeysMatchSchema
// keeps the two in step.

// A shape is a kind of object in the document.
type shape uint8

const (
	shapeNone shape = iota
	shapeRoot
	shapeBrandInfo
	shapeBase
	shapeDetail
	shapeBanner // an item of detail_info.banner_list
	shapeRow    // an item of detail_info.detail_list
	shapeActionInfo
	shapeAction    // an item of action_info.action_list
	shapeRecommend // an action's recommend object
	shapeCode      // an item of recommend.recommend_list
	shapeModuleInfo
	shapeModule // an item of module_info.module_list

	// The merchantinfo/get response.
	shapeMerchant
	shapeMerchantCate // an item of a verified_cate_list
	shapeMerchantFirm // an item of verified_list
)

// childShape says which shape the value of key holds in an object of
// shape sh, or with item, which shape the items of the array under key hold.
func childShape(sh shape, key string, item bool) shape {
	if item {
		switch {
		case sh == shapeDetail && key == "banner_list":
			return shapeBanner
		case sh == shapeDetail && key == "detail_list":
			return shapeRow
		case sh == shapeActionInfo && key == "action_list":
			return shapeAction
		case sh == shapeRecommend && key == "recommend_list":
			return shapeCode
		case sh == shapeModuleInfo && key == "module_list":
			return shapeModule
		case (sh == shapeMerchant || sh == shapeMerchantFirm) && key == "verified_cate_list":
			return shapeMerchantCate
		case sh == shapeMerchant && key == "verified_list":
			return shapeMerchantFirm
		}
		return shapeNone
	}
	switch {
	case sh == shapeRoot && key == "brand_info":
		return shapeBrandInfo
	case sh == shapeBrandInfo:
		switch key {
		case "base_info":
			return shapeBase
		case "detail_info":
			return shapeDetail
		case "action_info":
			return shapeActionInfo
		case "module_info":
			return shapeModuleInfo
		}
	case sh == shapeAction && key == "recommend":
		return shapeRecommend
	}
	return shapeNone
}

// shapeOf works out the shape of n from its ancestors; top is the shape of
// the root (shapeRoot for the document, shapeMerchant for the merchant).
func shapeOf(n *Node, top shape) shape {
	if n == nil {
		return shapeNone
	}
	if n.Parent == nil {
		return top
	}
	p := n.Parent
	if p.Kind == Array {
		if p.Parent == nil || p.Parent.Kind != Object {
			return shapeNone
		}
		return childShape(shapeOf(p.Parent, top), p.Key, true)
	}
	return childShape(shapeOf(p, top), n.Key, false)
}

// The action types, in the order of the API doc.
var actionTypes = []string{"media", "text", "link", "user", "card", "price", "product", "store", "recommend"}

// knownKeys lists the keys an object of shape sh may hold. For an action it
// depends on the type; an action of unknown type accepts every action key,
// since its type is already reported.
func knownKeys(sh shape, typ string) []string {
	switch sh {
	case shapeRoot:
		return []string{"keystandard", "keystr", "brand_info"}
	case shapeBrandInfo:
		return []string{"base_info", "detail_info", "action_info", "module_info"}
	case shapeBase:
		return []string{"title", "thumb_url", "brand_tag", "category_id", "store_mgr_type", "store_vendorid_list", "color"}
	case shapeDetail:
		return []string{"banner_list", "detail_list"}
	case shapeBanner:
		return []string{"link", "desc"}
	case shapeRow:
		return []string{"title", "desc"}
	case shapeActionInfo:
		return []string{"action_list"}
	case shapeAction:
		if keys, ok := actionKeys[typ]; ok {
			return keys
		}
		return allActionKeys
	case shapeRecommend:
		return []string{"recommend_type", "recommend_list"}
	case shapeCode:
		return []string{"keystandard", "keystr"}
	case shapeModuleInfo:
		return []string{"module_list"}
	case shapeModule:
		return []string{"type", "native_show", "anti_fake_url"}
	case shapeMerchant:
		return []string{"errcode", "errmsg", "verified_cate_list", "verified_firm_code_list", "brand_tag_list", "verified_list"}
	case shapeMerchantCate:
		return []string{"verified_cate_id", "verified_cate_name"}
	case shapeMerchantFirm:
		return []string{"verified_firm_code", "verified_cate_list"}
	}
	return nil
}

// responseOnly lists keys that product/get returns in base_info and create
// ignores: they are known (no did-you-mean), and worth an info.
var responseOnly = []string{"status", "retail_price"}

// actionKeys are the keys of each action type (the API doc's tables).
// A link is an image banner (showtype banner: link, image, name) or a
// normal link (name, link, digest); both sets are accepted for either.
var actionKeys = map[string][]string{
	"media":     {"type", "link", "image"},
	"text":      {"type", "name", "text"},
	"link":      {"type", "name", "link", "image", "showtype", "digest"},
	"user":      {"type", "appid", "name"},
	"card":      {"type", "cardid", "digest"},
	"price":     {"type", "retail_price"},
	"product":   {"type", "name", "productid", "digest"},
	"store":     {"type", "name", "link", "sale_price"},
	"recommend": {"type", "recommend"},
}

var allActionKeys = func() []string {
	seen := map[string]bool{}
	var all []string
	for _, t := range actionTypes {
		for _, k := range actionKeys[t] {
			if !seen[k] {
				seen[k] = true
				all = append(all, k)
			}
		}
	}
	return all
}()

// actionType returns the type of an action item when it is one of
// actionTypes, else "".
func actionType(item *Node) string {
	t := item.Get("type")
	if t == nil || t.Kind != String {
		return ""
	}
	for _, a := range actionTypes {
		if t.Str == a {
			return a
		}
	}
	return ""
}

// The errcodes of product-rules.md.
const (
	errParam        = 61300 // base_info fields
	errDetail       = 61301 // detail_info fields
	errActionEmpty  = 61302 // A1: no action
	errProductID    = 61304
	errKeystr       = ErrcodeKeystr // 61305
	errAppID        = 61306
	errCardID       = 61307
	errBaseInfo     = 61308
	errDetailInfo   = 61309
	errActionInfo   = 61310
	errMediaLink    = 61311
	errCategory     = 61319 // not among the merchant's verified categories
	errCategoryFirm = 61322 // verified, but not for the firm code of keystr
	errFirmCode     = 61323
	errKeystandard  = 61343
	errCardCode     = 61345
	errStoreLink    = 61346
	errMediaImage   = 61347
	errText         = 61348
	errColor        = 63155
	errBrandTag     = 63156
	errRecommend    = 63157
	errNoPrice      = 63159
	errPrice        = 63160
	errModuleDup    = 63161
	errNativeShow   = 63162
	errAntiFakeURL  = 63163
	errModuleType   = 63164
	errBannerMedia  = 63170
	errCardDup      = 63171
	errUserDup      = 63172
	errTextDup      = 63173
	errLinkCount    = 63174
	errDetailEmpty  = 63175
)

// fieldCode returns the stable code prefix and the errcode of the member
// key of parent, an object of shape sh: "base.title" and 61300,
// "action.media.link" and 61311, "recommend.keystr" and 63157. Issue codes
// append what is wrong: ".missing", ".type", ".value", ".format"...
func fieldCode(sh shape, parent *Node, key string) (string, int) {
	switch sh {
	case shapeRoot:
		switch key {
		case "keystandard":
			return "keystandard", errKeystandard
		case "keystr":
			return "keystr", errKeystr
		}
		return key, 0
	case shapeBrandInfo:
		switch key {
		case "base_info":
			return "base_info", errBaseInfo
		case "detail_info":
			return "detail_info", errDetailInfo
		case "action_info":
			return "action_info", errActionInfo
		}
		return key, 0
	case shapeBase:
		if key == "color" {
			return "base.color", errColor
		}
		return "base." + key, errParam
	case shapeDetail:
		return "detail." + key, errDetail
	case shapeBanner:
		return "detail.banner." + key, errDetail
	case shapeRow:
		return "detail.row." + key, errDetail
	case shapeActionInfo:
		if key == "action_list" {
			return "action.list", errActionEmpty
		}
	case shapeAction:
		if key == "type" {
			return "action.type", 0
		}
		typ := actionType(parent)
		if typ == "" {
			return "action." + key, 0
		}
		return "action." + typ + "." + key, actionErrcode(typ, key)
	case shapeRecommend:
		return "action.recommend." + key, errRecommend
	case shapeCode:
		return "recommend." + key, errRecommend
	case shapeModuleInfo:
		return "module_info." + key, 0
	case shapeModule:
		switch key {
		case "type":
			return "module.type", errModuleType
		case "native_show":
			return "module.native_show", errNativeShow
		case "anti_fake_url":
			return "module.anti_fake_url", errAntiFakeURL
		}
		return "module." + key, 0
	case shapeMerchant, shapeMerchantCate, shapeMerchantFirm:
		return "merchant." + key, 0
	}
	return key, 0
}

// actionErrcode is the errcode of a field of an action of type typ, where
// product-rules.md names one.
func actionErrcode(typ, key string) int {
	switch typ + "." + key {
	case "media.link":
		return errMediaLink
	case "media.image":
		return errMediaImage
	case "text.text":
		return errText
	case "user.appid":
		return errAppID
	case "card.cardid":
		return errCardID
	case "price.retail_price", "store.sale_price":
		return errPrice
	case "product.productid":
		return errProductID
	case "store.link", "store.name":
		return errStoreLink
	case "recommend.recommend":
		return errRecommend
	}
	return 0
}

// nodeCode is fieldCode for the value n itself. An array item takes the
// code of its array: "detail.banner_list".
func nodeCode(n *Node, top shape) (string, int) {
	p := n.Parent
	if p == nil {
		return "document", 0
	}
	if p.Kind == Array {
		n, p = p, p.Parent
		if p == nil || p.Kind != Object {
			return "document", 0
		}
		code, ec := fieldCode(shapeOf(p, top), p, n.Key)
		if ec == errActionEmpty {
			ec = 0 // 61302 is about the list having no action, not about one
		}
		return code, ec
	}
	return fieldCode(shapeOf(p, top), p, n.Key)
}
