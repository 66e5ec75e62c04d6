package schema

import (
	"encoding/json"
	"os"
	"reflect"
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
