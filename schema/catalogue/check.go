// Package catalogue checks many documents at once: it reads them from
// files (one document, an array of documents, or NDJSON; Split), validates
// them on several goroutines, applies the cross-document rules of
// schema.Catalogue in input order, and writes the outcome as text, JSON or
// SARIF (the formats of `scanpage check`, and of the page's exports). Memory
// stays bounded by the number of documents in flight, never by the
// catalogue: texts are streamed, and a document is dropped once written.
package catalogue

import (
	"context"
	"io"
	"runtime"

	"scanpage/schema"
)

// An Input is one file to read.
type Input struct {
	Name string
	Open func() (io.ReadCloser, error)
}

// Options tune Check.
type Options struct {
	Lang schema.Lang
	// Merchant is the merchantinfo/get response applied to every document
	// ("" for none); MerchantName is its file's name, for its issues.
	Merchant, MerchantName string
	// Workers is how many documents are validated at once (default: the
	// number of CPUs).
	Workers int
	// Progress, when set, is called (on Check's goroutine) after each
	// document with how many are done.
	Progress func(done int)
	// ReadError, when set, is called for an input that cannot be opened
	// or read to the end; the documents read before the error are checked.
	ReadError func(name string, err error)
	// BeforeFinish, when set, is called after the last document, before
	// the catalogue's Finish (for a heap profile of what a check holds).
	BeforeFinish func()
}

// A Result is one document's outcome.
type Result struct {
	Ref schema.DocRef
	// Valid: no error of its own, nor a cross-document one.
	Valid bool
	// Issues are the document's own issues, placed in its file; the
	// merchant context's issues are reported once, not here.
	Issues []schema.Issue
	// Catalogue are the cross-document issues found at this document.
	Catalogue []schema.CatalogueIssue
	// Product is its code and title as the validator read them.
	Product *schema.ProductSummary
}

// A Sink receives the outcome as it comes: the merchant context's issues
// first, then every document in input order, then the rest.
type Sink interface {
	Merchant(issues []schema.CatalogueIssue) error
	Document(r Result) error
	// Finish gets the issues that needed the whole catalogue (recommended
	// codes outside it) and the summary.
	Finish(cat []schema.CatalogueIssue, s schema.Summary) error
}

type job struct {
	seq int
	doc Doc
}

// done is a validated document, in input order by seq.
type done struct {
	seq int
	Checked
}

// A Checked is one document validated on its own, as a check needs it:
// where it is, its issues placed in its file (the merchant context's left
// out: a check reports those once), the product the validator read, and
// the facts the cross-document rules need (schema.FactsOf). The parsed
// tree is dropped: nothing reads the text again.
type Checked struct {
	Ref     schema.DocRef          `json:"ref"`
	Issues  []schema.Issue         `json:"issues"`
	Product *schema.ProductSummary `json:"product,omitempty"`
	Facts   schema.DocFacts        `json:"facts"`
}

// CheckDoc validates d on its own with opts: what Check's workers do, and
// what the page's workers do through the wasm's checkBatch.
func CheckDoc(d Doc, opts schema.Options) Checked {
	res := schema.Validate(d.Text, opts)
	c := Checked{Ref: d.Ref, Issues: make([]schema.Issue, 0, len(res.Report.Issues)), Product: res.Report.Product, Facts: schema.FactsOf(d.Ref, res)}
	for _, is := range res.Report.Issues {
		if is.Source != schema.SourceMerchant {
			c.Issues = append(c.Issues, d.Ref.Place(is))
		}
	}
	return c
}

// Check reads every input in order, validates each document and feeds the
// sink. It returns the summary, and the first error of the sink or ctx;
// unreadable inputs go to Options.ReadError and do not stop the check.
func Check(ctx context.Context, inputs []Input, opts Options, sink Sink) (schema.Summary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	feed, err := NewFeed(schema.CatalogueOptions{Lang: opts.Lang, Merchant: opts.Merchant, MerchantName: opts.MerchantName}, sink)
	if err != nil {
		return schema.Summary{}, err
	}

	jobs := make(chan job, 2*workers)
	results := make(chan done, 2*workers)
	go func() {
		defer close(jobs)
		seq := 0
		for _, in := range inputs {
			rc, err := in.Open()
			if err != nil {
				if opts.ReadError != nil {
					opts.ReadError(in.Name, err)
				}
				continue
			}
			err = Split(in.Name, rc, func(d Doc) bool {
				select {
				case jobs <- job{seq, d}:
					seq++
					return true
				case <-ctx.Done():
					return false
				}
			})
			rc.Close()
			if err != nil && opts.ReadError != nil {
				opts.ReadError(in.Name, err)
			}
			if ctx.Err() != nil {
				return
			}
		}
	}()
	vopts := schema.Options{Lang: opts.Lang, Merchant: opts.Merchant}
	finished := make(chan struct{})
	for range workers {
		go func() {
			defer func() { finished <- struct{}{} }()
			for j := range jobs {
				select {
				case results <- done{j.seq, CheckDoc(j.doc, vopts)}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		for range workers {
			<-finished
		}
		close(results)
	}()

	// Results come back out of order; the catalogue and the sink take them
	// in input order. At most the jobs in flight wait here.
	waiting := map[int]done{}
	next := 0
	for d := range results {
		if err != nil {
			continue // drain, so the workers end
		}
		waiting[d.seq] = d
		for {
			d, ok := waiting[next]
			if !ok {
				break
			}
			delete(waiting, next)
			next++
			if err = ctx.Err(); err != nil {
				cancel()
				break
			}
			if err = feed.Add(d.Checked); err != nil {
				cancel()
				break
			}
			if opts.Progress != nil {
				opts.Progress(next)
			}
		}
	}
	if err != nil {
		return schema.Summary{}, err
	}
	if err := ctx.Err(); err != nil {
		return schema.Summary{}, err
	}
	if opts.BeforeFinish != nil {
		opts.BeforeFinish()
	}
	return feed.Finish()
}
