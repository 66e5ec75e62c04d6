package schema

import (
	"os"
	"testing"
)

func BenchmarkSpans(b *testing.B) {
	text, err := os.ReadFile("../samples/00-doc-sample-verbatim.json.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Spans", func(b *testing.B) {
		for b.Loop() {
			Parse(string(text)).Spans()
		}
	})
	b.Run("ReadForm", func(b *testing.B) {
		for b.Loop() {
			ReadForm(string(text))
		}
	})
}
