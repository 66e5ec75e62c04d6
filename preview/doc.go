// Package preview draws what a shopper would see: the mock WeChat product
// homepage (and its detail page and anti-fake popup) as a self-contained,
// script-free HTML document, and the product's EAN barcode as SVG or PNG.
//
// It renders the typed product that package schema produced while
// validating; it never parses the document again.
package preview
