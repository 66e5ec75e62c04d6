package preview

import (
	"net/netip"
	"strconv"
	"strings"
	"unicode"
)

// The reasons the URL gate refuses a URL; each has its own marker text
// (labels.Refused).
const (
	refusedScheme   = "scheme"   // not an absolute http(s) URL a browser reads as written
	refusedUserinfo = "userinfo" // a user name or password before the host ("https://a@b/")
	refusedLocal    = "local"    // this device, a private or reserved network, or a name for one
	refusedNumeric  = "numeric"  // an address written so as not to look like one (2130706433, 0x7f.1, 127.1)
	refusedHost     = "host"     // a host a browser would read differently, or not at all
)

// Name suffixes that only resolve inside a device or a local network.
var localSuffixes = []string{".localhost", ".local", ".internal", ".home.arpa"}

// Reserved IPv4 ranges that netip's predicates do not name.
var reservedPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),     // "this network"
	netip.MustParsePrefix("100.64.0.0/10"), // carrier-grade NAT, shared address space
	netip.MustParsePrefix("::/96"),         // IPv4-compatible IPv6, deprecated
}

// asciiHost checks host (as written between "//" and the path, without
// userinfo or port) and returns it as a browser resolves it: lower-case,
// each non-ASCII label in punycode ("xn--…"), an IPv6 address in its
// canonical form. reason is "" when the host may be requested.
//
// Refused: loopback, private, link-local, multicast and reserved
// addresses, localhost and local-only names, and single-label names (they
// resolve on an intranet); numbers a browser reads as an IPv4 address
// but not written as one (2130706433, 0x7f.1, 0177.0.0.1, 127.1); and
// hosts with characters a browser would map, drop or reject
// (percent-escapes, full-width forms, ideographic full stops, symbols).
// That keeps the punycode here exactly what the browser resolves, without
// the UTS 46 mapping tables.
func asciiHost(host string) (ascii, reason string) {
	if strings.HasPrefix(host, "[") {
		inner, ok := strings.CutSuffix(host[1:], "]")
		addr, err := netip.ParseAddr(inner)
		if !ok || err != nil || !addr.Is6() || addr.Zone() != "" {
			return "", refusedHost
		}
		if localAddr(addr) {
			return "", refusedLocal
		}
		return "[" + addr.String() + "]", ""
	}
	if host == "" || strings.HasPrefix(host, ".") || strings.Contains(host, "..") {
		return "", refusedHost
	}
	name := strings.TrimSuffix(host, ".")
	labels := strings.Split(name, ".")
	out := make([]string, len(labels))
	for i, l := range labels {
		a, ok := asciiLabel(l)
		if !ok {
			return "", refusedHost
		}
		out[i] = a
	}
	if numericLabel(out[len(out)-1]) {
		addr, ok := parseIPv4(out)
		if !ok {
			return "", refusedHost
		}
		if addr.String() != name {
			return "", refusedNumeric
		}
		if localAddr(addr) {
			return "", refusedLocal
		}
		return name, ""
	}
	ascii = strings.Join(out, ".")
	if len(out) == 1 || ascii == "localhost" {
		return "", refusedLocal
	}
	for _, s := range localSuffixes {
		if strings.HasSuffix(ascii, s) {
			return "", refusedLocal
		}
	}
	if strings.HasSuffix(host, ".") {
		ascii += "."
	}
	return ascii, ""
}

// asciiLabel lower-cases one label and encodes it in punycode when it is
// not ASCII. ok is false for characters a host name may not hold, or that
// a browser would map to others first.
func asciiLabel(l string) (string, bool) {
	if l == "" || len(l) > 63*4 {
		return "", false
	}
	ascii := true
	for _, r := range l {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
		case r < 0x80:
			return "", false
		case r >= 0xFF00 && r <= 0xFFEF: // full-width and half-width forms: mapped by UTS 46
			return "", false
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsMark(r):
			ascii = false
		default:
			return "", false
		}
	}
	l = strings.ToLower(l)
	if ascii {
		return l, true
	}
	if !unicode.IsLetter([]rune(l)[0]) && !unicode.IsDigit([]rune(l)[0]) {
		return "", false
	}
	return "xn--" + punycode(l), true
}

// numericLabel reports whether a browser takes a host ending in label for an
// IPv4 address (the URL Standard's "ends in a number"): all decimal digits,
// or 0x followed by hex digits.
func numericLabel(l string) bool {
	if h, ok := strings.CutPrefix(l, "0x"); ok {
		return strings.Trim(h, "0123456789abcdef") == ""
	}
	return l != "" && strings.Trim(l, "0123456789") == ""
}

// parseIPv4 reads labels the way the URL Standard's IPv4 parser does: up to
// four parts, each decimal, octal (leading 0) or hex (0x); the last fills
// the bytes that remain. ok is false where a browser fails the URL.
func parseIPv4(parts []string) (netip.Addr, bool) {
	if len(parts) > 4 {
		return netip.Addr{}, false
	}
	nums := make([]uint64, len(parts))
	for i, p := range parts {
		radix := 10
		switch {
		case strings.HasPrefix(p, "0x"):
			p, radix = p[2:], 16
		case len(p) > 1 && p[0] == '0':
			p, radix = p[1:], 8
		}
		if p == "" {
			continue // "0x" is zero
		}
		n, err := strconv.ParseUint(p, radix, 64)
		if err != nil {
			return netip.Addr{}, false
		}
		nums[i] = n
	}
	last := len(nums) - 1
	for _, n := range nums[:last] {
		if n > 255 {
			return netip.Addr{}, false
		}
	}
	if nums[last] >= 1<<(8*(5-len(nums))) {
		return netip.Addr{}, false
	}
	v := nums[last]
	for i, n := range nums[:last] {
		v += n << (8 * (3 - i))
	}
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}), true
}

// localAddr reports whether addr is not a public unicast address: loopback,
// private, link-local, multicast, unspecified, broadcast or reserved.
func localAddr(addr netip.Addr) bool {
	addr = addr.Unmap()
	if !addr.IsGlobalUnicast() || addr.IsPrivate() {
		return true
	}
	for _, p := range reservedPrefixes {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}
