package barcode

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"scanpage/testkit"
)

// svgBars parses the bar path of our EAN SVG ("Mx 0hWvHh-Wz" per bar).
var svgBar = regexp.MustCompile(`M(\d+) 0h(\d+)v([\d.]+)h-(\d+)z`)

func TestSVGStructure(t *testing.T) {
	for _, c := range []struct {
		code, size, viewBox string
		firstBar            int
		guard, data         string
	}{
		{"6901939621608", `width="37.29mm" height="25.819mm"`, `viewBox="0 0 113 78.24"`, 11, "74.24", "69.24"},
		{"95012346", `width="26.73mm" height="21.199mm"`, `viewBox="0 0 81 64.24"`, 7, "60.24", "55.24"},
	} {
		b := EAN(c.code, Options{})
		svg := b.SVG
		if !strings.HasPrefix(svg, svgProlog+"<svg ") {
			t.Errorf("%s: no prolog: %.80s", c.code, svg)
		}
		wellFormedXML(t, strings.TrimPrefix(svg, svgProlog))
		if !strings.Contains(svg, c.size) || !strings.Contains(svg, c.viewBox) {
			t.Errorf("%s: want %s %s in %.300s", c.code, c.size, c.viewBox, svg)
		}
		vb := strings.Fields(strings.TrimSuffix(strings.TrimPrefix(c.viewBox, `viewBox="`), `"`))
		if !strings.Contains(svg, `<rect width="`+vb[2]+`" height="`+vb[3]+`" fill="#FFFFFF"/>`) {
			t.Errorf("%s: no background over the whole viewBox", c.code)
		}
		// The bars: merged runs (never two touching), the module count
		// of the pattern, guard bars 5X longer.
		s, _ := newEANSymbol(c.code)
		bars := svgBar.FindAllStringSubmatch(svg, -1)
		dark, end, guards := 0, -1, 0
		for i, m := range bars {
			x, _ := strconv.Atoi(m[1])
			w, _ := strconv.Atoi(m[2])
			if m[2] != m[4] {
				t.Errorf("%s: bar %q not closed", c.code, m[0])
			}
			if i == 0 && x != c.firstBar {
				t.Errorf("%s: first bar at %d, want %d", c.code, x, c.firstBar)
			}
			if x <= end {
				t.Errorf("%s: bar at %d touches the previous one", c.code, x)
			}
			end = x + w
			dark += w
			switch m[3] {
			case c.guard:
				guards++
			case c.data:
			default:
				t.Errorf("%s: bar height %s", c.code, m[3])
			}
		}
		if want := strings.Count(s.modules(), "1"); dark != want {
			t.Errorf("%s: %d dark modules in the SVG, want %d", c.code, dark, want)
		}
		// Module by module, the bars are the pattern (which ean_test ties
		// to the GS1 figures), shifted by the left quiet zone.
		drawn := []byte(strings.Repeat("0", len(s.modules())))
		for _, m := range bars {
			x, _ := strconv.Atoi(m[1])
			w, _ := strconv.Atoi(m[2])
			for i := x - c.firstBar; i < x-c.firstBar+w; i++ {
				if i >= 0 && i < len(drawn) {
					drawn[i] = '1'
				}
			}
		}
		if string(drawn) != s.modules() {
			t.Errorf("%s: the SVG's bars read\n%s\nwant\n%s", c.code, drawn, s.modules())
		}
		if guards != 6 {
			t.Errorf("%s: %d guard bars, want 6", c.code, guards)
		}
		if !strings.Contains(svg, `stroke-width="1" stroke-linecap="round"`) {
			t.Errorf("%s: no digits", c.code)
		}
	}
	no := false
	svg := EAN("6901939621608", Options{Text: &no}).SVG
	if !strings.Contains(svg, `viewBox="0 0 113 74.24"`) || strings.Contains(svg, "stroke") {
		t.Errorf("without text: %.300s", svg)
	}
}

// screenshot renders page (HTML) with headless Chromium in a w × h
// window at one CSS pixel per pixel, with files (name → content) beside
// it, and returns the image.
func screenshot(t *testing.T, page string, files map[string][]byte, w, h int) image.Image {
	t.Helper()
	bin := testkit.Tool(t, "chromium")
	dir := t.TempDir()
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "page.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "shot.png")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--no-first-run", "--hide-scrollbars", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--force-device-scale-factor=1", fmt.Sprintf("--window-size=%d,%d", w, h),
		"--screenshot="+shot, "file://"+filepath.Join(dir, "page.html"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds().Dx() != w || img.Bounds().Dy() != h {
		t.Fatalf("screenshot is %v, want %d × %d", img.Bounds(), w, h)
	}
	return img
}

// The SVG files, rasterised by a real browser at a fractional scale
// (3.25 px per module) on a black page, decode to their digits; cut to
// 5-module quiet zones (by an overflow:hidden box) they do not. The black
// page proves the SVG paints its own quiet zones.
func TestSVGDecodesAfterRasterising(t *testing.T) {
	const (
		scale        = 3.25 // CSS px per module
		cellW, cellH = 400, 290
		pad          = 16 // black around each symbol
		cols         = 4
	)
	type cell struct {
		code string
		cut  bool
	}
	var cells []cell
	files := map[string][]byte{}
	var page strings.Builder
	page.WriteString(`<!doctype html><html><body style="margin:0;background:#000">`)
	add := func(code, svg string) {
		name := code + ".svg"
		files[name] = []byte(svg)
		s, _ := newEANSymbol(code)
		l := s.layout
		w, h := float64(l.width())*scale, l.height(true)*scale
		for _, cut := range []bool{false, true} {
			i := len(cells)
			cells = append(cells, cell{code, cut})
			x, y := float64(i%cols*cellW+pad), float64(i/cols*cellH+pad)
			if !cut {
				fmt.Fprintf(&page, `<img src="%s" style="position:absolute;left:%gpx;top:%gpx;width:%gpx;height:%gpx">`, name, x, y, w, h)
				continue
			}
			left, right := float64(l.quietLeft-5)*scale, float64(l.quietRight-5)*scale
			fmt.Fprintf(&page, `<div style="position:absolute;left:%gpx;top:%gpx;width:%gpx;height:%gpx;overflow:hidden">`+
				`<img src="%s" style="position:absolute;left:%gpx;top:0;width:%gpx;height:%gpx"></div>`,
				x+left, y, w-left-right, h, name, -left, w, h)
		}
	}
	for _, code := range validCodes {
		b := EAN(code, Options{})
		if b.SVG == "" {
			t.Fatalf("%s: no SVG: %+v", code, b.Report)
		}
		add(code, b.SVG)
	}
	// Codes the validator refuses for their prefix are still drawn right
	// by the layer below it.
	for _, code := range leadingDigitCodes {
		s, err := newEANSymbol(code)
		if err != nil {
			t.Fatal(err)
		}
		st := defaultStyle("svg", 0)
		add(code, svgProlog+string(appendEANSVG(nil, s, &st)))
	}
	page.WriteString(`</body></html>`)
	rows := (len(cells) + cols - 1) / cols
	shot := screenshot(t, page.String(), files, cols*cellW, rows*cellH)
	type subImager interface {
		SubImage(image.Rectangle) image.Image
	}
	for i, c := range cells {
		r := image.Rect(i%cols*cellW, i/cols*cellH, i%cols*cellW+cellW, i/cols*cellH+cellH)
		got, ok := zbar(t, shot.(subImager).SubImage(r))
		switch {
		case !c.cut && got != c.code:
			t.Errorf("%s: zbar read %q (found: %v) from the rasterised SVG", c.code, got, ok)
		case c.cut && ok:
			t.Errorf("%s with 5X quiet zones: zbar still read %q", c.code, got)
		}
	}
	if t.Failed() {
		f, _ := os.Create(filepath.Join(os.TempDir(), "scanpage-svg-shot.png"))
		png.Encode(f, shot)
		f.Close()
		t.Logf("screenshot kept in %s", f.Name())
	}
}
