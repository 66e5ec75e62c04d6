package barcode

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

const glyphChars = "0123456789<>"

// Every glyph's ink (skeleton plus half the pen) stays inside its 5 × 8
// box, and touches all four sides of it except where the design says.
func TestGlyphsFitTheirBox(t *testing.T) {
	const pen = glyphStroke / 2
	for _, r := range glyphChars {
		g := glyphs()[glyphIndex(r)]
		minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, s := range g.segs {
			minX = math.Min(minX, math.Min(s.x0, s.x1))
			maxX = math.Max(maxX, math.Max(s.x0, s.x1))
			minY = math.Min(minY, math.Min(s.y0, s.y1))
			maxY = math.Max(maxY, math.Max(s.y0, s.y1))
		}
		const eps = 1e-9
		if minX-pen < -eps || minY-pen < -eps || maxX+pen > glyphInkWidth+eps || maxY+pen > glyphInkHeight+eps {
			t.Errorf("%q: ink spans x %.3f–%.3f, y %.3f–%.3f, outside 0–5 × 0–8", r, minX-pen, maxX+pen, minY-pen, maxY+pen)
		}
		// Digits (not the indicators) are full height: they touch the
		// top and the bottom (the 6's and 9's tails stop just short).
		if r >= '0' && r <= '9' && (minY-pen > 0.2 || maxY+pen < glyphInkHeight-0.2) {
			t.Errorf("%q: ink spans y %.3f–%.3f, want about 0–8", r, minY-pen, maxY+pen)
		}
	}
}

// No two glyphs look alike: rasterised at 8 px/module, every pair differs
// in at least 10 % of the pixels either has ink on.
func TestGlyphsDistinct(t *testing.T) {
	const m = 8
	masks := make([]*coverageMask, len(glyphChars))
	for i, r := range glyphChars {
		masks[i] = rasterGlyph(glyphs()[glyphIndex(r)], m)
	}
	for i := range masks {
		for j := i + 1; j < len(masks); j++ {
			diff, ink := 0, 0
			for k := range masks[i].cov {
				a, b := masks[i].cov[k] > inkLevels/2, masks[j].cov[k] > inkLevels/2
				if a || b {
					ink++
				}
				if a != b {
					diff++
				}
			}
			if diff*10 < ink {
				t.Errorf("%q and %q differ in %d of %d pixels", glyphChars[i], glyphChars[j], diff, ink)
			}
		}
	}
}

// The raster is the pen along the skeleton: pixels on a straight stroke's
// centre line are full ink, pixels a pen width away are background.
func TestGlyphRasterPen(t *testing.T) {
	const m = 4
	one := rasterGlyph(glyphs()[glyphIndex('1')], m)
	// The 1's stem runs down x = 2.6 + 0.5 modules.
	stem := 31 * m / 10
	for y := 3 * m; y < 7*m; y++ {
		if c := one.cov[y*one.w+stem]; c != inkLevels-1 {
			t.Errorf("stem pixel (%d, %d) coverage %d", stem, y, c)
		}
		if c := one.cov[y*one.w+stem+m]; c != 0 {
			t.Errorf("pixel a module right of the stem (%d, %d) coverage %d", stem+m, y, c)
		}
	}
}

// walkSVGPath follows path data made of the commands compileGlyph writes
// (M, m, l, a, z; relative after the first M) and returns every point it
// visits. Arcs are checked by their end points and by their radii, which
// must be those of the designs.
func walkSVGPath(t *testing.T, d string) [][2]float64 {
	t.Helper()
	var pts [][2]float64
	var toks []string
	for i := 0; i < len(d); {
		switch c := d[i]; {
		case c == ' ':
			i++
		case strings.IndexByte("MmlazZ", c) >= 0:
			toks = append(toks, d[i:i+1])
			i++
		default:
			j := i + 1
			for j < len(d) && (d[j] >= '0' && d[j] <= '9' || d[j] == '.') {
				j++
			}
			toks = append(toks, d[i:j])
			i = j
		}
	}
	num := func(i int) float64 {
		v, err := strconv.ParseFloat(toks[i], 64)
		if err != nil {
			t.Fatalf("bad number %q in %q", toks[i], d)
		}
		return v
	}
	var x, y, sx, sy float64
	for i := 0; i < len(toks); {
		switch toks[i] {
		case "M":
			x, y = num(i+1), num(i+2)
			sx, sy = x, y
			i += 3
		case "m":
			x, y = x+num(i+1), y+num(i+2)
			sx, sy = x, y
			i += 3
		case "l":
			x, y = x+num(i+1), y+num(i+2)
			i += 3
		case "a":
			if num(i+3) != 0 || num(i+4) != 0 {
				t.Fatalf("arc with rotation or large-arc flag in %q", d)
			}
			x, y = x+num(i+6), y+num(i+7)
			i += 8
		case "z":
			x, y = sx, sy
			i++
		default:
			t.Fatalf("unexpected %q in %q", toks[i], d)
		}
		pts = append(pts, [2]float64{x, y})
	}
	return pts
}

// The SVG path and the raster's segments are the same skeleton: every
// point the SVG path visits (line ends, arc ends, subpath starts) lies on
// the flattened skeleton, within rounding and the sag of a 5° chord.
func TestGlyphSVGMatchesRaster(t *testing.T) {
	for _, r := range glyphChars {
		g := glyphs()[glyphIndex(r)]
		d := "M" + string(appendPair(nil, g.startX, g.startY)) + string(g.svgTail)
		for _, p := range walkSVGPath(t, d) {
			best := math.Inf(1)
			for _, s := range g.segs {
				best = math.Min(best, distSq(p[0], p[1], s))
			}
			if math.Sqrt(best) > 0.006 {
				t.Errorf("%q: SVG point %v is %.4f modules off the raster skeleton", r, p, math.Sqrt(best))
			}
		}
	}
}

func TestAppendMilli(t *testing.T) {
	for v, want := range map[int]string{0: "0", 15500: "15.5", -250: "-0.25", 3000: "3", 69240: "69.24", 7: "0.007", -1001: "-1.001", 120: "0.12"} {
		if got := string(appendMilli(nil, v)); got != want {
			t.Errorf("appendMilli(%d) = %q, want %q", v, got, want)
		}
	}
}
