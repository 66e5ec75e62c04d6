package schema

// The shape of the document: which objects it has and which keys each may
// hold (errcodes.go names each field's code and errcode). The JSON Schema
// says the same structure for other tools; TestKnownKeysMatchSchema keeps
// the two in step.

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
	if sh == shapeAction {
		if keys, ok := actionKeys[typ]; ok {
			return keys
		}
		return allActionKeys
	}
	if int(sh) < len(keyLists) {
		return keyLists[sh]
	}
	return nil
}

// keyLists are the keys of each shape but actions, made once: the checker
// asks for them at every object (they are read, never changed).
var keyLists = [...][]string{
	shapeRoot:         {"keystandard", "keystr", "brand_info"},
	shapeBrandInfo:    {"base_info", "detail_info", "action_info", "module_info"},
	shapeBase:         {"title", "thumb_url", "brand_tag", "category_id", "store_mgr_type", "store_vendorid_list", "color"},
	shapeDetail:       {"banner_list", "detail_list"},
	shapeBanner:       {"link", "desc"},
	shapeRow:          {"title", "desc"},
	shapeActionInfo:   {"action_list"},
	shapeRecommend:    {"recommend_type", "recommend_list"},
	shapeCode:         {"keystandard", "keystr"},
	shapeModuleInfo:   {"module_list"},
	shapeModule:       {"type", "native_show", "anti_fake_url"},
	shapeMerchant:     {"errcode", "errmsg", "verified_cate_list", "verified_firm_code_list", "brand_tag_list", "verified_list"},
	shapeMerchantCate: {"verified_cate_id", "verified_cate_name"},
	shapeMerchantFirm: {"verified_firm_code", "verified_cate_list"},
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
