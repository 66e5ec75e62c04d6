package gtin

// FirmCodeLength returns the length of the firm code (厂商识别代码, the GS1
// company prefix including the 3-digit GS1 prefix) of a 13-digit code issued
// by GS1 China, per GB 12904-2008: 7 digits under 690 and 691, 8 under
// 692–695 and 6960, 9 under 697. It returns 0 for any other code (other
// 69x prefixes, 680–681, other countries, malformed input), where the length
// is not fixed by the standard.
func FirmCodeLength(code13 string) int {
	if len(code13) != 13 || !allDigits(code13) || code13[:2] != "69" {
		return 0
	}
	switch code13[2] {
	case '0', '1':
		return 7
	case '2', '3', '4', '5':
		return 8
	case '6':
		if code13[3] == '0' {
			return 8
		}
	case '7':
		return 9
	}
	return 0
}
