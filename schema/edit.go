package schema

import (
	"encoding/json"
	"strings"
)

// An Edit replaces Length UTF-16 code units of a text at Offset with Text,
// the way a JavaScript editor applies a change. It is what a {path, value}
// fix becomes against the text the issue was found in: the page applies it
// as it is, with no JSON reader of its own.
type Edit struct {
	Offset int    `json:"offset"`
	Length int    `json:"length"`
	Text   string `json:"text"`
}

// SetEdit returns the smallest edit of d's text that sets the value at
// pointer to v: the value's own token replaced when it is there, else a new
// member added to its object as a form adds one (addMember: after the last
// member, in the object's own indentation, or on the same line when the
// object is on one line).
// false when neither the value nor its object is in the text, or the text
// around them cannot take the edit with certainty (the object is not
// closed). v is written as JSON (a string quoted, a json.Number as is).
func (d *Document) SetEdit(pointer string, v any) (Edit, bool) {
	text, ok := jsonText(v)
	if !ok || d.Root == nil {
		return Edit{}, false
	}
	if n := d.Root.Lookup(pointer); n != nil && n.End > n.Start {
		return d.edit(n.Start, n.End, text), true
	}
	i := strings.LastIndexByte(pointer, '/')
	if i < 0 {
		return Edit{}, false
	}
	obj := d.Root.Lookup(pointer[:i])
	val, ok := valueNode(json.RawMessage(text))
	if obj == nil || obj.Kind != Object || !d.closed(obj) || !ok {
		return Edit{}, false
	}
	return d.addMember(obj, pointerUnescaper.Replace(pointer[i+1:]), val), true
}

// edit is the Edit replacing the byte range [start, end) of d's text.
func (d *Document) edit(start, end int, text string) Edit {
	a, b := d.Pos(start).Offset, d.Pos(end).Offset
	return Edit{Offset: a, Length: b - a, Text: text}
}

// lineIndent returns the spaces and tabs that start the line holding byte
// offset off.
func lineIndent(text string, off int) string {
	start := strings.LastIndexByte(text[:off], '\n') + 1
	end := start
	for end < len(text) && (text[end] == ' ' || text[end] == '\t') {
		end++
	}
	return text[start:end]
}

// indentUnit is one level of the text's indentation: the indent of its first
// indented line, or two spaces when no line is indented.
func (d *Document) indentUnit() string {
	for rest := d.Text; ; {
		i := strings.IndexByte(rest, '\n')
		if i < 0 {
			return "  "
		}
		rest = rest[i+1:]
		if ind := lineIndent(rest, 0); ind != "" && len(ind) < len(rest) && rest[len(ind)] != '\n' && rest[len(ind)] != '\r' {
			return ind
		}
	}
}

// jsonText writes a fix's value as JSON text.
func jsonText(v any) (string, bool) {
	if s, ok := v.(string); ok {
		return quoteJSON(s), true
	}
	b, err := json.Marshal(v)
	return string(b), err == nil
}
