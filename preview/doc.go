// Package preview draws what a shopper would see: the mock WeChat product
// homepage, its detail page and anti-fake popup, in the classic layout or
// the 2024 concept, as a self-contained, script-free HTML document.
//
// It renders the typed product that package schema produced while
// validating; it never parses the document again. The symbols in the
// header and the recommendation tiles come from package barcode.
package preview
