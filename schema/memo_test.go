package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unsafe"

	"github.com/xeipuuv/gojsonschema"
)

// memoDocs are documents that share arrays and array items with faults in
// and around them: every rule case (edits of one base), each also on one
// line as NDJSON has it, and the samples.
func memoDocs(t *testing.T) (texts, merchants []string) {
	base, cases := readRuleCases(t)
	for _, tc := range cases {
		text := tc.text(t, base)
		texts, merchants = append(texts, text), append(merchants, tc.merchant)
		var b bytes.Buffer
		if json.Compact(&b, []byte(text)) == nil {
			texts, merchants = append(texts, b.String()), append(merchants, tc.merchant)
		}
	}
	for _, s := range sampleTexts(t) {
		texts, merchants = append(texts, s), append(merchants, "")
	}
	return texts, merchants
}

// TestMemoSameReport: with the memo, each document's report is exactly
// the one without it, in both languages, whether the memo is cold or has
// met every array before (the second round), and the memo was used.
func TestMemoSameReport(t *testing.T) {
	texts, merchants := memoDocs(t)
	reports := func(lang Lang) []string {
		out := make([]string, len(texts))
		for i, text := range texts {
			b, err := json.Marshal(Validate(text, Options{Lang: lang, Merchant: merchants[i]}).Report)
			if err != nil {
				t.Fatal(err)
			}
			out[i] = string(b)
		}
		return out
	}
	for _, lang := range []Lang{ZH, EN} {
		memoOff = true
		want := reports(lang)
		memoOff = false
		for round := 0; round < 2; round++ {
			for i, got := range reports(lang) {
				if got != want[i] {
					t.Fatalf("round %d, document %d: with the memo\n%s\nwithout\n%s\ndocument:\n%s", round, i, got, want[i], texts[i])
				}
			}
		}
	}
	m := takeMemo()
	defer m.release()
	if m.known == 0 {
		t.Error("the memo recalled no outcome")
	}
}

// TestMemoSkipsRepeats: a document whose arrays were met before costs
// fewer allocations with the memo than without (its repeated arrays are
// neither converted nor validated again); reports stay equal (above).
func TestMemoSkipsRepeats(t *testing.T) {
	b, err := os.ReadFile("../samples/large.json")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	// Another product with the same arrays: a new code and title.
	other := strings.Replace(text, `"title"`, `"title" `, 1)
	Validate(text, Options{})
	Validate(text, Options{})
	with := testing.AllocsPerRun(20, func() { Validate(other, Options{}) })
	memoOff = true
	defer func() { memoOff = false }()
	without := testing.AllocsPerRun(20, func() { Validate(other, Options{}) })
	if with > without*3/4 {
		t.Errorf("a document of repeated arrays: %.0f allocations with the memo, %.0f without; want at most three quarters", with, without)
	} else {
		t.Logf("%.0f allocations with the memo, %.0f without", with, without)
	}
}

// TestMemoKeepsNoText: a shared value's strings and keys are copies, so the
// memo keeps no document's text alive (the parser's strings are slices of
// it); and a memo given back to the pool drops its slabs, whose cells hold
// the last document's values.
func TestMemoKeepsNoText(t *testing.T) {
	b, err := os.ReadFile("../samples/large.json")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	m := &memo{}
	for range 2 {
		d := Parse(strings.Clone(text)) // a text of its own each time, as each document is
		m.value(d.Root, d.Text, false)
		inside := func(s string) bool {
			p, start := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(d.Text)))
			return len(s) > 0 && p >= start && p < start+uintptr(len(d.Text))
		}
		var walk func(v any) bool
		walk = func(v any) bool {
			switch x := v.(type) {
			case map[string]any:
				for k, e := range x {
					if inside(k) || walk(e) {
						return true
					}
				}
			case *gojsonschema.Object:
				for i, k := range x.Keys {
					if inside(k) || walk(x.Values[i]) {
						return true
					}
				}
			case []any:
				for _, e := range x {
					if walk(e) {
						return true
					}
				}
			case string:
				return inside(x)
			case json.Number:
				return inside(string(x))
			}
			return false
		}
		for _, e := range m.byValue {
			if inside(e.text) || walk(e.value) {
				t.Fatalf("a shared value holds a slice of the document's text: %.80s", e.text)
			}
		}
		if len(m.anys) == 0 {
			t.Fatal("the document's own values were not cut from the slab")
		}
		m.release()
		for _, v := range m.anys[:cap(m.anys)] {
			if walk(v) {
				t.Fatal("a memo given back to the pool keeps the last document's values")
			}
		}
		for _, k := range m.strs[:cap(m.strs)] {
			if inside(k) {
				t.Fatal("a memo given back to the pool keeps the last document's keys")
			}
		}
	}
	if len(m.byValue) == 0 {
		t.Fatal("nothing was shared on the second sighting")
	}
}
