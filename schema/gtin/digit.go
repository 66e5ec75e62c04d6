package gtin

import "errors"

// MaxData is the longest digit string CheckDigit accepts: the 17 data digits
// of an SSCC-18, the longest GS1 key with a mod-10 check digit.
const MaxData = 17

// Errors returned by CheckDigit and GTIN14.
var (
	ErrEmpty    = errors.New("gtin: no digits")
	ErrNotDigit = errors.New("gtin: not an ASCII digit")
	ErrLength   = errors.New("gtin: wrong length")
	ErrCheck    = errors.New("gtin: wrong check digit")
)

// CheckDigit returns the GS1 mod-10 check digit (an ASCII '0'–'9') for the
// data digits given: the first 7 digits of an EAN-8, the first 12 of an
// EAN-13, or any 1 to MaxData digits. Weights 3, 1, 3, … run leftwards from
// the rightmost data digit, so leading zeros do not change the result; the
// check digit is (10 − sum mod 10) mod 10. GS1's worked example:
// CheckDigit("629104150021") is '3'.
func CheckDigit(data string) (byte, error) {
	switch {
	case data == "":
		return 0, ErrEmpty
	case len(data) > MaxData:
		return 0, ErrLength
	}
	sum := 0
	for i := 0; i < len(data); i++ {
		c := data[len(data)-1-i]
		if c < '0' || c > '9' {
			return 0, ErrNotDigit
		}
		d := int(c - '0')
		if i%2 == 0 {
			d *= 3
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10), nil
}

// validCheck reports whether the last digit of an all-digit code of 2 to
// MaxData+1 digits is its correct check digit.
func validCheck(code string) bool {
	c, err := CheckDigit(code[:len(code)-1])
	return err == nil && c == code[len(code)-1]
}

// allDigits reports whether s is non-empty and made of ASCII digits only.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
