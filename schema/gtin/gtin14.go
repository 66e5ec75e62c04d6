package gtin

import "strings"

// GTIN14 returns code as the 14-digit GTIN that GS1 Digital Link URIs carry
// (https://id.gs1.org/01/ + GTIN-14): an EAN-13 gains one leading zero, a
// UPC-A two, an EAN-8 six; a GTIN-14 is returned as it is. code must be 8,
// 12, 13 or 14 ASCII digits with a correct check digit; otherwise GTIN14
// returns ErrEmpty, ErrNotDigit, ErrLength or ErrCheck.
func GTIN14(code string) (string, error) {
	switch {
	case code == "":
		return "", ErrEmpty
	case !allDigits(code):
		return "", ErrNotDigit
	}
	switch len(code) {
	case 8, 12, 13, 14:
	default:
		return "", ErrLength
	}
	if !validCheck(code) {
		return "", ErrCheck
	}
	return strings.Repeat("0", 14-len(code)) + code, nil
}
