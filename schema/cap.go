package schema

import (
	"container/heap"
	"slices"
	"sort"
)

// MaxIssues is how many issues a report lists. A document can hold hundreds
// of thousands of slips (1 MiB of "1 1 1 …" is half a million missing
// commas); past the first MaxIssues, a report says only how many more there
// are of each code, so that its size and the cost of positioning, fixing
// and showing its issues stay bounded.
const MaxIssues = 1000

// findingsIn are findings positioned in the text of d, and the tally of
// those left out while they were collected (nil when none were).
type findingsIn struct {
	d    *Document
	fs   []finding
	left *tally
}

// severityRank orders severities: the larger, the more severe.
func severityRank(s Severity) int {
	switch s {
	case Error:
		return 2
	case Warning:
		return 1
	}
	return 0
}

// capped turns findings, already in report order (the document's in text
// order, then the merchant's), into at most MaxIssues issues, then one
// summary issue per code that had issues left out: the same code, the
// most severe severity among those left out, positioned at the first one
// left out, with More saying how many were left out. A finding left out is
// only counted: it is never positioned, put into a language or fixed.
// Since a summary carries the most severe severity of what it stands for,
// a report's Valid is the same over the capped issues as over all of them.
func capped(parts []findingsIn, lang Lang) []Issue {
	total := 0
	for _, p := range parts {
		total += len(p.fs)
	}
	issues := make([]Issue, 0, min(total, MaxIssues))
	type leftOut struct {
		part int
		overflow
	}
	var left map[string]*leftOut
	add := func(part int, o overflow) {
		if left == nil {
			left = map[string]*leftOut{}
		}
		lo := left[o.first.code]
		switch {
		case lo == nil:
			left[o.first.code] = &leftOut{part, o}
			return
		case part < lo.part || part == lo.part && o.first.start < lo.first.start:
			lo.part, lo.first = part, o.first
		}
		lo.n += o.n
		if severityRank(o.sev) > severityRank(lo.sev) {
			lo.sev = o.sev
		}
	}
	for i, p := range parts {
		for _, f := range p.fs {
			if len(issues) < MaxIssues {
				issues = append(issues, p.d.issue(f, lang))
				continue
			}
			add(i, overflow{first: f, sev: f.sev, n: 1})
		}
		if p.left != nil {
			for _, o := range p.left.over {
				add(i, *o)
			}
		}
	}
	summaries := make([]*leftOut, 0, len(left))
	for _, lo := range left {
		summaries = append(summaries, lo)
	}
	sort.Slice(summaries, func(i, j int) bool {
		a, b := summaries[i], summaries[j]
		if a.part != b.part {
			return a.part < b.part
		}
		if a.first.start != b.first.start {
			return a.first.start < b.first.start
		}
		return a.first.code < b.first.code
	})
	for _, lo := range summaries {
		f := lo.first
		f.fix = nil
		f.sev = lo.sev
		f.msg = Msg("另有 %d 个同类问题未列出（报告只列出前 1,000 个）", "%d more issues like this are not listed (a report lists the first 1,000)", lo.n)
		is := parts[lo.part].d.issue(f, lang)
		is.More = lo.n
		issues = append(issues, is)
	}
	return issues
}

// A tally decides, while findings are collected, which of them no report
// will list, and only counts those: whatever the input, collecting costs a
// bounded amount per finding, and the first MaxIssues in text order are
// kept in full. It keeps the starts of the MaxIssues earliest findings
// recorded so far; a finding that starts at or after the latest of them
// has MaxIssues findings before it in text order (in report order, an
// equal start comes after the findings that were recorded first), so it
// is left out of any report.
type tally struct {
	starts startHeap
	over   map[string]*overflow
	// keepEdits keeps the text fixes of the findings left out (Repair
	// mends the whole text, listed or not).
	keepEdits bool
	edits     keptEdits
	last      *overflow // the overflow find found last
}

// A textEdit replaces the bytes [start, end) of a text with text.
type textEdit struct {
	start, end int
	text       string
}

// keptEdits holds the edits of the findings left out, twelve bytes each:
// a document within MaxSize can hold half a million of them (a missing
// comma between every two numbers), and at 32 bytes each growing their
// slice was a fifth of Repair's time there. Their texts are few and
// repeat (",", ""), so each edit names its text by index.
type keptEdits struct {
	list  []keptEdit
	texts []string
	index map[string]int32 // texts' indexes
}

// A keptEdit is a textEdit whose offsets fit MaxSize and whose text is
// texts[text].
type keptEdit struct{ start, end, text int32 }

func (k *keptEdits) len() int { return len(k.list) }

func (k *keptEdits) at(i int) textEdit {
	e := k.list[i]
	return textEdit{int(e.start), int(e.end), k.texts[e.text]}
}

// add keeps the edit.
func (k *keptEdits) add(e textEdit) {
	if len(k.list) == cap(k.list) {
		// Double, not append's 1.25× for long slices.
		k.list = slices.Grow(k.list, max(len(k.list), 64))
	}
	k.list = append(k.list, k.kept(e))
}

// set replaces the i-th edit.
func (k *keptEdits) set(i int, e textEdit) { k.list[i] = k.kept(e) }

// kept is e as a keptEdit, its text added to texts when new. Runs of
// one text (the commas of [1 1 1 …]) take the first test.
func (k *keptEdits) kept(e textEdit) keptEdit {
	t := len(k.texts) - 1
	if t < 0 || k.texts[t] != e.text {
		i, ok := k.index[e.text]
		if !ok {
			if k.index == nil {
				k.index = map[string]int32{}
			}
			i = int32(len(k.texts))
			k.index[e.text] = i
			k.texts = append(k.texts, e.text)
		}
		t = int(i)
	}
	return keptEdit{int32(e.start), int32(e.end), int32(t)}
}

// sort puts the edits in editOrder.
func (k *keptEdits) sort() {
	if !slices.IsSortedFunc(k.list, keptOrder) {
		slices.SortStableFunc(k.list, keptOrder)
	}
}

func keptOrder(a, b keptEdit) int {
	return editOrder(textEdit{start: int(a.start), end: int(a.end)}, textEdit{start: int(b.start), end: int(b.end)})
}

// overflow counts the findings of one code a tally left out.
type overflow struct {
	code  string
	first finding // the earliest, without message or fix
	sev   Severity
	n     int
}

// leftOut reports whether a finding starting at start is left out.
func (t *tally) leftOut(start int) bool {
	return len(t.starts) == MaxIssues && start >= t.starts[0]
}

// record notes a finding kept in full.
func (t *tally) record(start int) {
	if len(t.starts) < MaxIssues {
		heap.Push(&t.starts, start)
	} else if start < t.starts[0] {
		t.starts[0] = start
		heap.Fix(&t.starts, 0)
	}
}

// needsPath reports whether a finding of code at start, left out, would
// be the first of its code: only then is its path worth computing.
func (t *tally) needsPath(code string, start int) bool {
	o := t.find(code)
	return o == nil || start < o.first.start
}

// find returns the overflow of code, or nil. The last one found is asked
// first: left-out findings come in runs of one code (half a million
// missing commas), and two map lookups each were a tenth of the time.
func (t *tally) find(code string) *overflow {
	if t.last != nil && t.last.code == code {
		return t.last
	}
	o := t.over[code]
	if o != nil {
		t.last = o
	}
	return o
}

// count counts a finding left out; f.path is only read when needsPath.
func (t *tally) count(f finding) {
	if t.over == nil {
		t.over = map[string]*overflow{}
	}
	o := t.find(f.code)
	if o == nil {
		o = &overflow{code: f.code, sev: f.sev}
		t.over[f.code] = o
		t.last = o
	}
	if o.n == 0 || f.start < o.first.start {
		o.first = finding{sev: f.sev, code: f.code, errcode: f.errcode, path: f.path, start: f.start, end: f.end, source: f.source}
	}
	o.n++
	if severityRank(f.sev) > severityRank(o.sev) {
		o.sev = f.sev
	}
}

// uncount takes back one finding of code counted by mistake.
func (t *tally) uncount(code string) {
	if o := t.find(code); o != nil {
		if o.n--; o.n == 0 {
			delete(t.over, code)
			t.last = nil
		}
	}
}

// merge adds the counts of u to t.
func (t *tally) merge(u *tally) {
	for code, o := range u.over {
		if t.over == nil {
			t.over = map[string]*overflow{}
		}
		m := t.over[code]
		if m == nil {
			c := *o
			c.code = code
			t.over[code] = &c
			continue
		}
		if o.first.start < m.first.start {
			m.first = o.first
		}
		if severityRank(o.sev) > severityRank(m.sev) {
			m.sev = o.sev
		}
		m.n += o.n
	}
}

// startHeap is a max-heap of byte offsets.
type startHeap []int

func (h startHeap) Len() int           { return len(h) }
func (h startHeap) Less(i, j int) bool { return h[i] > h[j] }
func (h startHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *startHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *startHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
