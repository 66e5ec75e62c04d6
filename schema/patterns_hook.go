//go:build !upstream_gojsonschema

package schema

import "github.com/xeipuuv/gojsonschema"

// The byte loops of patterns.go replace gojsonschema's regexps through the
// hook of scanpage's patch (third_party/gojsonschema). The size benchmark
// builds against upstream gojsonschema, which has no such hook, with the
// tag upstream_gojsonschema: its schemas then run the regexps.
func init() {
	for expr, match := range patternMatchers {
		gojsonschema.MatchPatternWith(expr, match)
	}
}
