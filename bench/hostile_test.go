package bench

import (
	"fmt"
	"testing"

	"scanpage/preview"
	"scanpage/schema"
	"scanpage/schema/hostile"
)

// BenchmarkHostile runs validate, preview (the home page, which validates
// too) and repair over every hostile shape at 64 KiB and 1 MiB (issue 13,
// item 13: ≤ 200 ms natively for any input within the limits).
func BenchmarkHostile(b *testing.B) {
	schema.Validate("{}", schema.Options{}) // compile the schema outside the timing
	for _, s := range hostile.Shapes {
		for _, size := range hostile.Sizes {
			text := s.Doc(size)
			for _, step := range []struct {
				name string
				run  func()
			}{
				{"validate", func() { schema.Validate(text, schema.Options{Lang: schema.EN}) }},
				{"preview", func() {
					preview.Render(schema.Validate(text, schema.Options{Lang: schema.EN}), preview.Options{Lang: "en"})
				}},
				{"repair", func() { schema.Repair(text, schema.EN) }},
			} {
				b.Run(fmt.Sprintf("%s/%dK/%s", s.Name, size>>10, step.name), func(b *testing.B) {
					b.SetBytes(int64(len(text)))
					for b.Loop() {
						step.run()
					}
				})
			}
		}
	}
}
