package schema

import (
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Strings, as the parser reads them: JSON's own in double quotes with
// their escapes, and the single and curly quotes people type instead.

// Quotes that are not JSON's but are typed in its place.
var slipQuotes = []string{"'", "“", "”", "‘", "’"}

func isSlipQuote(s string) bool { return slipQuote(s) != "" }

// slipQuote returns the slip quote s starts with, "" when none.
func slipQuote(s string) string {
	for _, q := range slipQuotes {
		if strings.HasPrefix(s, q) {
			return q
		}
	}
	return ""
}

// closers lists which quotes end a string opened by a slip quote.
func closers(open string) []string {
	switch open {
	case "'":
		return []string{"'"}
	case "“", "”":
		return []string{"”", "“"}
	default:
		return []string{"’", "‘"}
	}
}

// str reads a string token at p.i and returns its decoded value.
func (p *parser) str() string {
	start := p.i
	if p.s[p.i] == '"' {
		return p.jsonString(start)
	}
	open := slipQuote(p.s[p.i:])
	p.i += len(open)
	ends := closers(open)
	last := ""
	var b strings.Builder
	for {
		if p.atEOF() {
			// Cut short: the whole token becomes a closed JSON string.
			v := b.String()
			p.slip(slipQuoteCode(open), start, p.i, quoteJSON(v), slipQuoteMsg(open, ""))
			return v
		}
		rest := p.s[p.i:]
		closed := ""
		for _, q := range ends {
			if strings.HasPrefix(rest, q) {
				closed = q
			}
		}
		if closed != "" {
			p.i += len(closed)
			last = closed
			break
		}
		c := rest[0]
		if c == '\n' || c == '\r' {
			p.fail("syntax.string_unterminated", start, p.i, Msg("字符串在行尾还没有结束。", "The string is not closed before the end of the line."))
			return b.String()
		}
		if c == '\\' && len(rest) > 1 {
			if r, n, ok := decodeEscape(rest); ok {
				b.WriteRune(r)
				p.i += n
				continue
			}
			if rest[1] == '\'' {
				b.WriteByte('\'')
				p.i += 2
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(rest)
		b.WriteRune(r)
		p.i += n
	}
	v := b.String()
	p.slip(slipQuoteCode(open), start, p.i, quoteJSON(v), slipQuoteMsg(open, last))
	return v
}

func slipQuoteCode(open string) string {
	if open == "'" {
		return "syntax.single_quote"
	}
	return "syntax.curly_quote"
}

func slipQuoteMsg(open, close string) Message {
	if open == "'" {
		return Msg("字符串用了单引号；JSON 的字符串必须用双引号 \"。", "This string is in single quotes; JSON strings need double quotes \".")
	}
	return Msg("字符串用了中文（弯）引号 %s…%s；JSON 的字符串必须用半角双引号 \"。", "This string is in curly quotes %s…%s; JSON strings need straight double quotes \".", open, close)
}

// jsonString reads a "..." string. A raw line break closes it (reported), so
// that one unclosed string does not swallow the rest of the document.
func (p *parser) jsonString(start int) string {
	p.i++
	var b *strings.Builder
	from := p.i
	flush := func() {
		if b == nil {
			b = &strings.Builder{}
		}
		b.WriteString(p.s[from:p.i])
	}
	for {
		if p.atEOF() {
			p.tail.WriteString(`"`)
			break
		}
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			if b == nil {
				return p.s[from : p.i-1]
			}
			b.WriteString(p.s[from : p.i-1])
			return b.String()
		case c == '\\':
			flush()
			r, n, ok := decodeEscape(p.s[p.i:])
			if ok {
				b.WriteRune(r)
				p.i += n
			} else if p.i+1 < len(p.s) && p.s[p.i+1] == '\'' {
				p.slip("syntax.escape", p.i, p.i+2, "'", Msg("JSON 中没有转义 \\'；单引号直接写即可。", "JSON has no \\' escape; write the single quote as is."))
				b.WriteByte('\'')
				p.i += 2
			} else if p.i+1 >= len(p.s) {
				// The input ends inside an escape: complete it.
				p.tail.WriteString(`\`)
				p.i++
			} else {
				_, n := utf8.DecodeRuneInString(p.s[p.i+1:])
				bad := p.s[p.i : p.i+1+n]
				p.slip("syntax.escape", p.i, p.i+1, `\\`, Msg("无效的转义 %s；反斜杠本身要写成 \\\\。", "Invalid escape %s; a backslash itself is written \\\\.", bad))
				b.WriteByte('\\')
				p.i++
			}
			from = p.i
		case c == '\n' || c == '\r':
			// Point at the end of the line, where the quote is missing: the
			// fix inserts it there and cannot overlap other fixes inside.
			pos := p.d.index().pos(start)
			p.slip("syntax.string_unterminated", p.i, p.i, `"`, Msg("第 %d 列开始的字符串在行尾还没有结束，缺少右引号 \"。", "The string that starts at column %d is not closed before the end of the line; a closing \" is missing.", pos.Column))
			if b == nil {
				return p.s[from:p.i]
			}
			b.WriteString(p.s[from:p.i])
			return b.String()
		case c < 0x20:
			flush()
			esc := fmt.Sprintf(`\u%04x`, c)
			switch c {
			case '\t':
				esc = `\t`
			}
			p.slip("syntax.control_char", p.i, p.i+1, esc, Msg("字符串中有未转义的控制字符 U+%04X；应写成 %s。", "The string holds the raw control character U+%04X; write it as %s.", c, esc))
			b.WriteByte(c)
			p.i++
			from = p.i
		default:
			// Plain characters up to the next quote, backslash or control
			// character, in one tight loop.
			p.i++
			for p.i < len(p.s) {
				if c := p.s[p.i]; c == '"' || c == '\\' || c < 0x20 {
					break
				}
				p.i++
			}
		}
	}
	if b == nil {
		return p.s[from:p.i]
	}
	b.WriteString(p.s[from:p.i])
	return b.String()
}

// decodeEscape decodes a JSON escape at the start of s (s[0] == '\\'),
// joining a UTF-16 surrogate pair; a lone surrogate becomes U+FFFD.
func decodeEscape(s string) (rune, int, bool) {
	if len(s) < 2 {
		return 0, 0, false
	}
	switch s[1] {
	case '"', '\\', '/':
		return rune(s[1]), 2, true
	case 'b':
		return '\b', 2, true
	case 'f':
		return '\f', 2, true
	case 'n':
		return '\n', 2, true
	case 'r':
		return '\r', 2, true
	case 't':
		return '\t', 2, true
	case 'u':
		r, ok := hex4(s[2:])
		if !ok {
			return 0, 0, false
		}
		if utf16.IsSurrogate(r) {
			if len(s) >= 12 && s[6] == '\\' && s[7] == 'u' {
				if r2, ok := hex4(s[8:]); ok {
					if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
						return d, 12, true
					}
				}
			}
			return utf8.RuneError, 6, true
		}
		return r, 6, true
	}
	return 0, 0, false
}

func hex4(s string) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[:4]) {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	return r, true
}

// quoteJSON writes s as a JSON string, escaping only what JSON requires.
func quoteJSON(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
