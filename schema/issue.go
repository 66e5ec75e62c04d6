package schema

import (
	"encoding/json"
	"fmt"
)

// Severity says how bad an issue is. An error means the API would reject the
// document (or the page cannot work); a warning means it is accepted but
// probably not what the author wants; info is a hint.
type Severity string

// The three severities, in the spelling the JS API uses.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Source names which input an issue is about.
const (
	SourceDocument = "document"
	SourceMerchant = "merchant"
)

// An Issue is one finding about the input, positioned at the smallest
// relevant token. Line and Column are 1-based; Column, Offset and Length are
// counted in UTF-16 code units, as every JavaScript editor counts them.
// Code is stable (tools may match on it); Message may change.
type Issue struct {
	Severity Severity `json:"severity"`
	Code     string   `json:"code"`
	Errcode  int      `json:"errcode,omitempty"`
	Path     string   `json:"path"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Offset   int      `json:"offset"`
	Length   int      `json:"length"`
	Message  string   `json:"message"`
	Source   string   `json:"source,omitempty"`
	Fix      *Fix     `json:"fix,omitempty"`
}

// A Fix is a correction that is certain enough to apply with one click.
// Either Text replaces the issue's range (Offset, Length) of the input, or
// Value replaces the JSON value at Path.
type Fix struct {
	// Edit is true for a text edit: Text replaces the issue's range.
	Edit bool
	Text string
	// Path and Value are used when Edit is false.
	Path  string
	Value any
}

// MarshalJSON writes {"text": ...} or {"path": ..., "value": ...}; an empty
// replacement text (a deletion) is kept, unlike with omitempty.
func (f Fix) MarshalJSON() ([]byte, error) {
	if f.Edit {
		return json.Marshal(struct {
			Text string `json:"text"`
		}{f.Text})
	}
	return json.Marshal(struct {
		Path  string `json:"path"`
		Value any    `json:"value"`
	}{f.Path, f.Value})
}

// UnmarshalJSON reads either form of MarshalJSON.
func (f *Fix) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if t, ok := raw["text"]; ok {
		f.Edit = true
		return json.Unmarshal(t, &f.Text)
	}
	if p, ok := raw["path"]; ok {
		if err := json.Unmarshal(p, &f.Path); err != nil {
			return err
		}
		if v, ok := raw["value"]; ok {
			return json.Unmarshal(v, &f.Value)
		}
		return nil
	}
	return fmt.Errorf("schema: fix has neither text nor path")
}

// TextFix replaces the issue's range with s ("" deletes it).
func TextFix(s string) *Fix { return &Fix{Edit: true, Text: s} }

// ValueFix sets the value at the JSON Pointer path.
func ValueFix(path string, v any) *Fix { return &Fix{Path: path, Value: v} }

// A Report is the outcome of a validation. Valid is true when no issue has
// severity Error.
type Report struct {
	Valid  bool    `json:"valid"`
	Issues []Issue `json:"issues"`
}

// NewReport builds a report from issues, computing Valid. A nil slice
// becomes an empty one so that the JSON form always has an array.
func NewReport(issues []Issue) Report {
	if issues == nil {
		issues = []Issue{}
	}
	valid := true
	for _, is := range issues {
		if is.Severity == Error {
			valid = false
			break
		}
	}
	return Report{Valid: valid, Issues: issues}
}
