package barcode

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"math"
	"sync"
)

// The PNG is drawn on a whole-pixel grid: every module is moduleWidth
// pixels wide, so bars and quiet zones are exact. The glyphs' skeletons
// sit on the same grid (their boxes start on pixel edges), so straight
// strokes are crisp and only curves are anti-aliased.

// inkLevels is the number of palette entries from the background to the
// bar colour used for anti-aliased glyph edges; 16 keeps the PNG at 4 bits
// per pixel.
const inkLevels = 16

// rasterEAN draws the symbol into a paletted image whose index 0 is the
// background and index levels-1 the bar colour.
func rasterEAN(s *eanSymbol, st *style) *image.Paletted {
	l := s.layout
	m := st.moduleWidth
	w := l.width() * m
	dataH := int(math.Round(l.barHeight * float64(m)))
	guardH := dataH + guardDescent*m
	textTop := int(math.Round((l.barHeight + textGap) * float64(m)))
	h := guardH
	levels := 2
	if st.text {
		h = textTop + glyphInkHeight*m
		levels = inkLevels
	}
	img := image.NewPaletted(image.Rect(0, 0, w, h), rampPalette(st.fg, st.bg, levels))
	ink := uint8(levels - 1)

	// One row with every bar, one with the guard bars only; the rest of
	// the image is copies of them.
	full := img.Pix[:w]
	for _, r := range s.bars {
		for x := r.x * m; x < (r.x+r.w)*m; x++ {
			full[x] = ink
		}
	}
	for y := 1; y < dataH; y++ {
		copy(img.Pix[y*img.Stride:y*img.Stride+w], full)
	}
	if dataH < guardH {
		guards := img.Pix[dataH*img.Stride : dataH*img.Stride+w]
		for _, r := range s.bars {
			if r.guard {
				for x := r.x * m; x < (r.x+r.w)*m; x++ {
					guards[x] = ink
				}
			}
		}
		for y := dataH + 1; y < guardH; y++ {
			copy(img.Pix[y*img.Stride:y*img.Stride+w], guards)
		}
	}
	if st.text {
		var places [16]glyphPlace
		for _, p := range s.glyphs(places[:0], st.indicators) {
			mask := glyphMask(glyphIndex(p.r), m)
			x0 := int(math.Round(p.x * float64(m)))
			for y := 0; y < mask.h; y++ {
				row := img.Pix[(textTop+y)*img.Stride+x0:]
				for x, c := range mask.cov[y*mask.w : (y+1)*mask.w] {
					if c > row[x] {
						row[x] = c
					}
				}
			}
		}
	}
	return img
}

// rampPalette returns levels colours from bg to fg. With a transparent
// background the ramp keeps fg's colour and raises its opacity instead.
func rampPalette(fg, bg color.NRGBA, levels int) color.Palette {
	p := make(color.Palette, levels)
	for i := range p {
		t := float64(i) / float64(levels-1)
		if bg.A == 0 {
			p[i] = color.NRGBA{fg.R, fg.G, fg.B, uint8(math.Round(255 * t))}
			continue
		}
		mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a)*(1-t) + float64(b)*t)) }
		p[i] = color.NRGBA{mix(bg.R, fg.R), mix(bg.G, fg.G), mix(bg.B, fg.B), 255}
	}
	return p
}

// A coverageMask is a glyph rasterised at one module width: the palette
// index (0 … inkLevels-1) of every pixel of its ink box.
type coverageMask struct {
	w, h int
	cov  []uint8
}

// glyphMasks caches the masks per glyph and module width: every glyph box
// starts on a pixel edge, so one raster serves every place.
var glyphMasks struct {
	sync.Mutex
	m map[[2]int]*coverageMask
}

func glyphMask(gi, m int) *coverageMask {
	key := [2]int{gi, m}
	glyphMasks.Lock()
	defer glyphMasks.Unlock()
	if mk, ok := glyphMasks.m[key]; ok {
		return mk
	}
	if glyphMasks.m == nil {
		glyphMasks.m = make(map[[2]int]*coverageMask)
	}
	mk := rasterGlyph(glyphs()[gi], m)
	glyphMasks.m[key] = mk
	return mk
}

// rasterGlyph computes how much of each pixel the round pen covers: for a
// pixel centre at distance d (in pixels) from the skeleton, the coverage
// of a pen of radius r pixels is about r − d + ½, clamped to [0, 1]. The
// approximation is exact for straight edges and close on curves.
func rasterGlyph(g *glyph, m int) *coverageMask {
	w, h := glyphInkWidth*m, glyphInkHeight*m
	mk := &coverageMask{w: w, h: h, cov: make([]uint8, w*h)}
	fm := float64(m)
	r := glyphStroke / 2 * fm
	for y := 0; y < h; y++ {
		py := (float64(y) + 0.5) / fm
		for x := 0; x < w; x++ {
			px := (float64(x) + 0.5) / fm
			d2 := math.Inf(1)
			for _, sg := range g.segs {
				d2 = math.Min(d2, distSq(px, py, sg))
			}
			c := r - math.Sqrt(d2)*fm + 0.5
			if c > 0 {
				mk.cov[y*w+x] = uint8(math.Round(math.Min(c, 1) * (inkLevels - 1)))
			}
		}
	}
	return mk
}

// distSq is the squared distance from (x, y) to the segment.
func distSq(x, y float64, s segment) float64 {
	dx, dy := s.x1-s.x0, s.y1-s.y0
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = math.Max(0, math.Min(1, ((x-s.x0)*dx+(y-s.y0)*dy)/l))
	}
	ex, ey := s.x0+t*dx-x, s.y0+t*dy-y
	return ex*ex + ey*ey
}

// pngBuffers lets the PNG encoder reuse its buffers between calls.
type pngBuffers struct{ sync.Pool }

func (p *pngBuffers) Get() *png.EncoderBuffer {
	b, _ := p.Pool.Get().(*png.EncoderBuffer)
	return b
}

func (p *pngBuffers) Put(b *png.EncoderBuffer) { p.Pool.Put(b) }

var pngEncoder = png.Encoder{BufferPool: &pngBuffers{}}

// encodePNG encodes img, recording dpi (if not 0) in a pHYs chunk.
func encodePNG(img image.Image, dpi int) ([]byte, error) {
	var buf bytes.Buffer
	if err := pngEncoder.Encode(&buf, img); err != nil {
		return nil, err
	}
	b := buf.Bytes()
	if dpi <= 0 {
		return b, nil
	}
	return insertPHYs(b, dpi), nil
}

// insertPHYs adds a pHYs chunk (pixels per metre, both axes) after the
// IHDR chunk, which a PNG file always starts with: 8 bytes of signature,
// then 4 length + 4 type + 13 data + 4 CRC.
func insertPHYs(p []byte, dpi int) []byte {
	const afterIHDR = 8 + 4 + 4 + 13 + 4
	ppm := uint32(math.Round(float64(dpi) / 0.0254))
	var c [4 + 4 + 9 + 4]byte
	binary.BigEndian.PutUint32(c[0:], 9)
	copy(c[4:], "pHYs")
	binary.BigEndian.PutUint32(c[8:], ppm)
	binary.BigEndian.PutUint32(c[12:], ppm)
	c[16] = 1 // unit: metre
	binary.BigEndian.PutUint32(c[17:], crc32.ChecksumIEEE(c[4:17]))
	out := make([]byte, 0, len(p)+len(c))
	out = append(out, p[:afterIHDR]...)
	out = append(out, c[:]...)
	return append(out, p[afterIHDR:]...)
}
