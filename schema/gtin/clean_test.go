package gtin

import "testing"

func TestClean(t *testing.T) {
	tests := []struct {
		in, want string
		changed  bool
	}{
		{"6901939621608", "6901939621608", false},
		{"", "", false},
		{"６９０１９３９６２１６０８", "6901939621608", true},
		{"690 1939 621608", "6901939621608", true},
		{"690-1939-621608", "6901939621608", true},
		{"\u3000６９０\u00a01939\t621608\n", "6901939621608", true},
		{"690\u20131939\u2212621608\uff0d", "6901939621608", true},
		{"\ufeff6901939621608\u200b", "6901939621608", true},
		// Only the repairable characters go; the rest stays for Check to report.
		{"69O 1", "69O1", true},
		{"ABC", "ABC", false},
		{"٦٩٠", "٦٩٠", false},
		{"6_9", "6_9", false},
	}
	for _, tt := range tests {
		got, changed := Clean(tt.in)
		if got != tt.want || changed != tt.changed {
			t.Errorf("Clean(%q) = %q, %v; want %q, %v", tt.in, got, changed, tt.want, tt.changed)
		}
	}
}
