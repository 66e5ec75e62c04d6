package barcode

import (
	"math"
	"strconv"
	"sync"
)

// The human-readable line is drawn with glyphs of our own, so that it
// looks the same everywhere and never depends on the fonts installed on
// the viewer's machine. They are monoline, OCR-B-like shapes: a skeleton
// of straight lines and elliptical arcs stroked with a round pen. The same
// skeleton becomes a stroked SVG path and, flattened into segments, the
// anti-aliased raster of the PNG.
//
// Metrics, in modules (X): the skeleton fits a 4 × 7 box and the pen is 1
// wide, so the ink fits a 5 × 8 box. Under the bars a glyph sits in the
// 7-module cell of its symbol character with 1 module of space either side.
const (
	glyphStroke    = 1.0
	glyphInkWidth  = 5.0
	glyphInkHeight = 8.0
)

// A glyphOp is one step of a skeleton, in skeleton coordinates: x from 0
// to 4, y from 0 (top) to 7 (bottom), y pointing down as in SVG.
type glyphOp struct {
	kind           byte // 'M' move, 'L' line, 'A' arc, 'Z' close
	x, y           float64
	cx, cy, rx, ry float64 // arc: centre and radii
	a0, a1         float64 // arc: start and end angle in degrees, 90 = down
}

func gMove(x, y float64) glyphOp { return glyphOp{kind: 'M', x: x, y: y} }
func gLine(x, y float64) glyphOp { return glyphOp{kind: 'L', x: x, y: y} }

// gArc is an elliptical arc from angle a0 to a1 (degrees; increasing
// angles turn clockwise on screen). A line joins the current point to the
// arc's start when they differ.
func gArc(cx, cy, rx, ry, a0, a1 float64) glyphOp {
	return glyphOp{kind: 'A', cx: cx, cy: cy, rx: rx, ry: ry, a0: a0, a1: a1}
}

var gClose = glyphOp{kind: 'Z'}

// glyphDesigns are the skeletons of the digits and of the light-margin
// indicators. Bowls are ellipses so that the 3, 5, 6, 8 and 9 keep
// OCR-B's proportions (lower bowls larger than upper ones); the 2's
// diagonal leaves its bowl on the tangent.
var glyphDesigns = map[rune][]glyphOp{
	'0': {gMove(0, 2), gLine(0, 5), gArc(2, 5, 2, 2, 180, 0), gLine(4, 2), gArc(2, 2, 2, 2, 0, -180), gClose},
	'1': {gMove(0.3, 2.1), gLine(2.6, 0), gLine(2.6, 7)},
	// The diagonal from (0, 7) touches the bowl at 43.6°.
	'2': {gArc(2, 2, 2, 2, 165, 403.6), gLine(0, 7), gLine(4, 7)},
	'3': {gArc(2, 1.6, 1.8, 1.6, 200, 450), gLine(1.1, 3.2), gMove(2, 3.2), gArc(2, 5.1, 2, 1.9, -90, 160)},
	'4': {gMove(3, 7), gLine(3, 0), gLine(0, 4.9), gLine(4, 4.9)},
	'5': {gMove(4, 0), gLine(0.2, 0), gArc(1.9, 4.8, 2.1, 2.2, 216, 514)},
	'6': {gArc(4, 4.8, 4, 4.8, 255, 180), gArc(2, 4.8, 2, 2.2, 180, -180)},
	'7': {gMove(0, 0), gLine(4, 0), gLine(1.3, 7)},
	'8': {gArc(2, 1.65, 1.75, 1.65, 90, 450), gArc(2, 5.15, 2, 1.85, -90, 270)},
	// The 9 is the 6 turned half a turn.
	'9': {gArc(0, 2.2, 4, 4.8, 75, 0), gArc(2, 2.2, 2, 2.2, 0, -360)},
	'<': {gMove(4, 2.2), gLine(0, 4.6), gLine(4, 7)},
	'>': {gMove(0, 2.2), gLine(4, 4.6), gLine(0, 7)},
}

// A segment is a straight piece of a flattened skeleton, in modules from
// the top-left corner of the glyph's ink box.
type segment struct{ x0, y0, x1, y1 float64 }

// A glyph is a compiled skeleton.
type glyph struct {
	// startX, startY is the first point, in thousandths of a module from
	// the top-left corner of the ink box; svgTail is the rest of the SVG
	// path data in relative commands, so that placing the glyph anywhere
	// costs one absolute "M".
	startX, startY int
	svgTail        []byte
	segs           []segment
}

// glyphs returns the compiled glyphs, indexed by glyphIndex. They are
// compiled on first use rather than at start: a page that never draws a
// barcode should not pay for them while the wasm starts.
var glyphs = sync.OnceValue(compileGlyphs)

// glyphIndex maps a character to its glyph in glyphs, or -1.
func glyphIndex(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r == '<':
		return 10
	case r == '>':
		return 11
	}
	return -1
}

func compileGlyphs() [12]*glyph {
	var gs [12]*glyph
	for r, ops := range glyphDesigns {
		gs[glyphIndex(r)] = compileGlyph(ops)
	}
	return gs
}

// compileGlyph turns a skeleton into SVG path data and segments. Points
// are rounded to thousandths of a module before relative offsets are
// taken, so the SVG path never drifts.
func compileGlyph(ops []glyphOp) *glyph {
	const pen = glyphStroke / 2 // skeleton origin inside the ink box
	g := &glyph{}
	started := false
	var cx, cy int       // current point, thousandths (SVG)
	var sx, sy int       // subpath start, thousandths (SVG)
	var fx, fy float64   // current point, modules (segments)
	var fsx, fsy float64 // subpath start, modules (segments)
	milli := func(v float64) int { return int(math.Round((v + pen) * 1000)) }
	moveTo := func(x, y float64) {
		mx, my := milli(x), milli(y)
		if !started {
			g.startX, g.startY = mx, my
			started = true
		} else {
			g.svgTail = append(g.svgTail, 'm')
			g.svgTail = appendPair(g.svgTail, mx-cx, my-cy)
		}
		cx, cy, sx, sy = mx, my, mx, my
		fx, fy, fsx, fsy = x+pen, y+pen, x+pen, y+pen
	}
	lineTo := func(x, y float64) {
		mx, my := milli(x), milli(y)
		g.svgTail = append(g.svgTail, 'l')
		g.svgTail = appendPair(g.svgTail, mx-cx, my-cy)
		g.segs = append(g.segs, segment{fx, fy, x + pen, y + pen})
		cx, cy, fx, fy = mx, my, x+pen, y+pen
	}
	for _, op := range ops {
		switch op.kind {
		case 'M':
			moveTo(op.x, op.y)
		case 'L':
			lineTo(op.x, op.y)
		case 'Z':
			g.svgTail = append(g.svgTail, 'z')
			if fx != fsx || fy != fsy {
				g.segs = append(g.segs, segment{fx, fy, fsx, fsy})
			}
			cx, cy, fx, fy = sx, sy, fsx, fsy
		case 'A':
			at := func(deg float64) (float64, float64) {
				s, c := math.Sincos(deg * math.Pi / 180)
				return op.cx + op.rx*c, op.cy + op.ry*s
			}
			x0, y0 := at(op.a0)
			if !started {
				moveTo(x0, y0)
			} else if milli(x0) != cx || milli(y0) != cy {
				lineTo(x0, y0)
			}
			// SVG: pieces of at most 180° so that the large-arc flag is
			// never needed.
			span := op.a1 - op.a0
			pieces := int(math.Ceil(math.Abs(span) / 180))
			sweep := byte('0')
			if span > 0 {
				sweep = '1'
			}
			for i := 1; i <= pieces; i++ {
				x, y := at(op.a0 + span*float64(i)/float64(pieces))
				mx, my := milli(x), milli(y)
				g.svgTail = append(g.svgTail, 'a')
				g.svgTail = appendPair(g.svgTail, int(math.Round(op.rx*1000)), int(math.Round(op.ry*1000)))
				g.svgTail = append(g.svgTail, " 0 0 "...)
				g.svgTail = append(g.svgTail, sweep, ' ')
				g.svgTail = appendPair(g.svgTail, mx-cx, my-cy)
				cx, cy = mx, my
			}
			// Raster: a segment every 5° at most.
			steps := int(math.Ceil(math.Abs(span) / 5))
			for i := 1; i <= steps; i++ {
				x, y := at(op.a0 + span*float64(i)/float64(steps))
				g.segs = append(g.segs, segment{fx, fy, x + pen, y + pen})
				fx, fy = x+pen, y+pen
			}
		}
	}
	return g
}

// appendMilli appends v thousandths as a decimal number without trailing
// zeros: 15500 → "15.5", -250 → "-0.25", 3000 → "3".
func appendMilli(b []byte, v int) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	b = strconv.AppendInt(b, int64(v/1000), 10)
	f := v % 1000
	if f == 0 {
		return b
	}
	b = append(b, '.', byte('0'+f/100))
	if f%100 != 0 {
		b = append(b, byte('0'+f/10%10))
		if f%10 != 0 {
			b = append(b, byte('0'+f%10))
		}
	}
	return b
}

// appendPair appends "x y" in thousandths.
func appendPair(b []byte, x, y int) []byte {
	b = appendMilli(b, x)
	b = append(b, ' ')
	return appendMilli(b, y)
}
