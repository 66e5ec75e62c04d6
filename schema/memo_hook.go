//go:build !upstream_gojsonschema

package schema

import "github.com/xeipuuv/gojsonschema"

// The memo reaches gojsonschema through the Memo hook of scanpage's patch
// (third_party/gojsonschema). The size benchmark builds against upstream
// gojsonschema, which has no such hook, with the tag upstream_gojsonschema
// (memo_upstream.go): every value is then validated.

// objectOf is the engine's value of an object whose keys are distinct: a
// gojsonschema.Object (scanpage's patch), its members as they are, instead
// of a map built for the engine to read.
func objectOf(keys []string, values []any) any {
	return &gojsonschema.Object{Keys: keys, Values: values}
}

// memberOf is the value of the member key of an object value, or nil.
func memberOf(v any, key string) any {
	switch o := v.(type) {
	case map[string]any:
		return o[key]
	case *gojsonschema.Object:
		m, _ := o.Get(key)
		return m
	}
	return nil
}

// validateWith validates v against s, with m when it is not nil.
func validateWith(s *gojsonschema.Schema, v any, m *memo) (*gojsonschema.Result, error) {
	if m == nil {
		return s.Validate(valueLoader{v})
	}
	return s.ValidateWith(valueLoader{v}, m)
}

// Recall and Remember are gojsonschema's Memo.
func (m *memo) Recall(schema, value any) (int, int) {
	id := identity(value)
	if id == 0 {
		return 0, gojsonschema.MemoNever
	}
	e := m.byValue[id]
	if e == nil {
		return 0, gojsonschema.MemoNever
	}
	for _, o := range e.valid {
		if o.schema == schema {
			m.known++
			return o.score, gojsonschema.MemoKnown
		}
	}
	return 0, gojsonschema.MemoUnknown
}

func (m *memo) Remember(schema, value any, score int) {
	if e := m.byValue[identity(value)]; e != nil {
		e.valid = append(e.valid, memoOutcome{schema, score})
	}
}
