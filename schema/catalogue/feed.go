package catalogue

import "scanpage/schema"

// A Feed applies the cross-document rules to documents checked one by one
// (CheckDoc), in input order, and writes each to a sink: the one path from
// checked documents to a report, for Check's goroutines and for documents
// checked elsewhere (the page's workers, whose results come back to the
// wasm's catalogueReport).
type Feed struct {
	cat  *schema.Catalogue
	sink Sink
}

// NewFeed starts a feed: it writes the merchant context's issues to sink.
func NewFeed(opts schema.CatalogueOptions, sink Sink) (*Feed, error) {
	cat := schema.NewCatalogue(opts)
	if err := sink.Merchant(cat.MerchantIssues()); err != nil {
		return nil, err
	}
	return &Feed{cat, sink}, nil
}

// Add applies the rules to the next document and writes it.
func (f *Feed) Add(c Checked) error {
	ci, valid := f.cat.AddFacts(c.Facts)
	return f.sink.Document(Result{Ref: c.Ref, Valid: valid, Catalogue: ci, Product: c.Product, Issues: c.Issues})
}

// Finish applies the rules that need the whole catalogue, writes the rest
// and returns the summary.
func (f *Feed) Finish() (schema.Summary, error) {
	rest, sum := f.cat.Finish()
	return sum, f.sink.Finish(rest, sum)
}
