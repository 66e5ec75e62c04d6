package gtin

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckDigit(t *testing.T) {
	tests := []struct {
		data string
		want byte
	}{
		{"629104150021", '3'}, // GS1's worked example (barcode.md)
		// barcode.md's invalid-check-digit vectors, expected digit in brackets there
		{"211223378965", '7'},
		{"123456789012", '8'},
		{"5512345", '7'},
		{"690000000000", '7'},
		{"690087304272", '2'},
		{"9638507", '4'}, // EAN-8 96385074
		{"03600029145", '2'},
		{"0", '0'},
		{"1", '7'},                          // 1×3 = 3 → 7
		{"10", '9'},                         // 0×3 + 1×1 = 1 → 9
		{strings.Repeat("9", MaxData), '5'}, // 9×(9×3) + 9×(8×1) = 315 → 5
	}
	for _, tt := range tests {
		got, err := CheckDigit(tt.data)
		if err != nil || got != tt.want {
			t.Errorf("CheckDigit(%q) = %q, %v; want %q", tt.data, got, err, tt.want)
		}
	}
}

// TestCheckDigitVectors checks the last digit of every valid code listed in
// barcode.md.
func TestCheckDigitVectors(t *testing.T) {
	valid := strings.Fields(`6291041500213 5901234123457 4512345678906
		9501101531000 1234567890128 9780877799306 9771384524017 0036000291452
		96385074 95012346 55123457 6954496900556 6901939621608
		2112345678900 02345680 20123451 9813765030011 0000000000000
		0123456789012 1234567890128 2345678901234 3456789012340 4567890123456
		5678901234562 6789012345678 7890123456784 8901234567890 9012345678906`)
	for _, code := range valid {
		got, err := CheckDigit(code[:len(code)-1])
		if err != nil || got != code[len(code)-1] {
			t.Errorf("CheckDigit(%q) = %q, %v; want %q", code[:len(code)-1], got, err, code[len(code)-1])
		}
	}
}

// Leading zeros weigh nothing: an EAN-8 and its 13- and 14-digit forms share
// their check digit.
func TestCheckDigitLeadingZeros(t *testing.T) {
	for _, data := range []string{"9638507", "629104150021", "5512345"} {
		want, _ := CheckDigit(data)
		for pad := 1; len(data)+pad <= MaxData; pad++ {
			if got, _ := CheckDigit(strings.Repeat("0", pad) + data); got != want {
				t.Errorf("CheckDigit(%d zeros + %q) = %q, want %q", pad, data, got, want)
			}
		}
	}
}

func TestCheckDigitErrors(t *testing.T) {
	tests := []struct {
		data string
		want error
	}{
		{"", ErrEmpty},
		{"12a4", ErrNotDigit},
		{"１２", ErrNotDigit},
		{" 12", ErrNotDigit},
		{strings.Repeat("1", MaxData+1), ErrLength},
	}
	for _, tt := range tests {
		if _, err := CheckDigit(tt.data); !errors.Is(err, tt.want) {
			t.Errorf("CheckDigit(%q) error = %v, want %v", tt.data, err, tt.want)
		}
	}
}
