package schema

// The stable code and the WeChat errcode of each field of the document.

// The errcodes of product-rules.md.
const (
	errParam        = 61300 // base_info fields
	errDetail       = 61301 // detail_info fields
	errActionEmpty  = 61302 // A1: no action
	errProductID    = 61304
	errKeystr       = errcodeKeystr // 61305
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
