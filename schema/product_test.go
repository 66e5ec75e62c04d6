package schema

import (
	"encoding/json"
	"reflect"
	"testing"
)

// The channel names and the schema's enum of store_vendorid_list must
// list the same channels.
func TestVendorsMatchTheSchema(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(SchemaJSON, &doc); err != nil {
		t.Fatal(err)
	}
	var enum []any
	var find func(v any)
	find = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if p, ok := v["store_vendorid_list"].(map[string]any); ok {
				if items, ok := p["items"].(map[string]any); ok {
					enum, _ = items["enum"].([]any)
				}
			}
			for _, c := range v {
				find(c)
			}
		case []any:
			for _, c := range v {
				find(c)
			}
		}
	}
	find(doc)
	var fromSchema []int
	for _, e := range enum {
		if f, ok := e.(float64); ok {
			fromSchema = append(fromSchema, int(f))
		}
	}
	var ours []int
	for _, v := range Vendors {
		ours = append(ours, v.ID)
		if n, ok := VendorName(v.ID); !ok || n.ZH == "" || n.EN == "" {
			t.Errorf("VendorName(%d) = %v, %v", v.ID, n, ok)
		}
	}
	if len(fromSchema) == 0 || !reflect.DeepEqual(ours, fromSchema) {
		t.Errorf("schema.Vendors %v, the schema's enum %v", ours, fromSchema)
	}
	if _, ok := VendorName(5); ok {
		t.Error("VendorName(5) names a channel the API does not know")
	}
}
