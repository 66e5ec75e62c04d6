package barcode

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image"
	"image/draw"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"scanpage/schema"
	"scanpage/schema/gtin"
	"scanpage/testkit"
)

// The codes of barcode.md ("Test vectors").
var (
	// Valid codes: each must be drawn and decode to itself.
	validCodes = []string{
		"6291041500213", "5901234123457", "4512345678906", "9501101531000", "1234567890128",
		"9780877799306", "9771384524017", "0036000291452", "96385074", "95012346", "55123457",
		"6954496900556", "6901939621608",
	}
	// One code per leading digit, covering every parity pattern of the
	// left half. Some have prefixes a product page must not use (2xx is
	// restricted circulation), so they are drawn below the validation.
	leadingDigitCodes = []string{
		"0123456789012", "1234567890128", "2345678901234", "3456789012340", "4567890123456",
		"5678901234562", "6789012345678", "7890123456784", "8901234567890", "9012345678906",
	}
	// Codes EAN must refuse, with the reason.
	refusedCodes = map[string]string{
		"2112233789658":  "check digit (want 7)",
		"1234567890120":  "check digit (want 8)",
		"55123458":       "check digit (want 7)",
		"6900000000000":  "check digit (want 7)",
		"6900873042720":  "check digit (want 2)",
		"2112345678900":  "restricted circulation (RCN)",
		"02345680":       "restricted circulation (RCN-8)",
		"20123451":       "restricted circulation (RCN-8)",
		"9813765030011":  "coupon",
		"0000000000000":  "all zeros",
		"690193962160":   "12 digits",
		"036000291452":   "12 digits (a UPC-A)",
		"9501234":        "7 digits",
		"06901939621608": "14 digits",
		"":               "empty",
		"690193962160X":  "a letter",
		" 6901939621608": "a space",
		"６９０１９３９６２１６０８": "full-width digits",
	}
)

// defaultStyle is what EAN resolves the zero options to, with the
// format and module width given.
func defaultStyle(format string, m int) style {
	st, issues := resolveOptions(&Options{Format: format, ModuleWidth: m}, schema.EN)
	if len(issues) != 0 {
		panic(issues)
	}
	return st
}

// zbar decodes img with zbarimg and returns what it read (one line per
// symbol found) and whether it found anything.
func zbar(t testing.TB, img image.Image) (string, bool) {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return zbarPNG(t, buf.Bytes())
}

// zbarPNG decodes a PNG file's bytes with zbarimg.
func zbarPNG(t testing.TB, p []byte) (string, bool) {
	t.Helper()
	bin := testkit.Tool(t, "zbarimg")
	f := filepath.Join(t.TempDir(), "symbol.png")
	if err := os.WriteFile(f, p, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-q", "--raw", "--nodbus", f).Output()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return strings.TrimSpace(string(out)), true
	case errors.As(err, &ee) && ee.ExitCode() == 4: // nothing found
		return "", false
	default:
		t.Fatalf("zbarimg: %v", err)
		return "", false
	}
}

// inFrame returns img placed on a black canvas with a border of frame
// pixels, so that no white from outside the image can stand in for a
// quiet zone.
func inFrame(img image.Image, frame int) image.Image {
	b := img.Bounds()
	c := image.NewRGBA(image.Rect(0, 0, b.Dx()+2*frame, b.Dy()+2*frame))
	draw.Draw(c, c.Bounds(), image.Black, image.Point{}, draw.Src)
	draw.Draw(c, image.Rect(frame, frame, frame+b.Dx(), frame+b.Dy()), img, b.Min, draw.Src)
	return c
}

// wellFormedXML fails unless s parses as one XML element.
func wellFormedXML(t testing.TB, s string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v\n%s", err, s)
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if depth != 0 || roots != 1 {
		t.Fatalf("SVG has %d root elements, depth %d at the end", roots, depth)
	}
}

func TestEANValidCodesDecode(t *testing.T) {
	for _, code := range validCodes {
		for _, m := range []int{2, 3} {
			b := EAN(code, Options{Format: "png", ModuleWidth: m})
			if !b.Report.Valid || b.PNG == nil {
				t.Fatalf("%s: not drawn: %+v", code, b.Report)
			}
			if b.SVG != "" {
				t.Errorf("%s: PNG asked for, SVG given too", code)
			}
			want := map[int]string{13: "ean13", 8: "ean8"}[len(code)]
			if b.Kind != want || b.Code != code {
				t.Errorf("%s: Kind %q Code %q, want %q", code, b.Kind, b.Code, want)
			}
			if got, ok := zbarPNG(t, b.PNG); got != code {
				t.Errorf("%s at %d px/module: zbar read %q (found: %v)", code, m, got, ok)
			}
		}
	}
}

func TestEANRefusesBadCodes(t *testing.T) {
	for code, why := range refusedCodes {
		for _, format := range []string{"svg", "png"} {
			b := EAN(code, Options{Format: format, Lang: "en"})
			if b.SVG != "" || b.PNG != nil {
				t.Errorf("%q (%s): drawn as %s", code, why, format)
			}
			if b.Report.Valid || !hasError(b.Report.Issues) {
				t.Errorf("%q (%s): report has no error: %+v", code, why, b.Report)
			}
			if b.Code != code {
				t.Errorf("%q: Code %q, want the input unchanged", code, b.Code)
			}
		}
	}
}

// A code with a wrong check digit is not an EAN-13 (Kind ""), one with a
// wrong prefix is, but neither is drawn.
func TestEANKind(t *testing.T) {
	for code, want := range map[string]string{
		"6901939621608": "ean13", "95012346": "ean8", "2112345678900": "ean13", "20123451": "ean8",
		"6900873042720": "", "690193962160": "", "06901939621608": "", "abc": "",
	} {
		if got := EAN(code, Options{}).Kind; got != want {
			t.Errorf("Kind(%q) = %q, want %q", code, got, want)
		}
	}
}

// issueByCode returns the first issue with the code, or fails.
func issueByCode(t *testing.T, r schema.Report, code string) schema.Issue {
	t.Helper()
	for _, is := range r.Issues {
		if is.Code == code {
			return is
		}
	}
	t.Fatalf("no issue %q in %+v", code, r.Issues)
	return schema.Issue{}
}

func TestEANOptionErrors(t *testing.T) {
	const code = "6901939621608"
	for _, c := range []struct {
		name  string
		opts  Options
		issue string
		path  string
		fix   any
	}{
		{"xdim too small", Options{XDim: 0.2}, "barcode.xdim", "/xdim", minXDim},
		{"xdim too large", Options{XDim: 0.7}, "barcode.xdim", "/xdim", maxXDim},
		{"xdim negative", Options{XDim: -1}, "barcode.xdim", "/xdim", minXDim},
		{"moduleWidth negative", Options{Format: "png", ModuleWidth: -3}, "barcode.moduleWidth", "/moduleWidth", 1},
		{"moduleWidth huge", Options{Format: "png", ModuleWidth: 1 << 30}, "barcode.moduleWidth", "/moduleWidth", maxModuleWidth},
		{"format", Options{Format: "gif"}, "barcode.format", "/format", nil},
		{"dpi", Options{Format: "png", DPI: -1}, "barcode.dpi", "/dpi", nil},
		{"foreground syntax", Options{Foreground: "#12"}, "barcode.color", "/foreground", nil},
		{"background syntax", Options{Background: `"/><script>`}, "barcode.color", "/background", nil},
		{"foreground transparent", Options{Foreground: "transparent"}, "barcode.foreground.transparent", "/foreground", nil},
	} {
		b := EAN(code, c.opts)
		if b.SVG != "" || b.PNG != nil || b.Report.Valid {
			t.Errorf("%s: drawn or valid: %+v", c.name, b.Report)
			continue
		}
		is := issueByCode(t, b.Report, c.issue)
		if is.Severity != schema.Error || is.Path != c.path || is.Message == "" {
			t.Errorf("%s: issue %+v", c.name, is)
		}
		if c.fix == nil {
			if is.Fix != nil {
				t.Errorf("%s: unexpected fix %+v", c.name, is.Fix)
			}
		} else if is.Fix == nil || is.Fix.Path != c.path || is.Fix.Value != c.fix {
			t.Errorf("%s: fix %+v, want %v at %s", c.name, is.Fix, c.fix, c.path)
		}
	}
}

func TestEANXDimLimitsAccepted(t *testing.T) {
	for xdim, width := range map[float64]string{0.264: `width="29.832mm"`, 0.66: `width="74.58mm"`, 0.33: `width="37.29mm"`} {
		b := EAN("6901939621608", Options{XDim: xdim})
		if !b.Report.Valid || !strings.Contains(b.SVG, width) {
			t.Errorf("xdim %v: valid %v, want %s in %.200s", xdim, b.Report.Valid, width, b.SVG)
		}
	}
}

func TestEANColourWarnings(t *testing.T) {
	for _, c := range []struct {
		fg, bg string
		want   []string // warning codes, in order
	}{
		{"", "", nil},
		{"#000", "#fff", nil},
		{"#003366", "", nil},        // dark blue
		{"rgb(0, 80, 0)", "", nil},  // dark green
		{"#000000", "#FF0000", nil}, // red background: light under red light
		{"#FF0000", "", []string{"barcode.color.warm", "barcode.contrast"}},
		{"#FFA500", "", []string{"barcode.color.warm", "barcode.contrast"}}, // orange
		{"#FFD700", "", []string{"barcode.color.warm", "barcode.contrast"}}, // yellow
		{"#8B0000", "", []string{"barcode.color.warm"}},                     // dark red: contrast passes, hue does not
		{"#000000", "#404040", []string{"barcode.contrast"}},                // grey background
		{"#FFFFFF", "#000000", []string{"barcode.contrast"}},                // inverted
		{"#000000", "transparent", []string{"barcode.background.transparent"}},
	} {
		b := EAN("6901939621608", Options{Foreground: c.fg, Background: c.bg})
		if !b.Report.Valid || b.SVG == "" {
			t.Errorf("fg %q bg %q: not drawn: %+v", c.fg, c.bg, b.Report)
			continue
		}
		var got []string
		for _, is := range b.Report.Issues {
			if strings.HasPrefix(is.Code, "barcode.") {
				if is.Severity != schema.Warning {
					t.Errorf("fg %q bg %q: %s is %s, want warning", c.fg, c.bg, is.Code, is.Severity)
				}
				got = append(got, is.Code)
			}
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("fg %q bg %q: warnings %v, want %v", c.fg, c.bg, got, c.want)
		}
	}
}

func TestEANColoursReachTheImage(t *testing.T) {
	b := EAN("6901939621608", Options{Foreground: "#003366", Background: "#ffffcc"})
	if !strings.Contains(b.SVG, `fill="#003366"`) || !strings.Contains(b.SVG, `fill="#FFFFCC"`) {
		t.Errorf("SVG colours missing: %.400s", b.SVG)
	}
	b = EAN("6901939621608", Options{Format: "png", Foreground: "#003366", Background: "#ffffcc"})
	img, err := png.Decode(bytes.NewReader(b.PNG))
	if err != nil {
		t.Fatal(err)
	}
	if r, g, bl, _ := img.At(0, 0).RGBA(); r>>8 != 0xFF || g>>8 != 0xFF || bl>>8 != 0xCC {
		t.Errorf("background pixel %v", img.At(0, 0))
	}
	if r, g, bl, _ := img.At(11*3, 0).RGBA(); r>>8 != 0x00 || g>>8 != 0x33 || bl>>8 != 0x66 {
		t.Errorf("first bar pixel %v", img.At(11*3, 0))
	}
}

func TestInlineSVG(t *testing.T) {
	for _, code := range []string{"6901939621608", "95012346"} {
		s, err := InlineSVG(code, Options{Format: "png", XDim: 0.5})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(s, "<svg ") || strings.Contains(s, "<?xml") {
			t.Errorf("%s: not a bare <svg> element: %.80s", code, s)
		}
		if strings.Contains(s, " id=") || strings.Contains(s, "<script") || strings.Contains(s, "href") {
			t.Errorf("%s: ids, scripts or links in %s", code, s)
		}
		if !strings.Contains(s, `width="`+map[int]string{13: "56.5", 8: "40.5"}[len(code)]+`mm"`) {
			t.Errorf("%s: xdim 0.5 not applied: %.200s", code, s)
		}
		wellFormedXML(t, s)
	}
	if s, err := InlineSVG("6901939621600", Options{Lang: "en"}); err == nil || s != "" {
		t.Errorf("bad check digit: %q, %v", s, err)
	}
	if _, err := InlineSVG("6901939621608", Options{XDim: 1}); err == nil {
		t.Error("xdim 1 mm accepted")
	}
}

func FuzzEAN(f *testing.F) {
	f.Add("6901939621608", "svg", 3, 0.33, "", "", true, true)
	f.Add("95012346", "png", 2, 0.0, "#f00", "transparent", true, false)
	f.Add("0036000291452", "png", 1, 0.5, "rgb(0,0,0)", "#fff", false, true)
	f.Add("690193962160", "svg", 0, 0.7, "black", "white", true, true)
	f.Add("", "PNG", -1, -0.1, "#zzzzzz", "none", false, false)
	f.Add("６９０１９３９６２１６０８", "svg", 33, 1e308, "rgb(1,2)", "rgb(256,0,0)", true, true)
	f.Fuzz(func(t *testing.T, code, format string, m int, xdim float64, fg, bg string, text, ind bool) {
		if m > maxModuleWidth {
			m = m%maxModuleWidth + 1 // keep images small; the limit itself is tested above
		}
		opts := Options{Format: format, ModuleWidth: m, XDim: xdim,
			Foreground: fg, Background: bg, Text: &text, Indicators: &ind}
		b := EAN(code, opts)
		drawn := b.SVG != "" || b.PNG != nil
		if drawn != b.Report.Valid {
			t.Fatalf("drawn %v but valid %v: %+v", drawn, b.Report.Valid, b.Report)
		}
		if b.Report.Issues == nil {
			t.Fatal("nil issues")
		}
		if drawn && (b.Kind == "" || len(code) != map[string]int{"ean13": 13, "ean8": 8}[b.Kind]) {
			t.Fatalf("drawn %q as %q", code, b.Kind)
		}
		checkDrawing(t, b.SVG, b.PNG, len(code), m)

		// Random codes are rarely valid: also draw the EAN-13 or EAN-8
		// made of the input's first digits and a check digit, whatever
		// its prefix, with the same options.
		var digits []byte
		for i := 0; i < len(code); i++ {
			if code[i] >= '0' && code[i] <= '9' {
				digits = append(digits, code[i])
			}
		}
		switch {
		case len(digits) >= 12:
			digits = digits[:12]
		case len(digits) >= 7:
			digits = digits[:7]
		default:
			return
		}
		c, err := gtin.CheckDigit(string(digits))
		if err != nil {
			t.Fatal(err)
		}
		full := string(append(digits, c))
		s, err := newEANSymbol(full)
		if err != nil {
			t.Fatalf("%s: %v", full, err)
		}
		st, issues := resolveOptions(&opts, schema.EN)
		if hasError(issues) {
			return
		}
		var svg string
		var p []byte
		if st.format == "png" {
			if p, err = encodePNG(rasterEAN(s, &st), st.dpi); err != nil {
				t.Fatal(err)
			}
		} else {
			svg = string(appendEANSVG(nil, s, &st))
		}
		checkDrawing(t, svg, p, len(full), m)
	})
}

// checkDrawing checks an SVG or PNG of an n-digit EAN drawn at module
// width option m: well-formed, only #RRGGBB paints, the right width.
func checkDrawing(t *testing.T, svg string, p []byte, n, m int) {
	t.Helper()
	if svg != "" {
		wellFormedXML(t, strings.TrimPrefix(svg, svgProlog))
		for _, m := range paintAttr.FindAllStringSubmatch(svg, -1) {
			if m[1] != "none" && !hexPaint.MatchString(m[1]) {
				t.Fatalf("paint %q in SVG: only #RRGGBB may reach it", m[1])
			}
		}
	}
	if p != nil {
		img, err := png.Decode(bytes.NewReader(p))
		if err != nil {
			t.Fatal(err)
		}
		if img.Bounds().Dx() != map[int]int{13: 113, 8: 81}[n]*pngModuleWidth(m) {
			t.Fatalf("PNG width %d", img.Bounds().Dx())
		}
	}
}

// Paint attributes of our SVG, and the only form their values may take.
var (
	paintAttr = regexp.MustCompile(`(?:fill|stroke)="([^"]*)"`)
	hexPaint  = regexp.MustCompile(`^#[0-9A-F]{6}$`)
)

// pngModuleWidth is the module width a PNG was drawn with, given the option.
func pngModuleWidth(m int) int {
	if m == 0 {
		return defaultModuleWidth
	}
	return m
}

func BenchmarkDrawBarcodeSVG(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if EAN("6901939621608", Options{}).SVG == "" {
			b.Fatal("no SVG")
		}
	}
}

func BenchmarkDrawBarcodePNG(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if EAN("6901939621608", Options{Format: "png"}).PNG == nil {
			b.Fatal("no PNG")
		}
	}
}

// The 12-digit trap and its relatives: a short or long code is never
// completed and drawn; the report's fix is the whole code, which draws.
func TestEANShortCodesFixNotDraw(t *testing.T) {
	for code, c := range map[string]struct{ issue, fix, say string }{
		"036000291452":   {"keystr.gtin12", "0036000291452", "GTIN-12"},
		"690193962160":   {"keystr.missing_check_digit", "6901939621608", "8"},
		"9501234":        {"keystr.missing_check_digit", "95012346", "6"},
		"06901939621608": {"keystr.gtin14", "6901939621608", "GTIN-14"},
	} {
		b := EAN(code, Options{Lang: "en"})
		if b.SVG != "" || b.Report.Valid {
			t.Errorf("%s: drawn", code)
			continue
		}
		is := issueByCode(t, b.Report, c.issue)
		if is.Fix == nil || !is.Fix.IsText || is.Fix.Text != c.fix || is.Offset != 0 || is.Length != len(code) {
			t.Errorf("%s: issue %+v, want fix %q over the whole code", code, is, c.fix)
		}
		if !strings.Contains(is.Message, c.say) {
			t.Errorf("%s: message %q does not say %q", code, is.Message, c.say)
		}
		if fixed := EAN(c.fix, Options{}); fixed.SVG == "" {
			t.Errorf("%s: the fix %s does not draw: %+v", code, c.fix, fixed.Report)
		}
	}
}

// Messages about the code are the validator's, in the language asked for.
func TestEANMessagesBilingual(t *testing.T) {
	en := EAN("6900873042720", Options{Lang: "en"})
	zh := EAN("6900873042720", Options{})
	a, b := issueByCode(t, en.Report, "keystr.check_digit"), issueByCode(t, zh.Report, "keystr.check_digit")
	if a.Message == b.Message || !strings.Contains(a.Message, "check digit") || !strings.Contains(b.Message, "校验位") {
		t.Errorf("en %q, zh %q", a.Message, b.Message)
	}
	if a.Fix == nil || a.Fix.Text != "6900873042722" {
		t.Errorf("fix %+v", a.Fix)
	}
}
