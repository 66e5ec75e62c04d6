package schema

import (
	"strings"
	"unicode/utf8"
)

// Numbers and literals, as the parser reads them: JSON's grammar, and the
// words people write for true, false and null.

// number reads a number token and checks it against the JSON grammar.
func (p *parser) number(n *Node) {
	start := p.i
	end := p.tokenEnd(start)
	lit := p.s[start:end]
	p.i = end
	n.Kind = Number
	n.Str = lit
	if why, ok := numberProblem(lit); !ok {
		p.fail("syntax.number", start, end, Msg("%q 不是合法的 JSON 数字：%s。", "%q is not a JSON number: %s.", lit, why))
	}
}

// tokenEnd finds where a bare token (number or word) starting at i ends.
func (p *parser) tokenEnd(i int) int {
	j := i
	for j < len(p.s) {
		c := p.s[j]
		if c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' || c == '+' || c == '-' || c == '_' || c == '$' {
			j++
			continue
		}
		break
	}
	if j == i {
		_, n := utf8.DecodeRuneInString(p.s[i:])
		j = i + n
	}
	return j
}

// numberProblem says what is wrong with a number literal, in both languages.
func numberProblem(s string) (Message, bool) {
	i := 0
	if i < len(s) && s[i] == '+' {
		return Msg("不能以 + 开头", "it may not start with +"), false
	}
	if i < len(s) && s[i] == '-' {
		i++
	}
	digits := func() int {
		j := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - j
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			return Msg("不能有前导零", "it may not have leading zeros"), false
		}
		if i < len(s) && (s[i] == 'x' || s[i] == 'X') {
			return Msg("JSON 不支持十六进制", "JSON has no hexadecimal numbers"), false
		}
	case digits() == 0:
		return Msg("小数点前必须有数字", "it needs a digit before any decimal point"), false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return Msg("小数点后必须有数字", "it needs a digit after the decimal point"), false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return Msg("指数部分缺少数字", "the exponent has no digits"), false
		}
	}
	if i != len(s) {
		return Msg("含有多余的字符", "it has extra characters"), false
	}
	return Message{}, true
}

// Words people write for JSON's literals, and the literal they mean.
var literalSlips = map[string]string{
	"True": "true", "TRUE": "true", "False": "false", "FALSE": "false",
	"None": "null", "NULL": "null", "Null": "null", "nil": "null", "undefined": "null",
}

// word reads true, false, null, or reports what else is there.
func (p *parser) word(n *Node) {
	start := p.i
	end := start
	for end < len(p.s) && isWordPart(p.s[end]) {
		end++
	}
	w := p.s[start:end]
	p.i = end
	lit, slip := literalSlips[w]
	if !slip {
		lit = w
	}
	switch lit {
	case "true", "false":
		n.Kind, n.Bool = Bool, lit == "true"
	case "null":
		n.Kind = Null
	default:
		if c := completion(w); end == len(p.s) && c != w {
			// The input ends inside a literal: complete it.
			p.eof, p.eofAt = true, p.cur
			p.tail.WriteString(c[len(w):])
			n.Kind = Null
			return
		}
		switch w {
		case "NaN", "Infinity":
			p.fail("syntax.number", start, end, Msg("JSON 不支持 %s。", "JSON has no %s.", w))
		default:
			p.fail("syntax.unquoted_string", start, end, Msg("%s 没有加双引号；JSON 的字符串必须用双引号括起来。", "%s is not in double quotes; JSON strings must be.", w))
		}
		return
	}
	if slip {
		p.slip("syntax.literal", start, end, lit, Msg("JSON 中应写作 %s（小写），而不是 %s。", "JSON spells it %s (lower case), not %s.", lit, w))
	}
}

// completion returns the literal that the prefix w starts.
func completion(w string) string {
	for _, l := range []string{"true", "false", "null"} {
		if strings.HasPrefix(l, w) {
			return l
		}
	}
	return w
}
