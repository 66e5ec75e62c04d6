package schema

import (
	"encoding/json"
	"reflect"
	"testing"
	"unicode/utf16"
)

// applyEdit applies e (UTF-16 offsets) to text, as a JavaScript editor does.
func applyEdit(text string, e Edit) string {
	u := utf16.Encode([]rune(text))
	out := append(append(append([]uint16{}, u[:e.Offset]...), utf16.Encode([]rune(e.Text))...), u[e.Offset+e.Length:]...)
	return string(utf16.Decode(out))
}

func TestSetEdit(t *testing.T) {
	for _, tc := range []struct {
		name, text, pointer string
		value               any
		want                string // the text after the edit; "" when there is none
	}{
		{"replace a string", `{"a": "x", "b": 1}`, "/a", "y", `{"a": "y", "b": 1}`},
		{"replace a number by a string", `{"a": 12}`, "/a", "12", `{"a": "12"}`},
		{"replace a string by a number", `{"c": "0012"}`, "/c", json.Number("12"), `{"c": 12}`},
		{"the last of two duplicate keys", `{"k": "1", "k": "2"}`, "/k", "3", `{"k": "1", "k": "3"}`},
		{"after CJK and an emoji", `{"标题": "扫一扫 😀", "k": "1"}`, "/k", "2", `{"标题": "扫一扫 😀", "k": "2"}`},
		{"escaped pointer", `{"a/b": {"c~d": 1}}`, "/a~1b/c~0d", 2, `{"a/b": {"c~d": 2}}`},
		{"array item", `{"l": [1, 2, 3]}`, "/l/1", "x", `{"l": [1, "x", 3]}`},
		{"quotes and escapes", `{"a": ""}`, "/a", "say \"hi\"\n", `{"a": "say \"hi\"\n"}`},
		{"a member added on one line", `{"a": 1}`, "/b", true, `{"a": 1, "b": true}`},
		{"a member added in the object's indentation",
			"{\n    \"x\": {\n        \"a\": 1\n    }\n}", "/x/b", "v",
			"{\n    \"x\": {\n        \"a\": 1,\n        \"b\": \"v\"\n    }\n}"},
		{"into an empty object, in the text's unit",
			"{\n\t\"x\": {}\n}", "/x/b", 1,
			"{\n\t\"x\": {\n\t\t\"b\": 1\n\t}\n}"},
		{"into an empty object opened with a full-width brace",
			"{\n  \"x\": ｛}\n}", "/x/b", 1,
			"{\n  \"x\": ｛\n    \"b\": 1\n  }\n}"},
		{"a key that needs escaping", `{"a": 1}`, `/q"`, 1, `{"a": 1, "q\"": 1}`},
		{"no such object", `{"a": 1}`, "/x/y", 1, ""},
		{"not an object", `{"a": [1]}`, "/a/b", 1, ""},
		{"an object left open", `{"a": {"b": 1`, "/a/c", 1, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Parse(tc.text)
			e, ok := d.SetEdit(tc.pointer, tc.value)
			got := ""
			if ok {
				got = applyEdit(tc.text, e)
			}
			if got != tc.want {
				t.Errorf("SetEdit(%q, %v) on %q:\n got %q (%+v, %v)\nwant %q", tc.pointer, tc.value, tc.text, got, e, ok, tc.want)
			}
		})
	}
}

// Every fix of every rule case and sample carries the edit that does what
// it says: a text fix's edit replaces the issue's range; a value fix's
// edit, applied, leaves the value at its path equal to the fix's value.
func TestFixesCarryTheirEdit(t *testing.T) {
	base, cases := readRuleCases(t)
	type input struct{ text, merchant string }
	var inputs []input
	for _, tc := range cases {
		inputs = append(inputs, input{tc.text(t, base), tc.merchant})
	}
	for _, s := range sampleTexts(t) {
		inputs = append(inputs, input{s, ""})
	}
	checked := 0
	for _, in := range inputs {
		for _, is := range Validate(in.text, Options{Lang: EN, Merchant: in.merchant}).Report.Issues {
			if is.Fix == nil {
				continue
			}
			text := in.text
			if is.Source == SourceMerchant {
				text = in.merchant
			}
			if is.Fix.Edit == nil {
				t.Errorf("%s at %s: a fix without its edit", is.Code, is.Path)
				continue
			}
			checked++
			if is.Fix.IsText {
				if want := (Edit{is.Offset, is.Length, is.Fix.Text}); *is.Fix.Edit != want {
					t.Errorf("%s: text fix edit %+v, want %+v", is.Code, *is.Fix.Edit, want)
				}
				continue
			}
			after := Parse(applyEdit(text, *is.Fix.Edit))
			n := after.Root.Lookup(is.Fix.Path)
			want, _ := json.Marshal(is.Fix.Value)
			var wantV, gotV any
			json.Unmarshal(want, &wantV)
			if n != nil {
				got, _ := json.Marshal(n.Value())
				json.Unmarshal(got, &gotV)
			}
			if n == nil || !reflect.DeepEqual(gotV, wantV) {
				t.Errorf("%s: after its edit %+v, %s is %v, want %s", is.Code, *is.Fix.Edit, is.Fix.Path, gotV, want)
			}
		}
	}
	if checked < 40 {
		t.Fatalf("only %d fixes checked", checked)
	}
}
