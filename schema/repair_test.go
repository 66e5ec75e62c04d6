package schema

import "testing"

// TestApplyEditsMergesRuns: edits in several runs, each in any order, are
// applied as one sorted list: an insertion before a replacement at the same
// offset, an overlapping edit dropped, the first run first on a tie.
func TestApplyEditsMergesRuns(t *testing.T) {
	text := "[1 2 3 /*c*/4]"
	listed := []textEdit{{7, 12, ""}, {2, 2, ","}}
	counted := []textEdit{{4, 4, ","}, {6, 6, ","}, {8, 10, "x"}}
	if got, want := applyEdits(text, listed, counted), "[1, 2, 3, 4]"; got != want {
		t.Errorf("applyEdits = %q, want %q", got, want)
	}
	if got, want := applyEdits(text, append(append([]textEdit{}, listed...), counted...)), "[1, 2, 3, 4]"; got != want {
		t.Errorf("one run: applyEdits = %q, want %q", got, want)
	}
}
