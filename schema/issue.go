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
	// More is set on the summary issue that ends a capped report: this
	// many issues of its code were left out (see MaxIssues).
	More int `json:"more,omitempty"`
}

// A Fix is a correction that is certain enough to apply with one click.
// Either Text replaces the issue's range (Offset, Length) of the input, or
// Value replaces the JSON value at Path. Either way, Edit is the same
// correction as a text edit of the input the issue was found in, when the
// fix could be placed there: an editor applies it as it is, without reading
// the JSON itself.
type Fix struct {
	// IsText is true for a text fix: Text replaces the issue's range.
	IsText bool
	Text   string
	// Path and Value are used when IsText is false.
	Path  string
	Value any
	// Edit is set by Validate (and Repair, CheckCodeIssues) for every fix.
	Edit *Edit
}

// MarshalJSON writes {"text": ...} or {"path": ..., "value": ...}, each
// with its "edit" when there is one; an empty replacement text (a deletion)
// is kept, unlike with omitempty.
func (f Fix) MarshalJSON() ([]byte, error) {
	if f.IsText {
		return json.Marshal(struct {
			Text string `json:"text"`
			Edit *Edit  `json:"edit,omitempty"`
		}{f.Text, f.Edit})
	}
	return json.Marshal(struct {
		Path  string `json:"path"`
		Value any    `json:"value"`
		Edit  *Edit  `json:"edit,omitempty"`
	}{f.Path, f.Value, f.Edit})
}

// UnmarshalJSON reads either form of MarshalJSON.
func (f *Fix) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if e, ok := raw["edit"]; ok {
		if err := json.Unmarshal(e, &f.Edit); err != nil {
			return err
		}
	}
	if t, ok := raw["text"]; ok {
		f.IsText = true
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

// textFix replaces the issue's range with s ("" deletes it).
func textFix(s string) *Fix { return &Fix{IsText: true, Text: s} }

// ValueFix sets the value at the JSON Pointer path.
func ValueFix(path string, v any) *Fix { return &Fix{Path: path, Value: v} }

// OptionIssue is an issue about an option of a call rather than about the
// input: its path names the option ("/page", "/xdim"), and it has no range
// in the input (line 1, column 1, length 0).
func OptionIssue(sev Severity, code, option string, msg Message, lang Lang) Issue {
	return Issue{Severity: sev, Code: code, Path: "/" + option, Line: 1, Column: 1, Message: msg.In(lang)}
}

// A Report is the outcome of a validation. Valid is true when no issue has
// severity Error.
type Report struct {
	Valid  bool    `json:"valid"`
	Issues []Issue `json:"issues"`
	// Product is what a validated document says its code and title are,
	// as this validation read them (the last of duplicate keys wins, slips
	// like single quotes are stepped over), so that a frontend shows them
	// without reading the JSON itself. Nil in reports about other input.
	Product *ProductSummary `json:"product,omitempty"`
}

// A ProductSummary names a document's product: its code and its title,
// "" where the document has none that could be read.
type ProductSummary struct {
	KeyStandard string `json:"keystandard"`
	KeyStr      string `json:"keystr"`
	Title       string `json:"title"`
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
