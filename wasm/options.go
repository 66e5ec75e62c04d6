//go:build js && wasm

package main

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"scanpage/preview"
	"scanpage/schema"
)

// Limits checked at the boundary, before any work. The loader checks the
// same lengths before it copies anything into the wasm (scanpage.js): a
// document over schema.MaxSize crosses as its size only (the oversize
// call), and a barcode code is cut to maxCode+1 characters.
const maxCode = 64 // characters; a GTIN has at most 14 digits

// optionNotes reports what the options said that no call understands: names
// the call does not know (options.unknown) and a lang that is neither zh nor
// en (options.value). Such options are ignored, as before, but no longer in
// silence. text is the options as JSON text ("" for none); v is the struct
// they were decoded into, whose json tags are the known names.
func optionNotes(text string, v any, lang schema.Lang) []schema.Issue {
	if text == "" {
		return nil
	}
	var raw map[string]json.RawMessage
	if json.Unmarshal([]byte(text), &raw) != nil {
		return nil // not an object: optionsArg has refused it already
	}
	known := jsonNames(reflect.TypeOf(v).Elem())
	var names []string
	for k := range raw {
		names = append(names, k)
	}
	slices.Sort(names)
	var notes []schema.Issue
	for _, k := range names {
		if !slices.Contains(known, k) {
			notes = append(notes, schema.OptionIssue(schema.Warning, "options.unknown", k, schema.Msg(
				"未知的选项 `%s`，已忽略（可用的选项：%s）。",
				"Unknown option `%s`; it is ignored (known: %s).", k, strings.Join(known, ", ")), lang))
		}
	}
	if l, ok := raw["lang"]; ok {
		var s string
		if json.Unmarshal(l, &s) == nil && !knownLang(s) {
			notes = append(notes, schema.OptionIssue(schema.Warning, "options.value", "lang", schema.Msg(
				"`options.lang` %s 不是 zh 或 en；使用 %s。",
				"`options.lang` %s is not zh or en; using %s.", schema.Quote(s), string(lang)), lang))
		}
	}
	return notes
}

// knownLang reports whether s names a language of the messages: "", zh or
// en, or a regional form of either ("en-GB", "zh-CN"), as schema.ParseLang reads it.
func knownLang(s string) bool {
	return s == "" || s == "zh" || s == "en" || strings.HasPrefix(s, "zh-") || strings.HasPrefix(s, "en-")
}

// jsonNames lists the JSON names of t's fields, those of embedded structs
// included, in declaration order.
func jsonNames(t reflect.Type) []string {
	var names []string
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			names = append(names, jsonNames(f.Type)...)
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		names = append(names, name)
	}
	return names
}

// oversizeResult answers validate, repair or preview for a document of n
// bytes over the limit, which the loader kept on its side: the result has
// the shape of that call, with the one too_large issue (repair's text is
// null: the loader puts the unchanged input there).
func oversizeResult(fn string, n int, o docOptions) (any, error) {
	lang := schema.ParseLang(o.Lang)
	is := schema.TooLarge(n, lang)
	switch fn {
	case "validate":
		return marshal(schema.NewReport([]schema.Issue{is})), nil
	case "repair":
		return marshal(map[string]any{"text": nil, "fixes": []schema.Issue{is}}), nil
	case "preview":
		// The page of a document that was not read: render the empty
		// product, with the too_large issue as the report.
		pg := preview.Render(nil, o.Options)
		pg.Report = schema.NewReport(append([]schema.Issue{is}, pg.Report.Issues...))
		return marshal(pg), nil
	}
	return nil, typeError("oversize: %q is not validate, repair or preview", fn)
}

// codeTooLong refuses a barcode code over maxCode characters before any
// work (the loader cuts longer ones to maxCode+1 before they cross).
func codeTooLong(code string, lang schema.Lang) *schema.Issue {
	if utf8.RuneCountInString(code) <= maxCode {
		return nil
	}
	is := schema.Issue{Severity: schema.Error, Code: "barcode.too_long", Path: "", Line: 1, Column: 1, Source: schema.SourceDocument,
		Message: schema.Msg("条码内容超过 %d 个字符（GTIN 最多 14 位数字），未做处理。",
			"The code is longer than %d characters (a GTIN has at most 14 digits); it was not read.", maxCode).In(lang)}
	return &is
}
