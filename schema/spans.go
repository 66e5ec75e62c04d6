package schema

import "strconv"

// Value spans: where each value of a document stands in its text, by JSON
// Pointer, so that a page can put the cursor on a value (a click in the
// preview) or find the value under the cursor (to outline it in the
// preview) without reading JSON itself.

// A ValueSpan is where the value at Path stands, in UTF-16 code units as an
// editor counts: the value's token runs from Offset for Length units (for
// an object or array, from its opening to its closing bracket), and Key is
// the offset of its member key's opening quote, -1 for an array item or
// the root.
type ValueSpan struct {
	Path   string `json:"path"`
	Key    int    `json:"key"`
	Offset int    `json:"offset"`
	Length int    `json:"length"`
}

// Spans returns the span of every value the validator reads, in text
// order (a parent before its children). Of duplicate keys only the last
// one is listed, the one Get, the form and the preview take. A text with a
// fatal syntax error gives the spans of what was read before it.
func (d *Document) Spans() []ValueSpan {
	if d.Root == nil {
		return []ValueSpan{}
	}
	x := d.index()
	out := make([]ValueSpan, 0, 64)
	var walk func(n *Node, path string)
	walk = func(n *Node, path string) {
		a, b := x.pos(n.Start), x.pos(n.End)
		key := -1
		if n.KeyStart >= 0 && n.Index < 0 && n.Parent != nil {
			key = x.pos(n.KeyStart).Offset
		}
		out = append(out, ValueSpan{Path: path, Key: key, Offset: a.Offset, Length: b.Offset - a.Offset})
		switch n.Kind {
		case Object:
			last := make(map[string]int, len(n.Fields))
			for i, f := range n.Fields {
				last[f.Key] = i
			}
			for i, f := range n.Fields {
				if last[f.Key] == i {
					walk(f, path+"/"+escapePointer(f.Key))
				}
			}
		case Array:
			for i, it := range n.Items {
				walk(it, path+"/"+strconv.Itoa(i))
			}
		}
	}
	walk(d.Root, "")
	return out
}
