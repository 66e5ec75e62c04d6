package schema

import (
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
