package gtin

import "testing"

func TestFirmCodeLength(t *testing.T) {
	// GB 12904-2008 as summarised in barcode.md: 690/691 → 7,
	// 692–695 and 6960 → 8, 697 → 9; nothing else is fixed.
	tests := []struct {
		code string
		want int
	}{
		{"6901939621608", 7},
		{"6911234567890", 7},
		{"6921234567890", 8},
		{"6954496900556", 8},
		{"6960123456789", 8},
		{"6961234567890", 0},
		{"6971234567890", 9},
		{"6981234567890", 0},
		{"6991234567890", 0},
		{"6801234567890", 0},
		{"4512345678906", 0},
		{"690193962160", 0},
		{"69019396216O8", 0},
		{"69012346", 0},
	}
	for _, tt := range tests {
		if got := FirmCodeLength(tt.code); got != tt.want {
			t.Errorf("FirmCodeLength(%q) = %d, want %d", tt.code, got, tt.want)
		}
	}
}
