package schema

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Lang selects the language of messages.
type Lang string

// The supported languages; Chinese is the default.
const (
	ZH Lang = "zh"
	EN Lang = "en"
)

// ParseLang maps a user's choice to a Lang; anything but "en" (or an "en-…"
// tag) is Chinese, the default.
func ParseLang(s string) Lang {
	if s == "en" || len(s) > 3 && s[:3] == "en-" {
		return EN
	}
	return ZH
}

// A Message holds one sentence in both languages. Every issue is written in
// both, so that a frontend can switch languages without losing anything.
type Message struct {
	ZH, EN string
}

// Msg formats the Chinese and English templates with the same arguments.
// An argument that is itself a Message is put in its own language on each
// side, so that sentences can be built from translated parts.
func Msg(zh, en string, args ...any) Message {
	if len(args) == 0 {
		return Message{zh, en}
	}
	return Message{fmt.Sprintf(zh, in(args, ZH)...), fmt.Sprintf(en, in(args, EN)...)}
}

func in(args []any, lang Lang) []any {
	var out []any
	for i, a := range args {
		if m, ok := a.(Message); ok {
			if out == nil {
				out = append([]any(nil), args...)
			}
			out[i] = m.In(lang)
		}
	}
	if out == nil {
		return args
	}
	return out
}

// In returns the message in lang.
func (m Message) In(lang Lang) string {
	if lang == EN {
		return m.EN
	}
	return m.ZH
}

// The pieces messages are built from. A message names the field the way
// the author wrote it (its key, or the array and index: action_list[3]),
// quotes the value as written, and says what is allowed.

// name names n in a message: its key, "action_list[3]" for an array item,
// or the document itself.
func name(n *Node) Message {
	switch {
	case n == nil || n.Parent == nil:
		return Msg("文档", "the document")
	case n.Parent.Kind == Array:
		s := n.Parent.Key + "[" + strconv.Itoa(n.Index) + "]"
		if n.Parent.Parent == nil {
			s = "[" + strconv.Itoa(n.Index) + "]"
		}
		return Message{s, s}
	}
	return Message{n.Key, n.Key}
}

// maxQuoted is how many characters of a value a message quotes.
const maxQuoted = 40

// Quote quotes a user's string for a message, as JSON would show it; one
// longer than 40 characters is cut, with an ellipsis outside the quotes so
// that it is never taken for part of the value. Every package quotes a
// user's text through it.
func Quote(s string) string {
	if utf8.RuneCountInString(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	i, n := 0, 0
	for i = range s {
		if n == maxQuoted {
			break
		}
		n++
	}
	return strconv.Quote(s[:i]) + "…"
}

// literal shows the value n as written: a string quoted, any other scalar
// as its JSON literal, a container by its kind.
func literal(n *Node) Message {
	switch n.Kind {
	case String:
		q := Quote(n.Str)
		return Message{q, q}
	case Number:
		return Message{n.Str, n.Str}
	case Bool:
		s := strconv.FormatBool(n.Bool)
		return Message{s, s}
	case Null:
		return Message{"null", "null"}
	}
	return kindName(n.Kind.String())
}

// kindName names a JSON type (gojsonschema's spelling) with its article.
func kindName(t string) Message {
	switch t {
	case "string":
		return Msg("字符串", "a string")
	case "integer":
		return Msg("整数", "an integer")
	case "number":
		return Msg("数字", "a number")
	case "boolean":
		return Msg("布尔值", "a boolean")
	case "null":
		return Msg("null", "null")
	case "object":
		return Msg("对象", "an object")
	case "array":
		return Msg("数组", "an array")
	}
	return Message{t, t}
}

// zhSpaced puts a space before a Chinese message that starts with a Latin
// letter or a digit ("文档顶层是 null"), as Chinese typesetting does between
// Chinese and Latin text; the English side is unchanged.
func zhSpaced(m Message) Message {
	if m.ZH != "" && m.ZH[0] < utf8.RuneSelf {
		m.ZH = " " + m.ZH
	}
	return m
}

// orList joins alternatives: "a、b 或 c" / "a, b or c".
func orList(ms []Message) Message {
	var zh, en strings.Builder
	for i, m := range ms {
		switch {
		case i == 0:
		case i == len(ms)-1:
			zh.WriteString(" 或 ")
			en.WriteString(" or ")
		default:
			zh.WriteString("、")
			en.WriteString(", ")
		}
		zh.WriteString(m.ZH)
		en.WriteString(m.EN)
	}
	return Message{zh.String(), en.String()}
}

// plain is a Message that reads the same in both languages.
func plain(s string) Message { return Message{s, s} }
