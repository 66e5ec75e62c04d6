package schema

import (
	"os"
	"strings"
	"testing"
)

func BenchmarkZZCatalogueDocs(b *testing.B) {
	t, err := os.ReadFile("../build/bench/catalogue-10000/catalogue.ndjson")
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(t)), "\n")[:1000]
	Validate(lines[0], Options{})
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		Validate(lines[i%len(lines)], Options{})
		i++
	}
}
