package gtin

// A Finding is one thing Check found wrong or worth knowing about a code.
//
// Code is stable (tools may match on it). The codes, in the order Check
// reports them, and what Got and Want hold for each:
//
//	empty                the code is ""; Want: "13", "8" or "8 or 13"
//	chars                full-width digits, spaces, hyphens or dashes, zero-width
//	                     characters; Got: the first of them
//	chars.invalid        any other character (letters, other scripts' digits,
//	                     invalid UTF-8); Got: the first of them. Check stops here.
//	length               the wrong number of digits; Got: the count, Want: "13",
//	                     "8" or "8 or 13"
//	gtin12               12 digits with a valid UPC-A check digit: a GTIN-12,
//	                     written as an EAN-13 with a leading 0; Got: "12"
//	missing_check_digit  12 digits (EAN-13) or 7 (EAN-8) that lack the check
//	                     digit; Got: the count, Want: the missing check digit
//	gtin14               14 digits with indicator 0: the EAN-13 is the last 13
//	gtin14.packaging     14 digits with indicator 1–8: a case or pack; Got: the
//	                     indicator. Check stops here.
//	gtin14.variable      14 digits with indicator 9: a variable-measure item.
//	                     Check stops here.
//	check_digit          Got: the check digit found, Want: the correct one
//	prefix.<class>       the GS1 prefix (see Class): prefix.restricted,
//	                     prefix.zero, prefix.padded_gtin8 (Want: the GTIN-8),
//	                     prefix.reserved, prefix.unassigned,
//	                     prefix.global_office, prefix.epc, prefix.demo,
//	                     prefix.gtin8_range, prefix.issn, prefix.isbn,
//	                     prefix.refund, prefix.coupon, and prefix.outside_china
//	                     for a member organisation other than GS1 China; Got:
//	                     the prefix digits, with Range and Org.
//
// Every finding but the prefix ones is an Error.
type Finding struct {
	Code     string
	Severity Severity
	// Fix is the whole corrected code, set only when every correction the
	// code needs before its prefix can be judged is certain: then every
	// finding that asked for a correction (chars, length, gtin12,
	// missing_check_digit, gtin14, check_digit) carries the same Fix, with
	// all of them applied, and checking Fix reports none of those again.
	// Prefix findings never carry a Fix of their own: a wrong prefix cannot
	// be corrected, only replaced by a code the brand owner was assigned.
	Fix string
	// Got and Want are details for messages, as listed above.
	Got, Want string
	// Range and Org are the prefix table row that matched (prefix findings
	// only), e.g. "450–459" and "GS1 Japan".
	Range, Org string
}
