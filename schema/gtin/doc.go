// Package gtin validates Global Trade Item Numbers as printed under EAN-13
// and EAN-8 barcodes: the GS1 check digit, what a length means (a 12-digit
// code is a UPC-A, not an EAN-13 without its check digit) and what the GS1
// prefix says about where the code may be used.
package gtin
