package schema

import (
	"sort"
	"strings"
)

// Repair fixes the syntax slips Parse steps over (trailing and extra commas,
// comments, single and curly quotes, full-width punctuation and spaces, a
// BOM, unquoted keys, missing commas and colons, raw control characters,
// bad escapes, Python-style literals) and closes input that ends early. It
// changes nothing else: formatting and content stay as they were.
//
// fixes lists every change, positioned in the original text. When the
// result still does not parse (an error no edit can fix with certainty),
// fixes ends with that error, positioned in the repaired text.
func Repair(text string, lang Lang) (repaired string, fixes []Issue) {
	d := Parse(text)
	var edits []finding
	for _, f := range d.syntax {
		if f.fix != nil && f.fix.Edit {
			edits = append(edits, f)
			fixes = append(fixes, d.issue(f, lang))
		}
	}
	if len(edits) == 0 {
		repaired = text
	} else {
		repaired = applyEdits(text, edits)
	}
	after := d
	if len(edits) > 0 {
		after = Parse(repaired)
	}
	for _, f := range after.syntax {
		if f.sev == Error {
			fixes = append(fixes, after.issue(f, lang))
		}
	}
	if fixes == nil {
		fixes = []Issue{}
	}
	return repaired, fixes
}

// applyEdits replaces each finding's byte range by its fix text. Edits are
// applied in text order; one that overlaps an earlier one is dropped.
func applyEdits(text string, edits []finding) string {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var b strings.Builder
	b.Grow(len(text) + 16)
	at := 0
	for _, e := range edits {
		if e.start < at {
			continue
		}
		b.WriteString(text[at:e.start])
		b.WriteString(e.fix.Text)
		at = e.end
	}
	b.WriteString(text[at:])
	return b.String()
}
