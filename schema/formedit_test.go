package schema

import (
	"encoding/json"
	"maps"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestFormEdit(t *testing.T) {
	const nested = "{\n  \"a\": {\n    \"b\": 1\n  },\n  \"l\": [\n    {\"x\": 1},\n    {\"x\": 2},\n    {\"x\": 3}\n  ]\n}"
	for _, tc := range []struct {
		name, text string
		op         FormOp
		want       string // the text after the edit
		err        string // the error code, when the edit is refused
	}{
		// set
		{"set a value", `{"a": "x", "b": 1}`, FormOp{Op: "set", Path: "/a", Value: json.RawMessage(`"y"`)}, `{"a": "y", "b": 1}`, ""},
		{"set adds a member in the object's indentation", nested, FormOp{Op: "set", Path: "/a/c", Value: json.RawMessage(`"v"`)},
			"{\n  \"a\": {\n    \"b\": 1,\n    \"c\": \"v\"\n  },\n  \"l\": [\n    {\"x\": 1},\n    {\"x\": 2},\n    {\"x\": 3}\n  ]\n}", ""},
		{"set creates missing parents, in the text's style", "{\n\t\"k\": 1\n}", FormOp{Op: "set", Path: "/brand_info/base_info/title", Value: json.RawMessage(`"茶"`)},
			"{\n\t\"k\": 1,\n\t\"brand_info\": {\n\t\t\"base_info\": {\n\t\t\t\"title\": \"茶\"\n\t\t}\n\t}\n}", ""},
		{"set creates a missing array with step 0", "{\n  \"d\": {}\n}", FormOp{Op: "set", Path: "/d/list/0/title", Value: json.RawMessage(`"t"`)},
			"{\n  \"d\": {\n    \"list\": [\n      {\n        \"title\": \"t\"\n      }\n    ]\n  }\n}", ""},
		{"set appends to an array with -", `{"l": [1]}`, FormOp{Op: "set", Path: "/l/-", Value: json.RawMessage(`2`)}, `{"l": [1, 2]}`, ""},
		{"set an object keeps its key order", `{"a": 1}`, FormOp{Op: "set", Path: "/o", Value: json.RawMessage(`{"z": 1, "a": 2}`)}, `{"a": 1, "o": {"z": 1, "a": 2}}`, ""},
		{"set into an empty root", "{}", FormOp{Op: "set", Path: "/k", Value: json.RawMessage(`"v"`)}, `{"k": "v"}`, ""},
		{"set leaves a slip elsewhere", "{\"a\": 1,, \"b\": 2}", FormOp{Op: "set", Path: "/b", Value: json.RawMessage(`3`)}, "{\"a\": 1,, \"b\": 3}", ""},
		{"set after CJK counts UTF-16 units", `{"标题": "😀", "k": 1}`, FormOp{Op: "set", Path: "/k", Value: json.RawMessage(`2`)}, `{"标题": "😀", "k": 2}`, ""},
		{"set under a scalar is refused", `{"a": 1}`, FormOp{Op: "set", Path: "/a/b", Value: json.RawMessage(`1`)}, "", "form.path.parent"},
		{"set a value that is not JSON", `{"a": 1}`, FormOp{Op: "set", Path: "/a", Value: json.RawMessage(`{x`)}, "", "form.value.invalid"},
		{"a fatal text takes no edit", `{"a": 1 ?`, FormOp{Op: "set", Path: "/a", Value: json.RawMessage(`2`)}, "", "form.text.fatal"},
		{"a key with no value takes no edit", `{"a": 1, "b": }`, FormOp{Op: "set", Path: "/b", Value: json.RawMessage(`2`)}, "", "form.text.fatal"},
		// remove
		{"remove the last member", `{"a": 1, "b": 2}`, FormOp{Op: "remove", Path: "/b"}, `{"a": 1}`, ""},
		{"remove the first member", "{\n  \"a\": 1,\n  \"b\": 2\n}", FormOp{Op: "remove", Path: "/a"}, "{\n  \"b\": 2\n}", ""},
		{"remove the only member", "{\n  \"a\": {\"b\": 1}\n}", FormOp{Op: "remove", Path: "/a/b"}, "{\n  \"a\": {}\n}", ""},
		{"remove a middle item", nested, FormOp{Op: "remove", Path: "/l/1"},
			"{\n  \"a\": {\n    \"b\": 1\n  },\n  \"l\": [\n    {\"x\": 1},\n    {\"x\": 3}\n  ]\n}", ""},
		{"remove what is not there", `{"a": 1}`, FormOp{Op: "remove", Path: "/b"}, "", "form.path.missing"},
		// insert
		{"insert first", nested, FormOp{Op: "insert", Path: "/l", Index: 0, Value: json.RawMessage(`{"x": 0}`)},
			"{\n  \"a\": {\n    \"b\": 1\n  },\n  \"l\": [\n    {\n      \"x\": 0\n    },\n    {\"x\": 1},\n    {\"x\": 2},\n    {\"x\": 3}\n  ]\n}", ""},
		{"insert last", `{"l": [1, 2]}`, FormOp{Op: "insert", Path: "/l", Index: 2, Value: json.RawMessage(`3`)}, `{"l": [1, 2, 3]}`, ""},
		{"insert with -1 appends", "{\n  \"l\": [\n    1\n  ]\n}", FormOp{Op: "insert", Path: "/l", Index: -1, Value: json.RawMessage(`2`)}, "{\n  \"l\": [\n    1,\n    2\n  ]\n}", ""},
		{"insert in the middle on one line", `{"l": [1, 3]}`, FormOp{Op: "insert", Path: "/l", Index: 1, Value: json.RawMessage(`2`)}, `{"l": [1, 2, 3]}`, ""},
		{"insert into an empty array", "{\n  \"l\": []\n}", FormOp{Op: "insert", Path: "/l", Index: 0, Value: json.RawMessage(`{"t": "a"}`)},
			"{\n  \"l\": [\n    {\n      \"t\": \"a\"\n    }\n  ]\n}", ""},
		{"insert creates the array", "{\n  \"o\": {}\n}", FormOp{Op: "insert", Path: "/o/l", Index: 0, Value: json.RawMessage(`1`)},
			"{\n  \"o\": {\n    \"l\": [\n      1\n    ]\n  }\n}", ""},
		{"insert out of range", `{"l": [1]}`, FormOp{Op: "insert", Path: "/l", Index: 3, Value: json.RawMessage(`1`)}, "", "form.index.range"},
		// move
		{"move down one: exactly two items swap", nested, FormOp{Op: "move", Path: "/l", Index: 0, To: 1},
			"{\n  \"a\": {\n    \"b\": 1\n  },\n  \"l\": [\n    {\"x\": 2},\n    {\"x\": 1},\n    {\"x\": 3}\n  ]\n}", ""},
		{"move last to first", nested, FormOp{Op: "move", Path: "/l", Index: 2, To: 0},
			"{\n  \"a\": {\n    \"b\": 1\n  },\n  \"l\": [\n    {\"x\": 3},\n    {\"x\": 1},\n    {\"x\": 2}\n  ]\n}", ""},
		{"move keeps separators and slips in place", `{"l": [1,2 ,  3]}`, FormOp{Op: "move", Path: "/l", Index: 0, To: 2}, `{"l": [2,3 ,  1]}`, ""},
		{"move out of range", `{"l": [1]}`, FormOp{Op: "move", Path: "/l", Index: 0, To: 1}, "", "form.index.range"},
		{"unknown op", `{}`, FormOp{Op: "paint"}, "", "form.op.unknown"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := Parse(tc.text).FormEdit(tc.op)
			if tc.err != "" {
				ee, ok := err.(*EditError)
				if !ok || ee.Code != tc.err || ee.Message.ZH == "" || ee.Message.EN == "" {
					t.Fatalf("got %+v, %v; want error %s", e, err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := applyEdit(tc.text, e); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s\n(edit %+v)", got, tc.want, e)
			}
		})
	}
}

// Reordering two actions of a real document: the text moves exactly those
// two items, everything else is untouched, and the validator reads the
// same actions in the new order.
func TestFormEditMoveSample(t *testing.T) {
	b, err := os.ReadFile("../samples/04-reconstructed-full-features.json")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	d := Parse(text)
	list := d.Root.Lookup("/brand_info/action_info/action_list")
	a, c := list.Items[2], list.Items[3]
	e, err := d.FormEdit(FormOp{Op: "move", Path: "/brand_info/action_info/action_list", Index: 2, To: 3})
	if err != nil {
		t.Fatal(err)
	}
	got := applyEdit(text, e)
	want := text[:a.Start] + text[c.Start:c.End] + text[a.End:c.Start] + text[a.Start:a.End] + text[c.End:]
	if got != want {
		t.Fatalf("the move changed more than the two items:\n%s", got)
	}
	if e.Length != len([]rune(text[a.Start:c.End])) && !strings.ContainsAny(text[a.Start:c.End], "\U0001F600") {
		// the edit spans the two items and nothing more (UTF-16 units; no astral characters here)
		t.Errorf("edit length %d, the two items span %d", e.Length, len([]rune(text[a.Start:c.End])))
	}
}

// Each refused kind of action says why; the others are allowed.
func TestActionChoices(t *testing.T) {
	doc := func(actions string) string {
		return `{"brand_info": {"action_info": {"action_list": [` + actions + `]}}}`
	}
	refused := func(cs []ActionChoice) map[string]string {
		m := map[string]string{}
		for _, c := range cs {
			if !c.Allowed {
				m[c.Kind] = c.Code
				if c.Reason == "" {
					t.Errorf("%s refused without a reason", c.Kind)
				}
			}
		}
		return m
	}
	for _, tc := range []struct {
		name, text string
		want       map[string]string
	}{
		{"empty document", `{}`, map[string]string{}},
		{"no second text, user or card", doc(`{"type": "text", "text": "a"}, {"type": "user"}, {"type": "card", "cardid": "x"}`),
			map[string]string{"text": "action.text.duplicate", "user": "action.user.duplicate", "card": "action.card.duplicate"}},
		{"no fourth counted link; banners do not count", doc(`{"type": "link", "name": "a", "link": "http://a"}, {"type": "link", "name": "b", "link": "http://b"}, {"type": "user"}, {"type": "link", "showtype": "banner", "link": "http://c", "image": "http://d"}`),
			map[string]string{"link": "action.count", "user": "action.user.duplicate", "card": "action.count", "media": "action.banner_media"}},
		{"no banner next to a media", doc(`{"type": "media", "link": "https://v.qq.com/x", "image": "http://i"}`), map[string]string{"banner": "action.banner_media"}},
		{"a rule the list already breaks refuses only its own kind", doc(`{"type": "text", "text": "a"}, {"type": "text", "text": "b"}`),
			map[string]string{"text": "action.text.duplicate"}},
		{"other fields do not refuse", doc(`{"type": "recommend", "recommend": {"recommend_list": [{"keystandard": "ean13", "keystr": "1"}]}}`), map[string]string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := refused(ActionChoices(Parse(tc.text), EN))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("refused %v, want %v", got, tc.want)
			}
		})
	}
	cs := ActionChoices(Parse(doc(`{"type": "text", "text": "a"}`)), EN)
	for _, c := range cs {
		if c.Kind == "text" && !strings.Contains(c.Reason, "second text action") {
			t.Errorf("text refused with %q", c.Reason)
		}
		if d := Parse(string(c.Item)); d.Fatal || len(d.syntax) > 0 {
			t.Errorf("%s: item %s is not JSON", c.Kind, c.Item)
		}
	}
}

// FuzzFormEdit applies a form edit to any text that parses and checks that
// the new text reads as the old one with exactly that change: the value at
// the pointer set, the member or item removed, inserted or moved, and every
// other value the same.
func FuzzFormEdit(f *testing.F) {
	texts := []string{
		"{\n  \"a\": {\n    \"b\": 1\n  },\n  \"l\": [\n    {\"x\": 1},\n    {\"x\": 2},\n    {\"x\": 3}\n  ]\n}",
		`{"l": [1,2 ,  3], "e": [], "o": {}}`, "｛\"a\"：［1，2］｝", `{"a": 1,, "b": [1 2], /* c */ "c": {"d": "e",}}`,
		"{\n\t\"x\": {}\n}", `[]`, `"s"`,
	}
	texts = append(texts, sampleTexts(f)...)
	for i, s := range texts {
		for op := uint8(0); op < 4; op++ {
			f.Add(s, uint16(i*7+int(op)*3), op, int8(i-2), `{"v": [1, "x", {"k": null}]}`)
		}
	}
	f.Fuzz(func(t *testing.T, text string, pick uint16, op uint8, arg int8, value string) {
		d := Parse(text)
		if d.Fatal || d.Root == nil {
			return
		}
		if vd := Parse(value); vd.Fatal || len(vd.syntax) > 0 || vd.Root == nil || hasDuplicates(vd.Root) {
			value = `"x"`
		}
		if hasDuplicates(d.Root) {
			return // the last of two keys wins, and removing it brings back the first
		}
		var nodes []*Node
		var walk func(n *Node)
		walk = func(n *Node) {
			nodes = append(nodes, n)
			for _, c := range append(append([]*Node(nil), n.Fields...), n.Items...) {
				walk(c)
			}
		}
		walk(d.Root)
		n := nodes[int(pick)%len(nodes)]
		p := n.Pointer()
		old := d.Root.Value()
		v := Parse(value).Root.Value()
		var fo FormOp
		var want any
		switch op % 4 {
		case 0:
			fo = FormOp{Op: "set", Path: p, Value: json.RawMessage(value)}
			want = edited(old, p, func(any) any { return v })
		case 1:
			if n.Parent == nil {
				return
			}
			fo = FormOp{Op: "remove", Path: p}
			want = removed(old, n)
		case 2:
			if n.Kind != Array {
				return
			}
			i := int(uint8(arg)) % (len(n.Items) + 1)
			fo = FormOp{Op: "insert", Path: p, Index: i, Value: json.RawMessage(value)}
			want = edited(old, p, func(a any) any { return slices.Insert(slices.Clone(a.([]any)), i, v) })
		case 3:
			if n.Kind != Array || len(n.Items) == 0 {
				return
			}
			from, to := int(uint8(arg))%len(n.Items), int(pick/7)%len(n.Items)
			fo = FormOp{Op: "move", Path: p, Index: from, To: to}
			want = edited(old, p, func(a any) any {
				l := slices.Clone(a.([]any))
				it := l[from]
				l = slices.Delete(l, from, from+1)
				return slices.Insert(l, to, it)
			})
		}
		e, err := d.FormEdit(fo)
		if err != nil {
			if ee, ok := err.(*EditError); ok && ee.Code == "form.text.open" {
				return
			}
			t.Fatalf("%+v on %q: %v", fo, text, err)
		}
		u := textUnits(text)
		if e.Offset < 0 || e.Length < 0 || e.Offset+e.Length > u {
			t.Fatalf("edit %+v outside the text (%d units)", e, u)
		}
		out := applyEdit(text, e)
		nd := Parse(out)
		if nd.Fatal || nd.Root == nil {
			t.Fatalf("%+v on %q gave a text that does not parse: %q", fo, text, out)
		}
		if got := nd.Root.Value(); !reflect.DeepEqual(got, want) {
			t.Fatalf("%+v on %q:\n got %q\n reads %v\nwant %v", fo, text, out, got, want)
		}
	})
}

// hasDuplicates reports whether an object under n has a key twice.
func hasDuplicates(n *Node) bool {
	seen := map[string]bool{}
	for _, f := range n.Fields {
		if seen[f.Key] || hasDuplicates(f) {
			return true
		}
		seen[f.Key] = true
	}
	for _, it := range n.Items {
		if hasDuplicates(it) {
			return true
		}
	}
	return false
}

// edited returns v with the value at pointer p replaced by fn of it (fn(nil)
// when it is not there), copying what it changes.
func edited(v any, p string, fn func(any) any) any {
	st, _ := steps(p)
	var rec func(v any, st []string) any
	rec = func(v any, st []string) any {
		if len(st) == 0 {
			return fn(v)
		}
		switch c := v.(type) {
		case map[string]any:
			m := maps.Clone(c)
			m[st[0]] = rec(c[st[0]], st[1:])
			return m
		case []any:
			l := slices.Clone(c)
			i, _ := strconv.Atoi(st[0])
			l[i] = rec(c[i], st[1:])
			return l
		}
		return nil
	}
	return rec(v, st)
}

// removed returns v without the member or item n.
func removed(v any, n *Node) any {
	return edited(v, n.Parent.Pointer(), func(c any) any {
		switch c := c.(type) {
		case map[string]any:
			m := maps.Clone(c)
			delete(m, n.Key)
			return m
		case []any:
			return slices.Delete(slices.Clone(c), n.Index, n.Index+1)
		}
		return nil
	})
}
