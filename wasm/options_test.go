//go:build js && wasm

package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/hack-pad/safejs"

	"scanpage/schema"
)

// apiFunc returns the exported function name of a fresh API.
func apiFunc(t *testing.T, name string) safejs.Value {
	t.Helper()
	api, funcs, err := newAPI(make(chan struct{}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, f := range funcs {
			f.Release()
		}
	})
	v, err := api.Get(name)
	if err != nil || v.Type() != safejs.TypeFunction {
		t.Fatalf("api.%s is %v", name, v.Type())
	}
	return v
}

func TestUnknownOptionsAreWarnings(t *testing.T) {
	for _, tc := range []struct {
		fn, input, opts string
		want            []string // code path message, in order after the call's own issues
	}{
		{"validate", "{}", `{"lang":"fr"}`, []string{"options.value /lang `options.lang` \"fr\" 不是 zh 或 en；使用 zh。"}},
		{"validate", "{}", `{"lang":"en","langg":"zh"}`, []string{"options.unknown /langg Unknown option `langg`; it is ignored (known: lang, page, layout, merchant)."}},
		{"preview", "{}", `{"lang":"en","pages":"home"}`, []string{"options.unknown /pages Unknown option `pages`; it is ignored (known: lang, page, layout, merchant)."}},
		{"repair", "{}", `{"lang":"en","merchant":"{}"}`, []string{"options.unknown /merchant Unknown option `merchant`; it is ignored (known: lang)."}},
		{"barcode", "4512345678906", `{"lang":"xx","xdimm":1}`, []string{
			"options.unknown /xdimm 未知的选项 `xdimm`，已忽略（可用的选项：format, moduleWidth, xdim, text, indicators, foreground, background, dpi, lang）。",
			"options.value /lang `options.lang` \"xx\" 不是 zh 或 en；使用 zh。"}},
		{"digitalLink", "4512345678906", `{"lang":"en-GB","standard":"ean13"}`, []string{
			"options.unknown /standard Unknown option `standard`; it is ignored (known: format, moduleWidth, xdim, domain, level, foreground, background, dpi, lang)."}},
		{"validate", "{}", `{"lang":"en-US"}`, nil},
	} {
		out := call(t, apiFunc(t, tc.fn), tc.input, tc.opts)
		if out.Type() != safejs.TypeString {
			out, _ = out.Index(0)
		}
		var r struct {
			schema.Report
			Fixes []schema.Issue `json:"fixes"`
			Inner *schema.Report `json:"report"`
		}
		if err := json.Unmarshal([]byte(jsString(t, out)), &r); err != nil {
			t.Fatal(err)
		}
		issues := append(r.Issues, r.Fixes...)
		if r.Inner != nil {
			issues = append(issues, r.Inner.Issues...)
		}
		var got []string
		for _, is := range issues {
			if strings.HasPrefix(is.Code, "options.") {
				if is.Severity != schema.Warning {
					t.Errorf("%s %s: %s is a %s, want a warning", tc.fn, tc.opts, is.Code, is.Severity)
				}
				got = append(got, is.Code+" "+is.Path+" "+is.Message)
			}
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s(%s, %s):\n got %q\nwant %q", tc.fn, tc.input, tc.opts, got, tc.want)
		}
	}
}

func TestBarcodeCodeLengthCap(t *testing.T) {
	for _, fn := range []string{"barcode", "digitalLink"} {
		for _, tc := range []struct {
			code    string
			refused bool
		}{
			{strings.Repeat("1", 65), true},
			{strings.Repeat("9", 1<<20), true},
			{strings.Repeat("1", 64), false},
			{"4512345678906", false},
		} {
			out, _ := call(t, apiFunc(t, fn), tc.code, `{"lang":"en"}`).Index(0)
			var r struct {
				Report schema.Report `json:"report"`
			}
			if err := json.Unmarshal([]byte(jsString(t, out)), &r); err != nil {
				t.Fatal(err)
			}
			refused := len(r.Report.Issues) == 1 && r.Report.Issues[0].Code == "barcode.too_long" &&
				strings.Contains(r.Report.Issues[0].Message, "longer than 64 characters")
			if refused != tc.refused || refused && r.Report.Valid {
				t.Errorf("%s of %d characters: %+v, refused for length %v, want %v", fn, len(tc.code), r.Report.Issues, refused, tc.refused)
			}
		}
	}
}

func TestOversizeAnswersWithTheValidatorsIssue(t *testing.T) {
	// The loader's oversize call must say what the validator says of such a document.
	big := strings.Repeat(" ", schema.MaxSize+1)
	want := schema.Validate(big, schema.Options{Lang: schema.EN}).Report.Issues
	out := call(t, apiFunc(t, "oversize"), "validate", len(big), `{"lang":"en"}`)
	var r schema.Report
	if err := json.Unmarshal([]byte(jsString(t, out)), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Issues) != 1 || len(want) != 1 || r.Issues[0] != want[0] || r.Valid {
		t.Fatalf("oversize = %+v\nvalidator = %+v", r.Issues, want)
	}
	out = call(t, apiFunc(t, "oversize"), "preview", 3<<20, `{"lang":"en"}`)
	var pg struct {
		HTML   string
		Report schema.Report
	}
	if err := json.Unmarshal([]byte(jsString(t, out)), &pg); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(pg.HTML, "<!doctype html>") || pg.Report.Issues[0].Code != "syntax.too_large" || !strings.Contains(pg.Report.Issues[0].Message, "3.0 MiB") {
		t.Fatalf("oversize preview: %.80s %+v", pg.HTML, pg.Report.Issues)
	}
}
