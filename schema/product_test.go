package schema

import (
	"reflect"
	"slices"
	"strconv"
	"testing"
)

// The channel table, isVendor and the schema's enum of store_vendorid_list
// must name the same channels: the enum holds each id as a number and as a
// digit string.
func TestVendorsMatchTheSchema(t *testing.T) {
	enum := Parse(string(schemaJSON)).Root.Lookup("/definitions/base_info/properties/store_vendorid_list/items/enum")
	if enum == nil || len(enum.Items) == 0 {
		t.Fatal("the schema has no enum for store_vendorid_list items")
	}
	var numbers, strs []string
	for _, it := range enum.Items {
		switch it.Kind {
		case Number:
			numbers = append(numbers, it.Str)
		case String:
			strs = append(strs, it.Str)
			if !isVendor(it.Str) {
				t.Errorf("isVendor(%q) = false for a channel of the schema", it.Str)
			}
		}
	}
	var ours []string
	for _, v := range vendors {
		ours = append(ours, strconv.Itoa(v.ID))
		if n, ok := VendorName(v.ID); !ok || n.ZH == "" || n.EN == "" {
			t.Errorf("VendorName(%d) = %v, %v", v.ID, n, ok)
		}
	}
	if !slices.Equal(ours, numbers) || !slices.Equal(ours, strs) {
		t.Errorf("schema.vendors %v; the schema's enum: numbers %v, strings %v", ours, numbers, strs)
	}
	if _, ok := VendorName(5); ok || isVendor("5") || isVendor("02") {
		t.Error("a channel the API does not know is taken for one")
	}
}

// actionByGet is an Action read member by member with Get, the way
// productOf read it before it read the members in one pass.
func actionByGet(i int, it *Node) Action {
	a := Action{
		Index: i, Type: text(it.Get("type")), Name: text(it.Get("name")), Link: text(it.Get("link")),
		Image: text(it.Get("image")), ShowType: text(it.Get("showtype")), Text: text(it.Get("text")),
		Digest: text(it.Get("digest")), AppID: text(it.Get("appid")), CardID: text(it.Get("cardid")),
		RetailPrice: text(it.Get("retail_price")), ProductID: text(it.Get("productid")),
		SalePrice: text(it.Get("sale_price")),
	}
	for _, r := range items(it.Get("recommend").Get("recommend_list")) {
		a.Recommend = append(a.Recommend, Code{Standard: text(r.Get("keystandard")), Str: text(r.Get("keystr"))})
	}
	return a
}

// productOf's one pass over an action's members reads what Get reads:
// every member, a later duplicate winning, a non-scalar as "".
func TestActionsAsGetReadsThem(t *testing.T) {
	texts := []string{`{"brand_info": {"action_info": {"action_list": [
		{"type": "link", "name": "a", "link": "l", "image": "i", "showtype": "s", "text": "t", "digest": "d", "digest": "e", "appid": "p", "cardid": "c",
		 "retail_price": 1.5, "productid": "q", "sale_price": "2", "recommend": {"recommend_list": [{"keystandard": "ean13", "keystr": "1"}]}},
		{"type": "text", "type": "media", "name": {"x": 1}, "link": true, "recommend": {}, "recommend": {"recommend_list": [{"keystr": 2}]}},
		[], "user", {}
	]}}}`}
	texts = append(texts, sampleTexts(t)...)
	for _, text := range texts {
		root := Parse(text).Root
		var want []Action
		for i, it := range items(root.Get("brand_info").Get("action_info").Get("action_list")) {
			if it.Kind == Object {
				want = append(want, actionByGet(i, it))
			}
		}
		if got := productOf(root).Actions; !reflect.DeepEqual(got, want) {
			t.Errorf("%.40s…: actions\n%+v, by Get\n%+v", text, got, want)
		}
	}
}
