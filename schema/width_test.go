package schema

import "testing"

func TestDisplayWidth(t *testing.T) {
	for s, halves := range map[string]int{
		"":              0,
		"abc":           3,
		"手机壳":           6,
		"iPhone 15 手机壳": 16, // product-rules.md says 9; it is 10 × 0.5 + 3 = 8
		"ＡＢＣ":           6,  // full-width forms: F
		"ｱｲｳ":           3,  // half-width katakana: H
		"한국어":           6,
		"😀":             2,
		"·“”":           3, // ambiguous width counts 0.5
		"\u200b":        1,
		"𠀀":             2, // CJK extension B
		"é":             1,
	} {
		if got := halfWidths(s); got != halves {
			t.Errorf("halfWidths(%q) = %d, want %d", s, got, halves)
		}
	}
	for halves, want := range map[int]string{0: "0", 1: "0.5", 30: "15", 35: "17.5"} {
		if got := widthText(halves); got != want {
			t.Errorf("widthText(%d) = %q", halves, got)
		}
	}
	for i := 1; i < len(wideRanges); i++ {
		if wideRanges[i-1][1] >= wideRanges[i][0] || wideRanges[i][0] > wideRanges[i][1] {
			t.Fatalf("wideRanges not sorted at %d", i)
		}
	}
}

func TestEllipsize(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		cut      bool
	}{
		{"扫一扫动态主页demo", "扫一扫动态主页demo", false},                                       // 9 wide
		{"一二三四五六七八九十一二三四五", "一二三四五六七八九十一二三四五", false},                               // exactly 15
		{"一二三四五六七八九十一二三四五六", "一二三四五六七八九十一二三四五…", true},                              // 16
		{"abcdefghijklmnopqrstuvwxyz0123", "abcdefghijklmnopqrstuvwxyz0123", false}, // 30 halves
		{"abcdefghijklmnopqrstuvwxyz01234", "abcdefghijklmnopqrstuvwxyz0123…", true},
		{"一二三四五六七八九十一二三四a五", "一二三四五六七八九十一二三四a…", true}, // 14.5 fits, 五 would make 15.5
		{"", "", false},
	} {
		got, cut := Ellipsize(tc.in, 15)
		if got != tc.want || cut != tc.cut {
			t.Errorf("Ellipsize(%q) = %q, %v; want %q, %v", tc.in, got, cut, tc.want, tc.cut)
		}
	}
}
