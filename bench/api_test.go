package bench

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"scanpage/bench/catgen"

	"scanpage/preview"
	"scanpage/preview/barcode"
	"scanpage/schema"
)

// The inputs of bench/inputs.mjs: keep the two in step.
const code = "6901939621608"

func input(b *testing.B, path string) string {
	b.Helper()
	data, err := os.ReadFile(filepath.FromSlash(path))
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

func docSample(b *testing.B) string {
	return input(b, "../samples/01-doc-demo-ean13.json")
}

// BenchmarkValidate is schema.Validate, the work behind sp.validate. The
// doc sample and the large document are validated again and again, as an
// editor does on each keystroke; "catalogue" validates 10,000 generated
// documents (bench/catgen, seed 1, one line each) in turn, as the page's
// workers and scanpage check do, so that what repeats is what a catalogue
// repeats and not the whole document.
func BenchmarkValidate(b *testing.B) {
	for _, c := range []struct{ name, text string }{
		{"doc-sample", docSample(b)},
		{"large", input(b, "../samples/large.json")},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				if schema.Validate(c.text, schema.Options{Lang: schema.EN}) == nil {
					b.Fatal("no result")
				}
			}
		})
	}
	catalogueDocs()
	b.Run("catalogue", benchmarkValidateCatalogue)
}

// catalogueDocs are the documents of BenchmarkValidate/catalogue, made once.
var catalogueDocs = sync.OnceValue(generatedDocs)

func generatedDocs() []string {
	var docs []string
	catgen.Default(10000, 1).Generate(func(d catgen.Doc) bool {
		docs = append(docs, d.Line)
		return true
	})
	return docs
}

// benchmarkValidateCatalogue is BenchmarkValidate/catalogue (a function of
// its own, so that the documents are made outside every timed loop).
func benchmarkValidateCatalogue(b *testing.B) {
	docs := catalogueDocs()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if schema.Validate(docs[i%len(docs)], schema.Options{Lang: schema.EN}) == nil {
			b.Fatal("no result")
		}
		i++
	}
}

// BenchmarkRepair is schema.Repair on the API doc's sample as published.
func BenchmarkRepair(b *testing.B) {
	text := input(b, "../samples/00-doc-sample-verbatim.json.txt")
	b.Run("doc-sample-verbatim", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			if out, _ := schema.Repair(text, schema.EN); out == "" {
				b.Fatal("no text")
			}
		}
	})
}

// BenchmarkPreview is what sp.preview does: validate, then render the home page.
func BenchmarkPreview(b *testing.B) {
	text := input(b, "../samples/04-reconstructed-full-features.json")
	b.Run("home-04", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			res := schema.Validate(text, schema.Options{Lang: schema.EN})
			if preview.Render(res, preview.Options{Lang: "en", Page: "home"}).HTML == "" {
				b.Fatal("no HTML")
			}
		}
	})
}

// BenchmarkBarcode is barcode.EAN, the work behind sp.barcode.
func BenchmarkBarcode(b *testing.B) {
	b.Run("ean13-svg", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if barcode.EAN(code, barcode.Options{}).SVG == "" {
				b.Fatal("no SVG")
			}
		}
	})
	b.Run("ean13-png", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if barcode.EAN(code, barcode.Options{Format: "png"}).PNG == nil {
				b.Fatal("no PNG")
			}
		}
	})
}

// BenchmarkDigitalLink is barcode.DigitalLink, the work behind sp.digitalLink.
func BenchmarkDigitalLink(b *testing.B) {
	b.Run("svg", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if barcode.DigitalLink(code, barcode.LinkOptions{}).SVG == "" {
				b.Fatal("no SVG")
			}
		}
	})
}
