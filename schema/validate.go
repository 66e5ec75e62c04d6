package schema

import "sort"

// Options tune Validate.
type Options struct {
	// Lang selects the language of messages (default Chinese).
	Lang Lang
	// Merchant is the merchantinfo/get response as JSON text; "" for none.
	Merchant string
}

// A Result is everything one validation produced: the report, the parsed
// document and the product read from it, so that a caller (the preview)
// never parses the text again.
type Result struct {
	Report  Report
	Doc     *Document
	Product *Product
}

// Validate parses text once and checks it: syntax, the JSON Schema, the
// rules of product-rules.md, and the merchant context when opts has one.
// It never fails and never panics on any input: every problem is an issue
// in the report. Issues about the document come first, in text order;
// issues about the merchant context (source "merchant", positioned in its
// own text) follow, in its text order. The report lists at most the first
// MaxIssues of them, then one summary issue per code left out (capped).
func Validate(text string, opts Options) *Result {
	d := Parse(text)
	var m *merchant
	var md *Document
	mc := &checker{}
	if opts.Merchant != "" {
		m, md, mc = readMerchant(opts.Merchant)
	}
	mfs := mc.out
	fs := append([]finding(nil), d.syntax...)
	var left tally
	left.merge(&d.left)
	if !d.Fatal {
		c := checkDocument(d, m)
		fs = append(fs, c.out...)
		left.merge(&c.left)
	}
	// Text order, whatever rule found what; equal offsets keep the order
	// the rules ran in.
	byStart := func(fs []finding) {
		sort.SliceStable(fs, func(i, j int) bool { return fs[i].start < fs[j].start })
	}
	byStart(fs)
	byStart(mfs)
	issues := capped([]findingsIn{{d, fs, &left}, {md, mfs, &mc.left}}, opts.Lang)
	p := productOf(d.Root)
	rep := NewReport(issues)
	rep.Product = &ProductSummary{KeyStandard: p.KeyStandard, KeyStr: p.KeyStr, Title: p.Base.Title}
	return &Result{Report: rep, Doc: d, Product: p}
}
