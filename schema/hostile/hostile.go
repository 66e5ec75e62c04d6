// Package hostile writes the hostile inputs of the validator's budget tests
// and benchmarks: deterministic documents that each push one way the
// validator, the preview or repair could cost more than linear time or
// more than a bounded cost per issue (issue 13, item 13; issue 15, items 1
// and 3). Each shape is written at any size up to the 1 MiB limit.
package hostile

import (
	"strconv"
	"strings"
)

// A Shape is one kind of hostile document.
type Shape struct {
	Name string
	What string // what it is, for test names and reports
	// write appends the document's text, as close to size bytes as its
	// units allow and never over.
	write func(b *strings.Builder, size int)
}

// Doc returns the shape's document of at most size bytes.
func (s Shape) Doc(size int) string {
	var b strings.Builder
	b.Grow(size)
	s.write(&b, size)
	return b.String()
}

// Sizes are the two sizes every shape is measured at.
var Sizes = []int{64 << 10, 1 << 20}

// Shapes lists every shape, in a fixed order.
var Shapes = []Shape{
	{"fullwidth-members", "an object whose members are written with full-width ：and ，", fullWidthMembers},
	{"unknown-keys", "valid JSON whose base_info has thousands of unknown keys near known ones", unknownKeys},
	{"members", "an object with one short member after another", members},
	{"single-quotes", "an array of single-quoted strings", singleQuotes},
	{"fullwidth-object", "everything full-width: ｛｝［］：，", fullWidthObject},
	{"ones", "[1 1 1 …]: a missing comma between every two numbers", ones},
	{"trailing-commas", "[[1,],[1,],…]: a trailing comma in every array", trailingCommas},
	{"distinct-keys", "valid JSON: one object of distinct keys", distinctKeys},
	{"recommends", "a valid product recommending thousands of products: a preview of every tile", recommends},
}

// fill writes open, then unit(i) for i = 0, 1, … while the result and
// close fit in size bytes, then close.
func fill(b *strings.Builder, size int, open, close string, unit func(b *strings.Builder, i int)) {
	b.WriteString(open)
	var u strings.Builder
	for i := 0; ; i++ {
		u.Reset()
		unit(&u, i)
		if b.Len()+u.Len()+len(close) > size {
			break
		}
		b.WriteString(u.String())
	}
	b.WriteString(close)
}

// sep writes s before every unit but the first.
func sep(b *strings.Builder, i int, s string) {
	if i > 0 {
		b.WriteString(s)
	}
}

func fullWidthMembers(b *strings.Builder, size int) {
	fill(b, size, "{", "}", func(b *strings.Builder, i int) {
		sep(b, i, "，")
		b.WriteString(`"k`)
		b.WriteString(strconv.Itoa(i))
		b.WriteString(`"：1`)
	})
}

// unknownKeys misspells base_info's keys, so that every key is unknown and
// the did-you-mean search runs for each.
func unknownKeys(b *strings.Builder, size int) {
	known := []string{"titel", "thumb_ur", "category_di", "store_mgr_typ", "color_", "retail_prize", "barnd_tag"}
	fill(b, size, `{"keystandard": "ean13", "keystr": "6901939621608", "brand_info": {"base_info": {`, "}}}", func(b *strings.Builder, i int) {
		sep(b, i, ", ")
		b.WriteString(`"`)
		b.WriteString(known[i%len(known)])
		b.WriteString(strconv.Itoa(i))
		b.WriteString(`": 1`)
	})
}

func members(b *strings.Builder, size int) {
	fill(b, size, "{", "}", func(b *strings.Builder, i int) {
		sep(b, i, ",")
		b.WriteString(`"m`)
		b.WriteString(strconv.Itoa(i % 10))
		b.WriteString(`":0`)
	})
}

func singleQuotes(b *strings.Builder, size int) {
	fill(b, size, `{"a": [`, "]}", func(b *strings.Builder, i int) {
		sep(b, i, ",")
		b.WriteString(`'x'`)
	})
}

func fullWidthObject(b *strings.Builder, size int) {
	fill(b, size, "｛", "｝", func(b *strings.Builder, i int) {
		sep(b, i, "，")
		b.WriteString(`"k`)
		b.WriteString(strconv.Itoa(i))
		b.WriteString(`"：［1，2］`)
	})
}

func ones(b *strings.Builder, size int) {
	fill(b, size, "[", "]", func(b *strings.Builder, i int) {
		sep(b, i, " ")
		b.WriteString("1")
	})
}

func trailingCommas(b *strings.Builder, size int) {
	fill(b, size, "[", "]", func(b *strings.Builder, i int) {
		sep(b, i, ",")
		b.WriteString("[1,]")
	})
}

func distinctKeys(b *strings.Builder, size int) {
	fill(b, size, "{", "}", func(b *strings.Builder, i int) {
		sep(b, i, ",")
		b.WriteString(`"`)
		b.WriteString(strconv.Itoa(i))
		b.WriteString(`":0`)
	})
}

// recommends is a product whose one recommend action lists as many valid
// EAN-13 codes as fit: valid, so every item reaches the preview.
func recommends(b *strings.Builder, size int) {
	fill(b, size, `{"keystandard": "ean13", "keystr": "6901939621608", "brand_info": {"base_info": {"title": "推荐", `+
		`"thumb_url": "https://example.com/t.jpg", "brand_tag": "b", "category_id": 200531967}, "detail_info": {"detail_list": `+
		`[{"title": "t", "desc": "d"}]}, "action_info": {"action_list": [{"type": "price", "retail_price": "1.00"}, `+
		`{"type": "recommend", "recommend": {"recommend_type": "appointed", "recommend_list": [`, "]}}]}}}", func(b *strings.Builder, i int) {
		sep(b, i, ",")
		b.WriteString(`{"keystandard":"ean13","keystr":"`)
		b.WriteString(ean13(690000000000 + i))
		b.WriteString(`"}`)
	})
}

// ean13 is the 12 digits of n with their GS1 check digit.
func ean13(n int) string {
	s := strconv.Itoa(n)
	sum := 0
	for i := range 12 {
		d := int(s[i] - '0')
		if i%2 == 1 {
			d *= 3
		}
		sum += d
	}
	return s + strconv.Itoa((10-sum%10)%10)
}
