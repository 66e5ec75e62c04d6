package barcode

import (
	"strings"

	"scanpage/schema"
	"scanpage/schema/gtin"

	"github.com/boombuler/barcode/qr"
)

// LinkOptions controls DigitalLink. The zero value asks for the
// defaults. JSON names follow the JS API's barcode options.
type LinkOptions struct {
	Format      string  `json:"format"`      // "svg" (default) or "png"
	ModuleWidth int     `json:"moduleWidth"` // PNG: pixels per module, default 4, allowed 1–32
	XDim        float64 `json:"xdim"`        // SVG: module width in mm, default 0.5, allowed 0.375–0.99
	Domain      string  `json:"domain"`      // host replacing id.gs1.org, e.g. "example.com"
	Level       string  `json:"level"`       // error correction: "L", "M" (default), "Q" or "H"
	Foreground  string  `json:"foreground"`  // module colour, default "#000000"
	Background  string  `json:"background"`  // default "#FFFFFF"; "transparent" leaves it out
	DPI         int     `json:"dpi"`         // PNG: resolution recorded in the file, 0 = none
	Lang        string  `json:"lang"`        // message language, "zh" (default) or "en"
}

// A Link is the outcome of DigitalLink: the GS1 Digital Link
// URI and its QR Code (SVG text or PNG bytes) when the code is a valid
// EAN-13/EAN-8, and always a report.
type Link struct {
	URI string `json:"uri"`
	// Encoded is the text in the symbol: URI itself, or its upper-case
	// form when that gives a smaller symbol (QR's alphanumeric mode holds
	// only upper-case letters; scheme and host are case-insensitive).
	Encoded string        `json:"encoded,omitempty"`
	SVG     string        `json:"svg,omitempty"`
	PNG     []byte        `json:"-"`
	Report  schema.Report `json:"report"`
}

// Defaults and limits of the QR Code's module width: GS1 General
// Specifications, symbol specification table for GS1 Digital Link QR
// Codes on consumer items (0.375–0.990 mm).
const (
	defaultQRXDim        = 0.5
	minQRXDim            = 0.375
	maxQRXDim            = 0.99
	defaultQRModuleWidth = 4
	qrQuietZone          = 4 // modules of light margin on every side (ISO/IEC 18004)
	gs1Resolver          = "id.gs1.org"
)

// DigitalLink validates code like EAN and, when it is a valid
// EAN-13 or EAN-8, returns its GS1 Digital Link URI,
// https://id.gs1.org/01/ followed by the 14-digit GTIN (an EAN-13 gains
// one leading zero, an EAN-8 six), and a QR Code of it (plain QR, no FNC1)
// with its 4-module quiet zone inside the image. opts.Domain replaces
// id.gs1.org with a brand's own resolver.
//
// Of the URI and its upper-case form the one with the smaller symbol is
// encoded (the lower-case one when they tie): the upper-case form fits
// QR's alphanumeric mode, usually one version smaller.
//
// DigitalLink never panics: a bad option is an issue in the report.
func DigitalLink(code string, opts LinkOptions) (res Link) {
	lang := schema.ParseLang(opts.Lang)
	defer func() {
		if r := recover(); r != nil {
			res = Link{Report: schema.NewReport([]schema.Issue{internalIssue(lang)})}
		}
	}()
	issues := schema.CheckCodeIssues(code, "", lang)
	st, level, host, optIssues := resolveLinkOptions(&opts, lang)
	issues = append(issues, optIssues...)
	if hasError(issues) {
		return Link{Report: schema.NewReport(issues)}
	}
	g14, err := gtin.GTIN14(code)
	if err != nil || eanKind(code) == "" {
		return Link{Report: schema.NewReport(append(issues, internalIssue(lang)))}
	}
	res.URI = "https://" + host + "/01/" + g14
	sym, encoded, err := smallestQR(res.URI, level)
	if err != nil {
		return Link{URI: res.URI, Report: schema.NewReport(append(issues, internalIssue(lang)))}
	}
	res.Encoded = encoded
	if st.format == "png" {
		res.PNG, err = encodePNG(rasterQR(sym, &st), st.dpi)
		if err != nil {
			issues = append(issues, internalIssue(lang))
		}
	} else {
		res.SVG = string(appendQRSVG(append(make([]byte, 0, 8192), svgProlog...), sym, &st, res.URI))
	}
	res.Report = schema.NewReport(issues)
	return res
}

// resolveLinkOptions applies the defaults to o and checks it.
func resolveLinkOptions(o *LinkOptions, lang schema.Lang) (style, qr.ErrorCorrectionLevel, string, []schema.Issue) {
	var st style
	var issues []schema.Issue
	issues = resolveFormat(&st, o.Format, lang, issues)
	issues = resolveXDim(&st, o.XDim, defaultQRXDim, minQRXDim, maxQRXDim, "0.375–0.99 mm", lang, issues)
	issues = resolvePixels(&st, o.ModuleWidth, defaultQRModuleWidth, o.DPI, lang, issues)
	issues = resolveColours(&st, o.Foreground, o.Background, lang, issues)
	issues = checkPrintedXDim(&st, minQRXDim, maxQRXDim, "GS1 Digital Link QR", "0.375–0.99 mm", lang, issues)

	level := qr.M
	switch strings.ToUpper(o.Level) {
	case "", "M":
	case "L":
		level = qr.L
	case "Q":
		level = qr.Q
	case "H":
		level = qr.H
	default:
		issues = append(issues, schema.OptionIssue(schema.Error, "barcode.level", "level", schema.Msg(
			"纠错等级 %s 无效：可选 L、M、Q、H。", "Invalid error correction level %s: use L, M, Q or H.", schema.Quote(o.Level)), lang))
	}

	host := gs1Resolver
	if o.Domain != "" {
		host = strings.ToLower(o.Domain)
		if !isHostname(host) {
			issues = append(issues, schema.OptionIssue(schema.Error, "barcode.domain", "domain", schema.Msg(
				"域名 %s 无效：只写主机名，如 example.com（不带 https:// 和路径）。",
				"Invalid domain %s: give the host name only, e.g. example.com (no https:// and no path).", schema.Quote(o.Domain)), lang))
		}
	}
	return st, level, host, issues
}

// isHostname reports whether s is a lower-case DNS host name of at least
// two labels: letters, digits and inner hyphens, 1–63 characters a label.
func isHostname(s string) bool {
	if len(s) > 253 || !strings.Contains(s, ".") {
		return false
	}
	for label := range strings.SplitSeq(s, ".") {
		if len(label) == 0 || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}
