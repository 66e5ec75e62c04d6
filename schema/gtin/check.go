package gtin

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The standards Check understands, spelled as WeChat's keystandard.
const (
	EAN13 = "ean13"
	EAN8  = "ean8"
)

// Check validates code as a barcode of the given standard, EAN13 or EAN8;
// any other standard (normally "") means "infer it from the length": 7 or 8
// digits are an EAN-8, 12 to 14 digits an EAN-13. It returns the findings in
// the order characters, length, check digit, prefix, or nil when there is
// nothing to say.
//
// Check tells the user everything it can at once. Repairable characters
// (see Clean) are reported and the cleaned digits checked on; a certain
// length correction (a UPC-A's leading 0, a missing check digit, a GTIN-14's
// indicator 0, an EAN-8's zero padding) is reported and the corrected code
// checked on; a wrong check digit is reported and the prefix of the corrected
// code classified. Only when no certain correction exists does it stop.
//
// Twelve digits are ambiguous: a UPC-A (GTIN-12), or the 12 data digits of an
// EAN-13 whose check digit was left off. When the twelfth digit is a valid
// UPC-A check digit Check reads them as a UPC-A ("gtin12", fix: a leading 0,
// which keeps the same check digit); otherwise they cannot be a UPC-A and
// Check reads them as an EAN-13 without its check digit
// ("missing_check_digit", fix: the computed check digit appended). One random
// 12-digit string in ten passes the UPC-A check, so an EAN-13 that lost its
// check digit is occasionally taken for a UPC-A; the message says which
// reading was made.
func Check(code, standard string) []Finding {
	want := 0
	switch standard {
	case EAN13:
		want = 13
	case EAN8:
		want = 8
	}
	if code == "" {
		return []Finding{{Code: "empty", Severity: Error, Want: wantText(want)}}
	}
	digits, changed := Clean(code)
	if i := strings.IndexFunc(digits, notDigit); i >= 0 {
		r, _ := utf8.DecodeRuneInString(digits[i:])
		return []Finding{{Code: "chars.invalid", Severity: Error, Got: string(r)}}
	}

	var c checker
	if changed {
		i := strings.IndexFunc(code, cleanable)
		r, _ := utf8.DecodeRuneInString(code[i:])
		c.fix(Finding{Code: "chars", Got: string(r)})
	}
	code, ok := c.length(digits, want)
	if !ok {
		return c.findings
	}
	if !validCheck(code) {
		cd, _ := CheckDigit(code[:len(code)-1])
		c.fix(Finding{Code: "check_digit", Got: code[len(code)-1:], Want: string(cd)})
		code = code[:len(code)-1] + string(cd)
	}
	for _, i := range c.fixes {
		c.findings[i].Fix = code
	}
	c.prefix(code)
	return c.findings
}

// A checker collects the findings of one Check.
type checker struct {
	findings []Finding
	fixes    []int // indexes of the findings that the final code fixes
}

// fix adds an error whose correction is certain if the later ones are.
func (c *checker) fix(f Finding) {
	c.fixes = append(c.fixes, len(c.findings))
	c.fail(f)
}

// fail adds an error.
func (c *checker) fail(f Finding) {
	f.Severity = Error
	c.findings = append(c.findings, f)
}

// length applies the length semantics of barcode.md to the all-digit string
// d for a code of want digits (0: infer). It returns the code to check on and
// whether there is one.
func (c *checker) length(d string, want int) (string, bool) {
	n := len(d)
	if want == 0 {
		switch {
		case n == 7 || n == 8:
			want = 8
		case n >= 12 && n <= 14:
			want = 13
		}
	}
	switch {
	case want != 0 && n == want:
		return d, true
	case want == 13 && n == 12:
		if validCheck(d) {
			c.fix(Finding{Code: "gtin12", Got: "12"})
			return "0" + d, true
		}
		cd, _ := CheckDigit(d)
		c.fix(Finding{Code: "missing_check_digit", Got: "12", Want: string(cd)})
		return d + string(cd), true
	case want == 13 && n == 14:
		switch d[0] {
		case '0':
			c.fix(Finding{Code: "gtin14", Got: "0"})
			return d[1:], true
		case '9':
			c.fail(Finding{Code: "gtin14.variable", Got: "9"})
		default:
			c.fail(Finding{Code: "gtin14.packaging", Got: d[:1]})
		}
		return "", false
	case want == 8 && n == 7:
		cd, _ := CheckDigit(d)
		c.fix(Finding{Code: "missing_check_digit", Got: "7", Want: string(cd)})
		return d + string(cd), true
	case want == 8 && n >= 12 && n <= 14 && strings.Trim(d[:n-8], "0") == "":
		// A GTIN-8 in a 12-, 13- or 14-digit field: only zeros before it.
		c.fix(Finding{Code: "length", Got: strconv.Itoa(n), Want: "8"})
		return d[n-8:], true
	}
	c.fail(Finding{Code: "length", Got: strconv.Itoa(n), Want: wantText(want)})
	return "", false
}

// prefix classifies an 8- or 13-digit code with a correct check digit.
func (c *checker) prefix(code string) {
	var p Prefix
	if len(code) == 8 {
		p = Classify8(code)
	} else {
		p = Classify13(code)
	}
	if p.Class == China {
		return
	}
	f := Finding{
		Code:     "prefix." + p.Class.String(),
		Severity: p.Class.Severity(),
		Got:      p.Digits,
		Range:    p.Range,
		Org:      p.Org,
	}
	switch p.Class {
	case Member:
		f.Code = "prefix.outside_china"
	case PaddedGTIN8:
		f.Want = code[5:]
	}
	c.findings = append(c.findings, f)
}

// wantText is the length a standard wants, for messages.
func wantText(want int) string {
	if want == 0 {
		return "8 or 13"
	}
	return strconv.Itoa(want)
}

func notDigit(r rune) bool { return r < '0' || r > '9' }
