package schema

// The "pattern"s of create-product.schema.json as byte loops. Go's regexp
// walks a string rune by rune through its program, and the URL patterns
// run over every link of a document: they were 13 % of validate's time in
// wasm (17 % natively). Each loop accepts exactly what its regexp matches;
// FuzzPatterns and TestPatterns compare them, and TestPatternsCovered
// fails when the schema gains a pattern without one. gojsonschema still
// compiles each regexp, and its messages name it as before. They are
// handed to gojsonschema in patterns_hook.go.
var patternMatchers = map[string]func(string) bool{
	`^https?://[^/?#\s]+([/?#]\S*)?$`: func(s string) bool {
		rest, ok := cutScheme(s)
		return ok && hostThenTail(rest)
	},
	`^(https?://[^/?#\s]+|[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:[0-9]+)?)([/?#]\S*)?$`: func(s string) bool {
		if rest, ok := cutScheme(s); ok && hostThenTail(rest) {
			return true
		}
		return domainThenTail(s)
	},
	`^https?://v\.qq\.com([/?#]\S*)?$`: func(s string) bool {
		rest, ok := cutScheme(s)
		if !ok || len(rest) < len("v.qq.com") || rest[:len("v.qq.com")] != "v.qq.com" {
			return false
		}
		return isTail(rest[len("v.qq.com"):])
	},
	`^[0-9]+$`:    func(s string) bool { return s != "" && allDigits(s) },
	`^[0-9]{13}$`: func(s string) bool { return len(s) == 13 && allDigits(s) },
	`^[0-9]{8}$`:  func(s string) bool { return len(s) == 8 && allDigits(s) },
	`^[0-9]+(\.[0-9]{1,2})?$`: func(s string) bool {
		i := 0
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == 0 {
			return false
		}
		if i == len(s) {
			return true
		}
		frac := s[i:]
		return frac[0] == '.' && (len(frac) == 2 || len(frac) == 3) && allDigits(frac[1:])
	},
	`^(auto|[0-9A-Fa-f]{6})$`: func(s string) bool { return s == "auto" || len(s) == 6 && isHex(s, false) },
	`^[A-Za-z0-9_-]{1,20}$`: func(s string) bool {
		if s == "" || len(s) > 20 {
			return false
		}
		for i := 0; i < len(s); i++ {
			if c := s[i]; !(isAlnum(c) || c == '_' || c == '-') {
				return false
			}
		}
		return true
	},
}

// cutScheme cuts "http://" or "https://" off s.
func cutScheme(s string) (rest string, ok bool) {
	for _, p := range [...]string{"http://", "https://"} {
		if len(s) >= len(p) && s[:len(p)] == p {
			return s[len(p):], true
		}
	}
	return "", false
}

// isSpace is regexp's \s: tab, newline, form feed, carriage return, space.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// isTail matches ([/?#]\S*)?$: empty, or a path, query or fragment mark
// and no white space to the end. Every byte outside ASCII is \S, as every
// rune (and every byte of invalid UTF-8) outside it is.
func isTail(s string) bool {
	if s == "" {
		return true
	}
	if c := s[0]; c != '/' && c != '?' && c != '#' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if isSpace(s[i]) {
			return false
		}
	}
	return true
}

// hostThenTail matches [^/?#\s]+([/?#]\S*)?$. The host run is greedy: a
// shorter one would be followed by a byte of the run, which no tail
// starts with.
func hostThenTail(s string) bool {
	i := 0
	for i < len(s) {
		c := s[i]
		if c == '/' || c == '?' || c == '#' || isSpace(c) {
			break
		}
		i++
	}
	return i > 0 && isTail(s[i:])
}

// domainThenTail matches [A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:[0-9]+)?([/?#]\S*)?$.
// The domain is the longest run of label bytes and dots (what follows it
// must be a colon, a tail mark or the end, none of which a shorter run
// is followed by), with two labels or more and none empty; the port is
// likewise the longest run of digits after a colon.
func domainThenTail(s string) bool {
	i, labels, label := 0, 0, 0
	for ; i < len(s); i++ {
		c := s[i]
		if c == '.' {
			if label == 0 {
				return false
			}
			labels++
			label = 0
			continue
		}
		if !isAlnum(c) && c != '-' {
			break
		}
		label++
	}
	if label == 0 || labels == 0 {
		return false
	}
	if i < len(s) && s[i] == ':' {
		j := i + 1
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j == i+1 {
			return false
		}
		i = j
	}
	return isTail(s[i:])
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isAlnum(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
