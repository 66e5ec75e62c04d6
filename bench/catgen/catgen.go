// Package catgen generates catalogues of scan/product/create documents for
// tests and benchmarks: N realistic documents like those of samples/ (every
// action type, Chinese text, about 3 KB pretty-printed), each a pure
// function of (seed, index), with a known number of each fault. The
// command bench/catgen/cmd/catgen writes them as files and as NDJSON.
//
// A document has at most one fault; which one is decided by its index
// alone (Options.FaultOf), so that the expected counts are exact (Expect)
// without generating a single text.
package catgen

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"scanpage/schema/gtin"
)

// A Fault is what is wrong with a generated document.
type Fault string

// The faults. Each is one in every k documents (Options), at a fixed
// residue, the first that applies in this order winning.
const (
	None Fault = ""
	// Duplicate: the document has the keystr of the one before it.
	Duplicate Fault = "duplicate"
	// Outside: one recommend_list code is in no document of the catalogue.
	Outside Fault = "outside"
	// Broken: a syntax error the parser cannot step over (a stray
	// character after keystr; keystr itself is still read).
	Broken Fault = "broken"
	// Invalid: a single-document error, a retail_price that is not a price
	// (action.price.retail_price.format).
	Invalid Fault = "invalid"
)

// Options say how many documents, from which seed, with which faults: a
// fault's field k puts it in one document in every k (0: never).
type Options struct {
	Seed                                int64
	N                                   int
	Duplicate, Outside, Broken, Invalid int
}

// Default is the catalogue of the benchmark: 1% duplicates, 2% with a
// recommend outside, 0.5% broken, 1% invalid.
func Default(n int, seed int64) Options {
	return Options{Seed: seed, N: n, Duplicate: 100, Outside: 50, Broken: 200, Invalid: 100}
}

// residues keep faults of equal periods apart.
const (
	offDuplicate = 7
	offOutside   = 19
	offBroken    = 31
	offInvalid   = 43
)

func hit(i, k, off int) bool { return k > 0 && i%k == off%k }

// FaultOf returns the fault of document i. Document 0 is never a
// duplicate (it has no document before it).
func (o Options) FaultOf(i int) Fault {
	switch {
	case i > 0 && hit(i, o.Duplicate, offDuplicate) && !hit(i-1, o.Duplicate, offDuplicate):
		return Duplicate
	case hit(i, o.Outside, offOutside):
		return Outside
	case hit(i, o.Broken, offBroken):
		return Broken
	case hit(i, o.Invalid, offInvalid):
		return Invalid
	}
	return None
}

// Expect counts the documents of each fault.
func (o Options) Expect() map[Fault]int {
	m := map[Fault]int{}
	for i := range o.N {
		m[o.FaultOf(i)]++
	}
	return m
}

// firms are the firm codes of the catalogue: 7 digits under 690/691, as
// GB 12904 gives them, so each holds 100,000 item numbers.
var firms = []string{"6901234", "6912345", "6900888"}

// Firms returns the catalogue's firm codes (for a merchant context).
func Firms() []string { return append([]string(nil), firms...) }

// Code returns the keystr of document i: a firm code, a 5-digit item
// number and the check digit.
func Code(i int) string {
	data := fmt.Sprintf("%s%05d", firms[i%len(firms)], (i/len(firms))%100000)
	d, _ := gtin.CheckDigit(data)
	return data + string(d)
}

// outsideCode is a valid code in no generated document (item numbers of
// its firm code start past any catalogue).
func outsideCode(i int) string {
	data := fmt.Sprintf("6919999%05d", i%100000)
	d, _ := gtin.CheckDigit(data)
	return data + string(d)
}

// KeyStr returns the keystr document i carries: its own code, or the one
// before it for a duplicate.
func (o Options) KeyStr(i int) string {
	if o.FaultOf(i) == Duplicate {
		return Code(i - 1)
	}
	return Code(i)
}

// Doc is one generated document.
type Doc struct {
	Index  int
	KeyStr string
	Fault  Fault
	// Pretty is the document as samples/ write it (two-space indent);
	// Line is the same on one line, for NDJSON.
	Pretty, Line string
}

// Name is the file name of a document: its index and code.
func (d Doc) Name() string { return fmt.Sprintf("%06d-%s.json", d.Index, Code(d.Index)) }

var (
	brands  = []string{"稚优泉", "小耿哥", "山野集", "云朵家", "青禾", "拾光", "禾木良品", "北纬三十度"}
	things  = []string{"隔离霜", "酱油", "绿茶", "保温杯", "洗发水", "面膜", "坚果礼盒", "蜂蜜", "牙膏", "速溶咖啡", "手工皂", "米醋"}
	sizes   = []string{"50ml", "500ml", "250g", "1kg", "12片装", "330ml", "6罐装", "100g"}
	phrases = []string{
		"精选原料，匠心工艺，每一份都经过严格检测。", "轻薄不油腻，日常通勤与户外使用皆宜。",
		"传统古法酿造，口感醇厚回甘。", "高山云雾茶园直采，清香持久。", "家庭装更实惠，送礼自用两相宜。",
		"无添加防腐剂，开封后请冷藏保存。", "通过国家质量认证，放心选购。",
	}
	attrs   = [][2]string{{"产地", "浙江杭州"}, {"保质期", "24个月"}, {"规格", ""}, {"储存方式", "阴凉干燥处"}, {"适用人群", "男女通用"}, {"配料", "水、大豆、小麦、食用盐"}}
	colors  = []string{"C8102E", "1A73E8", "2E7D32", "F9A825", "6A1B9A", "auto"}
	digests = []string{"限时折扣", "官方正品", "点击查看", "全场通用", "新品上市"}
	stores  = []string{"京东商城", "天猫旗舰店", "当当网", "一号店"}
)

// img returns an image URL of the shape WeChat's CDN uses.
func img(r *rand.Rand) string {
	const abc = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	var b strings.Builder
	b.WriteString("http://mmbiz.qpic.cn/mmbiz/")
	for range 86 {
		b.WriteByte(abc[r.IntN(len(abc))])
	}
	b.WriteString("/0?wx_fmt=jpeg")
	return b.String()
}

func q(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// Generate calls yield with documents 0..N-1 in order, until it returns
// false.
func (o Options) Generate(yield func(Doc) bool) {
	for i := range o.N {
		if !yield(o.Doc(i)) {
			return
		}
	}
}

// Doc generates document i.
func (o Options) Doc(i int) Doc {
	r := rand.New(rand.NewPCG(uint64(o.Seed), uint64(i)))
	f := o.FaultOf(i)
	pick := func(l []string) string { return l[r.IntN(len(l))] }
	brand, thing, size := pick(brands), pick(things), pick(sizes)
	title := brand + thing + size
	price := fmt.Sprintf("%d.%02d", 5+r.IntN(300), r.IntN(100))
	if f == Invalid {
		price = strings.TrimSuffix(price, "0") + "元"
	}
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("{\n  \"keystandard\": \"ean13\",\n  \"keystr\": %s,\n", q(o.KeyStr(i)))
	if f == Broken {
		b.WriteString("  @\n")
	}
	w("  \"brand_info\": {\n    \"base_info\": {\n")
	w("      \"title\": %s,\n      \"thumb_url\": %s,\n      \"brand_tag\": %s,\n", q(title), q(img(r)), q(brand))
	w("      \"category_id\": %d,\n      \"store_mgr_type\": \"custom\",\n      \"store_vendorid_list\": [4, 9],\n      \"color\": %s\n    },\n",
		538112978+r.IntN(4), q(pick(colors)))
	w("    \"detail_info\": {\n      \"banner_list\": [\n")
	nb := 1 + r.IntN(3)
	for k := range nb {
		sep := ","
		if k == nb-1 {
			sep = ""
		}
		w("        {\"link\": %s, \"desc\": %s}%s\n", q(img(r)), q(pick(phrases)), sep)
	}
	w("      ],\n      \"detail_list\": [\n")
	for k, a := range attrs {
		v := a[1]
		if v == "" {
			v = size
		}
		sep := ","
		if k == len(attrs)-1 {
			sep = ""
		}
		w("        {\"title\": %s, \"desc\": %s}%s\n", q(a[0]), q(v), sep)
	}
	w("      ]\n    },\n    \"action_info\": {\n      \"action_list\": [\n")
	w("        {\"type\": \"price\", \"retail_price\": %s},\n", q(price))
	w("        {\"type\": \"product\", \"name\": \"官方商城\", \"productid\": \"pLHCTjvXB6vIqUYUn51AWs%06d\", \"digest\": %s},\n", i%1000000, q(pick(digests)))
	w("        {\"type\": \"store\", \"name\": %s, \"link\": \"http://m.jd.com/product/%d.html\", \"sale_price\": %s},\n", q(pick(stores)), 10000000+i, q(price2(r)))
	w("        {\"type\": \"media\", \"link\": \"https://v.qq.com/x/page/a%010d.html\", \"image\": %s},\n", i, q(img(r)))
	w("        {\"type\": \"text\", \"name\": \"商品介绍\", \"text\": %s},\n", q(pick(phrases)+pick(phrases)))
	w("        {\"type\": \"link\", \"name\": \"查看官网\", \"link\": \"http://www.qq.com\", \"digest\": %s},\n", q(pick(digests)))
	w("        {\"type\": \"user\", \"appid\": \"wx0e2ceaf763dd6e7a\"},\n")
	w("        {\"type\": \"card\", \"cardid\": \"pbLatjlZyVY2XCKfIDULuD_J_PKI\", \"digest\": \"全场通用\"},\n")
	w("        {\n          \"type\": \"recommend\",\n          \"recommend\": {\n            \"recommend_type\": \"appointed\",\n            \"recommend_list\": [\n")
	recs := o.recommends(i, r)
	for k, c := range recs {
		sep := ","
		if k == len(recs)-1 {
			sep = ""
		}
		w("              {\"keystandard\": \"ean13\", \"keystr\": %s}%s\n", q(c), sep)
	}
	w("            ]\n          }\n        }\n      ]\n    },\n")
	w("    \"module_info\": {\n      \"module_list\": [\n        {\"type\": \"anti_fake\", \"native_show\": \"false\", \"anti_fake_url\": \"https://www.example.com/antifake?code=%s\"}\n      ]\n    }\n  }\n}\n", Code(i))
	pretty := b.String()
	return Doc{Index: i, KeyStr: o.KeyStr(i), Fault: f, Pretty: pretty, Line: oneLine(pretty)}
}

func price2(r *rand.Rand) string { return strconv.Itoa(5+r.IntN(300)) + ".90" }

// recommends picks 2–3 codes of other documents that are not duplicates
// (so their code is in the catalogue), plus one outside code for Outside.
func (o Options) recommends(i int, r *rand.Rand) []string {
	var out []string
	if o.N > 1 {
		want := 2 + r.IntN(2)
		for tries := 0; len(out) < want && tries < 20; tries++ {
			j := r.IntN(o.N)
			if j == i || o.FaultOf(j) == Duplicate || slices.Contains(out, Code(j)) {
				continue
			}
			out = append(out, Code(j))
		}
	}
	if o.FaultOf(i) == Outside || len(out) == 0 {
		// A recommend list may not be empty; a catalogue of one recommends
		// outside itself.
		out = append(out, outsideCode(i))
	}
	return out
}

// oneLine puts a pretty-printed document on one line (white space between
// tokens dropped, strings kept), for NDJSON.
func oneLine(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	in, esc := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case in:
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				in = false
			}
		case c == '"':
			in = true
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// Small returns a minimal valid document (one line, about 300 bytes) with
// the code of document i: for tests that need many documents fast (the
// account limit), not for benchmarks.
func Small(i int) string {
	return `{"keystandard":"ean13","keystr":"` + Code(i) + `","brand_info":{"base_info":{"title":"小耿哥酱油",` +
		`"thumb_url":"http://mmbiz.qpic.cn/a/0","brand_tag":"小耿哥","category_id":200531967},` +
		`"detail_info":{"detail_list":[{"title":"净含量","desc":"500ml"}]},` +
		`"action_info":{"action_list":[{"type":"price","retail_price":"12.00"}]}}}`
}
