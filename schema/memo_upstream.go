//go:build upstream_gojsonschema

package schema

import "github.com/xeipuuv/gojsonschema"

// validateWith validates v against s; upstream gojsonschema has no memo
// hook (memo_hook.go), so m only shares the values.
func validateWith(s *gojsonschema.Schema, v any, m *memo) (*gojsonschema.Result, error) {
	return s.Validate(valueLoader{v})
}

// objectOf is the engine's value of an object: upstream reads maps only.
func objectOf(keys []string, values []any) any {
	m := make(map[string]any, len(keys))
	for i, k := range keys {
		m[k] = values[i]
	}
	return m
}

// memberOf is the value of the member key of an object value, or nil.
func memberOf(v any, key string) any {
	m, _ := v.(map[string]any)
	return m[key]
}
