package preview

import (
	"fmt"
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

// view is everything the page template draws.
type view struct {
	L    *labels
	Page string // "home", "detail" or "antifake"
	CSS  template.CSS
	// StyleHash is the CSP source of CSS, for the page's own policy.
	StyleHash string
	Title     string // the document's <title>
	Home      homeView
	Detail    detailView
	Popup     popupView
	Concept   *conceptView // nil for the classic layout
}

// Render draws the page of res.Product, the product that schema.Validate
// read in the same call: a complete, script-free HTML document for an
// <iframe sandbox srcdoc>. It renders whatever the document holds, valid
// or not, with a marker where a required part is missing; it never fails
// and never panics. The report is res.Report, plus a warning for an
// option it does not know and an internal error should rendering itself
// go wrong.
//
// Safety does not depend on the document being valid: every string is
// escaped by html/template, only http(s) URLs become href or src (others
// are shown inert and marked), the header colour is used only when it is
// six hex digits, and links open in a new window, never in the frame.
func Render(res *schema.Result, opts Options) (pg Page) {
	lang := schema.ParseLang(opts.Lang)
	var issues []schema.Issue
	var named *schema.ProductSummary
	p := &schema.Product{}
	if res != nil {
		issues = res.Report.Issues[:len(res.Report.Issues):len(res.Report.Issues)]
		named = res.Report.Product
		if res.Product != nil {
			p = res.Product
		}
	}
	page, layout, optIssues := resolveOptions(opts, lang)
	issues = append(issues, optIssues...)
	defer func() {
		if r := recover(); r != nil {
			pg = failed(issues, lang, r)
		}
		pg.Report.Product = named
	}()
	tmpl, css, err := templates()
	if err != nil {
		return failed(issues, lang, err)
	}
	l := labelsFor(lang)
	v := &view{L: l, Page: page, CSS: css, StyleHash: StyleHash(), Title: p.Base.Title}
	if v.Title == "" {
		v.Title = l.DocTitle
	}
	if layout == "concept" {
		v.Concept = newConcept(l)
	}
	if page == "detail" {
		v.Detail = newDetail(p, l)
	} else {
		v.Home = newHome(p, lang, l)
	}
	if page == "antifake" {
		v.Popup = newPopup(p)
	}
	var b strings.Builder
	b.Grow(24 << 10)
	if err := tmpl.ExecuteTemplate(&b, "page", v); err != nil {
		return failed(issues, lang, err)
	}
	return Page{HTML: b.String(), Report: schema.NewReport(issues)}
}

// resolveOptions applies the defaults; a value it does not know is a
// warning and the default is drawn instead.
func resolveOptions(o Options, lang schema.Lang) (page, layout string, issues []schema.Issue) {
	page, layout = o.Page, o.Layout
	switch page {
	case "":
		page = "home"
	case "home", "detail", "antifake":
	default:
		issues = append(issues, schema.OptionIssue(schema.Warning, "preview.page", "page", schema.Msg(
			"未知的页面 %s：可选 \"home\"、\"detail\" 或 \"antifake\"；已显示主页。",
			"Unknown page %s: use \"home\", \"detail\" or \"antifake\"; the homepage is shown.", schema.Quote(page)), lang))
		page = "home"
	}
	switch layout {
	case "":
		layout = "classic"
	case "classic", "concept":
	default:
		issues = append(issues, schema.OptionIssue(schema.Warning, "preview.layout", "layout", schema.Msg(
			"未知的布局 %s：可选 \"classic\" 或 \"concept\"；已使用 classic。",
			"Unknown layout %s: use \"classic\" or \"concept\"; the classic one is used.", schema.Quote(layout)), lang))
		layout = "classic"
	}
	return page, layout, issues
}

// failedPage is shown when rendering itself went wrong: a bug of ours,
// reported as an internal error.
const failedPage = `<!doctype html><html><head><meta charset="utf-8"><title>preview</title></head>` +
	`<body><p>预览出错 · The preview failed.</p></body></html>`

func failed(issues []schema.Issue, lang schema.Lang, cause any) Page {
	is := schema.Issue{Severity: schema.Error, Code: "internal", Line: 1, Column: 1, Message: schema.Msg(
		"内部错误：无法渲染预览（%v）。", "Internal error: the preview could not be rendered (%v).", fmt.Sprint(cause)).In(lang)}
	return Page{HTML: failedPage, Report: schema.NewReport(append(issues, is))}
}
