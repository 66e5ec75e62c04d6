package schema

import (
	"strings"
	"testing"
)

// TestReportCap: a report lists the first MaxIssues issues in text order,
// then one summary per code left out, with its count, the most severe
// severity left out and the position of the first one left out.
func TestReportCap(t *testing.T) {
	// [1 1 … 1, 'x', 'x', 'x']: the top level is not an object (1 error at
	// the bracket), 1,099 missing commas, then 3 single-quoted strings.
	text := "[" + strings.Repeat("1 ", 1099) + "1, 'x', 'x', 'x']"
	for _, lang := range []Lang{ZH, EN} {
		rep := Validate(text, Options{Lang: lang}).Report
		if rep.Valid {
			t.Errorf("%s: valid", lang)
		}
		if got, want := len(rep.Issues), MaxIssues+2; got != want {
			t.Fatalf("%s: %d issues, want %d", lang, got, want)
		}
		for i, is := range rep.Issues[:MaxIssues] {
			if is.More != 0 {
				t.Errorf("%s: issue %d (%s) has more: %d", lang, i, is.Code, is.More)
			}
		}
		// The 1,000 listed: not_object, then the first 999 missing commas.
		if last := rep.Issues[MaxIssues-1]; last.Code != "syntax.missing_comma" || last.Offset != 2*999 {
			t.Errorf("%s: issue 1,000 is %s at %d", lang, last.Code, last.Offset)
		}
		commas, quotes := rep.Issues[MaxIssues], rep.Issues[MaxIssues+1]
		if commas.Code != "syntax.missing_comma" || commas.More != 100 || commas.Severity != Error || commas.Offset != 2*1000 || commas.Fix != nil {
			t.Errorf("%s: first summary %+v", lang, commas)
		}
		if quotes.Code != "syntax.single_quote" || quotes.More != 3 || quotes.Offset != strings.Index(text, "'") {
			t.Errorf("%s: second summary %+v", lang, quotes)
		}
		want := map[Lang]string{ZH: "另有 100 个同类问题未列出（报告只列出前 1,000 个）", EN: "100 more issues like this are not listed (a report lists the first 1,000)"}[lang]
		if commas.Message != want {
			t.Errorf("%s: summary message %q, want %q", lang, commas.Message, want)
		}
	}

	// Repair mends every slip, and lists the first MaxIssues fixes.
	fixed, fixes := Repair(text, EN)
	if want := "[" + strings.Repeat("1, ", 1099) + `1, "x", "x", "x"]`; fixed != want {
		t.Errorf("repair did not mend everything")
	}
	// (Repair lists syntax only: 1,000 missing commas, then 99 and 3.)
	if len(fixes) != MaxIssues+2 || fixes[MaxIssues].More != 99 || fixes[MaxIssues+1].More != 3 {
		t.Errorf("repair: %d fixes", len(fixes))
	}
}

// TestReportCapValid: a summary carries the most severe severity of the
// issues it stands for, so Valid is the same as over all issues.
func TestReportCapValid(t *testing.T) {
	text := "[" + strings.Repeat("1 ", 1200) + "1]"
	rep := Validate(text, Options{}).Report
	if rep.Valid {
		t.Fatal("valid")
	}
	for _, is := range rep.Issues[MaxIssues:] {
		if is.Severity != Error {
			t.Errorf("summary %s is %s", is.Code, is.Severity)
		}
	}
}

// The summary of a merchant context's issues left out while it was parsed
// is the merchant's (source "merchant", positioned in its text), like the
// issues listed before it.
func TestReportCapMerchantSource(t *testing.T) {
	text := "[" + strings.Repeat("1 ", 1099) + "1, 'x', 'x', 'x']"
	rep := Validate("{}", Options{Lang: EN, Merchant: text}).Report
	quotes := rep.Issues[len(rep.Issues)-1]
	if quotes.Code != "syntax.single_quote" || quotes.More != 3 {
		t.Fatalf("last issue %+v, want the summary of 3 single quotes", quotes)
	}
	if quotes.Source != SourceMerchant || quotes.Offset != strings.Index(text, "'") {
		t.Errorf("summary of the merchant's single quotes: source %q at %d, want %q at %d", quotes.Source, quotes.Offset, SourceMerchant, strings.Index(text, "'"))
	}
}

// TestReportCapValidWhenOnlyTheErrorIsLeftOut: the first MaxIssues issues
// are warnings (duplicate keys) and the one error (a wrong check digit)
// comes after them, so it is only counted: the report is still not valid.
func TestReportCapValidWhenOnlyTheErrorIsLeftOut(t *testing.T) {
	base, _ := readRuleCases(t)
	if rep := Validate(base, Options{}).Report; !rep.Valid || len(rep.Issues) != 0 {
		t.Fatalf("the base: %+v", rep)
	}
	bad := strings.Replace(base, `"6901939621608"`, `"6901939621600"`, 1)
	text := strings.Replace(bad, "{", "{"+strings.Repeat(`"keystandard": "ean13", `, MaxIssues), 1)
	rep := Validate(text, Options{}).Report
	for i, is := range rep.Issues[:MaxIssues] {
		if is.Severity == Error {
			t.Fatalf("issue %d is an error: %+v", i, is)
		}
	}
	if rep.Valid {
		t.Errorf("valid, with the error left out: %+v", rep.Issues[MaxIssues:])
	}
}

// TestCappedSeverity: a summary has the most severe severity of the issues
// it stands for, not that of the first one left out, whether they were
// left out by the cap or only counted while they were collected.
func TestCappedSeverity(t *testing.T) {
	d := Parse(strings.Repeat(" ", MaxIssues+4))
	var fs []finding
	for i := range MaxIssues {
		fs = append(fs, finding{sev: Info, code: "a", start: i})
	}
	fs = append(fs, finding{sev: Warning, code: "b", start: MaxIssues}, finding{sev: Error, code: "b", start: MaxIssues + 1})
	var left tally
	left.count(finding{sev: Info, code: "c", start: MaxIssues + 2})
	left.count(finding{sev: Warning, code: "c", start: MaxIssues + 3})
	issues := capped([]findingsIn{{d, fs, &left}}, EN)
	if len(issues) != MaxIssues+2 {
		t.Fatalf("%d issues, want %d", len(issues), MaxIssues+2)
	}
	for i, want := range []struct {
		code string
		sev  Severity
		more int
	}{{"b", Error, 2}, {"c", Warning, 2}} {
		if is := issues[MaxIssues+i]; is.Code != want.code || is.Severity != want.sev || is.More != want.more {
			t.Errorf("summary %d: %s %s more %d, want %s %s more %d", i, is.Code, is.Severity, is.More, want.code, want.sev, want.more)
		}
	}
}

// TestTallyOnlyCounts: while a document is read, the findings past the
// first MaxIssues in text order are only counted, never kept (so they are
// never put into words or positioned): the parser and the rules keep at
// most MaxIssues findings whatever the document holds.
func TestTallyOnlyCounts(t *testing.T) {
	text := "[" + strings.Repeat("1 ", 4999) + "1]"
	d := Parse(text)
	if o := d.left.over["syntax.missing_comma"]; len(d.syntax) != MaxIssues || o == nil || o.n != 4999-MaxIssues {
		t.Errorf("parser: %d findings kept, %+v counted", len(d.syntax), o)
	}
	obj := "{" + strings.Repeat(`"x": 1, `, 4999) + `"x": 1}`
	c := checkDocument(Parse(obj), nil)
	if len(c.out) > MaxIssues {
		t.Errorf("rules: %d findings kept", len(c.out))
	}
}
