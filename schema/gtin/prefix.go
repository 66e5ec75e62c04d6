package gtin

// A Class is what a GS1 prefix says about a code, from the GS1 General
// Specifications' prefix table (barcode.md, "GS1 prefix classes").
type Class uint8

// The prefix classes. Their String form is the suffix of the finding code
// ("prefix.restricted"), except for China, which yields no finding, and
// Member, which yields "prefix.outside_china".
const (
	Invalid      Class = iota // not a code of the right length and digits
	China                     // GS1 China: 690–699, 680–681
	Member                    // another GS1 member organisation (or GS1 US, or a GTIN-8 allocation)
	Restricted                // restricted circulation: in-store and company-internal numbers
	Zero                      // all zeros: passes mod 10, never assigned
	PaddedGTIN8               // EAN-13 0000001–0000099: a GTIN-8 padded with zeros
	Reserved                  // reserved by GS1, never assigned to products
	Unassigned                // not (yet) given to any GS1 member organisation
	GlobalOffice              // 950: GS1 Global Office, special applications
	EPC                       // 951: EPC General Identifier (GID) managers
	Demo                      // 952: demonstrations and examples
	GTIN8Range                // EAN-13 960–969: prefixes of GTIN-8 allocations
	ISSN                      // 977: serial publications
	ISBN                      // 978–979: books (ISBN) and printed music (ISMN, 979-0)
	Refund                    // 980: refund receipts
	Coupon                    // 981–984, 99: coupons
)

var classNames = [...]string{
	Invalid:      "invalid",
	China:        "china",
	Member:       "member",
	Restricted:   "restricted",
	Zero:         "zero",
	PaddedGTIN8:  "padded_gtin8",
	Reserved:     "reserved",
	Unassigned:   "unassigned",
	GlobalOffice: "global_office",
	EPC:          "epc",
	Demo:         "demo",
	GTIN8Range:   "gtin8_range",
	ISSN:         "issn",
	ISBN:         "isbn",
	Refund:       "refund",
	Coupon:       "coupon",
}

// String returns the class's stable lower-case name, e.g. "restricted".
func (c Class) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return "class?"
}

// Severity is the verdict for a product page (barcode.md): China is OK;
// another member organisation, ISSN and ISBN are Info; unassigned ranges,
// 950 and the demo prefix 952 are Warnings; everything else is an Error.
func (c Class) Severity() Severity {
	switch c {
	case China:
		return OK
	case Member, ISSN, ISBN:
		return Info
	case Unassigned, GlobalOffice, Demo:
		return Warning
	}
	return Error
}

// A Prefix is the result of classifying a code by its GS1 prefix.
type Prefix struct {
	Class Class
	// Digits are the leading digits of the code that decided the class:
	// usually 3 ("690"), 7 for the 0000000 ranges, 4 or 5 for GS1 US's
	// 0001–0009 and 00001–00009 and the GTIN-8 allocations 9600–9699,
	// 1 for an EAN-8's restricted first digit, "" for Zero and Invalid.
	Digits string
	// Range is the table row that matched, e.g. "200–299" or "958" (with an
	// en dash); "" for Zero and Invalid.
	Range string
	// Org is the organisation that allocates the range when there is one,
	// e.g. "GS1 China", "GS1 Japan", "GS1 Global Office", "ISBN".
	Org string
}

// Classify13 classifies a 13-digit EAN-13 code by its GS1 prefix. The check
// digit is not looked at. Anything but 13 ASCII digits is Invalid.
func Classify13(code string) Prefix {
	if len(code) != 13 || !allDigits(code) {
		return Prefix{}
	}
	switch {
	case code == "0000000000000":
		return Prefix{Class: Zero}
	case code[:7] == "0000000":
		return Prefix{Restricted, code[:7], "0000000", ""}
	case code[:5] == "00000":
		return Prefix{PaddedGTIN8, code[:7], "0000001–0000099", ""}
	case code[:4] == "0000":
		return Prefix{Member, code[:5], "00001–00009", "GS1 US"}
	case code[:3] == "000":
		return Prefix{Member, code[:4], "0001–0009", "GS1 US"}
	}
	p := prefix3(code)
	d := code[:3]
	switch {
	case p <= 19:
		return Prefix{Member, d, "001–019", "GS1 US"}
	case p <= 29:
		return Prefix{Restricted, d, "020–029", ""}
	case p <= 39:
		return Prefix{Member, d, "030–039", "GS1 US"}
	case p <= 49:
		return Prefix{Restricted, d, "040–049", ""}
	case p <= 59:
		return Prefix{Reserved, d, "050–059", ""}
	case p <= 139:
		return Prefix{Member, d, "060–139", "GS1 US"}
	case p <= 199:
		return Prefix{Unassigned, d, "140–199", ""}
	case p <= 299:
		return Prefix{Restricted, d, "200–299", ""}
	case p >= 960 && p <= 969:
		return Prefix{GTIN8Range, d, "960–969", ""}
	case p <= 976:
		return classifyMember(code)
	case p == 977:
		return Prefix{ISSN, d, "977", "ISSN"}
	case p <= 979:
		if code[:4] == "9790" {
			return Prefix{ISBN, code[:4], "9790", "ISMN"}
		}
		return Prefix{ISBN, d, "978–979", "ISBN"}
	case p == 980:
		return Prefix{Refund, d, "980", ""}
	case p <= 984:
		return Prefix{Coupon, d, "981–984", ""}
	case p <= 989:
		return Prefix{Unassigned, d, "985–989", ""}
	}
	return Prefix{Coupon, d, "990–999", ""}
}

// Classify8 classifies an 8-digit EAN-8 code by its GS1-8 prefix: a first
// digit 0 or 2 is restricted circulation, 100–139 is GS1 US, 140–199 is
// unassigned (like the same range in EAN-13), 300–976 read as for EAN-13
// (with 960–969 the GTIN-8 allocations they exist for), and 977–999 are
// reserved. The check digit is not looked at. Anything but 8 ASCII digits
// is Invalid.
func Classify8(code string) Prefix {
	if len(code) != 8 || !allDigits(code) {
		return Prefix{}
	}
	if code == "00000000" {
		return Prefix{Class: Zero}
	}
	switch code[0] {
	case '0', '2':
		return Prefix{Restricted, code[:1], code[:1], ""}
	}
	p := prefix3(code)
	d := code[:3]
	switch {
	case p <= 139:
		return Prefix{Member, d, "100–139", "GS1 US"}
	case p <= 199:
		return Prefix{Unassigned, d, "140–199", ""}
	case p >= 960 && p <= 969:
		for _, a := range gtin8Allocations {
			if code[:4] <= a.hi {
				return Prefix{Member, code[:4], a.lo + "–" + a.hi, a.org}
			}
		}
	case p <= 976:
		return classifyMember(code)
	}
	return Prefix{Reserved, d, "977–999", ""}
}

// classifyMember classifies a code whose 3-digit prefix is in 300–976 and
// not 960–969: a member organisation's range, one of GS1 Global Office's
// special prefixes 950–952, or a gap.
func classifyMember(code string) Prefix {
	p := prefix3(code)
	d := code[:3]
	switch p {
	case 950:
		return Prefix{GlobalOffice, d, "950", "GS1 Global Office"}
	case 951:
		return Prefix{EPC, d, "951", "GS1 Global Office"}
	case 952:
		return Prefix{Demo, d, "952", "GS1 Global Office"}
	}
	// members is sorted and its ranges do not overlap: find the first
	// range ending at or after p.
	lo, hi := 0, len(members)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if members[m].hi < p {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(members) && members[lo].lo <= p {
		m := members[lo]
		c := Member
		if m.org == "GS1 China" {
			c = China
		}
		return Prefix{c, d, m.span(), m.org}
	}
	// A gap: report the whole run of unassigned prefixes around p, bounded
	// by the neighbouring members, 300 below and 976 above (950–952 and
	// 960–969 are not gaps).
	first, last := 300, 976
	if lo > 0 {
		first = members[lo-1].hi + 1
	}
	if lo < len(members) {
		last = members[lo].lo - 1
	}
	for _, special := range [...][2]int{{950, 952}, {960, 969}} {
		if special[1] < p && special[1] >= first {
			first = special[1] + 1
		}
		if special[0] > p && special[0] <= last {
			last = special[0] - 1
		}
	}
	return Prefix{Unassigned, d, span(first, last), ""}
}

// prefix3 is the number formed by the first three digits of code.
func prefix3(code string) int {
	return int(code[0]-'0')*100 + int(code[1]-'0')*10 + int(code[2]-'0')
}

// span formats a range of 3-digit prefixes: "958" or "381–382".
func span(lo, hi int) string {
	if lo == hi {
		return pad3(lo)
	}
	return pad3(lo) + "–" + pad3(hi)
}

func pad3(n int) string {
	return string([]byte{byte('0' + n/100), byte('0' + n/10%10), byte('0' + n%10)})
}
