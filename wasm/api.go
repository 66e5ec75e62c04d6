//go:build js && wasm

package main

import (
	"encoding/json"
	"runtime"

	"github.com/hack-pad/safejs"

	"scanpage/preview"
	"scanpage/preview/barcode"
	"scanpage/schema"
)

// docOptions are the options of validate and preview (js-api.md): the
// preview's (lang, page, layout) and the merchant context.
type docOptions struct {
	preview.Options
	Merchant json.RawMessage `json:"merchant"` // JSON text in a string, or the object itself
}

func (o docOptions) schema() schema.Options {
	return schema.Options{Lang: schema.ParseLang(o.Lang), Merchant: merchantText(o.Merchant)}
}

// merchantText returns the merchant context as JSON text: a JS string is
// the text itself; an object arrives already serialised by the loader.
func merchantText(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if raw[0] == '"' && json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

// newAPI builds the object handed to the loader. done is closed by dispose.
func newAPI(done chan struct{}) (safejs.Value, []safejs.Func, error) {
	obj, err := safejs.ValueOf(map[string]any{"version": version})
	if err != nil {
		return safejs.Value{}, nil, err
	}
	var funcs []safejs.Func
	add := func(name string, h handler, fallback func(schema.Issue) any) error {
		f, err := export(h, fallback)
		if err != nil {
			return err
		}
		funcs = append(funcs, f)
		return obj.Set(name, f.Value())
	}
	reportFallback := func(is schema.Issue) any { return schema.NewReport([]schema.Issue{is}) }
	steps := []struct {
		name     string
		h        handler
		fallback func(schema.Issue) any
	}{
		{"validate", validate, reportFallback},
		{"repair", repair, func(is schema.Issue) any {
			return map[string]any{"text": nil, "fixes": []schema.Issue{is}}
		}},
		{"preview", previewPage, func(is schema.Issue) any {
			return preview.Page{HTML: "", Report: schema.NewReport([]schema.Issue{is})}
		}},
		{"barcode", eanSymbol, func(is schema.Issue) any {
			return []any{marshal(barcode.Symbol{Report: schema.NewReport([]schema.Issue{is})})}
		}},
		{"digitalLink", digitalLink, func(is schema.Issue) any {
			return []any{marshal(barcode.Link{Report: schema.NewReport([]schema.Issue{is})})}
		}},
		{"oversize", oversize, reportFallback},
		{"stats", stats, func(is schema.Issue) any { return map[string]any{} }},
		{"form", formFields, func(is schema.Issue) any { return map[string]any{"fields": []any{}, "wide": []any{}} }},
		{"formEdit", formEdit, func(is schema.Issue) any {
			return map[string]any{"error": map[string]string{"code": is.Code, "message": is.Message}}
		}},
		{"actionChoices", actionChoices, func(is schema.Issue) any { return []any{} }},
		{"formValue", formValue, func(is schema.Issue) any { return schema.FormState{Fatal: true} }},
		{"valueSpans", valueSpans, func(is schema.Issue) any { return []any{} }},
		{"checkCode", checkCode, func(is schema.Issue) any { return []schema.Issue{is} }},
		// The catalogue (wasm/catalogue.go).
		{"checkBatch", checkBatch, func(is schema.Issue) any { return map[string]any{"docs": []any{}, "internal": is} }},
		{"catalogueIssues", catalogueIssues, func(is schema.Issue) any { return map[string]any{"docs": []any{}, "internal": is} }},
		{"catalogueReport", catalogueReport, func(is schema.Issue) any { return []any{marshal(map[string]any{"documents": 0, "internal": is})} }},
		{"barcodeZip", barcodeZip, func(is schema.Issue) any { return []any{marshal(map[string]any{"files": 0, "internal": is})} }},
		{"dispose", func([]safejs.Value) (any, error) {
			close(done)
			return "null", nil
		}, func(is schema.Issue) any { return nil }},
	}
	for _, s := range steps {
		if err := add(s.name, s.h, s.fallback); err != nil {
			return safejs.Value{}, nil, err
		}
	}
	return obj, funcs, nil
}

// takes reads the (string, options) pair every call takes, then runs fn
// with the notes about the options (optionNotes) for its report.
func takes[O any](name string, fn func(s string, o O, notes []schema.Issue) (any, error)) handler {
	return func(args []safejs.Value) (any, error) {
		s, err := stringArg(args, 0, name)
		if err != nil {
			return nil, err
		}
		var o O
		if err := optionsArg(args, 1, &o); err != nil {
			return nil, err
		}
		return fn(s, o, optionNotes(optionsText(args, 1), &o, langOf(&o)))
	}
}

// optionsText returns argument i as the options' JSON text, "" when absent.
func optionsText(args []safejs.Value, i int) string {
	if i >= len(args) || args[i].Type() != safejs.TypeString {
		return ""
	}
	s, _ := args[i].String()
	return s
}

// langOf reads the lang of any options struct.
func langOf(o any) schema.Lang {
	switch o := o.(type) {
	case *docOptions:
		return schema.ParseLang(o.Lang)
	case *repairOptions:
		return schema.ParseLang(o.Lang)
	case *barcode.Options:
		return schema.ParseLang(o.Lang)
	case *barcode.LinkOptions:
		return schema.ParseLang(o.Lang)
	}
	return schema.ZH
}

// repairOptions are repair's options: the language of its messages only.
type repairOptions struct {
	Lang string `json:"lang"`
}

// withNotes adds the notes about the options to a report.
func withNotes(r schema.Report, notes []schema.Issue) schema.Report {
	if len(notes) == 0 {
		return r
	}
	product := r.Product
	r = schema.NewReport(append(r.Issues[:len(r.Issues):len(r.Issues)], notes...))
	r.Product = product
	return r
}

var (
	validate = takes("input", func(text string, o docOptions, notes []schema.Issue) (any, error) {
		return marshal(withNotes(schema.Validate(text, o.schema()).Report, notes)), nil
	})
	repair = takes("input", func(text string, o repairOptions, notes []schema.Issue) (any, error) {
		out, fixes := schema.Repair(text, schema.ParseLang(o.Lang))
		return marshal(map[string]any{"text": out, "fixes": append(fixes, notes...)}), nil
	})
	previewPage = takes("input", func(text string, o docOptions, notes []schema.Issue) (any, error) {
		pg := preview.Render(schema.Validate(text, o.schema()), o.Options)
		pg.Report = withNotes(pg.Report, notes)
		return marshal(pg), nil
	})
	eanSymbol = takes("code", func(code string, o barcode.Options, notes []schema.Issue) (any, error) {
		if is := codeTooLong(code, schema.ParseLang(o.Lang)); is != nil {
			return withBytes(marshal(barcode.Symbol{Code: code, Report: schema.NewReport(append([]schema.Issue{*is}, notes...))}), nil)
		}
		b := barcode.EAN(code, o)
		b.Report = withNotes(b.Report, notes)
		return withBytes(marshal(b), b.PNG)
	})
	digitalLink = takes("code", func(code string, o barcode.LinkOptions, notes []schema.Issue) (any, error) {
		if is := codeTooLong(code, schema.ParseLang(o.Lang)); is != nil {
			return withBytes(marshal(barcode.Link{Report: schema.NewReport(append([]schema.Issue{*is}, notes...))}), nil)
		}
		d := barcode.DigitalLink(code, o)
		d.Report = withNotes(d.Report, notes)
		return withBytes(marshal(d), d.PNG)
	})
)

// The form's calls (README, "The form"): the field metadata, one form edit
// as a text edit, and the kinds of action that may be added now.
type formOp struct {
	schema.FormOp
	Lang string `json:"lang"`
}

// codeOptions are checkCode's: the keystandard ("" infers EAN-13 or
// EAN-8 from the length) and the language.
type codeOptions struct {
	Standard string `json:"standard"`
	Lang     string `json:"lang"`
}

type langOnly struct {
	Lang string `json:"lang"`
}

var (
	formFields = func(args []safejs.Value) (any, error) {
		var o langOnly
		if err := optionsArg(args, 0, &o); err != nil {
			return nil, err
		}
		return marshal(schema.Fields(schema.ParseLang(o.Lang))), nil
	}
	// formEdit answers {edit} or, when the edit cannot be made, {error:
	// {code, message}}: a refusal is an answer, not a misuse.
	formEdit = takes("input", func(text string, o formOp, _ []schema.Issue) (any, error) {
		e, err := schema.Parse(text).FormEdit(o.FormOp)
		if ee, ok := err.(*schema.EditError); ok {
			return marshal(map[string]any{"error": map[string]string{"code": ee.Code, "message": ee.Message.In(schema.ParseLang(o.Lang))}}), nil
		}
		if err != nil {
			return nil, err
		}
		return marshal(map[string]any{"edit": e}), nil
	})
	formValue = takes("input", func(text string, _ langOnly, _ []schema.Issue) (any, error) {
		return marshal(schema.ReadForm(text)), nil
	})
	// valueSpans answers where each value stands (schema.Document.Spans):
	// the page puts the cursor on a value clicked in the preview, and
	// outlines the preview element of the value under the cursor.
	valueSpans = takes("input", func(text string, _ langOnly, _ []schema.Issue) (any, error) {
		return marshal(schema.Parse(text).Spans()), nil
	})
	// checkCode answers the issues of a code alone, for the form's live
	// hint while the code is typed: the check digit of 12 or 7 digits comes
	// as the fix of keystr.missing_check_digit.
	checkCode = takes("code", func(code string, o codeOptions, _ []schema.Issue) (any, error) {
		if is := codeTooLong(code, schema.ParseLang(o.Lang)); is != nil {
			return marshal([]schema.Issue{*is}), nil
		}
		issues := schema.CheckCodeIssues(code, o.Standard, schema.ParseLang(o.Lang))
		if issues == nil {
			issues = []schema.Issue{}
		}
		return marshal(issues), nil
	})
	actionChoices = takes("input", func(text string, o langOnly, _ []schema.Issue) (any, error) {
		return marshal(schema.ActionChoices(schema.Parse(text), schema.ParseLang(o.Lang))), nil
	})
)

// oversize answers validate, repair or preview for a document the loader
// found over the limit and kept on its side: (name, size in bytes, options).
func oversize(args []safejs.Value) (any, error) {
	fn, err := stringArg(args, 0, "name")
	if err != nil {
		return nil, err
	}
	if len(args) < 2 || args[1].Type() != safejs.TypeNumber {
		return nil, typeError("size must be a number")
	}
	n, err := args[1].Int()
	if err != nil {
		return nil, err
	}
	var o docOptions
	if err := optionsArg(args, 2, &o); err != nil {
		return nil, err
	}
	return oversizeResult(fn, n, o)
}

// withBytes pairs JSON text with image bytes: [json] or [json, Uint8Array].
func withBytes(text string, png []byte) (any, error) {
	if len(png) == 0 {
		return []any{text}, nil
	}
	arr, err := bytesToJS(png)
	if err != nil {
		return nil, err
	}
	return []any{text, arr}, nil
}

// stats reports the Go heap, for memory benchmarks and leak hunting. It runs
// two collections first (the second frees what the first only finalised),
// so that one reading is comparable with the next.
func stats([]safejs.Value) (any, error) {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return marshal(map[string]uint64{
		"heapAlloc": m.HeapAlloc, "heapInuse": m.HeapInuse, "heapSys": m.HeapSys,
		"sys": m.Sys, "numGC": uint64(m.NumGC), "mallocs": m.Mallocs,
	}), nil
}
