package barcode

import (
	"errors"

	"github.com/boombuler/barcode/ean"
)

// An eanLayout is the geometry of one EAN symbology in modules (X), after
// GS1 General Specifications §5.2 and ISO/IEC 15420. The symbol's origin is
// the top-left corner of the left quiet zone.
type eanLayout struct {
	kind       string  // "ean13" or "ean8"
	digits     int     // 13 or 8
	modules    int     // bars from the first to the last guard bar: 95 or 67
	half       int     // symbol characters in each half: 6 or 4
	quietLeft  int     // 11 or 7
	quietRight int     // 7
	barHeight  float64 // data bars at 100 % magnification: 69.24 or 55.24
	leadDigit  bool    // EAN-13: the first digit stands in the left quiet zone
	leftArrow  bool    // EAN-8: a "<" light-margin indicator in the left quiet zone
}

// The two symbologies.
var (
	ean13Layout = eanLayout{kind: "ean13", digits: 13, modules: 95, half: 6,
		quietLeft: 11, quietRight: 7, barHeight: 69.24, leadDigit: true}
	ean8Layout = eanLayout{kind: "ean8", digits: 8, modules: 67, half: 4,
		quietLeft: 7, quietRight: 7, barHeight: 55.24, leftArrow: true}
)

// Vertical geometry shared by both symbologies, in modules.
const (
	guardDescent = 5.0 // guard bars extend this far below the data bars
	textGap      = 1.0 // light space between the data bars and the digits (≥ 0.5X)
	textHeight   = glyphInkHeight
)

// width is the full symbol width, quiet zones included: 113 or 81.
func (l *eanLayout) width() int { return l.quietLeft + l.modules + l.quietRight }

// height is the full symbol height: down to the digits when they are
// drawn, else down to the bottom of the guard bars.
func (l *eanLayout) height(text bool) float64 {
	if text {
		return l.barHeight + textGap + textHeight
	}
	return l.barHeight + guardDescent
}

// isGuard reports whether module i (counted from the first guard bar)
// belongs to the left, centre or right guard pattern.
func (l *eanLayout) isGuard(i int) bool {
	centre := 3 + 7*l.half
	return i < 3 || i >= l.modules-3 || i >= centre && i < centre+5
}

// A bar is one dark bar: a run of adjacent dark modules.
type bar struct {
	x, w  int  // in modules from the left edge of the symbol (quiet zone included)
	guard bool // part of a guard pattern, so drawn longer
}

// A glyphPlace is a character of the human-readable line and where its
// glyph box (ink included) starts, in modules from the symbol's left edge.
type glyphPlace struct {
	r rune
	x float64
}

// An eanSymbol is a validated code laid out as bars and characters.
type eanSymbol struct {
	layout *eanLayout
	code   string
	bars   []bar
}

// errNotEAN is returned by newEANSymbol for a code that is not 8 or 13
// digits with a correct check digit. EAN validates codes before
// they get here, so seeing it means the validation and the encoder disagree.
var errNotEAN = errors.New("barcode: not an EAN-13 or EAN-8 code with a correct check digit")

// newEANSymbol encodes a complete EAN-13 or EAN-8 code (check digit
// included, never completed or re-interpreted) into bars. The module
// pattern comes from boombuler/barcode's ean encoder; everything around
// it is drawn here.
func newEANSymbol(code string) (*eanSymbol, error) {
	var l *eanLayout
	switch len(code) {
	case 13:
		l = &ean13Layout
	case 8:
		l = &ean8Layout
	default:
		return nil, errNotEAN
	}
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return nil, errNotEAN
		}
	}
	// With 8 or 13 digits the encoder checks the check digit instead of
	// adding one.
	bc, err := ean.Encode(code)
	if err != nil {
		return nil, errNotEAN
	}
	if bc.Bounds().Dx() != l.modules {
		return nil, errNotEAN
	}
	s := &eanSymbol{layout: l, code: code, bars: make([]bar, 0, 30)}
	for i := 0; i < l.modules; i++ {
		if !isDark(bc.At(i, 0)) {
			continue
		}
		g := l.isGuard(i)
		x := l.quietLeft + i
		if n := len(s.bars); n > 0 {
			last := &s.bars[n-1]
			if last.x+last.w == x && last.guard == g {
				last.w++
				continue
			}
		}
		s.bars = append(s.bars, bar{x: x, w: 1, guard: g})
	}
	return s, nil
}

// modules returns the symbol's module pattern from the first to the last
// guard bar, '1' for dark and '0' for light.
func (s *eanSymbol) modules() string {
	l := s.layout
	p := make([]byte, l.modules)
	for i := range p {
		p[i] = '0'
	}
	for _, b := range s.bars {
		for x := b.x; x < b.x+b.w; x++ {
			p[x-l.quietLeft] = '1'
		}
	}
	return string(p)
}

// glyphs lists the human-readable characters and their places: the first
// EAN-13 digit in the left quiet zone, the others centred in the 7-module
// cell of the symbol character they stand for, and (if asked for) the
// light-margin indicators with their tips on the outer edges of the quiet
// zones.
func (s *eanSymbol) glyphs(dst []glyphPlace, indicators bool) []glyphPlace {
	l := s.layout
	const inset = (7 - glyphInkWidth) / 2 // centres a glyph in a 7-module cell
	d := 0
	if l.leadDigit {
		dst = append(dst, glyphPlace{rune(s.code[0]), leadDigitX})
		d = 1
	}
	left := float64(l.quietLeft + 3)
	for i := 0; i < l.half; i++ {
		dst = append(dst, glyphPlace{rune(s.code[d+i]), left + float64(7*i) + inset})
	}
	right := left + float64(7*l.half+5)
	for i := 0; i < l.half; i++ {
		dst = append(dst, glyphPlace{rune(s.code[d+l.half+i]), right + float64(7*i) + inset})
	}
	if indicators {
		if l.leftArrow {
			dst = append(dst, glyphPlace{'<', 0})
		}
		dst = append(dst, glyphPlace{'>', float64(l.width()) - glyphInkWidth})
	}
	return dst
}

// leadDigitX places the first EAN-13 digit in the 11-module left quiet
// zone: its ink ends 2 modules before the left guard bar.
const leadDigitX = 11 - 2 - glyphInkWidth
