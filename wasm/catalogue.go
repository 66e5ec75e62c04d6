//go:build js && wasm

package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"sort"
	"strings"

	"github.com/hack-pad/safejs"

	"scanpage/preview/barcode"
	"scanpage/schema"
	"scanpage/schema/catalogue"
)

// The catalogue's building blocks for a page that checks many documents in
// a pool of workers, each with its own instance (README, "The catalogue"):
//
//	checkBatch(text, {name, lang, merchant, packed})  in a worker: one
//	    file's text, split (catalogue.Split: whole, array or NDJSON) and
//	    validated, each document with its own issues placed in the file and
//	    its facts; with packed, the facts of all come as one Uint8Array of
//	    packed facts (schema.AppendPackedFacts) instead of in each document;
//	catalogueIssues(facts, {lang, merchant, merchantName})  on one
//	    instance: the facts of every document, in input order (a JSON array
//	    or packed facts), through one schema.Catalogue: the cross-document
//	    issues, validity and summary;
//	catalogueReport(docsNDJSON, {format, lang, merchant, merchantName}, facts?)
//	    the report of `scanpage check` (csv, json or sarif) from the
//	    documents checkBatch returned, one per line in input order (their
//	    facts packed apart in facts when checkBatch packed them), through
//	    the same catalogue.Feed and writers as the command line;
//	barcodeZip(codesJSON, barcodeOptions)  a zip of EAN symbols as SVG,
//	    one file per code, named by it.

// batchOptions: line and offset say where text starts in its file (the
// page cuts a large NDJSON file into pieces at line breaks): 0 for the
// file's start, else the piece's first line (1-based) and its UTF-16
// offset.
type batchOptions struct {
	Name     string          `json:"name"`
	Lang     string          `json:"lang"`
	Merchant json.RawMessage `json:"merchant"`
	Line     int             `json:"line"`
	Offset   int             `json:"offset"`
	Packed   bool            `json:"packed"`
}

// A batchDoc is a document checked on its own: catalogue.Checked (ref,
// issues, product and, unless packed apart, facts), valid: no error of its
// own, and length: its text's length in UTF-16 units from ref.Offset (so
// that a page can cut the document out of its file to open it).
type batchDoc struct {
	Ref     schema.DocRef          `json:"ref"`
	Issues  []schema.Issue         `json:"issues"`
	Product *schema.ProductSummary `json:"product,omitempty"`
	Facts   *schema.DocFacts       `json:"facts,omitempty"`
	Valid   bool                   `json:"valid"`
	Length  int                    `json:"length"`
}

var checkBatch = takes("text", func(text string, o batchOptions, _ []schema.Issue) (any, error) {
	opts := schema.Options{Lang: schema.ParseLang(o.Lang), Merchant: merchantText(o.Merchant)}
	name := o.Name
	if name == "" {
		name = "document.json"
	}
	docs := []batchDoc{}
	var packed []byte
	if o.Line < 0 || o.Offset < 0 {
		return nil, typeError("checkBatch(text, options): line and offset must not be negative")
	}
	catalogue.Split(name, strings.NewReader(text), func(d catalogue.Doc) bool {
		if o.Line > 1 || o.Offset > 0 {
			d.Ref.Line += max(o.Line, 1) - 1
			d.Ref.Offset += o.Offset
		}
		c := catalogue.CheckDoc(d, opts)
		b := batchDoc{Ref: c.Ref, Issues: c.Issues, Product: c.Product, Valid: schema.NewReport(c.Issues).Valid, Length: utf16Len(d.Text)}
		if o.Packed {
			packed = schema.AppendPackedFacts(packed, c.Facts)
		} else {
			b.Facts = &c.Facts
		}
		docs = append(docs, b)
		return true
	})
	text = marshal(map[string]any{"docs": docs})
	if o.Packed {
		return withBytes(text, packed)
	}
	return text, nil
})

type catalogueOptions struct {
	Lang         string          `json:"lang"`
	Merchant     json.RawMessage `json:"merchant"`
	MerchantName string          `json:"merchantName"`
}

// catalogueIssues(facts, options): facts is a JSON array of DocFacts or
// a Uint8Array of packed facts. Each issue found at the end (rest) also
// names its document by input index (doc; -1 if none).
func catalogueIssues(args []safejs.Value) (any, error) {
	var o catalogueOptions
	if err := optionsArg(args, 1, &o); err != nil {
		return nil, err
	}
	next, err := factsArg(args, 0, "catalogueIssues(facts)")
	if err != nil {
		return nil, err
	}
	cat := schema.NewCatalogue(schema.CatalogueOptions{Lang: schema.ParseLang(o.Lang), Merchant: merchantText(o.Merchant), MerchantName: o.MerchantName})
	type docOut struct {
		Valid  bool                    `json:"valid"`
		Issues []schema.CatalogueIssue `json:"issues"`
	}
	type restOut struct {
		schema.CatalogueIssue
		Doc int `json:"doc"`
	}
	var docs []docOut
	var f schema.DocFacts
	for {
		ok, err := next(&f)
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		is, valid := cat.AddFacts(f)
		if is == nil {
			is = []schema.CatalogueIssue{}
		}
		docs = append(docs, docOut{valid, is})
	}
	if docs == nil {
		docs = []docOut{}
	}
	issues, at, sum := cat.FinishIndexed()
	rest := make([]restOut, len(issues))
	for i, is := range issues {
		rest[i] = restOut{is, at[i]}
	}
	merchant := cat.MerchantIssues()
	if merchant == nil {
		merchant = []schema.CatalogueIssue{}
	}
	return marshal(map[string]any{"docs": docs, "rest": rest, "merchant": merchant, "summary": sum}), nil
}

// factsArg reads argument i, the facts of a catalogue: a JSON array of
// DocFacts (a string), packed facts (a Uint8Array), or an array of packed
// facts in order (each piece is copied into Go when its turn comes, into
// one buffer: the whole catalogue's facts are never in wasm memory at
// once). next reads them one at a time; it returns false at the end.
func factsArg(args []safejs.Value, i int, what string) (next func(*schema.DocFacts) (bool, error), err error) {
	if i >= len(args) || args[i].Type() == safejs.TypeString {
		text, err := stringArg(args, i, what)
		if err != nil {
			return nil, err
		}
		var facts []schema.DocFacts
		if err := json.Unmarshal([]byte(text), &facts); err != nil {
			return nil, typeError("%s: facts must be a JSON array of the facts checkBatch returned, or its packed facts: %s", what, jsonReason(err))
		}
		return func(f *schema.DocFacts) (bool, error) {
			if len(facts) == 0 {
				return false, nil
			}
			*f, facts = facts[0], facts[1:]
			return true, nil
		}, nil
	}
	pieces := []safejs.Value{args[i]}
	if isArray(args[i]) {
		n, err := args[i].Length()
		if err != nil {
			return nil, err
		}
		pieces = make([]safejs.Value, n)
		for k := range pieces {
			if pieces[k], err = args[i].Index(k); err != nil {
				return nil, err
			}
		}
	}
	r := schema.NewFactsReader(nil)
	var buf []byte
	k := 0
	return func(f *schema.DocFacts) (bool, error) {
		for {
			if r.Next(f) {
				return true, nil
			}
			if err := r.Err(); err != nil {
				return false, typeError("%s: piece %d: these bytes are not the packed facts checkBatch returned (%v)", what, k, err)
			}
			if k == len(pieces) {
				return false, nil
			}
			var err error
			if buf, err = bytesInto(buf[:0], pieces[k], what); err != nil {
				return false, err
			}
			k++
			r.Reset(buf)
		}
	}, nil
}

// isArray reports whether v is a JavaScript array.
func isArray(v safejs.Value) bool {
	a, err := safejs.Global().Get("Array")
	if err != nil {
		return false
	}
	ok, err := a.Call("isArray", v)
	if err != nil {
		return false
	}
	b, _ := ok.Bool()
	return b
}

type reportOptions struct {
	Format       string          `json:"format"`
	Lang         string          `json:"lang"`
	Merchant     json.RawMessage `json:"merchant"`
	MerchantName string          `json:"merchantName"`
}

// reportTypes are the media types of the formats.
var reportTypes = map[string]string{"json": "application/json", "sarif": "application/sarif+json", "csv": "text/csv;charset=utf-8"}

// catalogueReport(docs, options, facts?) writes the report of the documents in docs (NDJSON, or
// any sequence of JSON values: checkBatch's docs, in input order) in
// format (json by default). Returns [json {format, type, documents, valid,
// invalid, errors, warnings, infos}, Uint8Array report].
func catalogueReport(args []safejs.Value) (any, error) {
	docs, err := stringArg(args, 0, "docs")
	if err != nil {
		return nil, err
	}
	var o reportOptions
	if err := optionsArg(args, 1, &o); err != nil {
		return nil, err
	}
	var packed func(*schema.DocFacts) (bool, error)
	if len(args) > 2 && !args[2].IsUndefined() && !args[2].IsNull() {
		if packed, err = factsArg(args, 2, "catalogueReport(docs, options, facts)"); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	var sink catalogue.Sink
	lang := schema.ParseLang(o.Lang)
	switch o.Format {
	case "", "json":
		o.Format = "json"
		sink = catalogue.NewJSON(&buf)
	case "sarif":
		sink = catalogue.NewSARIF(&buf, version)
	case "csv":
		sink = catalogue.NewCSV(&buf)
	default:
		return nil, typeError("catalogueReport(docs, options): format must be json, sarif or csv, not %q", o.Format)
	}
	feed, err := catalogue.NewFeed(schema.CatalogueOptions{Lang: lang, Merchant: merchantText(o.Merchant), MerchantName: o.MerchantName}, sink)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(strings.NewReader(docs))
	for n := 1; ; n++ {
		var c catalogue.Checked
		if err := dec.Decode(&c); err == io.EOF {
			break
		} else if err != nil {
			return nil, typeError("catalogueReport(docs): document %d is not one of checkBatch's docs: %s", n, jsonReason(err))
		}
		if packed != nil {
			if ok, err := packed(&c.Facts); err != nil {
				return nil, err
			} else if !ok {
				return nil, typeError("catalogueReport(docs, options, facts): facts end at document %d of docs", n)
			}
		}
		if err := feed.Add(c); err != nil {
			return nil, err
		}
	}
	if packed != nil {
		var extra schema.DocFacts
		if ok, err := packed(&extra); err != nil {
			return nil, err
		} else if ok {
			return nil, typeError("catalogueReport(docs, options, facts): facts hold more documents than docs")
		}
	}
	sum, err := feed.Finish()
	if err != nil {
		return nil, err
	}
	t := catalogue.TotalsOf(sum)
	return withBytes(marshal(map[string]any{"format": o.Format, "type": reportTypes[o.Format], "documents": t.Documents, "valid": t.Valid,
		"invalid": t.Invalid, "errors": t.Errors, "warnings": t.Warnings, "infos": t.Infos}), buf.Bytes())
}

// barcodeZip draws every code of codesJSON (a JSON array of strings) as an
// SVG symbol into a zip, CODE.svg each, in code order, a code once. A code
// that cannot be drawn is left out and listed, with its first issue, in
// skipped.txt. Returns [json {files, skipped}, Uint8Array zip].
var barcodeZip = takes("codes", func(codesJSON string, o barcode.Options, _ []schema.Issue) (any, error) {
	var codes []string
	if err := json.Unmarshal([]byte(codesJSON), &codes); err != nil {
		return nil, typeError("barcodeZip(codes): codes must be a JSON array of strings: %s", jsonReason(err))
	}
	sort.Strings(codes)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	var skipped strings.Builder
	files, nskipped := 0, 0
	seen := map[string]bool{}
	for _, c := range codes {
		if seen[c] {
			continue
		}
		seen[c] = true
		s := barcode.EAN(c, o)
		if s.SVG == "" {
			nskipped++
			msg := ""
			if len(s.Report.Issues) > 0 {
				msg = s.Report.Issues[0].Message
			}
			skipped.WriteString(schema.Quote(c) + ": " + msg + "\n")
			continue
		}
		w, err := zw.Create(safeName(c) + ".svg")
		if err != nil {
			return nil, err
		}
		w.Write([]byte(s.SVG))
		files++
	}
	if nskipped > 0 {
		w, err := zw.Create("skipped.txt")
		if err != nil {
			return nil, err
		}
		w.Write([]byte(skipped.String()))
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return withBytes(marshal(map[string]int{"files": files, "skipped": nskipped}), buf.Bytes())
})

// safeName keeps a code usable as a file name: only digits survive a
// drawing, but a name never holds a path separator whatever it is given.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r < ' ' {
			return '_'
		}
		return r
	}, s)
}

// utf16Len is the length of s in UTF-16 units, as JavaScript counts it.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
