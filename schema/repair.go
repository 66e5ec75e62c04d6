package schema

import (
	"slices"
	"sort"
	"strings"
)

// Repair fixes the syntax slips Parse steps over (trailing and extra commas,
// comments, single and curly quotes, full-width punctuation and spaces, a
// BOM, unquoted keys, missing commas and colons, raw control characters,
// bad escapes, Python-style literals) and closes input that ends early. It
// changes nothing else: formatting and content stay as they were.
//
// fixes lists every change, positioned in the original text. An error no
// edit can fix with certainty (an unexpected character, say) is listed too,
// without a fix; the text is then repaired only up to it, and may show more
// errors once that one is mended. Like a report, fixes lists at most
// MaxIssues changes, then one summary per code of those left out; the text
// is repaired in full.
func Repair(text string, lang Lang) (repaired string, fixes []Issue) {
	d := parse(text, true)
	var edits []textEdit
	var listed []finding
	for _, f := range d.syntax {
		switch {
		case f.fix != nil && f.fix.IsText:
			edits = append(edits, textEdit{f.start, f.end, f.fix.Text})
			listed = append(listed, f)
		case f.sev == Error:
			listed = append(listed, f)
		}
	}
	sort.SliceStable(listed, func(i, j int) bool { return listed[i].start < listed[j].start })
	fixes = capped([]findingsIn{{d, listed, errorsOf(&d.left)}}, lang)
	edits = append(edits, d.left.edits...)
	if len(edits) == 0 {
		return text, fixes
	}
	return applyEdits(text, edits), fixes
}

// errorsOf returns the counts of t's errors: what Repair lists are fixes
// and errors, never warnings.
func errorsOf(t *tally) *tally {
	out := &tally{}
	for code, o := range t.over {
		if o.sev == Error {
			if out.over == nil {
				out.over = map[string]*overflow{}
			}
			out.over[code] = o
		}
	}
	return out
}

// applyEdits replaces each edit's byte range by its text. Edits are
// applied in text order; one that overlaps an earlier one is dropped.
func applyEdits(text string, edits []textEdit) string {
	// At one offset an insertion goes before a replacement that starts
	// there (a missing comma right before a comment being removed).
	slices.SortStableFunc(edits, func(a, b textEdit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		ai, bi := a.start == a.end, b.start == b.end
		switch {
		case ai && !bi:
			return -1
		case bi && !ai:
			return 1
		}
		return 0
	})
	var b strings.Builder
	b.Grow(len(text) + 16)
	at := 0
	for _, e := range edits {
		if e.start < at {
			continue
		}
		b.WriteString(text[at:e.start])
		b.WriteString(e.text)
		at = e.end
	}
	b.WriteString(text[at:])
	return b.String()
}
