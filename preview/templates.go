package preview

import (
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"html/template"
	"sync"
)

// The page's templates and stylesheet. They are parsed on the first
// render, not at start-up: the wasm instance should be ready as soon as
// possible, and a caller that only validates never needs them.
//
//go:embed templates/*.html.tmpl templates/page.css
var templateFS embed.FS

var (
	parseOnce sync.Once
	pageTmpl  *template.Template
	pageCSS   template.CSS
	styleHash string // the CSP source of pageCSS, see StyleHash
	parseErr  error
)

// templates returns the parsed page templates and the stylesheet.
func templates() (*template.Template, template.CSS, error) {
	parseOnce.Do(func() {
		css, err := templateFS.ReadFile("templates/page.css")
		if err != nil {
			parseErr = err
			return
		}
		// Our own file, embedded at build time: trusted as CSS.
		pageCSS = template.CSS(css)
		sum := sha256.Sum256(css)
		styleHash = "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		pageTmpl, parseErr = template.New("page").Funcs(template.FuncMap{"clip": clipRaw, "inc": func(i int) int { return i + 1 }}).
			ParseFS(templateFS, "templates/*.html.tmpl")
	})
	return pageTmpl, pageCSS, parseErr
}

// StyleHash returns the CSP source that allows the preview's stylesheet,
// 'sha256-…' of templates/page.css: the stylesheet is the same for every
// document (per-document colours are SVG fills and classes), so a host
// under a strict policy allows the preview with style-src and this one
// hash, never 'unsafe-inline'. The package's README publishes it. It is
// computed with the stylesheet, once, on the first render or call.
func StyleHash() string {
	templates()
	return styleHash
}
