package schema

// MaxIssues is how many issues a report lists. A document can hold hundreds
// of thousands of slips (1 MiB of "1 1 1 …" is half a million missing
// commas); past the first MaxIssues, a report says only how many more there
// are of each code, so that its size and the cost of positioning, fixing
// and showing its issues stay bounded.
const MaxIssues = 1000

// findingsIn are findings positioned in the text of d.
type findingsIn struct {
	d  *Document
	fs []finding
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
		d     *Document
		first finding
		sev   Severity
		n     int
	}
	var order []string // codes in the order of their first left out
	var left map[string]*leftOut
	for _, p := range parts {
		for _, f := range p.fs {
			if len(issues) < MaxIssues {
				issues = append(issues, p.d.issue(f, lang))
				continue
			}
			if left == nil {
				left = map[string]*leftOut{}
			}
			lo := left[f.code]
			if lo == nil {
				lo = &leftOut{d: p.d, first: f, sev: f.sev}
				left[f.code] = lo
				order = append(order, f.code)
			}
			lo.n++
			if severityRank(f.sev) > severityRank(lo.sev) {
				lo.sev = f.sev
			}
		}
	}
	for _, code := range order {
		lo := left[code]
		f := lo.first
		f.fix = nil
		f.sev = lo.sev
		f.msg = Msg("另有 %d 个同类问题未列出（报告只列出前 1,000 个）", "%d more issues like this are not listed (a report lists the first 1,000)", lo.n)
		is := lo.d.issue(f, lang)
		is.More = lo.n
		issues = append(issues, is)
	}
	return issues
}
