package gojsonschema

// scanpage: a Memo lets a caller that validates many documents against one
// schema skip the sub-documents it has seen validate cleanly before. A
// catalogue of products repeats many of its objects word for word (detail
// rows, identical actions): when the caller gives each repeated object one
// shared Go value, the memo can name that value, and the outcome of
// validating it against a subschema, which depends on nothing else, is
// known. Only outcomes without errors are remembered, with the score they
// add (the score picks which failed branch of an anyOf or oneOf is
// reported), so a result is the same with a memo as without.

// What a Memo knows of a value against a subschema.
const (
	// MemoNever: the memo cannot name the value; it is validated as usual.
	MemoNever = iota
	// MemoUnknown: the memo can name the value but has no outcome for it
	// yet; it is validated, and Remember is called if it had no error.
	MemoUnknown
	// MemoKnown: the value validated cleanly before, adding score.
	MemoKnown
)

// A Memo remembers clean outcomes of validating values. schema is an
// opaque, comparable key for a subschema, stable for the Schema's life.
// A Memo is used by one validation at a time.
type Memo interface {
	Recall(schema, value interface{}) (score int, known int)
	Remember(schema, value interface{}, score int)
}

// ValidateWith is Validate with a Memo (nil for none).
func (v *Schema) ValidateWith(l JSONLoader, m Memo) (*Result, error) {
	root, err := l.LoadJSON()
	if err != nil {
		return nil, err
	}
	return v.validateDocumentWith(root, m), nil
}
