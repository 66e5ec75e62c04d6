package preview

import "testing"

func TestHalfWidths(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int // in halves
	}{
		// product-rules.md writes "12 × 0.5 + 3 = 9", but the text has 10
		// characters that are not wide: 10 × 0.5 + 3 = 8 by its own rule.
		{"iPhone 15 手机壳", 16},
		{"稚优泉隔离霜50ml", 16},
		{"ＡＢＣ", 6},    // full-width forms: F
		{"ｱｲｳ", 3},    // half-width katakana: H
		{"한국어", 6},    // Hangul: W
		{"😀", 2},      // emoji: W
		{"é", 1},      // Latin: N
		{"\u3000", 2}, // ideographic space: F
		{"𠀀", 2},      // plane 2: W
		{"", 0},
	} {
		n := 0
		for _, r := range tc.s {
			n += halfWidths(r)
		}
		if n != tc.want {
			t.Errorf("width(%q) = %d halves, want %d", tc.s, n, tc.want)
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
		got, cut := ellipsize(tc.in, 15)
		if got != tc.want || cut != tc.cut {
			t.Errorf("ellipsize(%q) = %q, %v; want %q, %v", tc.in, got, cut, tc.want, tc.cut)
		}
	}
}
