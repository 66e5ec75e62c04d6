package schema_test

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"scanpage/schema"
)

type catCase struct {
	name     string
	docs     []catDoc
	merchant string
	issues   []string
}

type catDoc struct {
	ref  schema.DocRef
	text string
}

// readCatalogueCases reads testdata/catalogue.txt (its format is described
// at its top).
func readCatalogueCases(t *testing.T) []catCase {
	b, err := os.ReadFile("testdata/catalogue.txt")
	if err != nil {
		t.Fatal(err)
	}
	var cases []catCase
	var cur *catCase
	var section string
	var text []string
	flush := func() {
		if cur == nil || section == "" {
			return
		}
		body := strings.Join(text, "\n")
		switch {
		case section == "merchant":
			cur.merchant = body
		case section == "issues":
			for _, l := range text {
				if strings.TrimSpace(l) != "" {
					cur.issues = append(cur.issues, l)
				}
			}
		default:
			name, line := section, 1
			if i := strings.LastIndexByte(section, ':'); i > 0 {
				name = section[:i]
				line, _ = strconv.Atoi(section[i+1:])
			}
			cur.docs = append(cur.docs, catDoc{schema.DocRef{Name: name, Line: line, Column: 1}, strings.TrimRight(body, "\n")})
		}
		section, text = "", nil
	}
	for _, l := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(l, "#") && cur == nil:
		case strings.HasPrefix(l, "== "):
			flush()
			cases = append(cases, catCase{name: l[3:]})
			cur = &cases[len(cases)-1]
		case strings.HasPrefix(l, "-- "):
			flush()
			section = l[3:]
		default:
			text = append(text, l)
		}
	}
	flush()
	return cases
}

// line prints a catalogue issue the way testdata/catalogue.txt lists it,
// with the expected message fragment checked apart.
func catLine(ci schema.CatalogueIssue) string {
	p := ci.Issue.Path
	if p == "" {
		p = "-"
	}
	return fmt.Sprintf("%s %s %s:%d:%d %s", ci.Issue.Severity, ci.Issue.Code, ci.Name, ci.Issue.Line, ci.Issue.Column, p)
}

func TestCatalogueCases(t *testing.T) {
	for _, c := range readCatalogueCases(t) {
		t.Run(c.name, func(t *testing.T) {
			cat := schema.NewCatalogue(schema.CatalogueOptions{Lang: schema.EN, Merchant: c.merchant, MerchantName: "merchant.json"})
			// The same documents as facts that went through JSON, as the
			// page's workers send them: the same issues.
			viaFacts := schema.NewCatalogue(schema.CatalogueOptions{Lang: schema.EN, Merchant: c.merchant, MerchantName: "merchant.json"})
			var got, gotFacts []schema.CatalogueIssue
			for _, d := range c.docs {
				res := schema.Validate(d.text, schema.Options{Lang: schema.EN})
				is, _ := cat.Add(d.ref, res)
				got = append(got, is...)
				b, err := json.Marshal(schema.FactsOf(d.ref, res))
				if err != nil {
					t.Fatal(err)
				}
				var f schema.DocFacts
				if err := json.Unmarshal(b, &f); err != nil {
					t.Fatal(err)
				}
				is, _ = viaFacts.AddFacts(f)
				gotFacts = append(gotFacts, is...)
			}
			rest, sum := cat.Finish()
			got = append(got, rest...)
			rest, sumFacts := viaFacts.Finish()
			gotFacts = append(gotFacts, rest...)
			if !reflect.DeepEqual(got, gotFacts) || !reflect.DeepEqual(sum, sumFacts) {
				t.Errorf("through facts:\n%+v\n%+v\nwant\n%+v\n%+v", gotFacts, sumFacts, got, sum)
			}
			if sum.Documents != len(c.docs) {
				t.Errorf("documents = %d, want %d", sum.Documents, len(c.docs))
			}
			for i := 0; i < max(len(got), len(c.issues)); i++ {
				var g, w string
				if i < len(got) {
					g = catLine(got[i])
				}
				if i < len(c.issues) {
					w = c.issues[i]
				}
				want, frag, _ := strings.Cut(w, ` "`)
				if g != strings.TrimSpace(want) {
					t.Errorf("issue %d:\n got %s\nwant %s", i, g, want)
					continue
				}
				frag = strings.ReplaceAll(strings.TrimSuffix(frag, `"`), `\"`, `"`)
				if !strings.Contains(got[i].Issue.Message, frag) {
					t.Errorf("issue %d: message %q does not contain %q", i, got[i].Issue.Message, frag)
				}
			}
		})
	}
}

// The cross-document issues are counted with the documents' own, and a
// duplicate makes its document invalid.
func TestCatalogueSummary(t *testing.T) {
	full, err := os.ReadFile("../samples/04-reconstructed-full-features.json")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(full)
	other := strings.Replace(doc, `"keystr": "6954496901201"`, `"keystr": "6954496900556"`, 1)
	other = strings.Replace(other, `"category_id": 538112978`, `"category_id": 538112979`, 1)
	elsewhere := strings.Replace(doc, `"keystr": "6954496901201"`, `"keystr": "6901939621608"`, 1)
	merchant := `{"errcode": 0, "verified_firm_code_list": [6954496, 6912345], "verified_cate_list": [{"verified_cate_id": 538112978, "verified_cate_name": "美妆"}, {"verified_cate_id": 538112979, "verified_cate_name": "护肤"}]}`

	cat := schema.NewCatalogue(schema.CatalogueOptions{Lang: schema.EN, Merchant: merchant, MerchantName: "m.json"})
	if len(cat.MerchantIssues()) != 0 {
		t.Fatalf("merchant issues: %+v", cat.MerchantIssues())
	}
	opts := schema.Options{Lang: schema.EN, Merchant: merchant}
	var valid []bool
	for i, text := range []string{doc, other, doc, elsewhere} {
		_, ok := cat.Add(schema.DocRef{Name: fmt.Sprintf("%d.json", i), Line: 1, Column: 1}, schema.Validate(text, opts))
		valid = append(valid, ok)
	}
	rest, sum := cat.Finish()
	if want := []bool{true, true, false, false}; fmt.Sprint(valid) != fmt.Sprint(want) {
		t.Errorf("valid = %v, want %v", valid, want)
	}
	// The full sample recommends 6954496900556 (document 1) and
	// 6954496901195 (none), four times over.
	if len(rest) != 4 {
		t.Errorf("Finish issues = %d, want 4: %+v", len(rest), rest)
	}
	if sum.Documents != 4 || sum.Valid != 2 || sum.Invalid != 2 {
		t.Errorf("documents/valid/invalid = %d/%d/%d, want 4/2/2", sum.Documents, sum.Valid, sum.Invalid)
	}
	if got := sum.Codes["catalogue.keystr.duplicate"]; got != 1 {
		t.Errorf("duplicates counted = %d, want 1", got)
	}
	if got := sum.Codes["catalogue.recommend.outside"]; got != 4 {
		t.Errorf("outside counted = %d, want 4", got)
	}
	// keystr 6901939621608 lies under none of the merchant's firm codes:
	// its own error (keystr.firm_code) and the summary's list.
	if got := sum.Codes["keystr.firm_code"]; got != 1 {
		t.Errorf("keystr.firm_code = %d, want 1", got)
	}
	if sum.Unverified != 1 || fmt.Sprint(sum.UnverifiedCodes) != "[6901939621608]" {
		t.Errorf("unverified = %d %v", sum.Unverified, sum.UnverifiedCodes)
	}
	if got := fmt.Sprint(sum.FirmCodes); got != "[{6954496 true 3} {6912345 true 0}]" {
		t.Errorf("firm codes = %s", got)
	}
	if got := fmt.Sprint(sum.Categories); got != "[{538112978 3} {538112979 1}]" {
		t.Errorf("categories = %s", got)
	}
	errs := 0
	for _, n := range []string{"catalogue.keystr.duplicate", "keystr.firm_code"} {
		errs += sum.Codes[n]
	}
	if sum.Severities[schema.Error] != errs {
		t.Errorf("errors = %d, want %d", sum.Severities[schema.Error], errs)
	}
}

// Without a merchant context, documents are counted under the firm code
// GB 12904 gives a GS1 China code.
func TestCatalogueFirmCodesWithoutMerchant(t *testing.T) {
	cat := schema.NewCatalogue(schema.CatalogueOptions{})
	for i, code := range []string{"6901939621608", "6901939621615", "6954496900556", "4006381333931"} {
		cat.Add(schema.DocRef{Name: strconv.Itoa(i)}, schema.Validate(`{"keystandard": "ean13", "keystr": "`+code+`"}`, schema.Options{}))
	}
	_, sum := cat.Finish()
	if got := fmt.Sprint(sum.FirmCodes); got != "[{6901939 false 2} {69544969 false 1}]" {
		t.Errorf("firm codes = %s", got)
	}
}

// The 100,001st document is an error, once: the account's limit.
func TestCatalogueLimit(t *testing.T) {
	cat := schema.NewCatalogue(schema.CatalogueOptions{Lang: schema.EN})
	res := &schema.Result{Report: schema.NewReport(nil), Doc: schema.Parse("{}")}
	var got []schema.CatalogueIssue
	for i := range schema.MaxDocuments + 3 {
		is, valid := cat.Add(schema.DocRef{Name: "big.ndjson", Line: i + 1, Column: 1}, res)
		got = append(got, is...)
		if valid != (i < schema.MaxDocuments) && i <= schema.MaxDocuments {
			t.Fatalf("document %d valid = %v", i+1, valid)
		}
	}
	_, sum := cat.Finish()
	if len(got) != 1 || got[0].Issue.Code != "catalogue.limit" || got[0].Line != 100001 || got[0].Issue.Line != 100001 ||
		got[0].Issue.Column != 1 || got[0].Issue.Length != 1 || got[0].Issue.Severity != schema.Error {
		t.Fatalf("got %+v", got)
	}
	if !strings.Contains(got[0].Issue.Message, "100001") || !strings.Contains(got[0].Issue.Message, "100,000") {
		t.Errorf("message %q", got[0].Issue.Message)
	}
	if sum.Documents != 100003 || sum.Invalid != 1 {
		t.Errorf("documents %d invalid %d", sum.Documents, sum.Invalid)
	}
}

// Place moves positions and fix edits into the file, and leaves the
// merchant's issues alone.
func TestDocRefPlace(t *testing.T) {
	ref := schema.DocRef{Name: "a.ndjson", Line: 5, Column: 3, Offset: 100}
	is := schema.Issue{Line: 1, Column: 4, Offset: 3, Fix: &schema.Fix{IsText: true, Edit: &schema.Edit{Offset: 3, Length: 1}}}
	p := ref.Place(is)
	if p.Line != 5 || p.Column != 6 || p.Offset != 103 || p.Fix.Edit.Offset != 103 || is.Fix.Edit.Offset != 3 {
		t.Errorf("first line: %+v %+v (original %+v)", p, p.Fix.Edit, is.Fix.Edit)
	}
	p = ref.Place(schema.Issue{Line: 3, Column: 4, Offset: 40})
	if p.Line != 7 || p.Column != 4 || p.Offset != 140 {
		t.Errorf("later line: %+v", p)
	}
	m := schema.Issue{Line: 2, Column: 2, Source: schema.SourceMerchant}
	if ref.Place(m) != m {
		t.Errorf("merchant issue moved")
	}
}

// A Catalogue keeps codes, never the texts they were read from: after 400
// documents of 256 KB each (100 MB of text), the live heap stays small.
func TestCatalogueKeepsNoText(t *testing.T) {
	if testing.Short() {
		t.Skip("100 MB of documents")
	}
	cat := schema.NewCatalogue(schema.CatalogueOptions{})
	pad := strings.Repeat("x", 256<<10)
	for i := range 400 {
		code := fmt.Sprintf("690123%06d", i)
		text := `{"keystandard": "ean13", "keystr": "` + code + `", "category_id": "` + code + `", "pad": "` + pad + `"}`
		cat.Add(schema.DocRef{Name: "a.ndjson", Line: i + 1, Column: 1}, schema.Validate(text, schema.Options{}))
	}
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if m.HeapAlloc > 40<<20 {
		t.Errorf("live heap %d MB after 100 MB of documents: the catalogue keeps their texts", m.HeapAlloc>>20)
	}
	runtime.KeepAlive(cat)
}

// A capped report's summary issue stands for the More issues of its code
// it left out: the catalogue's counts are of every issue, listed or not,
// in a document and in the merchant context alike.
func TestCatalogueCountsIssuesLeftOut(t *testing.T) {
	// 1 not_object, 1,099 missing commas, 3 single quotes (cap_test.go):
	// 999 commas are listed, a summary stands for the other 100.
	text := "[" + strings.Repeat("1 ", 1099) + "1, 'x', 'x', 'x']"
	want := map[string]int{"syntax.missing_comma": 1099, "syntax.single_quote": 3}
	for _, withMerchant := range []bool{false, true} {
		opts := schema.CatalogueOptions{Lang: schema.EN}
		if withMerchant {
			opts.Merchant, opts.MerchantName = text, "m.json"
		}
		cat := schema.NewCatalogue(opts)
		res := schema.Validate(text, schema.Options{Lang: schema.EN})
		if is := res.Report.Issues[len(res.Report.Issues)-2]; is.Code != "syntax.missing_comma" || is.More != 100 {
			t.Fatalf("the report's summary is %+v, want 100 more missing commas", is)
		}
		cat.Add(schema.DocRef{Name: "a.json", Line: 1, Column: 1}, res)
		_, sum := cat.Finish()
		factor := 1
		if withMerchant {
			factor = 2 // the document's issues, and the merchant's once
		}
		total := 0
		for code, n := range want {
			if got := sum.Codes[code]; got != factor*n {
				t.Errorf("merchant %v: %s counted %d, want %d", withMerchant, code, got, factor*n)
			}
		}
		for _, n := range sum.Codes {
			total += n
		}
		if got := sum.Severities[schema.Error] + sum.Severities[schema.Warning] + sum.Severities[schema.Info]; got != total {
			t.Errorf("merchant %v: severities count %d issues, codes %d", withMerchant, got, total)
		}
		if total < factor*1103 {
			t.Errorf("merchant %v: %d issues counted, want at least %d", withMerchant, total, factor*1103)
		}
	}
}

// Every document under none of the merchant's firm codes is counted, and
// the first 1,000 of their codes are listed: a summary stays small.
func TestCatalogueUnverifiedListed(t *testing.T) {
	cat := schema.NewCatalogue(schema.CatalogueOptions{Merchant: `{"errcode": 0, "verified_firm_code_list": [6954496]}`})
	for i := range 1005 {
		code := fmt.Sprintf("690193%07d", i)
		cat.AddFacts(schema.DocFacts{Ref: schema.DocRef{Name: "a.ndjson", Line: i + 1, Column: 1}, KeyStr: code, KeyStandard: "ean13", Key: &schema.Span{Path: "/keystr", Line: i + 1, Column: 10}})
	}
	_, sum := cat.Finish()
	if sum.Unverified != 1005 || len(sum.UnverifiedCodes) != 1000 || sum.UnverifiedCodes[999] != "6901930000999" {
		t.Errorf("unverified %d, %d codes listed (the last %q), want 1005 and the first 1,000", sum.Unverified, len(sum.UnverifiedCodes), sum.UnverifiedCodes[len(sum.UnverifiedCodes)-1])
	}
}
