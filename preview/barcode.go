package preview

import "scanpage/schema"

// BarcodeOptions controls DrawBarcode. The zero value asks for the defaults.
// JSON names match the JS API (js-api.md).
type BarcodeOptions struct {
	Format      string  `json:"format"`      // "svg" (default) or "png"
	ModuleWidth int     `json:"moduleWidth"` // PNG: pixels per module, default 3
	XDim        float64 `json:"xdim"`        // SVG: module width in mm, default 0.33, allowed 0.264–0.66
	Text        *bool   `json:"text"`        // human-readable digits, default true
	Indicators  *bool   `json:"indicators"`  // light-margin indicators, default true
	Foreground  string  `json:"foreground"`  // bar colour, default "#000000"
	Background  string  `json:"background"`  // default "#FFFFFF"
	DPI         int     `json:"dpi"`         // PNG: resolution recorded in the file, 0 = none
	Lang        string  `json:"lang"`        // message language, "zh" (default) or "en"
}

// A Barcode is the outcome of DrawBarcode: the image (SVG text or PNG bytes)
// when the code is a valid EAN-13/EAN-8, and always a report.
type Barcode struct {
	Code   string        `json:"code"`
	Kind   string        `json:"kind"` // "ean13" or "ean8"; "" when the code is neither
	SVG    string        `json:"svg,omitempty"`
	PNG    []byte        `json:"-"`
	Report schema.Report `json:"report"`
}

// DrawBarcode validates code and draws its symbol. It is a placeholder: the
// drawing is not built yet, and the report says so.
func DrawBarcode(code string, opts BarcodeOptions) Barcode {
	lang := schema.ParseLang(opts.Lang)
	return Barcode{Code: code, Report: schema.NewReport([]schema.Issue{{
		Severity: schema.Info, Code: "unimplemented.barcode", Path: "", Line: 1, Column: 1,
		Message: schema.Msg("条码绘制尚未实现。", "Barcode drawing is not built yet.").In(lang),
	}})}
}
