package barcode

import (
	"strings"
	"testing"
)

// The module patterns of GS1's figures, copied from barcode.md.
func TestEANModulesGS1Vectors(t *testing.T) {
	for code, want := range map[string]string{
		"4512345678906": "10101100010110011001001101111010011101011100101010101000010001001001000111010011100101010000101",
		"95012346":      "1010001011011000100011010011001010101101100100001010111001010000101",
	} {
		s, err := newEANSymbol(code)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.modules(); got != want {
			t.Errorf("%s:\n got %s\nwant %s", code, got, want)
		}
	}
}

// specPattern encodes an EAN-13 from the tables of ISO/IEC 15420 written
// out here, independently of the encoder under test: number sets A (L), B
// (G) and C (R), and the parity of the left half per leading digit.
func specPattern(code string) string {
	setA := [10]string{"0001101", "0011001", "0010011", "0111101", "0100011", "0110001", "0101111", "0111011", "0110111", "0001011"}
	setC := [10]string{"1110010", "1100110", "1101100", "1000010", "1011100", "1001110", "1010000", "1000100", "1001000", "1110100"}
	parity := [10]string{"AAAAAA", "AABABB", "AABBAB", "AABBBA", "ABAABB", "ABBAAB", "ABBBAA", "ABABAB", "ABABBA", "ABBABA"}
	reverse := func(s string) string {
		b := []byte(s)
		for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
			b[i], b[j] = b[j], b[i]
		}
		return string(b)
	}
	var p strings.Builder
	p.WriteString("101")
	for i := 1; i <= 6; i++ {
		d := code[i] - '0'
		if parity[code[0]-'0'][i-1] == 'A' {
			p.WriteString(setA[d])
		} else {
			p.WriteString(reverse(setC[d])) // set B is set C mirrored
		}
	}
	p.WriteString("01010")
	for i := 7; i <= 12; i++ {
		p.WriteString(setC[code[i]-'0'])
	}
	p.WriteString("101")
	return p.String()
}

func TestEANModulesLeadingDigits(t *testing.T) {
	if got, want := specPattern("4512345678906"), "10101100010110011001001101111010011101011100101010101000010001001001000111010011100101010000101"; got != want {
		t.Fatalf("the test's own tables are wrong:\n got %s\nwant %s", got, want)
	}
	for _, code := range leadingDigitCodes {
		s, err := newEANSymbol(code)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := s.modules(), specPattern(code); got != want {
			t.Errorf("%s:\n got %s\nwant %s", code, got, want)
		}
	}
}

// The guard bars are the ones drawn long: 3 pairs, at the GS1 places.
func TestEANGuardBars(t *testing.T) {
	for code, want := range map[string][]int{
		"6901939621608": {11, 13, 57, 59, 103, 105},
		"95012346":      {7, 9, 39, 41, 71, 73},
	} {
		s, err := newEANSymbol(code)
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		for _, b := range s.bars {
			if b.guard {
				if b.w != 1 {
					t.Errorf("%s: guard bar at %d is %d modules wide", code, b.x, b.w)
				}
				got = append(got, b.x)
			}
		}
		if len(got) != len(want) {
			t.Fatalf("%s: guard bars at %v, want %v", code, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: guard bars at %v, want %v", code, got, want)
				break
			}
		}
	}
}

// The encoder never completes, pads or re-reads a code.
func TestNewEANSymbolRefuses(t *testing.T) {
	for _, code := range []string{"690193962160", "9501234", "06901939621608", "6901939621600", "9501234X", "", "６９０１９３９６"} {
		if s, err := newEANSymbol(code); err == nil {
			t.Errorf("%q encoded as %s", code, s.modules())
		}
	}
}

func TestEANGlyphPlaces(t *testing.T) {
	s, _ := newEANSymbol("6901939621608")
	got := s.glyphs(nil, true)
	if len(got) != 14 {
		t.Fatalf("%d glyphs, want 13 digits and '>'", len(got))
	}
	// The first digit stands in the left quiet zone (0–11).
	if p := got[0]; p.r != '6' || p.x < 0 || p.x+glyphInkWidth > 11 {
		t.Errorf("first digit %q at %v", p.r, p.x)
	}
	// The others are centred under their symbol characters.
	for i, p := range got[1:13] {
		cell := 14 + 7*i
		if i >= 6 {
			cell += 5
		}
		if p.r != rune("6901939621608"[i+1]) || p.x-float64(cell) != 1 {
			t.Errorf("digit %d: %q at %v, want cell %d + 1", i+1, p.r, p.x, cell)
		}
	}
	// The '>' ends on the outer edge of the right quiet zone.
	if p := got[13]; p.r != '>' || p.x+glyphInkWidth != 113 {
		t.Errorf("indicator %q at %v", p.r, p.x)
	}
	if n := len(s.glyphs(nil, false)); n != 13 {
		t.Errorf("without indicators: %d glyphs", n)
	}

	s8, _ := newEANSymbol("95012346")
	got = s8.glyphs(nil, true)
	if len(got) != 10 || got[8].r != '<' || got[8].x != 0 || got[9].r != '>' || got[9].x+glyphInkWidth != 81 {
		t.Errorf("EAN-8 places %v", got)
	}
}
