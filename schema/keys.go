package schema

import "slices"

// keys walks the objects of known shape under n (of shape sh) and warns
// about every key the API does not know: it ignores them, so a misspelt
// key silently loses its value. When one known key is within edit
// distance 2 the message suggests it, and the fix renames the key unless
// the object already has that key.
func (c *checker) keys(n *Node, sh shape) {
	if n == nil || n.Kind != Object || sh == shapeNone {
		return
	}
	known := knownKeys(sh, actionType(n))
	if sh == shapeBase {
		// Fields product/get returns: not unknown (a rule gives them an
		// info of their own), and fine as suggestions.
		known = append(slices.Clip(known), responseOnly...)
	}
	var present *keySet // n's keys, for a fix's rename; built on demand
	for _, f := range n.Fields {
		if !slices.Contains(known, f.Key) {
			if c.left.leftOut(f.KeyStart) {
				// Left out of any report: counted, no message, no search.
				c.add(finding{sev: Warning, code: "object.unknown_key", path: f.Pointer(), start: f.KeyStart, end: f.KeyEnd})
			} else {
				if present == nil {
					present = &keySet{}
				}
				c.unknownKey(n, f, sh, known, present)
			}
		}
		switch f.Kind {
		case Object:
			c.keys(f, childShape(sh, f.Key, false))
		case Array:
			item := childShape(sh, f.Key, true)
			for _, it := range f.Items {
				c.keys(it, item)
			}
		}
	}
}

// unknownKey reports the member f of obj, whose key is not known.
// present finds obj's members by key.
func (c *checker) unknownKey(obj, f *Node, sh shape, candidates []string, present *keySet) {
	where := name(obj)
	if sh == shapeAction {
		if t := actionType(obj); t != "" {
			where = Msg("%s（%s 类型）", "%s (a %s action)", name(obj), t)
		}
	}
	s, ok := "", false
	if len(f.Key) <= maxSuggestKey {
		s, ok = nearest(f.Key, candidates)
	}
	if !ok {
		c.atKey(f, Warning, "object.unknown_key", 0, Msg("%[2]s 中的 %[1]s 不是已知字段，会被 API 忽略。", "%s is not a field of %s; the API ignores it.", Quote(f.Key), where))
		return
	}
	fd := c.atKey(f, Warning, "object.unknown_key", 0, Msg("%[2]s 中的 %[1]s 不是已知字段，会被 API 忽略；是不是想写 %[3]s？", "%s is not a field of %s and the API ignores it; did you mean %s?", Quote(f.Key), where, s))
	if present.seen(obj.Fields, s) == nil && c.text[f.KeyStart] == '"' {
		fd.fix = textFix(quoteJSON(s))
	}
}
