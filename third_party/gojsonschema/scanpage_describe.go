package gojsonschema

// scanpage: an error built by the validator gets its details' "field" and
// "context" and its description (a text/template run) when first asked for,
// by Details, Description or String, and not in newError. Most of the errors
// a validation builds are inside an anyOf, oneOf, not or if, and are dropped
// unread when the branch's outcome is known; formatting them was about 4 %
// of a realistic document's validation in WebAssembly.

// A pender is an error whose description can wait.
type pender interface{ pend() }

// pend marks v's field, context and description as not made yet.
func (v *ResultErrorFields) pend() { v.pending = true }

// describe makes what pend put off: exactly what newError made before.
func (v *ResultErrorFields) describe() {
	if !v.pending {
		return
	}
	v.pending = false
	v.details["field"] = v.Field()
	if _, exists := v.details["context"]; !exists && v.context != nil {
		v.details["context"] = v.context.String()
	}
	v.description = formatErrorDescription(v.descriptionFormat, v.details)
}
