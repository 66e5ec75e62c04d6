package schema

import "fmt"

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
