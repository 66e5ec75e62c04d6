package schema

import (
	"encoding/json"
	"strconv"
	"strings"
)

// Kind is the JSON type of a Node.
type Kind uint8

// The JSON kinds.
const (
	Object Kind = iota + 1
	Array
	String
	Number
	Bool
	Null
)

var kindNames = [...]string{"", "object", "array", "string", "number", "boolean", "null"}

// String returns the JSON name of the kind ("object", "boolean"...).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// A Node is one JSON value together with where it stands in the text. Start
// and End are byte offsets of the value's token (for containers, from the
// opening to the closing bracket). A value held by an object member also
// knows its key and the key's byte range, so that an issue about a key (an
// unknown or a missing one) can underline the key alone.
type Node struct {
	Kind       Kind
	Start, End int

	Str    string  // String: the decoded value; Number: the literal as written
	Bool   bool    // Bool
	Fields []*Node // Object: the members' values in source order (duplicates kept)
	Items  []*Node // Array

	Parent           *Node
	Key              string // the member key when Parent is an object
	KeyStart, KeyEnd int    // byte range of the key token; both -1 when not a member
	Index            int    // the position in Parent when it is an array, else -1
}

// Get returns the value of the member key, or nil. With duplicate keys the
// last one wins, as in most JSON parsers.
func (n *Node) Get(key string) *Node {
	if n == nil || n.Kind != Object {
		return nil
	}
	for i := len(n.Fields) - 1; i >= 0; i-- {
		if n.Fields[i].Key == key {
			return n.Fields[i]
		}
	}
	return nil
}

// Pointer returns the RFC 6901 JSON Pointer of n ("" for the root).
func (n *Node) Pointer() string {
	if n == nil || n.Parent == nil {
		return ""
	}
	// Measure, then write: one allocation (the pointer is asked for by
	// every finding and every fact of a catalogue).
	var steps [32]*Node
	path := steps[:0]
	size := 0
	for m := n; m.Parent != nil; m = m.Parent {
		path = append(path, m)
		size += 1 + m.stepLen()
	}
	var b strings.Builder
	b.Grow(size)
	var digits [20]byte
	for i := len(path) - 1; i >= 0; i-- {
		m := path[i]
		b.WriteByte('/')
		if m.Index >= 0 {
			b.Write(strconv.AppendInt(digits[:0], int64(m.Index), 10))
		} else {
			writeEscapedKey(&b, m.Key)
		}
	}
	return b.String()
}

// writeEscapedKey writes key as a pointer step: ~ as ~0, / as ~1.
func writeEscapedKey(b *strings.Builder, key string) {
	for {
		i := strings.IndexAny(key, "~/")
		if i < 0 {
			b.WriteString(key)
			return
		}
		b.WriteString(key[:i])
		if key[i] == '~' {
			b.WriteString("~0")
		} else {
			b.WriteString("~1")
		}
		key = key[i+1:]
	}
}

// stepLen is the length of n's step in its pointer: its index, or its
// escaped key.
func (n *Node) stepLen() int {
	if n.Index >= 0 {
		l := 1
		for i := n.Index; i >= 10; i /= 10 {
			l++
		}
		return l
	}
	return len(n.Key) + strings.Count(n.Key, "~") + strings.Count(n.Key, "/")
}

// escapePointer is key as a pointer step (writeEscapedKey).
func escapePointer(key string) string {
	if !strings.ContainsAny(key, "~/") {
		return key
	}
	var b strings.Builder
	writeEscapedKey(&b, key)
	return b.String()
}

// Lookup follows an RFC 6901 pointer from n; nil when it leads nowhere.
func (n *Node) Lookup(pointer string) *Node {
	st, ok := steps(pointer)
	if !ok {
		return nil
	}
	cur := n
	for _, step := range st {
		cur = cur.Child(step)
	}
	return cur
}

// steps splits a pointer into its unescaped steps; false when it is not a
// pointer.
func steps(p string) ([]string, bool) {
	if p == "" {
		return nil, true
	}
	if p[0] != '/' {
		return nil, false
	}
	s := strings.Split(p[1:], "/")
	for i := range s {
		s[i] = pointerUnescaper.Replace(s[i])
	}
	return s, true
}

var pointerUnescaper = strings.NewReplacer("~1", "/", "~0", "~")

// Child returns the member step of an object or the item of an array at
// the index step (written canonically, as in a pointer); nil when there is
// none, or n is nil.
func (n *Node) Child(step string) *Node {
	switch {
	case n == nil:
		return nil
	case n.Kind == Object:
		return n.Get(step)
	case n.Kind == Array:
		i, err := strconv.Atoi(step)
		if err != nil || i < 0 || i >= len(n.Items) || step != strconv.Itoa(i) {
			return nil
		}
		return n.Items[i]
	}
	return nil
}

// Value converts the tree to plain Go values: map[string]any, []any,
// string, json.Number, bool and nil: what a JSON Schema engine consumes.
func (n *Node) Value() any {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case Object:
		m := make(map[string]any, len(n.Fields))
		for _, f := range n.Fields {
			m[f.Key] = f.Value()
		}
		return m
	case Array:
		a := make([]any, len(n.Items))
		for i, it := range n.Items {
			a[i] = it.Value()
		}
		return a
	case String:
		return n.Str
	case Number:
		return json.Number(n.Str)
	case Bool:
		return n.Bool
	}
	return nil
}
