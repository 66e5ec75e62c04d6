package barcode

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/boombuler/barcode/qr"
)

func TestDigitalLinkURI(t *testing.T) {
	for _, c := range []struct {
		code   string
		opts   LinkOptions
		uri    string
		encode string
	}{
		{"9501101531000", LinkOptions{}, "https://id.gs1.org/01/09501101531000", "HTTPS://ID.GS1.ORG/01/09501101531000"},
		{"95012346", LinkOptions{}, "https://id.gs1.org/01/00000095012346", "HTTPS://ID.GS1.ORG/01/00000095012346"},
		{"6901939621608", LinkOptions{Domain: "Brand.Example.COM"}, "https://brand.example.com/01/06901939621608", "HTTPS://BRAND.EXAMPLE.COM/01/06901939621608"},
	} {
		r := DigitalLink(c.code, c.opts)
		if r.URI != c.uri || r.Encoded != c.encode || !r.Report.Valid || r.SVG == "" {
			t.Errorf("%s: URI %q encoded %q valid %v, want %q %q", c.code, r.URI, r.Encoded, r.Report.Valid, c.uri, c.encode)
		}
		if strings.HasSuffix(r.URI, "/") {
			t.Errorf("%s: trailing slash", c.code)
		}
	}
}

// The upper-case form is encoded only because it gives the smaller
// symbol: alphanumeric mode, version 2 (25 modules) against byte mode's
// version 3 (29) at level M.
func TestDigitalLinkChoosesTheSmallerSymbol(t *testing.T) {
	uri := "https://id.gs1.org/01/09501101531000"
	lower, err := encodeQR(uri, qr.M, qr.Unicode)
	if err != nil {
		t.Fatal(err)
	}
	upper, err := encodeQR(strings.ToUpper(uri), qr.M, qr.AlphaNumeric)
	if err != nil {
		t.Fatal(err)
	}
	if lower.size != 29 || upper.size != 25 {
		t.Fatalf("sizes %d and %d, want 29 and 25", lower.size, upper.size)
	}
	sym, text, err := smallestQR(uri, qr.M)
	if err != nil || sym.size != 25 || text != strings.ToUpper(uri) {
		t.Errorf("smallestQR: %d %q %v", sym.size, text, err)
	}
	// On a tie the URI is kept as written: both fit version 1 at level L
	// when short enough.
	sym, text, err = smallestQR("https://a.b/01/1", qr.L)
	if err != nil || sym.size != 21 || text != "https://a.b/01/1" {
		t.Errorf("tie: %d %q %v", sym.size, text, err)
	}
}

func TestDigitalLinkRefuses(t *testing.T) {
	for _, c := range []struct {
		code  string
		opts  LinkOptions
		issue string
	}{
		{"6901939621600", LinkOptions{}, "keystr.check_digit"},
		{"690193962160", LinkOptions{}, "keystr.missing_check_digit"},
		{"2112345678900", LinkOptions{}, "keystr.prefix.restricted"},
		{"6901939621608", LinkOptions{Domain: "https://example.com/"}, "barcode.domain"},
		{"6901939621608", LinkOptions{Domain: "localhost"}, "barcode.domain"},
		{"6901939621608", LinkOptions{Level: "X"}, "barcode.level"},
		{"6901939621608", LinkOptions{XDim: 0.33}, "barcode.xdim"},
		{"6901939621608", LinkOptions{Format: "png", ModuleWidth: 99}, "barcode.moduleWidth"},
		{"6901939621608", LinkOptions{Background: "teal"}, "barcode.color"},
	} {
		r := DigitalLink(c.code, c.opts)
		if r.SVG != "" || r.PNG != nil || r.URI != "" || r.Report.Valid {
			t.Errorf("%s %+v: drawn or valid: %+v", c.code, c.opts, r)
			continue
		}
		issueByCode(t, r.Report, c.issue)
	}
}

// The PNG holds the 4-module quiet zone: the outer 4 modules of every
// side are light, and the finder pattern starts right after them.
func TestDigitalLinkPNGQuietZone(t *testing.T) {
	const m = 3
	r := DigitalLink("6901939621608", LinkOptions{Format: "png", ModuleWidth: m})
	img, err := png.Decode(bytes.NewReader(r.PNG))
	if err != nil {
		t.Fatal(err)
	}
	w := img.Bounds().Dx()
	if w != img.Bounds().Dy() || w != (25+8)*m {
		t.Fatalf("PNG %v, want %d px square", img.Bounds(), (25+8)*m)
	}
	for y := 0; y < w; y++ {
		for x := 0; x < w; x++ {
			inQuiet := x < 4*m || y < 4*m || x >= w-4*m || y >= w-4*m
			if inQuiet && dark(img, x, y) {
				t.Fatalf("dark pixel (%d, %d) in the quiet zone", x, y)
			}
		}
	}
	if !dark(img, 4*m, 4*m) || !dark(img, w-4*m-1, 4*m) || !dark(img, 4*m, w-4*m-1) {
		t.Error("finder patterns do not start at the quiet zone's edge")
	}
}

func TestDigitalLinkPNGDecodes(t *testing.T) {
	for _, code := range []string{"6901939621608", "95012346", "0036000291452"} {
		for _, m := range []int{2, 4} {
			r := DigitalLink(code, LinkOptions{Format: "png", ModuleWidth: m})
			if r.PNG == nil {
				t.Fatalf("%s: no PNG: %+v", code, r.Report)
			}
			if got, ok := zbarPNG(t, r.PNG); got != r.Encoded {
				t.Errorf("%s m=%d: zbar read %q (found: %v), want %q", code, m, got, ok, r.Encoded)
			}
			img, _ := png.Decode(bytes.NewReader(r.PNG))
			if got, _ := zbar(t, inFrame(img, 20)); got != r.Encoded {
				t.Errorf("%s m=%d in a dark frame: zbar read %q", code, m, got)
			}
		}
	}
}

// The QR SVG, rasterised by Chromium on a black page, decodes.
func TestDigitalLinkSVGDecodes(t *testing.T) {
	codes := []string{"6901939621608", "95012346"}
	files := map[string][]byte{}
	var page strings.Builder
	page.WriteString(`<!doctype html><html><body style="margin:0;background:#000">`)
	const cell, scale = 200, 4.5
	want := map[int]string{}
	for i, code := range codes {
		r := DigitalLink(code, LinkOptions{})
		if r.SVG == "" || !strings.HasPrefix(r.SVG, svgProlog) {
			t.Fatalf("%s: no SVG: %+v", code, r.Report)
		}
		wellFormedXML(t, strings.TrimPrefix(r.SVG, svgProlog))
		if !strings.Contains(r.SVG, `width="16.5mm" height="16.5mm" viewBox="0 0 33 33"`) {
			t.Errorf("%s: size: %.200s", code, r.SVG)
		}
		files[code+".svg"] = []byte(r.SVG)
		want[i] = r.Encoded
		fmt.Fprintf(&page, `<img src="%s.svg" style="position:absolute;left:%dpx;top:20px;width:%gpx;height:%gpx">`,
			code, i*cell+20, 33*scale, 33*scale)
	}
	page.WriteString(`</body></html>`)
	shot := screenshot(t, page.String(), files, len(codes)*cell, cell)
	for i := range codes {
		sub := shot.(interface {
			SubImage(image.Rectangle) image.Image
		}).SubImage(image.Rect(i*cell, 0, i*cell+cell, cell))
		if got, ok := zbar(t, sub); got != want[i] {
			t.Errorf("%s: zbar read %q (found: %v), want %q", codes[i], got, ok, want[i])
		}
	}
}

func FuzzDigitalLink(f *testing.F) {
	f.Add("6901939621608", "svg", 0, 0.0, "", "M", "")
	f.Add("95012346", "png", 2, 0.5, "shop.example.cn", "H", "#333")
	f.Add("x", "gif", -1, 2.0, "a..b", "Z", "red")
	f.Fuzz(func(t *testing.T, code, format string, m int, xdim float64, domain, level, fg string) {
		if m > maxModuleWidth {
			m = m%maxModuleWidth + 1
		}
		r := DigitalLink(code, LinkOptions{Format: format, ModuleWidth: m, XDim: xdim, Domain: domain, Level: level, Foreground: fg})
		drawn := r.SVG != "" || r.PNG != nil
		if drawn != r.Report.Valid || drawn != (r.URI != "") {
			t.Fatalf("drawn %v, valid %v, URI %q", drawn, r.Report.Valid, r.URI)
		}
		if r.SVG != "" {
			wellFormedXML(t, strings.TrimPrefix(r.SVG, svgProlog))
		}
		if r.PNG != nil {
			if _, err := png.Decode(bytes.NewReader(r.PNG)); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func BenchmarkDigitalLinkSVG(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if DigitalLink("6901939621608", LinkOptions{}).SVG == "" {
			b.Fatal("no SVG")
		}
	}
}
