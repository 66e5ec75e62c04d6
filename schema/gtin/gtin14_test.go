package gtin

import (
	"errors"
	"testing"
)

func TestGTIN14(t *testing.T) {
	tests := []struct {
		in, want string
		err      error
	}{
		{"6901939621608", "06901939621608", nil},
		{"96385074", "00000096385074", nil},
		{"036000291452", "00036000291452", nil},
		{"06901939621608", "06901939621608", nil},
		{"", "", ErrEmpty},
		{"690193962160A", "", ErrNotDigit},
		{"６９０１９３９６２１６０８", "", ErrNotDigit},
		{"690193962", "", ErrLength},
		{"6900000000000", "", ErrCheck},
		{"55123458", "", ErrCheck},
	}
	for _, tt := range tests {
		got, err := GTIN14(tt.in)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("GTIN14(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}
