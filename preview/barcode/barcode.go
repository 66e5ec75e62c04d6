package barcode

import (
	"errors"
	"image/color"
	"math"
	"strconv"
	"strings"

	"scanpage/schema"
	"scanpage/schema/gtin"
)

// Options controls EAN. The zero value asks for the defaults.
// JSON names match the JS API (js-api.md).
type Options struct {
	Format      string  `json:"format"`      // "svg" (default) or "png"
	ModuleWidth int     `json:"moduleWidth"` // PNG: pixels per module, default 3, allowed 1–32
	XDim        float64 `json:"xdim"`        // SVG: module width in mm, default 0.33, allowed 0.264–0.66
	Text        *bool   `json:"text"`        // human-readable digits, default true
	Indicators  *bool   `json:"indicators"`  // light-margin indicators, default true (drawn with the digits only)
	Foreground  string  `json:"foreground"`  // bar colour, default "#000000"
	Background  string  `json:"background"`  // default "#FFFFFF"; "transparent" leaves it out
	DPI         int     `json:"dpi"`         // PNG: resolution recorded in the file, 0 = none
	Lang        string  `json:"lang"`        // message language, "zh" (default) or "en"
	// Standard is the keystandard the code must be ("ean13" or "ean8"), as
	// the preview knows it from the document; "" takes the code's own
	// length, as barcode() of the JS API does.
	Standard string `json:"-"`
}

// A Symbol is the outcome of EAN: the image (SVG text or PNG bytes)
// when the code is a valid EAN-13/EAN-8, and always a report.
type Symbol struct {
	Code   string        `json:"code"`
	Kind   string        `json:"kind"` // "ean13" or "ean8"; "" when the code is neither
	SVG    string        `json:"svg,omitempty"`
	PNG    []byte        `json:"-"`
	Report schema.Report `json:"report"`
}

// Defaults and limits of the options.
const (
	defaultXDim        = 0.33  // mm, 100 % magnification
	minXDim            = 0.264 // mm, 80 %
	maxXDim            = 0.66  // mm, 200 %
	defaultModuleWidth = 3     // px
	maxModuleWidth     = 32    // px: 3616 × 2504 px for an EAN-13
	maxDPI             = 100000
)

// EAN validates code and draws its EAN-13 or EAN-8 symbol: quiet
// zones (11X/7X, or 7X/7X) inside the image, guard bars 5X longer than the
// data bars, the human-readable digits in glyphs of our own and the
// light-margin indicators.
//
// code is validated first, by the same rules and with the same messages as
// the document validator (schema.CheckCodeIssues); it is drawn only when
// neither it nor the options give an error, and it is drawn exactly as
// given: a 12-digit or 7-digit code is never completed with a check digit,
// only reported with the full code as its fix. Issues about the code are
// positioned over the code string; issues about an option have the
// option's name as their path ("/xdim") and no range. Kind is set when
// code is 13 or 8 digits with a correct check digit, whatever its prefix.
//
// EAN never panics: a bad option is an issue in the report.
func EAN(code string, opts Options) (b Symbol) {
	lang := schema.ParseLang(opts.Lang)
	defer func() {
		if r := recover(); r != nil {
			b = Symbol{Code: code, Report: schema.NewReport([]schema.Issue{internalIssue(lang)})}
		}
	}()
	b = Symbol{Code: code, Kind: eanKind(code)}
	issues := schema.CheckCodeIssues(code, opts.Standard, lang)
	st, optIssues := resolveOptions(&opts, lang)
	issues = append(issues, optIssues...)
	if hasError(issues) {
		b.Report = schema.NewReport(issues)
		return b
	}
	s, err := newEANSymbol(code)
	if err != nil {
		// The validator accepted a code the encoder refuses: never draw
		// something else instead.
		issues = append(issues, internalIssue(lang))
		b.Report = schema.NewReport(issues)
		return b
	}
	if st.format == "png" {
		b.PNG, err = encodePNG(rasterEAN(s, &st), st.dpi)
		if err != nil {
			issues = append(issues, internalIssue(lang))
		}
	} else {
		b.SVG = string(appendEANSVG(append(make([]byte, 0, 4096), svgProlog...), s, &st))
	}
	b.Report = schema.NewReport(issues)
	return b
}

// InlineSVG returns the SVG of a valid EAN-13/EAN-8 code for inlining in
// HTML: an <svg> element with no XML prolog, no ids and no script, sized
// in mm from opts.XDim (CSS width/height on the element override that; the
// viewBox keeps the proportions) and with the light background drawn, so
// that the quiet zones survive on any page colour. opts.Format is ignored.
// A code or option EAN would refuse gives an error with the first
// error message of its report, in opts.Lang.
func InlineSVG(code string, opts Options) (string, error) {
	opts.Format = "svg"
	b := EAN(code, opts)
	if !b.Report.Valid || b.SVG == "" {
		for _, is := range b.Report.Issues {
			if is.Severity == schema.Error {
				return "", errors.New(is.Message)
			}
		}
		return "", errors.New("barcode: no symbol drawn")
	}
	return strings.TrimPrefix(b.SVG, svgProlog), nil
}

// eanKind returns "ean13" or "ean8" for 13 or 8 ASCII digits with a
// correct check digit, else "".
func eanKind(code string) string {
	if len(code) != 13 && len(code) != 8 {
		return ""
	}
	c, err := gtin.CheckDigit(code[:len(code)-1])
	if err != nil || c != code[len(code)-1] {
		return ""
	}
	if len(code) == 13 {
		return ean13Layout.kind
	}
	return ean8Layout.kind
}

// A style is the options of EAN or DigitalLink resolved:
// defaults applied, values checked, colours parsed.
type style struct {
	format           string // "svg" or "png"
	moduleWidth      int
	xdim             float64
	text, indicators bool
	fg, bg           color.NRGBA // bg.A == 0: no background
	dpi              int
}

// resolveOptions applies the defaults to o and checks it.
func resolveOptions(o *Options, lang schema.Lang) (style, []schema.Issue) {
	st := style{text: true, indicators: true}
	if o.Text != nil {
		st.text = *o.Text
	}
	if o.Indicators != nil {
		st.indicators = *o.Indicators
	}
	var issues []schema.Issue
	issues = resolveFormat(&st, o.Format, lang, issues)
	issues = resolveXDim(&st, o.XDim, defaultXDim, minXDim, maxXDim, "0.264–0.66 mm (80 %–200 %)", lang, issues)
	issues = resolvePixels(&st, o.ModuleWidth, defaultModuleWidth, o.DPI, lang, issues)
	issues = resolveColours(&st, o.Foreground, o.Background, lang, issues)
	issues = checkPrintedXDim(&st, minXDim, maxXDim, "EAN", "0.264–0.66 mm", lang, issues)
	return st, issues
}

// checkPrintedXDim warns when a PNG with a recorded resolution would print
// its modules narrower or wider than the symbology allows.
func checkPrintedXDim(st *style, min, max float64, symbology, limits string, lang schema.Lang, issues []schema.Issue) []schema.Issue {
	if st.format != "png" || st.dpi == 0 || hasError(issues) {
		return issues
	}
	x := float64(st.moduleWidth) / float64(st.dpi) * 25.4
	if x >= min-1e-9 && x <= max+1e-9 {
		return issues
	}
	return append(issues, schema.OptionIssue(schema.Warning, "barcode.dpi.xdim", "dpi", schema.Msg(
		"按 %[1]d dpi 打印、每模块 %[2]d 像素时，模块宽度为 %[3]s mm，超出 %[5]s 允许的 %[4]s。",
		"Printed at %d dpi with %d px per module, the module width is %s mm, outside the %s %s allows.",
		st.dpi, st.moduleWidth, strconv.FormatFloat(x, 'f', 3, 64), limits, symbology), lang))
}

func resolveFormat(st *style, format string, lang schema.Lang, issues []schema.Issue) []schema.Issue {
	switch strings.ToLower(format) {
	case "", "svg":
		st.format = "svg"
	case "png":
		st.format = "png"
	default:
		issues = append(issues, schema.OptionIssue(schema.Error, "barcode.format", "format", schema.Msg(
			"不支持的格式 %s：可选 \"svg\" 或 \"png\"。", "Unsupported format %s: use \"svg\" or \"png\".", schema.Quote(format)), lang))
	}
	return issues
}

// resolveXDim checks the module width in mm (0 means def) against
// [min, max]; outside it, the fix is the nearest limit.
func resolveXDim(st *style, x, def, min, max float64, limits string, lang schema.Lang, issues []schema.Issue) []schema.Issue {
	switch {
	case x == 0:
		st.xdim = def
	case math.IsNaN(x) || math.IsInf(x, 0) || x < min-1e-9 || x > max+1e-9:
		is := schema.OptionIssue(schema.Error, "barcode.xdim", "xdim", schema.Msg(
			"模块宽度 xdim = %s mm 超出允许范围 %s。", "The module width xdim = %s mm is outside the allowed %s.",
			strconv.FormatFloat(x, 'g', 6, 64), limits), lang)
		switch {
		case x < min:
			is.Fix = schema.ValueFix("/xdim", min)
		case x > max:
			is.Fix = schema.ValueFix("/xdim", max)
		}
		issues = append(issues, is)
	default:
		st.xdim = x
	}
	return issues
}

// resolvePixels checks the PNG's pixels per module (0 means def) and
// its resolution.
func resolvePixels(st *style, moduleWidth, def, dpi int, lang schema.Lang, issues []schema.Issue) []schema.Issue {
	switch {
	case moduleWidth == 0:
		st.moduleWidth = def
	case moduleWidth < 1 || moduleWidth > maxModuleWidth:
		is := schema.OptionIssue(schema.Error, "barcode.moduleWidth", "moduleWidth", schema.Msg(
			"每模块像素数 moduleWidth = %d 超出允许范围 1–%d。", "moduleWidth = %d pixels per module is outside the allowed 1–%d.",
			moduleWidth, maxModuleWidth), lang)
		if moduleWidth < 1 {
			is.Fix = schema.ValueFix("/moduleWidth", 1)
		} else {
			is.Fix = schema.ValueFix("/moduleWidth", maxModuleWidth)
		}
		issues = append(issues, is)
	default:
		st.moduleWidth = moduleWidth
		if moduleWidth == 1 && st.format == "png" {
			issues = append(issues, schema.OptionIssue(schema.Info, "barcode.moduleWidth.small", "moduleWidth", schema.Msg(
				"每模块只有 1 像素：屏幕上缩放后可能无法扫描，建议至少 2 像素。",
				"Only 1 pixel per module: scaled on a screen it may not scan; use 2 or more.",
			), lang))
		}
	}
	if dpi < 0 || dpi > maxDPI {
		issues = append(issues, schema.OptionIssue(schema.Error, "barcode.dpi", "dpi", schema.Msg(
			"分辨率 dpi = %d 无效：应为 1–%d，或 0 表示不记录。", "dpi = %d is invalid: use 1–%d, or 0 to record none.",
			dpi, maxDPI), lang))
	} else {
		st.dpi = dpi
	}
	return issues
}

// hasError reports whether any issue is an error.
func hasError(issues []schema.Issue) bool {
	for _, is := range issues {
		if is.Severity == schema.Error {
			return true
		}
	}
	return false
}

// internalIssue reports a failure that is a bug of ours, not the user's.
func internalIssue(lang schema.Lang) schema.Issue {
	return schema.Issue{Severity: schema.Error, Code: "internal", Line: 1, Column: 1, Message: schema.Msg(
		"内部错误：无法绘制条码。", "Internal error: the barcode could not be drawn.").In(lang)}
}

// resolveColours parses the bar and background colours and warns about
// the ones a scanner cannot read well.
func resolveColours(st *style, fg, bg string, lang schema.Lang, issues []schema.Issue) []schema.Issue {
	st.fg = color.NRGBA{0, 0, 0, 255}
	st.bg = color.NRGBA{255, 255, 255, 255}
	okFG, okBG := true, true
	if fg != "" {
		st.fg, okFG = parseColour(fg)
		if !okFG {
			issues = append(issues, badColour("foreground", fg, lang))
		} else if st.fg.A == 0 {
			okFG = false
			issues = append(issues, schema.OptionIssue(schema.Error, "barcode.foreground.transparent", "foreground", schema.Msg(
				"条的颜色不能是透明的。", "The bars cannot be transparent."), lang))
		}
	}
	if bg != "" {
		st.bg, okBG = parseColour(bg)
		if !okBG {
			issues = append(issues, badColour("background", bg, lang))
		} else if st.bg.A == 0 {
			issues = append(issues, schema.OptionIssue(schema.Warning, "barcode.background.transparent", "background", schema.Msg(
				"背景透明：空白区（静区）的颜色将取决于条码下面的东西；深色底上将无法扫描。",
				"The background is transparent: the quiet zones take the colour of whatever lies under the image, and on a dark one the code will not scan."), lang))
		}
	}
	if !okFG || !okBG {
		return issues
	}
	if isWarm(st.fg) {
		issues = append(issues, schema.OptionIssue(schema.Warning, "barcode.color.warm", "foreground", schema.Msg(
			"条的颜色 %s 是红、橙或黄色：扫描器用红光照射，这类颜色在扫描器看来是浅色，条码将无法识读。请用黑、深蓝、深绿或深棕色。",
			"The bar colour %s is red, orange or yellow: scanners read with red light, under which such bars look light and the code will not scan. Use black, dark blue, dark green or dark brown.",
			hexColour(st.fg)), lang))
	}
	// Reflectance under a scanner's red light (about 650 nm) is the
	// linear red channel. ISO/IEC 15416 grade C needs a symbol contrast of
	// 40 % and the darkest bar at most half the lightest space; printing
	// loses some, so ask for 50 %.
	bgRed := 1.0
	if st.bg.A != 0 {
		bgRed = linearRed(st.bg)
	}
	fgRed := linearRed(st.fg)
	if c := bgRed - fgRed; c < 0.5 || fgRed > bgRed/2 {
		pct := int(math.Round(100 * c))
		if pct < 0 {
			pct = 0
		}
		issues = append(issues, schema.OptionIssue(schema.Warning, "barcode.contrast", "foreground", schema.Msg(
			"在扫描器的红光下，条（%s）与背景（%s）的反射率只相差 %d%%：至少需要 50%%，且条须比背景深。",
			"Under a scanner's red light the bars (%s) and the background (%s) differ in reflectance by only %d%%: at least 50%% is needed, with the bars the darker.",
			hexColour(st.fg), bgName(st.bg), pct), lang))
	}
	return issues
}

func badColour(option, s string, lang schema.Lang) schema.Issue {
	return schema.OptionIssue(schema.Error, "barcode.color", option, schema.Msg(
		"无法识别颜色 %s：请用 #RGB、#RRGGBB、rgb(r, g, b)、black、white 或（仅背景）transparent。",
		"Unrecognised colour %s: use #RGB, #RRGGBB, rgb(r, g, b), black, white or (background only) transparent.",
		schema.Quote(s)), lang)
}

// isDark reports whether a module of a boombuler barcode image is dark.
func isDark(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return r+g+b < 3*0x8000
}
