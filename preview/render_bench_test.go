package preview

import (
	"os"
	"testing"

	"scanpage/schema"
)

// The budget (budgets.md): the home page of the full-features fixture in
// ≤ 2 ms median in wasm under node, about 3× native; so ≤ 0.5 ms here.
// The validation is done once, outside the loop: these measure Render.

func benchmarkRender(b *testing.B, opts Options) {
	text, err := os.ReadFile("../samples/04-reconstructed-full-features.json")
	if err != nil {
		b.Fatal(err)
	}
	res := schema.Validate(string(text), schema.Options{})
	Render(res, opts) // parse the templates outside the timing
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Render(res, opts)
	}
}

func BenchmarkRenderHome(b *testing.B)     { benchmarkRender(b, Options{}) }
func BenchmarkRenderDetail(b *testing.B)   { benchmarkRender(b, Options{Page: "detail"}) }
func BenchmarkRenderConcept(b *testing.B)  { benchmarkRender(b, Options{Layout: "concept"}) }
func BenchmarkRenderAntiFake(b *testing.B) { benchmarkRender(b, Options{Page: "antifake"}) }
