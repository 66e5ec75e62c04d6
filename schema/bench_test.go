package schema

import (
	"os"
	"testing"
)

func benchValidate(b *testing.B, name string) {
	t, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	text := string(t)
	Validate(text, Options{}) // compile the schema outside the loop
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Validate(text, Options{})
	}
}

// BenchmarkValidateDocSample validates the API doc's own sample as written
// (three trailing commas, stepped over).
func BenchmarkValidateDocSample(b *testing.B) {
	benchValidate(b, "../samples/00-doc-sample-verbatim.json.txt")
}

// BenchmarkValidateLarge validates the largest realistic document: 6
// banners, every action type, 50 recommendations, 30 detail rows.
func BenchmarkValidateLarge(b *testing.B) {
	benchValidate(b, "../samples/large.json")
}
