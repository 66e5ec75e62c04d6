package schema

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf16"
)

// naivePos counts from the start of the text, as the checkpoints must.
func naivePos(text string, off int) Position {
	line, lineStart := 1, 0
	for i := 0; i < off; i++ {
		if text[i] == '\n' || text[i] == '\r' && (i+1 == len(text) || text[i+1] != '\n') {
			line, lineStart = line+1, i+1
		}
	}
	col := len(utf16.Encode([]rune(text[lineStart:off])))
	return Position{Line: line, Column: col + 1, Offset: len(utf16.Encode([]rune(text[:off])))}
}

// mixedText is about 3,000 bytes of long and short lines of mixed scripts,
// ASCII runs and invalid bytes.
func mixedText(r *rand.Rand) string {
	pieces := []string{"a", "中", "😀", "é", " ", "\n", "\r\n", "\r", strings.Repeat("x", 300), strings.Repeat("字", 120),
		// Three-byte characters led by E0 and ED, and invalid bytes: a
		// surrogate, an overlong form, a lone continuation, a cut character.
		"\xe0\xa4\x85", "\xed\x9f\xbf", "\xed\xa0\x80", "\xe0\x80\x80", "\x80", "\xe4\xb8"}
	var b strings.Builder
	for b.Len() < 3000 {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// Positions on long lines of mixed scripts (where checkpoints matter) are
// those a count from the start gives.
func TestPositionsOnLongLines(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20; n++ {
		text := mixedText(r)
		x := newLineIndex(text)
		for off := 0; off <= len(text); off++ {
			if off < len(text) && text[off]&0xC0 == 0x80 {
				continue // inside a character
			}
			if got, want := x.pos(off), naivePos(text, off); got != want {
				t.Fatalf("pos(%d) = %+v, want %+v", off, got, want)
			}
		}
	}
}

// The index is built only as far as the positions asked for, so it must
// give the same positions whatever the order of the questions: backwards,
// at random, and past where it has scanned.
func TestPositionsInAnyOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 20; n++ {
		text := mixedText(r)
		var offs []int
		for off := 0; off <= len(text); off++ {
			if off == len(text) || text[off]&0xC0 != 0x80 {
				offs = append(offs, off)
			}
		}
		backwards := newLineIndex(text)
		for i := len(offs) - 1; i >= 0; i-- {
			if got, want := backwards.pos(offs[i]), naivePos(text, offs[i]); got != want {
				t.Fatalf("backwards: pos(%d) = %+v, want %+v", offs[i], got, want)
			}
		}
		shuffled := newLineIndex(text)
		for _, i := range r.Perm(len(offs)) {
			if got, want := shuffled.pos(offs[i]), naivePos(text, offs[i]); got != want {
				t.Fatalf("at random: pos(%d) = %+v, want %+v", offs[i], got, want)
			}
		}
		if x := newLineIndex(text); x.pos(0) != (Position{Line: 1, Column: 1}) || x.scanned != 0 {
			t.Fatalf("pos(0) scanned %d bytes, want none", x.scanned)
		}
	}
}

// BenchmarkValidateOneLine validates a document written on one line, with
// an issue on each of its 2,000 recommended codes: positions are counted
// from checkpoints, not from the start of the line.
func BenchmarkValidateOneLine(b *testing.B) {
	var items []string
	for i := 0; i < 2000; i++ {
		items = append(items, `{"keystandard": "ean13", "keystr": "6900000000000"}`)
	}
	text := `{"keystandard": "ean13", "keystr": "6901939621608", "brand_info": {"base_info": {"title": "小耿哥酱油", "thumb_url": "http://a.cn/t", "brand_tag": "小耿哥8", "category_id": 1}, "detail_info": {"detail_list": [{"title": "净含量", "desc": "500ml"}]}, "action_info": {"action_list": [{"type": "price", "retail_price": "1.00"}, {"type": "recommend", "recommend": {"recommend_type": "appointed", "recommend_list": [` + strings.Join(items, ", ") + `]}}]}}}`
	// 2,000 issues: the report lists the first MaxIssues and sums up the
	// rest (positions are still found for every listed one).
	if n := len(Validate(text, Options{}).Report.Issues); n <= MaxIssues {
		b.Fatalf("%d issues, want the first %d and a summary", n, MaxIssues)
	}
	for b.Loop() {
		Validate(text, Options{})
	}
}

// FuzzPositions: on any bytes, in any order of questions, a position is
// the one a count from the start gives.
func FuzzPositions(f *testing.F) {
	f.Add("a\r\nb\rc\n", uint64(1))
	f.Add("中文\xe0\xa4\x85\xed\xa0\x80\x80\xe4\xb8"+strings.Repeat("x", 300)+"é😀", uint64(2))
	f.Fuzz(func(t *testing.T, text string, seed uint64) {
		var offs []int
		for off := 0; off <= len(text); off++ {
			if off == len(text) || text[off]&0xC0 != 0x80 {
				offs = append(offs, off)
			}
		}
		x := newLineIndex(text)
		for _, i := range rand.New(rand.NewPCG(seed, 0)).Perm(len(offs)) {
			if got, want := x.pos(offs[i]), naivePos(text, offs[i]); got != want {
				t.Fatalf("pos(%d) = %+v, want %+v", offs[i], got, want)
			}
		}
	})
}
