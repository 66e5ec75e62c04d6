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
	if len(edits)+d.left.edits.len() == 0 {
		return text, fixes
	}
	// The listed edits (at most MaxIssues) and the ones only counted (up to
	// hundreds of thousands) are two runs merged as they are applied:
	// copying the long run into one slice to sort it was a third of Repair's
	// time on a document of half a million slips.
	return applyEdits(text, textEdits(edits), &d.left.edits), fixes
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

// textEdits is a run of edits held as they are (keptEdits is the other
// kind: the compact run of a tally).
type textEdits []textEdit

func (r textEdits) len() int          { return len(r) }
func (r textEdits) at(i int) textEdit { return r[i] }
func (r textEdits) sort() {
	if !slices.IsSortedFunc(r, editOrder) {
		slices.SortStableFunc(r, editOrder)
	}
}

// An editRun is a list of edits that applyEdits reads one at a time.
type editRun interface {
	len() int
	at(i int) textEdit
	sort()
}

// applyEdits replaces each edit's byte range by its text. Edits are
// applied in text order, the runs merged; one that overlaps an earlier one
// is dropped.
func applyEdits(text string, runs ...editRun) string {
	for _, r := range runs {
		r.sort()
	}
	var b strings.Builder
	b.Grow(len(text) + 16)
	at := 0
	next := make([]int, len(runs)) // the next edit of each run
	heads := make([]textEdit, len(runs))
	for i, r := range runs {
		if r.len() > 0 {
			heads[i] = r.at(0)
		}
	}
	for {
		pick := -1
		for i, r := range runs {
			if next[i] < r.len() && (pick < 0 || editOrder(heads[i], heads[pick]) < 0) {
				pick = i
			}
		}
		if pick < 0 {
			break
		}
		e := heads[pick]
		next[pick]++
		if r := runs[pick]; next[pick] < r.len() {
			heads[pick] = r.at(next[pick])
		}
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

// editOrder orders edits by where they start; at one offset an insertion
// goes before a replacement that starts there (a missing comma right before
// a comment being removed).
func editOrder(a, b textEdit) int {
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
}
