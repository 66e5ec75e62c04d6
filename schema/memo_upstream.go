//go:build upstream_gojsonschema

package schema

import "github.com/xeipuuv/gojsonschema"

// validateWith validates v against s; upstream gojsonschema has no memo
// hook (memo_hook.go), so m only shares the values.
func validateWith(s *gojsonschema.Schema, v any, m *memo) (*gojsonschema.Result, error) {
	return s.Validate(valueLoader{v})
}
