package schema

import (
	"strconv"
	"testing"
)

// TestApplyEditsMergesRuns: edits in several runs, each in any order, are
// applied as one sorted list: an insertion before a replacement at the same
// offset, an overlapping edit dropped, the first run first on a tie.
func TestApplyEditsMergesRuns(t *testing.T) {
	text := "[1 2 3 /*c*/4]"
	listed := []textEdit{{7, 12, ""}, {2, 2, ","}}
	counted := []textEdit{{4, 4, ","}, {6, 6, ","}, {8, 10, "x"}}
	if got, want := applyEdits(text, textEdits(listed), keptOf(counted)), "[1, 2, 3, 4]"; got != want {
		t.Errorf("applyEdits = %q, want %q", got, want)
	}
	if got, want := applyEdits(text, textEdits(append(append([]textEdit{}, listed...), counted...))), "[1, 2, 3, 4]"; got != want {
		t.Errorf("one run: applyEdits = %q, want %q", got, want)
	}
}

func keptOf(es []textEdit) *keptEdits {
	k := &keptEdits{}
	for _, e := range es {
		k.add(e)
	}
	return k
}

// TestKeptEdits: kept edits give back what was kept, whatever their texts
// and however many, and set replaces one in place.
func TestKeptEdits(t *testing.T) {
	var want []textEdit
	k := &keptEdits{}
	for i := range 1000 {
		e := textEdit{i, i + i%3, []string{",", "", `"`, ":", "x" + strconv.Itoa(i%7)}[i%5]}
		want = append(want, e)
		k.add(e)
	}
	k.set(10, textEdit{10, 11, "new"})
	want[10] = textEdit{10, 11, "new"}
	if k.len() != len(want) {
		t.Fatalf("%d kept, want %d", k.len(), len(want))
	}
	for i, e := range want {
		if got := k.at(i); got != e {
			t.Fatalf("edit %d = %+v, want %+v", i, got, e)
		}
	}
	if len(k.texts) > 20 {
		t.Errorf("%d texts kept for 11 distinct ones cycling", len(k.texts))
	}
}
