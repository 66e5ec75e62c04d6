package schema

import (
	"container/heap"
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
	edits     []textEdit
}

// A textEdit replaces the bytes [start, end) of a text with text.
type textEdit struct {
	start, end int
	text       string
}

// overflow counts the findings of one code a tally left out.
type overflow struct {
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
	o := t.over[code]
	return o == nil || start < o.first.start
}

// count counts a finding left out; f.path is only read when needsPath.
func (t *tally) count(f finding) {
	if t.over == nil {
		t.over = map[string]*overflow{}
	}
	o := t.over[f.code]
	if o == nil {
		o = &overflow{sev: f.sev}
		t.over[f.code] = o
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
	if o := t.over[code]; o != nil {
		if o.n--; o.n == 0 {
			delete(t.over, code)
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
