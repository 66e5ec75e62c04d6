package barcode

import (
	"math"
	"strconv"
)

// svgProlog starts a standalone SVG file; InlineSVG leaves it out.
const svgProlog = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// The SVG units: the viewBox counts modules, so every bar edge lies on a
// whole number and the drawing is exact at any zoom; width and height give
// the printed size in mm (modules × X).

// appendEANSVG appends the symbol as an <svg> element: the background
// over the whole symbol (quiet zones included), the bars as one path of
// rectangles (adjacent dark modules merged into one bar), and the
// human-readable line as one stroked path.
func appendEANSVG(b []byte, s *eanSymbol, st *style) []byte {
	l := s.layout
	w := l.width()
	h := int(math.Round(l.height(st.text) * 1000)) // thousandths of a module
	b = appendSVGOpen(b, w, h, st.xdim)
	b = append(b, `" role="img" aria-label="`...)
	if l.digits == 13 {
		b = append(b, "EAN-13 "...)
	} else {
		b = append(b, "EAN-8 "...)
	}
	b = append(b, s.code...) // validated: digits only
	b = append(b, `">`...)
	b = appendSVGBackground(b, w, h, st)

	b = append(b, `<path fill="`...)
	b = appendHexColour(b, st.fg)
	b = append(b, `" d="`...)
	data := int(math.Round(l.barHeight * 1000))
	guard := int(math.Round((l.barHeight + guardDescent) * 1000))
	for _, r := range s.bars {
		b = append(b, 'M')
		b = strconv.AppendInt(b, int64(r.x), 10)
		b = append(b, " 0h"...)
		b = strconv.AppendInt(b, int64(r.w), 10)
		b = append(b, 'v')
		if r.guard {
			b = appendMilli(b, guard)
		} else {
			b = appendMilli(b, data)
		}
		b = append(b, "h-"...)
		b = strconv.AppendInt(b, int64(r.w), 10)
		b = append(b, 'z')
	}
	b = append(b, `"/>`...)

	if st.text {
		var places [16]glyphPlace
		top := int(math.Round((l.barHeight + textGap) * 1000))
		b = append(b, `<path fill="none" stroke="`...)
		b = appendHexColour(b, st.fg)
		b = append(b, `" stroke-width="1" stroke-linecap="round" stroke-linejoin="round" d="`...)
		for _, p := range s.glyphs(places[:0], st.indicators) {
			g := glyphs()[glyphIndex(p.r)]
			b = append(b, 'M')
			b = appendPair(b, int(math.Round(p.x*1000))+g.startX, top+g.startY)
			b = append(b, g.svgTail...)
		}
		b = append(b, `"/>`...)
	}
	return append(b, "</svg>"...)
}

// appendSVGOpen appends the start of the <svg> tag up to the open
// quotation mark after the viewBox: w modules wide, h thousandths of a
// module high, each module xdim mm.
func appendSVGOpen(b []byte, w, h int, xdim float64) []byte {
	b = append(b, `<svg xmlns="http://www.w3.org/2000/svg" width="`...)
	b = appendMilli(b, int(math.Round(float64(w)*xdim*1000)))
	b = append(b, `mm" height="`...)
	b = appendMilli(b, int(math.Round(float64(h)*xdim)))
	b = append(b, `mm" viewBox="0 0 `...)
	b = strconv.AppendInt(b, int64(w), 10)
	b = append(b, ' ')
	return appendMilli(b, h)
}

// appendSVGBackground paints the whole symbol, quiet zones included, in
// the background colour, unless it is transparent.
func appendSVGBackground(b []byte, w, h int, st *style) []byte {
	if st.bg.A == 0 {
		return b
	}
	b = append(b, `<rect width="`...)
	b = strconv.AppendInt(b, int64(w), 10)
	b = append(b, `" height="`...)
	b = appendMilli(b, h)
	b = append(b, `" fill="`...)
	b = appendHexColour(b, st.bg)
	return append(b, `"/>`...)
}
