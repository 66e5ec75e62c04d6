package gtin

import "testing"

// FuzzCheck runs Check on arbitrary input under each standard: it must not
// panic, and every result must keep the invariants of checkInvariants, above
// all that a suggested Fix checks clean of character, length and
// check-digit findings.
func FuzzCheck(f *testing.F) {
	for _, seed := range []string{
		"", " ", "6901939621608", "6900000000000", "036000291452", "629104150021",
		"9638507", "96385074", "06901939621600", "16901939621605", "0000096385074",
		"６９０１９３９６２１６０８", "690-1939 6216\u200b08", "69019396216O8", "\xff",
		"0000000000000", "00000000", "9790123456785", "99999999999999999999",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, code string) {
		for _, standard := range []string{"", EAN13, EAN8} {
			checkInvariants(t, code, standard, Check(code, standard))
		}
	})
}
