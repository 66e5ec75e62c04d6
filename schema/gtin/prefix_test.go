package gtin

import (
	"strconv"
	"strings"
	"testing"
)

func TestMembersSorted(t *testing.T) {
	prev := 299
	for _, m := range members {
		if m.lo > m.hi || m.lo <= prev || m.hi > 959 {
			t.Errorf("members: %d–%d (%s) out of order or range after %d", m.lo, m.hi, m.org, prev)
		}
		if m.lo <= 952 && m.hi >= 950 {
			t.Errorf("members: %d–%d (%s) overlaps GS1 Global Office's 950–952", m.lo, m.hi, m.org)
		}
		if !strings.HasPrefix(m.org, "GS1 ") {
			t.Errorf("members: %d–%d: org %q is not a GS1 member organisation name", m.lo, m.hi, m.org)
		}
		prev = m.hi
	}
	prev = 9599
	for _, a := range gtin8Allocations {
		lo, _ := strconv.Atoi(a.lo)
		hi, _ := strconv.Atoi(a.hi)
		if lo != prev+1 || hi < lo {
			t.Errorf("gtin8Allocations: %s–%s not contiguous after %d", a.lo, a.hi, prev)
		}
		prev = hi
	}
	if prev != 9699 {
		t.Errorf("gtin8Allocations end at %d, want 9699", prev)
	}
}

// code13 makes a 13-digit code with the 3-digit prefix p.
func code13(p int) string { return pad3(p) + "4567890123" }

// TestClassify13Spec checks the examples barcode.md gives by name.
func TestClassify13Spec(t *testing.T) {
	gaps := []int{382, 384, 386, 388, 441, 442, 449, 472, 473, 510, 519}
	for p := 390; p <= 399; p++ {
		gaps = append(gaps, p)
	}
	for _, p := range gaps {
		if c := Classify13(code13(p)).Class; c != Unassigned {
			t.Errorf("prefix %03d: %v, want unassigned (barcode.md's gap list)", p, c)
		}
	}
	orgs := map[int]string{
		489: "GS1 Hong Kong, China", 471: "GS1 Chinese Taipei", 958: "GS1 Macau, China",
		450: "GS1 Japan", 459: "GS1 Japan", 490: "GS1 Japan", 499: "GS1 Japan", 880: "GS1 Korea",
		300: "GS1 France", 379: "GS1 France", 380: "GS1 Bulgaria", 383: "GS1 Slovenia",
		385: "GS1 Croatia", 387: "GS1 Bosnia and Herzegovina", 389: "GS1 Montenegro",
		400: "GS1 Germany", 440: "GS1 Germany", 460: "GS1 Russia", 469: "GS1 Russia",
		470: "GS1 Kyrgyzstan", 474: "GS1 Estonia",
	}
	for p, org := range orgs {
		if got := Classify13(code13(p)); got.Class != Member || got.Org != org {
			t.Errorf("prefix %03d: %v %q, want member %q", p, got.Class, got.Org, org)
		}
	}
	for _, p := range []int{680, 681, 690, 691, 692, 695, 696, 697, 699} {
		if got := Classify13(code13(p)); got.Class != China || got.Org != "GS1 China" {
			t.Errorf("prefix %03d: %v %q, want GS1 China", p, got.Class, got.Org)
		}
	}
}

// TestClassifyAll classifies every 3-digit prefix of both lengths and checks
// that the result is consistent: a class other than Invalid, digits that
// begin the code, a range that contains them, and a severity that matches
// barcode.md's table for the class.
func TestClassifyAll(t *testing.T) {
	for p := range 1000 {
		for _, code := range []string{code13(p), pad3(p) + "45670"} {
			var got Prefix
			if len(code) == 13 {
				got = Classify13(code)
			} else {
				got = Classify8(code)
			}
			if got.Class == Invalid || got.Class == Zero {
				t.Errorf("Classify(%s) = %v", code, got.Class)
				continue
			}
			if got.Digits == "" || !strings.HasPrefix(code, got.Digits) {
				t.Errorf("Classify(%s).Digits = %q", code, got.Digits)
			}
			lo, hi, _ := strings.Cut(got.Range, "–")
			if hi == "" {
				hi = lo
			}
			if len(lo) != len(got.Digits) || got.Digits < lo || got.Digits > hi {
				t.Errorf("Classify(%s): digits %q outside range %q", code, got.Digits, got.Range)
			}
			switch got.Class {
			case Member, China:
				if !strings.HasPrefix(got.Org, "GS1 ") {
					t.Errorf("Classify(%s) = %v with org %q", code, got.Class, got.Org)
				}
			default:
				switch got.Org {
				case "", "GS1 Global Office", "ISSN", "ISBN", "ISMN":
				default:
					t.Errorf("Classify(%s) = %v with org %q", code, got.Class, got.Org)
				}
			}
		}
	}
}

func TestClassifyInvalid(t *testing.T) {
	for _, code := range []string{"", "690193962160", "69019396216085", "69019396216O8", "６９０１９３９６２１６０８"} {
		if got := Classify13(code); got != (Prefix{}) {
			t.Errorf("Classify13(%q) = %+v, want Invalid", code, got)
		}
	}
	for _, code := range []string{"", "9638507", "963850745", "9638507X"} {
		if got := Classify8(code); got != (Prefix{}) {
			t.Errorf("Classify8(%q) = %+v, want Invalid", code, got)
		}
	}
}

func TestClassSeverity(t *testing.T) {
	// barcode.md's verdicts, class by class.
	want := map[Class]Severity{
		China: OK, Member: Info, ISSN: Info, ISBN: Info,
		Unassigned: Warning, GlobalOffice: Warning, Demo: Warning,
		Restricted: Error, Zero: Error, PaddedGTIN8: Error, Reserved: Error,
		EPC: Error, GTIN8Range: Error, Refund: Error, Coupon: Error, Invalid: Error,
	}
	for c := Invalid; c <= Coupon; c++ {
		if got := c.Severity(); got != want[c] {
			t.Errorf("%v.Severity() = %v, want %v", c, got, want[c])
		}
		if c.String() == "" || c.String() == "class?" {
			t.Errorf("Class(%d) has no name", c)
		}
	}
}
