package preview

import (
	"html/template"
	"image/color"
	"strconv"
	"strings"

	"scanpage/preview/barcode"
	"scanpage/schema"
)

// neutralHeader stands in for the colour WeChat took from the thumbnail
// when color is "auto" or absent: a slate that white text reads well on.
const neutralHeader = "4B5B6B"

// darkText is the colour of the header's dark text (class hd-dark in
// page.css); the light text (hd-light) is white.
const darkText = "1A1A1A"

// header is the top of the homepage: colour, thumbnail, title, code.
type header struct {
	Fill      string // background colour: six validated hex digits, drawn by an SVG rect (no style attribute: a strict CSP blocks those)
	Text      string // "light" or "dark": the class (hd-light, hd-dark) of the text colour that contrasts more
	Tip       string // tooltip on the colour's origin
	Thumb     picture
	Title     string // cut at schema.TitleWidth, with "…"
	FullTitle string // the whole title, as a tooltip when it was cut
	Missing   []marker
	Code      codeView
}

// codeView is a product code with its drawn symbol, if it can be drawn.
type codeView struct {
	Label   string        // "EAN-13", "EAN-8", or keystandard as written
	Str     string        // keystr as written
	Symbol  template.HTML // our own inline SVG, from barcode.InlineSVG; "" when not drawn
	Problem string        // why the symbol is not drawn; "" when it is, or for a qrcode
}

func newHeader(p *schema.Product, lang schema.Lang, l *labels) header {
	const base = "/brand_info/base_info/"
	h := header{Thumb: newPicture("thumb", p.Base.ThumbURL, base+"thumb_url", l)}
	bg := p.Base.Color
	if !isHex6(bg) {
		bg = neutralHeader
		h.Tip = l.ColorAuto
	} else {
		h.Tip = l.ColorSet + bg
	}
	h.Fill = strings.ToUpper(bg)
	h.Text = textOn(bg)
	var cut bool
	if h.Title, cut = schema.Ellipsize(p.Base.Title, schema.TitleWidth); cut {
		h.FullTitle = p.Base.Title
	}
	if p.Base.Title == "" {
		h.Missing = append(h.Missing, marker{l.Missing["title"], base + "title"})
	}
	h.Code = newCode(p.KeyStandard, p.KeyStr, false, lang, l)
	if p.KeyStr == "" {
		h.Missing = append(h.Missing, marker{l.Missing["code"], "/keystr"})
	}
	return h
}

// newCode draws the symbol of an EAN code (with its digits under the bars
// when text is set) through barcode.InlineSVG, the same drawing as the
// barcode call. A qrcode keystr is shown as text only: it has no EAN symbol.
func newCode(standard, str string, text bool, lang schema.Lang, l *labels) codeView {
	c := codeView{Str: str, Label: standard}
	switch standard {
	case "ean13":
		c.Label = "EAN-13"
	case "ean8":
		c.Label = "EAN-8"
	case "qrcode":
		return c
	}
	if str == "" {
		return c
	}
	o := barcode.Options{Text: &text, Lang: string(lang)}
	if standard == "ean13" || standard == "ean8" {
		o.Standard = standard // a 13-digit code is no EAN-8, however valid
	}
	svg, err := barcode.InlineSVG(str, o)
	if err != nil {
		c.Problem = l.BadCode + err.Error()
		return c
	}
	// InlineSVG draws only validated digits with our own markup: it is
	// safe to inline as it is.
	c.Symbol = template.HTML(svg)
	return c
}

// isHex6 reports whether s is exactly six hex digits. schema sets Color
// only to such a value; the check is repeated because the colour is
// written into the page as it is.
func isHex6(s string) bool {
	if len(s) != 6 {
		return false
	}
	for _, c := range []byte(s) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// textOn returns "light" or "dark": the header text (white, or darkText)
// that contrasts more with the background hex, by WCAG relative luminance.
func textOn(bg string) string {
	lb := luminance(bg)
	white := 1.05 / (lb + 0.05)
	dark := (lb + 0.05) / (luminance(darkText) + 0.05)
	if dark > white {
		return "dark"
	}
	return "light"
}

// luminance is the WCAG 2 relative luminance of six hex digits.
func luminance(hex string) float64 {
	v, _ := strconv.ParseUint(hex, 16, 32)
	return barcode.Luminance(color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255})
}
