package gojsonschema

// scanpage: tests of scanpage's patch (SCANPAGE.md); upstream's own tests
// are not kept in this copy.

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
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

// TestDescribedWhenAsked: an error's description, field and context are
// exactly what newError made before the patch, whichever is asked first,
// and the errors of a branch that is dropped (anyOf) are never formatted.
func TestDescribedWhenAsked(t *testing.T) {
	s, err := NewSchema(NewStringLoader(`{"type":"object","properties":{
		"a":{"type":"array","items":{"anyOf":[{"type":"string","minLength":3},{"type":"integer"}]}},
		"n":{"type":"number","minimum":3}}}`))
	if err != nil {
		t.Fatal(err)
	}
	formatted := 0
	ErrorTemplateFuncs = map[string]interface{}{"scanpageCount": func() string { formatted++; return "" }}
	defer func() { ErrorTemplateFuncs = nil }()
	errorTemplates.Lock()
	errorTemplates.Template = errorTemplates.Template.New("scanpage-test")
	errorTemplates.Unlock()
	saved := Locale
	Locale = countingLocale{DefaultLocale{}}
	defer func() { Locale = saved }()

	r, err := s.Validate(NewStringLoader(`{"a":["abcd",7,"x"],"n":2}`))
	if err != nil {
		t.Fatal(err)
	}
	if formatted != 0 {
		t.Fatalf("%d descriptions formatted before any was asked for", formatted)
	}
	es := r.Errors()
	want := []struct{ typ, field, context, desc string }{
		{"number_any_of", "a.2", "(root).a.2", "Must validate at least one schema (anyOf)"},
		{"string_gte", "a.2", "(root).a.2", "String length must be greater than or equal to 3"},
		{"number_gte", "n", "(root).n", "Must be greater than or equal to 3"},
	}
	if len(es) != len(want) {
		t.Fatalf("%d errors %v, want %d", len(es), es, len(want))
	}
	got := map[string]ResultError{}
	for _, e := range es {
		got[e.Type()] = e
	}
	for i, w := range want {
		e := got[w.typ]
		if e == nil {
			t.Fatalf("no %s error in %v", w.typ, es)
		}
		// Ask in a different order each time: the result is the same.
		var desc string
		var d ErrorDetails
		if i%2 == 0 {
			desc, d = e.Description(), e.Details()
		} else {
			d, desc = e.Details(), e.Description()
		}
		if desc != w.desc || d["field"] != w.field || d["context"] != w.context || e.Field() != w.field {
			t.Errorf("%s: description %q, details %v; want %q, field %q, context %q", w.typ, desc, d, w.desc, w.field, w.context)
		}
		if s := e.String(); s != w.field+": "+w.desc {
			t.Errorf("%s: String() = %q", w.typ, s)
		}
	}
	// The anyOf's failed branches also built two invalid_type errors (7 is
	// not a string, "x" not an integer), dropped unread: only the kept
	// errors were formatted, once each (before the patch: five).
	if formatted != len(want) {
		t.Errorf("%d descriptions formatted, want %d (one per kept error)", formatted, len(want))
	}
}

// countingLocale adds the counting function to every description, so that
// the test sees each text/template run.
type countingLocale struct{ DefaultLocale }

func (l countingLocale) NumberAnyOf() string {
	return "{{scanpageCount}}" + l.DefaultLocale.NumberAnyOf()
}
func (l countingLocale) StringGTE() string { return "{{scanpageCount}}" + l.DefaultLocale.StringGTE() }
func (l countingLocale) NumberGTE() string { return "{{scanpageCount}}" + l.DefaultLocale.NumberGTE() }
func (l countingLocale) InvalidType() string {
	return "{{scanpageCount}}" + l.DefaultLocale.InvalidType()
}

// TestEnumInPlace: the enum and const checks of a plain string compare it
// with the schema's quoted values in place, with no allocation, and decide
// as the quoting path does: a plain string, one that needs escaping, a
// number and a boolean against enums and consts of each kind.
func TestEnumInPlace(t *testing.T) {
	s, err := NewSchema(NewStringLoader(`{"properties":{
		"e":{"enum":["link","a b","<b>","é",1,true]},
		"c":{"const":"link"},
		"n":{"const":1}}}`))
	if err != nil {
		t.Fatal(err)
	}
	for doc, want := range map[string]int{
		`{"e":"link","c":"link","n":1}`:      0,
		`{"e":"a b","c":"link","n":1.0}`:     0,
		`{"e":"<b>","c":"link"}`:             0,
		`{"e":"é"}`:                          0,
		`{"e":1}`:                            0,
		`{"e":true}`:                         0,
		`{"e":"lin","c":"link\"","n":"1"}`:   3,
		`{"e":"\"link\"","c":"\"link\""}`:    2,
		`{"e":"1","c":"Link"}`:               2,
		`{"e":"true","c":"link "}`:           2,
		`{"e":"linkk","c":"lin"}`:            2,
		`{"e":"","c":""}`:                    2,
		`{"e":"a  b","c":"link","n":"link"}`: 2,
	} {
		r, err := s.Validate(NewStringLoader(doc))
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Errors()) != want {
			t.Errorf("%s: %d errors %v, want %d", doc, len(r.Errors()), r.Errors(), want)
		}
	}
	enum := s.rootSchema.propertiesChildren[0]
	for _, p := range s.rootSchema.propertiesChildren {
		if p.property == "e" {
			enum = p
		}
	}
	var res Result
	ctx := NewJsonContext("e", nil)
	if n := testing.AllocsPerRun(50, func() { enum.validateCommon(enum, "link", &res, ctx) }); n != 0 || !res.Valid() {
		t.Errorf("enum check of a plain string: %.0f allocations, valid %v; want none, valid", n, res.Valid())
	}
	for _, c := range []struct{ q, s string }{{`"link"`, "link"}, {`""`, ""}, {`"a"`, "b"}, {`"ab"`, "a"}, {`link`, "link"}, {`"link`, "lin"}, {`1`, ""}} {
		q, _ := quotePlain(c.s)
		if got := isQuoted(c.q, c.s); got != (q == c.q) {
			t.Errorf("isQuoted(%q, %q) = %v", c.q, c.s, got)
		}
	}
}

// testMemo names map values by identity and counts what it is asked.
type testMemo struct {
	valid             map[[2]interface{}]int
	known, remembered int
}

func (m *testMemo) key(schema, value interface{}) ([2]interface{}, bool) {
	v, ok := value.(map[string]interface{})
	if !ok {
		return [2]interface{}{}, false
	}
	return [2]interface{}{schema, reflect.ValueOf(v).Pointer()}, true
}

func (m *testMemo) Recall(schema, value interface{}) (int, int) {
	k, ok := m.key(schema, value)
	if !ok {
		return 0, MemoNever
	}
	if s, ok := m.valid[k]; ok {
		m.known++
		return s, MemoKnown
	}
	return 0, MemoUnknown
}

func (m *testMemo) Remember(schema, value interface{}, score int) {
	k, _ := m.key(schema, value)
	m.valid[k] = score
	m.remembered++
}

// TestMemoHook: with a Memo, a value met again against the same subschema
// is recalled instead of validated, only clean outcomes are remembered,
// and the errors (which anyOf branch is reported depends on the scores)
// are those without a memo.
func TestMemoHook(t *testing.T) {
	s, err := NewSchema(NewStringLoader(`{"type":"object","properties":{
		"a":{"type":"array","items":{"type":"object","properties":{"x":{"type":"integer"}},"required":["x"]}},
		"b":{"anyOf":[
			{"type":"object","properties":{"x":{"type":"integer"},"z":{"type":"string"}},"required":["z"]},
			{"type":"object","required":["y"]}]}}}`))
	if err != nil {
		t.Fatal(err)
	}
	shared := map[string]interface{}{"x": json.Number("1")}
	doc := map[string]interface{}{"a": []interface{}{shared, shared, shared}, "b": shared}
	errs := func(r *Result) []string {
		var out []string
		for _, e := range r.Errors() {
			out = append(out, e.Type()+" "+e.Context().String())
		}
		sort.Strings(out)
		return out
	}
	plain, err := s.Validate(NewRawLoader(doc))
	if err != nil {
		t.Fatal(err)
	}
	m := &testMemo{valid: map[[2]interface{}]int{}}
	for round := 0; round < 2; round++ {
		r, err := s.ValidateWith(NewRawLoader(doc), m)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := errs(r), errs(plain); !reflect.DeepEqual(got, want) {
			t.Errorf("round %d: errors %v, without a memo %v", round, got, want)
		}
	}
	// The items' schema: remembered once, recalled for the 2nd and 3rd
	// items and all three in round 2; b's branches fail and are not kept.
	if m.remembered == 0 || m.known < 5 {
		t.Errorf("memo: %d remembered, %d recalled", m.remembered, m.known)
	}
	for k := range m.valid {
		if k[1] == reflect.ValueOf(doc).Pointer() {
			t.Error("the document, which has errors, was remembered")
		}
	}
}

// asObjects is v with every map turned into an Object (keys sorted, so
// that a failure prints the same each run).
func asObjects(v interface{}) interface{} {
	switch x := v.(type) {
	case map[string]interface{}:
		o := &Object{}
		for k := range x {
			o.Keys = append(o.Keys, k)
		}
		sort.Strings(o.Keys)
		for _, k := range o.Keys {
			o.Values = append(o.Values, asObjects(x[k]))
		}
		return o
	case []interface{}:
		out := make([]interface{}, len(x))
		for i, it := range x {
			out[i] = asObjects(it)
		}
		return out
	}
	return v
}

// An Object validates exactly as the map of its members: the same errors
// (type, context, details, description) and the same score, through every
// keyword that reads an object's members.
func TestObjectAsMap(t *testing.T) {
	schema := `{"type":"object",
		"definitions":{"pair":{"type":"object","properties":{"k":{"type":"string"}},"required":["k"],"additionalProperties":false}},
		"properties":{
			"required":{"type":"object","required":["a","b"],"properties":{"a":{"type":"integer"}}},
			"closed":{"type":"object","properties":{"a":{}},"additionalProperties":false},
			"extra":{"type":"object","properties":{"a":{}},"additionalProperties":{"type":"integer"}},
			"pattern":{"type":"object","patternProperties":{"^x-":{"type":"string"}},"additionalProperties":false},
			"names":{"type":"object","propertyNames":{"maxLength":3}},
			"size":{"type":"object","minProperties":2,"maxProperties":3},
			"deps":{"type":"object","dependencies":{"a":["b","c"],"d":{"required":["e"]}}},
			"const":{"const":{"a":[1,{"b":"<&>"}]}},
			"enum":{"enum":[{"a":1},{"a":2.0}]},
			"unique":{"type":"array","uniqueItems":true},
			"notObject":{"type":"string"},
			"list":{"type":"array","items":{"$ref":"#/definitions/pair"}},
			"choice":{"anyOf":[{"$ref":"#/definitions/pair"},{"type":"object","required":["z"]}]},
			"cond":{"if":{"properties":{"t":{"const":"n"}},"required":["t"]},"then":{"required":["n"]},"else":{"required":["s"]}}
		}}`
	docs := []string{
		`{}`,
		`{"required":{"a":1,"b":2},"closed":{"a":1},"extra":{"a":"x","b":2},"pattern":{"x-a":"s"},"names":{"abc":1},"size":{"a":1,"b":2},
		  "deps":{"a":1,"b":2,"c":3},"const":{"a":[1,{"b":"<&>"}]},"enum":{"a":2},"unique":[{"a":1},{"a":2}],"notObject":"s",
		  "list":[{"k":"v"}],"choice":{"k":"v"},"cond":{"t":"n","n":1}}`,
		`{"required":{"a":"1"},"closed":{"a":1,"b":2,"c":3},"extra":{"a":"x","b":"2"},"pattern":{"x-a":1,"y":2},"names":{"abcd":1,"ab":2},
		  "size":{"a":1},"deps":{"a":1,"d":2},"const":{"a":[1,{"b":"<>"}]},"enum":{"a":3},"unique":[{"a":1,"b":[2]},{"b":[2.0],"a":1.0}],
		  "notObject":{"a":1},"list":[{"k":1},{"j":"v"},[]],"choice":{"q":1},"cond":{"t":"n"}}`,
		`{"size":{"a":1,"b":2,"c":3,"d":4},"cond":{"t":"m"},"choice":[],"list":{"k":"v"}}`,
		`[{"a":1}]`,
	}
	s, err := NewSchema(NewStringLoader(schema))
	if err != nil {
		t.Fatal(err)
	}
	report := func(r *Result) []string {
		var out []string
		for _, e := range r.Errors() {
			out = append(out, fmt.Sprintf("%s %s %s %v", e.Type(), e.Context().String(), e.Description(), e.Details()))
		}
		sort.Strings(out)
		return append(out, fmt.Sprintf("score %d", r.score))
	}
	for i, doc := range docs {
		var v interface{}
		d := json.NewDecoder(strings.NewReader(doc))
		d.UseNumber()
		if err := d.Decode(&v); err != nil {
			t.Fatal(err)
		}
		asMap, err := s.Validate(NewRawLoader(v))
		if err != nil {
			t.Fatal(err)
		}
		asObject, err := s.Validate(NewRawLoader(asObjects(v)))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := report(asObject), report(asMap); !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\nas Objects %q\nas maps    %q", doc, got, want)
		}
		// The first two documents are valid; the third breaks every
		// keyword at least once.
		if n := len(asMap.Errors()); (i < 2) != (n == 0) || i == 2 && n < 15 {
			t.Errorf("%s: %d errors", doc, n)
		}
	}
}

// An object that fails "type" adds no score, as upstream: the score picks
// which failed branch of an anyOf is reported. Here both branches score
// the same, so the first one's error is reported, as a map and as an
// Object.
func TestObjectTypeErrorScore(t *testing.T) {
	s, err := NewSchema(NewStringLoader(`{"anyOf":[{"required":["z"]},{"properties":{"p":{"type":"string"}}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	doc := map[string]interface{}{"p": map[string]interface{}{}}
	for _, v := range []interface{}{doc, asObjects(doc)} {
		r, err := s.Validate(NewRawLoader(v))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range r.Errors() {
			got = append(got, e.Type())
		}
		if want := []string{"number_any_of", "required"}; !reflect.DeepEqual(got, want) {
			t.Errorf("%T: errors %v, want %v", v, got, want)
		}
	}
}
