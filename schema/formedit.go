package schema

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Form edits. A form changes the document only through the edits computed
// here: each is one minimal Edit of the text (UTF-16 units, like a fix's),
// which the page applies to its editor as one transaction, in the same undo
// history as typing. Everything outside the edit stays byte for byte:
// formatting, key order, even a slip elsewhere. New members and items are
// written in the document's own indentation. There is no second JSON writer
// in JavaScript.

// A FormOp is one change a form asks for.
//
//   - set: the value at Path becomes Value; missing parents are created
//     (a missing step "0" or "-" makes an array, any other an object).
//   - remove: the object member or array item at Path goes, with its comma.
//   - insert: Value becomes item Index of the array at Path (Index = its
//     length, or -1, appends; a missing array is created).
//   - move: item Index of the array at Path moves to position To; only the
//     items between the two move, the separators stay where they are.
type FormOp struct {
	Op    string          `json:"op"`
	Path  string          `json:"path"`
	Value json.RawMessage `json:"value,omitempty"` // JSON text: its key order is kept
	Index int             `json:"index,omitempty"`
	To    int             `json:"to,omitempty"`
}

// An EditError says why a form edit cannot be made, with a stable code.
type EditError struct {
	Code    string
	Message Message
}

func (e *EditError) Error() string { return e.Code + ": " + e.Message.EN }

func editErr(code string, msg Message) *EditError { return &EditError{code, msg} }

// FormEdit returns the one edit of d's text that does op. A partial
// document (a syntax error not stepped over, a key with no value) takes no
// edit: what was read of it is not the whole document.
func (d *Document) FormEdit(op FormOp) (Edit, error) {
	if d.partial() {
		return Edit{}, editErr("form.text.fatal", Msg("文本有无法跳过的语法错误，表单暂不能修改它；请先在文本中修正。",
			"The text has a syntax error that cannot be stepped over; fix it in the text before the form can change it."))
	}
	switch op.Op {
	case "set":
		return d.setValue(op.Path, op.Value)
	case "remove":
		return d.remove(op.Path)
	case "insert":
		return d.insert(op.Path, op.Index, op.Value)
	case "move":
		return d.move(op.Path, op.Index, op.To)
	}
	return Edit{}, editErr("form.op.unknown", Msg("未知的表单操作 %s。", "Unknown form operation %s.", Quote(op.Op)))
}

func noPath(p string) *EditError {
	return editErr("form.path.missing", Msg("文档中没有 %s。", "The document has no %s.", Quote(p)))
}

// closed reports whether the container n ends with its ASCII closing
// bracket (not a full-width one the parser stepped over, nor nothing).
func (d *Document) closed(n *Node) bool {
	if n.End <= n.Start {
		return false
	}
	c := d.Text[n.End-1]
	return n.Kind == Object && c == '}' || n.Kind == Array && c == ']'
}

// openSize is the length of a container's opening bracket: 1, or 3 for a
// full-width one the parser stepped over.
func (d *Document) openSize(n *Node) int {
	_, size := utf8.DecodeRuneInString(d.Text[n.Start:])
	return size
}

// multiline reports whether the container n spans more than one line.
func (d *Document) multiline(n *Node) bool {
	return strings.Contains(d.Text[n.Start:n.End], "\n")
}

// ownLine reports whether the token at off is the first on its line.
func ownLine(text string, off int) bool {
	start := strings.LastIndexByte(text[:off], '\n') + 1
	return strings.TrimLeft(text[start:off], " \t") == ""
}

// startOf is where the member or item n starts: its key, or its value.
func startOf(n *Node) int {
	if n.KeyStart >= 0 {
		return n.KeyStart
	}
	return n.Start
}

// valueNode reads the JSON text of a value to write, keeping its key order
// (a new action's "type" first); false unless it is plain, whole JSON.
func valueNode(v json.RawMessage) (*Node, bool) {
	d := Parse(string(v))
	if d.Fatal || len(d.syntax) > 0 || d.Root == nil {
		return nil, false
	}
	return d.Root, true
}

// write appends n as JSON text: in multi-line style each member or item on
// its own line, indented one unit more than indent; else on one line.
func write(b *strings.Builder, n *Node, indent, unit string, multi bool) {
	switch n.Kind {
	case Object, Array:
		open, close := "{", "}"
		kids := n.Fields
		if n.Kind == Array {
			open, close, kids = "[", "]", n.Items
		}
		b.WriteString(open)
		if len(kids) == 0 {
			b.WriteString(close)
			return
		}
		for i, k := range kids {
			if i > 0 {
				b.WriteByte(',')
				if !multi {
					b.WriteByte(' ')
				}
			}
			if multi {
				b.WriteString("\n" + indent + unit)
			}
			if n.Kind == Object {
				b.WriteString(quoteJSON(k.Key) + ": ")
			}
			write(b, k, indent+unit, unit, multi)
		}
		if multi {
			b.WriteString("\n" + indent)
		}
		b.WriteString(close)
	case String:
		b.WriteString(quoteJSON(n.Str))
	case Number:
		b.WriteString(n.Str)
	case Bool:
		b.WriteString(strconv.FormatBool(n.Bool))
	default:
		b.WriteString("null")
	}
}

// valueText writes n to stand in a container whose members start at
// indent.
func (d *Document) valueText(n *Node, indent string, multi bool) string {
	var b strings.Builder
	write(&b, n, indent, d.indentUnit(), multi)
	return b.String()
}

// wrap builds the value that creates the missing steps rest around v: for
// ["a", "0", "b"] and v, {"a": [{"b": v}]} minus the outer step, which the
// caller inserts.
func wrap(rest []string, v *Node) *Node {
	for i := len(rest) - 1; i >= 1; i-- {
		if rest[i] == "0" || rest[i] == "-" {
			v = &Node{Kind: Array, Items: []*Node{v}, KeyStart: -1, Index: 0}
		} else {
			v.Key = rest[i]
			v = &Node{Kind: Object, Fields: []*Node{v}, KeyStart: -1, Index: -1}
		}
	}
	return v
}

// setValue replaces the value at p, or adds it with its missing parents.
func (d *Document) setValue(p string, v json.RawMessage) (Edit, error) {
	val, ok := valueNode(v)
	if !ok {
		return Edit{}, editErr("form.value.invalid", Msg("这个值不能写成 JSON。", "This value cannot be written as JSON."))
	}
	st, ok := steps(p)
	if !ok {
		return Edit{}, noPath(p)
	}
	if n := d.Root.Lookup(p); n != nil {
		if (n.Kind == Object || n.Kind == Array) && !d.closed(n) {
			return Edit{}, editErr("form.text.open", Msg("%s 没有闭合，不能替换。", "%s is not closed, so it cannot be replaced.", name(n)))
		}
		multi := n.Parent == nil || d.multiline(n.Parent)
		return d.edit(n.Start, n.End, d.valueText(val, lineIndent(d.Text, startOf(n)), multi)), nil
	}
	// The deepest value that is there, and the steps that are not.
	anc, i := d.Root, 0
	for ; i < len(st); i++ {
		next := anc.Child(st[i])
		if next == nil {
			break
		}
		anc = next
	}
	return d.add(anc, st[i:], wrap(st[i:], val))
}

// add inserts val under the container anc as member or item rest[0].
func (d *Document) add(anc *Node, rest []string, val *Node) (Edit, error) {
	switch {
	case anc.Kind == Object && d.closed(anc):
		return d.addMember(anc, rest[0], val), nil
	case anc.Kind == Array && d.closed(anc) && (rest[0] == "-" || rest[0] == strconv.Itoa(len(anc.Items))):
		return d.addItem(anc, len(anc.Items), val), nil
	}
	return Edit{}, editErr("form.path.parent", Msg("%s 不是可以加入 %s 的对象或数组。", "%s is not an object or array that %s can be added to.", name(anc), Quote(rest[0])))
}

// addMember adds the member key: val after obj's last member, in its
// indentation (or on its line, when obj is on one line).
func (d *Document) addMember(obj *Node, key string, val *Node) Edit {
	open, close := obj.Start+d.openSize(obj), obj.End-1
	if len(obj.Fields) == 0 {
		if !strings.Contains(d.Text, "\n") {
			return d.edit(open, close, quoteJSON(key)+": "+d.valueText(val, "", false))
		}
		indent := lineIndent(d.Text, obj.Start)
		inner := indent + d.indentUnit()
		return d.edit(open, close, "\n"+inner+quoteJSON(key)+": "+d.valueText(val, inner, true)+"\n"+indent)
	}
	last := obj.Fields[len(obj.Fields)-1]
	if !d.multiline(obj) {
		return d.edit(last.End, last.End, ", "+quoteJSON(key)+": "+d.valueText(val, "", false))
	}
	indent := lineIndent(d.Text, last.KeyStart)
	return d.edit(last.End, last.End, ",\n"+indent+quoteJSON(key)+": "+d.valueText(val, indent, true))
}

// addItem inserts val as item i (0 ≤ i ≤ len) of the closed array arr.
func (d *Document) addItem(arr *Node, i int, val *Node) Edit {
	if len(arr.Items) == 0 {
		if !strings.Contains(d.Text, "\n") {
			return d.edit(arr.Start+d.openSize(arr), arr.End-1, d.valueText(val, "", false))
		}
		indent := lineIndent(d.Text, startOf(arr))
		inner := indent + d.indentUnit()
		return d.edit(arr.Start+d.openSize(arr), arr.End-1, "\n"+inner+d.valueText(val, inner, true)+"\n"+indent)
	}
	multi := d.multiline(arr)
	if i == len(arr.Items) {
		last := arr.Items[i-1]
		if !multi || !ownLine(d.Text, last.Start) {
			return d.edit(last.End, last.End, ", "+d.valueText(val, lineIndent(d.Text, last.Start), multi))
		}
		indent := lineIndent(d.Text, last.Start)
		return d.edit(last.End, last.End, ",\n"+indent+d.valueText(val, indent, true))
	}
	at := arr.Items[i]
	indent := lineIndent(d.Text, at.Start)
	if !multi || !ownLine(d.Text, at.Start) {
		return d.edit(at.Start, at.Start, d.valueText(val, indent, multi)+", ")
	}
	return d.edit(at.Start, at.Start, d.valueText(val, indent, true)+",\n"+indent)
}

// remove deletes the member or item at p with the comma that separates it.
func (d *Document) remove(p string) (Edit, error) {
	n := d.Root.Lookup(p)
	if n == nil || n.Parent == nil {
		return Edit{}, noPath(p)
	}
	par := n.Parent
	if !d.closed(par) {
		return Edit{}, editErr("form.text.open", Msg("%s 没有闭合，不能从中删除。", "%s is not closed, so nothing can be removed from it.", name(par)))
	}
	sibs := par.Items
	if par.Kind == Object {
		sibs = par.Fields
	}
	i := 0
	for sibs[i] != n {
		i++
	}
	switch {
	case len(sibs) == 1:
		return d.edit(par.Start+d.openSize(par), par.End-1, ""), nil
	case i > 0:
		return d.edit(sibs[i-1].End, n.End, ""), nil
	}
	return d.edit(startOf(n), startOf(sibs[1]), ""), nil
}

// insert adds v as item i of the array at p (creating the array).
func (d *Document) insert(p string, i int, v json.RawMessage) (Edit, error) {
	val, ok := valueNode(v)
	if !ok {
		return Edit{}, editErr("form.value.invalid", Msg("这个值不能写成 JSON。", "This value cannot be written as JSON."))
	}
	arr := d.Root.Lookup(p)
	if arr == nil {
		if i != 0 && i != -1 {
			return Edit{}, noPath(p)
		}
		return d.setValue(p, json.RawMessage("["+string(v)+"]"))
	}
	if arr.Kind != Array || !d.closed(arr) {
		return Edit{}, editErr("form.path.not_array", Msg("%s 不是数组。", "%s is not an array.", name(arr)))
	}
	if i == -1 {
		i = len(arr.Items)
	}
	if i < 0 || i > len(arr.Items) {
		return Edit{}, editErr("form.index.range", Msg("%s 只有 %d 项，不能插入到第 %d 项。", "%s has %d items; nothing can be inserted at %d.", name(arr), len(arr.Items), i))
	}
	return d.addItem(arr, i, val), nil
}

// move moves item from of the array at p to position to. The edit spans
// the items between the two; the separators between them stay in place,
// the items' own texts move.
func (d *Document) move(p string, from, to int) (Edit, error) {
	arr := d.Root.Lookup(p)
	if arr == nil || arr.Kind != Array {
		return Edit{}, noPath(p)
	}
	n := len(arr.Items)
	if from < 0 || from >= n || to < 0 || to >= n {
		return Edit{}, editErr("form.index.range", Msg("%s 只有 %d 项，不能把第 %d 项移到第 %d 项。", "%s has %d items; item %d cannot move to %d.", name(arr), n, from, to))
	}
	lo, hi := min(from, to), max(from, to)
	for _, it := range arr.Items[lo : hi+1] {
		if (it.Kind == Object || it.Kind == Array) && !d.closed(it) {
			return Edit{}, editErr("form.text.open", Msg("%s 没有闭合，不能移动。", "%s is not closed, so it cannot move.", name(it)))
		}
	}
	order := make([]*Node, 0, hi-lo+1)
	for k := lo; k <= hi; k++ {
		if k != from {
			order = append(order, arr.Items[k])
		}
	}
	moved := arr.Items[from]
	if to > from {
		order = append(order, moved)
	} else {
		order = append([]*Node{moved}, order...)
	}
	var b strings.Builder
	for k, it := range order {
		if k > 0 {
			b.WriteString(d.Text[arr.Items[lo+k-1].End:arr.Items[lo+k].Start])
		}
		b.WriteString(d.Text[it.Start:it.End])
	}
	return d.edit(arr.Items[lo].Start, arr.Items[hi].End, b.String()), nil
}
