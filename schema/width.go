package schema

import (
	"sort"
	"strconv"
	"unicode/utf8"
)

// Text widths. The API doc limits texts in 汉字 ("≤ 6 个汉字") and never
// says how Latin letters count. The decision (product-rules.md, "Text
// widths") is the display width: a character of East Asian Width W or F
// (CJK ideographs, kana, Hangul, full-width forms, most emoji) counts 1, any
// other character 0.5, so "iPhone 15 手机壳" is 10 × 0.5 + 3 = 8 wide
// (product-rules.md says 9, counting 12 narrow characters where there are 10).
//
// Widths are counted in halves, so that they stay integers.

// halfWidths returns twice the display width of s.
func halfWidths(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if wide(r) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// Ellipsize cuts s after the longest prefix whose display width is at most
// max and appends "…" when anything was cut, as the WeChat client does with
// a title wider than 15; cut reports whether it did.
func Ellipsize(s string, max int) (out string, cut bool) {
	limit, used := 2*max, 0
	for i, r := range s {
		used++
		if r >= utf8.RuneSelf && wide(r) {
			used++
		}
		if used > limit {
			return s[:i] + "…", true
		}
	}
	return s, false
}

// widthText formats a width counted in halves: "9", "17.5".
func widthText(halves int) string {
	s := strconv.Itoa(halves / 2)
	if halves%2 == 1 {
		s += ".5"
	}
	return s
}

// wide reports whether r has East Asian Width W or F.
func wide(r rune) bool {
	if r < wideRanges[0][0] {
		return false
	}
	i := sort.Search(len(wideRanges), func(i int) bool { return wideRanges[i][1] >= r })
	return i < len(wideRanges) && wideRanges[i][0] <= r
}

// wideRanges are the code points of East Asian Width W or F, from Unicode
// 14.0's EastAsianWidth.txt (as Python's unicodedata 14.0 reports it),
// unassigned code points merged into their neighbours and the ideograph
// blocks' unassigned code points counted W, as the standard's default says.
var wideRanges = [...][2]rune{
	{0x1100, 0x115F},
	{0x231A, 0x231B},
	{0x2329, 0x232A},
	{0x23E9, 0x23EC},
	{0x23F0, 0x23F0},
	{0x23F3, 0x23F3},
	{0x25FD, 0x25FE},
	{0x2614, 0x2615},
	{0x2648, 0x2653},
	{0x267F, 0x267F},
	{0x2693, 0x2693},
	{0x26A1, 0x26A1},
	{0x26AA, 0x26AB},
	{0x26BD, 0x26BE},
	{0x26C4, 0x26C5},
	{0x26CE, 0x26CE},
	{0x26D4, 0x26D4},
	{0x26EA, 0x26EA},
	{0x26F2, 0x26F3},
	{0x26F5, 0x26F5},
	{0x26FA, 0x26FA},
	{0x26FD, 0x26FD},
	{0x2705, 0x2705},
	{0x270A, 0x270B},
	{0x2728, 0x2728},
	{0x274C, 0x274C},
	{0x274E, 0x274E},
	{0x2753, 0x2755},
	{0x2757, 0x2757},
	{0x2795, 0x2797},
	{0x27B0, 0x27B0},
	{0x27BF, 0x27BF},
	{0x2B1B, 0x2B1C},
	{0x2B50, 0x2B50},
	{0x2B55, 0x2B55},
	{0x2E80, 0x303E},
	{0x3041, 0x3247},
	{0x3250, 0x4DBF},
	{0x4E00, 0xA4C6},
	{0xA960, 0xA97C},
	{0xAC00, 0xD7A3},
	{0xF900, 0xFAFF},
	{0xFE10, 0xFE19},
	{0xFE30, 0xFE6B},
	{0xFF01, 0xFF60},
	{0xFFE0, 0xFFE6},
	{0x16FE0, 0x1B2FB},
	{0x1F004, 0x1F004},
	{0x1F0CF, 0x1F0CF},
	{0x1F18E, 0x1F18E},
	{0x1F191, 0x1F19A},
	{0x1F200, 0x1F320},
	{0x1F32D, 0x1F335},
	{0x1F337, 0x1F37C},
	{0x1F37E, 0x1F393},
	{0x1F3A0, 0x1F3CA},
	{0x1F3CF, 0x1F3D3},
	{0x1F3E0, 0x1F3F0},
	{0x1F3F4, 0x1F3F4},
	{0x1F3F8, 0x1F43E},
	{0x1F440, 0x1F440},
	{0x1F442, 0x1F4FC},
	{0x1F4FF, 0x1F53D},
	{0x1F54B, 0x1F54E},
	{0x1F550, 0x1F567},
	{0x1F57A, 0x1F57A},
	{0x1F595, 0x1F596},
	{0x1F5A4, 0x1F5A4},
	{0x1F5FB, 0x1F64F},
	{0x1F680, 0x1F6C5},
	{0x1F6CC, 0x1F6CC},
	{0x1F6D0, 0x1F6D2},
	{0x1F6D5, 0x1F6DF},
	{0x1F6EB, 0x1F6EC},
	{0x1F6F4, 0x1F6FC},
	{0x1F7E0, 0x1F7F0},
	{0x1F90C, 0x1F93A},
	{0x1F93C, 0x1F945},
	{0x1F947, 0x1F9FF},
	{0x1FA70, 0x1FAF6},
	{0x20000, 0x3FFFD},
}
