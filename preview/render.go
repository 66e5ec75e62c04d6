package preview

import (
	"html/template"
	"strings"

	"scanpage/schema"
)

// Options selects what Render draws. JSON names match the JS API.
type Options struct {
	Lang   string `json:"lang"`   // "zh" (default) or "en"
	Page   string `json:"page"`   // "home" (default), "detail" or "antifake"
	Layout string `json:"layout"` // "classic" (default) or "concept"
}

// A Page is a rendered preview: a complete HTML document for a sandboxed
// iframe, and the validation report (with any notes from rendering).
type Page struct {
	HTML   string        `json:"html"`
	Report schema.Report `json:"report"`
}

var placeholder = template.Must(template.New("placeholder").Parse(`<!doctype html><html lang="{{.Lang}}"><meta charset="utf-8"><title>{{.Title}}</title><body style="font-family:system-ui,sans-serif;margin:16px"><h1 style="font-size:17px">{{.Title}}</h1><p>{{.Note}}</p></body></html>`))

// Render draws the page of res.Product. It is a placeholder: the homepage
// is not built yet, and both the page and the report say so.
func Render(res *schema.Result, opts Options) Page {
	lang := schema.ParseLang(opts.Lang)
	note := schema.Msg("商品主页预览尚未实现。", "The homepage preview is not built yet.")
	var b strings.Builder
	_ = placeholder.Execute(&b, map[string]string{"Lang": string(lang), "Title": res.Product.Base.Title, "Note": note.In(lang)})
	issues := append(res.Report.Issues[:len(res.Report.Issues):len(res.Report.Issues)], schema.Issue{
		Severity: schema.Info, Code: "unimplemented.preview", Line: 1, Column: 1, Message: note.In(lang), Source: schema.SourceDocument,
	})
	return Page{HTML: b.String(), Report: schema.NewReport(issues)}
}
