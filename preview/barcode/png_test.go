package barcode

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/png"
	"testing"
)

// decodePNG decodes EAN's PNG of code, failing if there is none.
func decodePNG(t *testing.T, code string, opts Options) image.Image {
	t.Helper()
	opts.Format = "png"
	b := EAN(code, opts)
	if b.PNG == nil {
		t.Fatalf("%s: no PNG: %+v", code, b.Report)
	}
	img, err := png.Decode(bytes.NewReader(b.PNG))
	if err != nil {
		t.Fatalf("%s: %v", code, err)
	}
	return img
}

// dark reports whether a pixel is closer to black than to white.
func dark(img image.Image, x, y int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	return r+g+b < 3*0x8000
}

// The geometry of barcode.md, measured on the decoded image.
func TestPNGGeometry(t *testing.T) {
	for _, c := range []struct {
		code                  string
		width                 int     // modules, quiet zones included
		quietLeft, quietRight int     // modules
		barHeight             float64 // modules
	}{
		{"6901939621608", 113, 11, 7, 69.24},
		{"95012346", 81, 7, 7, 55.24},
	} {
		for m := 1; m <= 4; m++ {
			img := decodePNG(t, c.code, Options{ModuleWidth: m})
			w, h := img.Bounds().Dx(), img.Bounds().Dy()
			dataH := int(c.barHeight*float64(m) + 0.5)
			if w != c.width*m {
				t.Errorf("%s m=%d: width %d px, want %d", c.code, m, w, c.width*m)
			}
			// Digits: 1X gap, then 8X of glyph box.
			if want := int((c.barHeight+1)*float64(m)+0.5) + 8*m; h != want {
				t.Errorf("%s m=%d: height %d px, want %d", c.code, m, h, want)
			}
			// Along the top row: light quiet zones, the first bar at
			// quietLeft·X, the last ending quietRight·X from the edge.
			first, last := -1, -1
			for x := 0; x < w; x++ {
				if dark(img, x, 0) {
					if first < 0 {
						first = x
					}
					last = x
				}
			}
			if first != c.quietLeft*m || last != w-c.quietRight*m-1 {
				t.Errorf("%s m=%d: bars from px %d to %d, want %d to %d", c.code, m, first, last, c.quietLeft*m, w-c.quietRight*m-1)
			}
			// The quiet zones are light from the top down to the digits
			// (which start 1X below the data bars, beside the guards).
			for y := 0; y < dataH+m; y++ {
				for x := 0; x < c.quietLeft*m; x++ {
					if dark(img, x, y) {
						t.Fatalf("%s m=%d: dark pixel (%d, %d) in the left quiet zone", c.code, m, x, y)
					}
				}
				for x := w - c.quietRight*m; x < w; x++ {
					if dark(img, x, y) {
						t.Fatalf("%s m=%d: dark pixel (%d, %d) in the right quiet zone", c.code, m, x, y)
					}
				}
			}
			// The first guard bar descends 5X below the data bars: the
			// left guard's first column is dark down to dataH+5X-1, a data
			// bar's column down to dataH-1.
			guardX := c.quietLeft * m
			if !dark(img, guardX, dataH+5*m-1) || dark(img, guardX, dataH+5*m) {
				t.Errorf("%s m=%d: guard bar does not end at px %d", c.code, m, dataH+5*m)
			}
			dataX := -1
			for x := (c.quietLeft + 3) * m; x < w; x++ { // first dark pixel after the left guard
				if dark(img, x, 0) {
					dataX = x
					break
				}
			}
			if !dark(img, dataX, dataH-1) || dark(img, dataX, dataH) {
				t.Errorf("%s m=%d: data bar at px %d does not end at px %d", c.code, m, dataX, dataH)
			}
			// Ink in the quiet zones only at the digits' level: the first
			// digit (EAN-13) or '<' on the left, '>' on the right.
			inkIn := func(x0, x1 int) bool {
				for y := dataH + m; y < h; y++ {
					for x := x0; x < x1; x++ {
						if dark(img, x, y) {
							return true
						}
					}
				}
				return false
			}
			if !inkIn(0, c.quietLeft*m) || !inkIn(w-c.quietRight*m, w) {
				t.Errorf("%s m=%d: no digit or indicator in the quiet zones", c.code, m)
			}
			// The '>' ends on the image's right edge.
			if !inkIn(w-1, w) {
				t.Errorf("%s m=%d: '>' does not reach the right edge", c.code, m)
			}
		}
	}
}

// Without digits the image ends with the guard bars; without indicators
// the right quiet zone of an EAN-13 stays empty.
func TestPNGTextAndIndicatorsOff(t *testing.T) {
	no, yes := false, true
	img := decodePNG(t, "6901939621608", Options{ModuleWidth: 2, Text: &no})
	if h := img.Bounds().Dy(); h != 138+10 {
		t.Errorf("height without text %d px, want %d", h, 138+10)
	}
	img = decodePNG(t, "6901939621608", Options{ModuleWidth: 2, Text: &yes, Indicators: &no})
	for y := 0; y < img.Bounds().Dy(); y++ {
		for x := 106 * 2; x < 113*2; x++ {
			if dark(img, x, y) {
				t.Fatalf("ink at (%d, %d) in the right quiet zone without indicators", x, y)
			}
		}
	}
}

// zbar accepts a symbol without a quiet zone when the image edge beyond
// it is white, so the symbol is placed in a black frame: with its quiet
// zones it must decode, with them cut to 5 modules it must not. That
// proves the quiet zones are really in the image.
func TestPNGQuietZonesInDarkFrame(t *testing.T) {
	codes := append(append([]string{}, validCodes...), leadingDigitCodes...)
	for _, code := range codes {
		s, err := newEANSymbol(code)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range []int{2, 3} {
			st := defaultStyle("png", m)
			img := rasterEAN(s, &st)
			if got, ok := zbar(t, inFrame(img, 20)); got != code {
				t.Errorf("%s m=%d in a dark frame: zbar read %q (found: %v)", code, m, got, ok)
			}
			l := s.layout
			cut := img.SubImage(image.Rect((l.quietLeft-5)*m, 0, (l.width()-l.quietRight+5)*m, img.Bounds().Dy()))
			if got, ok := zbar(t, inFrame(cut, 20)); ok {
				t.Errorf("%s m=%d with 5X quiet zones in a dark frame: zbar still read %q", code, m, got)
			}
		}
	}
}

func TestPNGDPI(t *testing.T) {
	b := EAN("6901939621608", Options{Format: "png", DPI: 300, ModuleWidth: 4})
	if !b.Report.Valid {
		t.Fatalf("%+v", b.Report)
	}
	i := bytes.Index(b.PNG, []byte("pHYs"))
	if i < 0 || i > 40 {
		t.Fatalf("no pHYs chunk after IHDR (at %d)", i)
	}
	ppmX, ppmY, unit := binary.BigEndian.Uint32(b.PNG[i+4:]), binary.BigEndian.Uint32(b.PNG[i+8:]), b.PNG[i+12]
	if ppmX != 11811 || ppmY != 11811 || unit != 1 {
		t.Errorf("pHYs %d × %d per unit %d, want 11811 per metre", ppmX, ppmY, unit)
	}
	// The CRC is right: the standard decoder checks it.
	if _, err := png.Decode(bytes.NewReader(b.PNG)); err != nil {
		t.Fatal(err)
	}
	if b := EAN("6901939621608", Options{Format: "png"}); bytes.Contains(b.PNG, []byte("pHYs")) {
		t.Error("pHYs written without dpi")
	}
	// 3 px at 300 dpi is 0.254 mm, below 80 % magnification.
	b = EAN("6901939621608", Options{Format: "png", DPI: 300, ModuleWidth: 3})
	if !b.Report.Valid || b.PNG == nil {
		t.Fatalf("%+v", b.Report)
	}
	if is := issueByCode(t, b.Report, "barcode.dpi.xdim"); is.Severity != "warning" {
		t.Errorf("%+v", is)
	}
}

func TestPNGTransparentBackground(t *testing.T) {
	img := decodePNG(t, "6901939621608", Options{Background: "transparent", Foreground: "#003366"})
	if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
		t.Errorf("background alpha %d", a)
	}
	if r, g, b, a := img.At(33, 0).RGBA(); a != 0xFFFF || r>>8 != 0 || g>>8 != 0x33 || b>>8 != 0x66 {
		t.Errorf("bar pixel %v", img.At(33, 0))
	}
}

// Bars only need two colours, so the PNG stays small.
func TestPNGSize(t *testing.T) {
	b := EAN("6901939621608", Options{Format: "png"})
	if n := len(b.PNG); n > 4096 {
		t.Errorf("default EAN-13 PNG is %d bytes", n)
	}
}
