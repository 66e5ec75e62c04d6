package gtin

import (
	"strings"
	"unicode"
)

// Clean returns code with the characters that copying a barcode number
// commonly brings along repaired: full-width digits ０–９ (typed with a
// Chinese input method) become ASCII digits; spaces of every kind, hyphens
// and dashes, and the invisible zero-width space and byte order mark are
// removed. changed reports whether anything was repaired. Every other
// character is left in place, so the result is all digits only when
// nothing else was wrong.
func Clean(code string) (cleaned string, changed bool) {
	if !strings.ContainsFunc(code, cleanable) {
		return code, false
	}
	var b strings.Builder
	b.Grow(len(code))
	for _, r := range code {
		switch {
		case r >= '０' && r <= '９':
			b.WriteByte(byte('0' + r - '０'))
		case cleanable(r):
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), true
}

// cleanable reports whether Clean repairs or removes r.
func cleanable(r rune) bool {
	switch r {
	case '-', // hyphen-minus
		'\u2010', // hyphen
		'\u2011', // non-breaking hyphen
		'\u2012', // figure dash
		'\u2013', // en dash
		'\u2014', // em dash
		'\u2212', // minus sign
		'\uFE63', // small hyphen-minus
		'\uFF0D', // full-width hyphen-minus
		'\u200B', // zero-width space
		'\uFEFF': // zero-width no-break space (byte order mark)
		return true
	}
	return r >= '０' && r <= '９' || unicode.IsSpace(r)
}
