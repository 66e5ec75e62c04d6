package gojsonschema

// scanpage: tests of scanpage's patch (SCANPAGE.md); upstream's own tests
// are not kept in this copy.

import (
	"encoding/json"
	"testing"
)

// TestQuotePlainIsMarshal: quotePlain writes exactly what json.Marshal
// writes whenever it says it can, and declines every string json.Marshal
// would escape.
func TestQuotePlainIsMarshal(t *testing.T) {
	cases := []string{"", "link", "mini_program", "a b", "~!@#$%^*()_+", "<", ">", "&", `"`, `\`, "\x00", "\x1f", "\x7f", "é", "京东", "\u2028", "\xff"}
	for c := 0; c < 256; c++ {
		cases = append(cases, string(rune(c)), "x"+string([]byte{byte(c)})+"y")
	}
	for _, s := range cases {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := quotePlain(s)
		if ok && got != string(want) {
			t.Errorf("quotePlain(%q) = %s, json.Marshal gives %s", s, got, want)
		}
		plain := len(want) == len(s)+2 && string(want[1:len(want)-1]) == s
		if !ok && plain && isASCII(s) {
			t.Errorf("quotePlain(%q) declined a string json.Marshal writes as is", s)
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// TestNoReboxing: a string, a number and an array are validated as the
// same values after the patch passes currentNode instead of a re-boxed
// copy: a failing maxLength, enum, minimum and maxItems still fail.
func TestNoReboxing(t *testing.T) {
	s, err := NewSchema(NewStringLoader(`{"type":"object","properties":{
		"s":{"type":"string","maxLength":2,"enum":["ab","abc"]},
		"n":{"type":"number","minimum":3},
		"a":{"type":"array","maxItems":1},
		"b":{"type":"boolean","enum":[true]}}}`))
	if err != nil {
		t.Fatal(err)
	}
	for doc, want := range map[string]int{
		`{"s":"ab","n":3,"a":[1],"b":true}`:     0,
		`{"s":"abc","n":2,"a":[1,2],"b":false}`: 4,
		`{"s":"zz","n":3.5,"a":[],"b":true}`:    1,
	} {
		r, err := s.Validate(NewStringLoader(doc))
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Errors()) != want {
			t.Errorf("%s: %d errors %v, want %d", doc, len(r.Errors()), r.Errors(), want)
		}
	}
}

// TestMatchPatternWith: a schema compiled after MatchPatternWith checks
// that pattern with the given matcher, and one compiled before, or with
// another pattern, with its regexp. The error names the pattern as before.
func TestMatchPatternWith(t *testing.T) {
	compile := func(pattern string) *Schema {
		t.Helper()
		s, err := NewSchema(NewGoLoader(map[string]interface{}{"type": "string", "pattern": pattern}))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	valid := func(s *Schema, v string) (bool, string) {
		t.Helper()
		r, err := s.Validate(NewGoLoader(v))
		if err != nil {
			t.Fatal(err)
		}
		msg := ""
		if len(r.Errors()) > 0 {
			msg = r.Errors()[0].String()
		}
		return r.Valid(), msg
	}
	const expr = "^a+$"
	before := compile(expr)
	calls := 0
	MatchPatternWith(expr, func(s string) bool { calls++; return s == "aa" })
	after := compile(expr)
	if ok, _ := valid(after, "aa"); !ok || calls != 1 {
		t.Errorf("the matcher was not asked (%d calls) or not followed", calls)
	}
	if ok, msg := valid(after, "a"); ok || calls != 2 || msg != "(root): Does not match pattern '^a+$'" {
		t.Errorf(`"a" with the matcher: valid %v, %d calls, %q`, ok, calls, msg)
	}
	if ok, _ := valid(before, "a"); !ok || calls != 2 {
		t.Errorf("a schema compiled before the matcher: valid %v, %d calls", ok, calls)
	}
	if ok, _ := valid(compile("^b+$"), "bbb"); !ok || calls != 2 {
		t.Errorf("another pattern: valid %v, %d calls", ok, calls)
	}
}
