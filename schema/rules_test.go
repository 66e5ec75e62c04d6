package schema

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// A ruleCase is one case of testdata/rules.txt (its format is described at
// its top).
type ruleCase struct {
	name     string
	line     int      // of the "==" header, for messages
	doc      string   // a whole document, or "" to edit the base
	edits    []string // set/add/del/rename lines
	merchant string
	issues   []string
}

func readRuleCases(t testing.TB) (base string, cases []ruleCase) {
	b, err := os.ReadFile("testdata/rules.txt")
	if err != nil {
		t.Fatal(err)
	}
	var cur *ruleCase
	section := ""
	var buf []string
	flush := func() {
		text := strings.TrimRight(strings.Join(buf, "\n"), "\n")
		buf = nil
		switch {
		case section == "base":
			base = text
		case cur == nil:
		case section == "body":
			if strings.HasPrefix(strings.TrimSpace(text), "{") || strings.HasPrefix(strings.TrimSpace(text), "[") {
				cur.doc = text
				return
			}
			for _, l := range strings.Split(text, "\n") {
				if strings.TrimSpace(l) != "" {
					cur.edits = append(cur.edits, l)
				}
			}
		case section == "merchant":
			cur.merchant = text
		}
	}
	for i, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(line, "#") && section != "body" && section != "merchant" && section != "base":
		case line == "== base":
			flush()
			section = "base"
		case strings.HasPrefix(line, "== "):
			flush()
			if cur != nil {
				cases = append(cases, *cur)
			}
			cur = &ruleCase{name: line[3:], line: i + 1}
			section = "body"
		case line == "-- merchant":
			flush()
			section = "merchant"
		case line == "-- issues":
			flush()
			section = "issues"
		case section == "issues":
			if strings.TrimSpace(line) != "" && !strings.HasPrefix(line, "#") {
				cur.issues = append(cur.issues, line)
			}
		default:
			buf = append(buf, line)
		}
	}
	flush()
	if cur != nil {
		cases = append(cases, *cur)
	}
	return base, cases
}

// text builds the case's document: the whole document, or the base with
// the edits applied, printed as JSON.stringify(value, null, 2) prints it
// (so that the node test builds the very same text).
func (tc ruleCase) text(t testing.TB, base string) string {
	if tc.doc != "" {
		return tc.doc
	}
	root := toJV(Parse(base).Root)
	for _, e := range tc.edits {
		if err := root.edit(e); err != nil {
			t.Fatalf("%s (line %d): %s: %v", tc.name, tc.line, e, err)
		}
	}
	return root.String()
}

// jv is an editable JSON value that keeps its keys in order and its
// numbers as written.
type jv struct {
	kind  Kind
	lit   string // scalars: the JSON text
	keys  []string
	items []*jv // object values (parallel to keys) or array items
}

func toJV(n *Node) *jv {
	v := &jv{kind: n.Kind}
	switch n.Kind {
	case Object:
		for _, f := range n.Fields {
			v.keys = append(v.keys, f.Key)
			v.items = append(v.items, toJV(f))
		}
	case Array:
		for _, it := range n.Items {
			v.items = append(v.items, toJV(it))
		}
	case String:
		v.lit = stringify(n.Str)
	case Number:
		v.lit = n.Str
	case Bool:
		v.lit = strconv.FormatBool(n.Bool)
	default:
		v.lit = "null"
	}
	return v
}

// stringify quotes s as JSON.stringify does.
func stringify(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 {
				fmt.Fprintf(&b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func (v *jv) String() string {
	var b strings.Builder
	v.print(&b, "")
	return b.String()
}

func (v *jv) print(b *strings.Builder, indent string) {
	switch v.kind {
	case Object, Array:
		open, closer := "[", "]"
		if v.kind == Object {
			open, closer = "{", "}"
		}
		if len(v.items) == 0 {
			b.WriteString(open + closer)
			return
		}
		b.WriteString(open + "\n")
		for i, it := range v.items {
			b.WriteString(indent + "  ")
			if v.kind == Object {
				b.WriteString(stringify(v.keys[i]) + ": ")
			}
			it.print(b, indent+"  ")
			if i < len(v.items)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + closer)
	default:
		b.WriteString(v.lit)
	}
}

// edit applies one edit line: "set PTR JSON" (replace, or add a member at
// the end of its object), "add PTR/- JSON" (append to an array), "del PTR",
// "rename PTR KEY" (rename a member in place).
func (v *jv) edit(line string) error {
	op, rest, _ := strings.Cut(line, " ")
	ptr, arg, _ := strings.Cut(rest, " ")
	i := strings.LastIndexByte(ptr, '/')
	if i < 0 {
		return fmt.Errorf("bad pointer %q", ptr)
	}
	parent := v.lookup(ptr[:i])
	last := strings.NewReplacer("~1", "/", "~0", "~").Replace(ptr[i+1:])
	if parent == nil {
		return fmt.Errorf("no %q", ptr[:i])
	}
	var val *jv
	if op == "set" || op == "add" {
		d := Parse(arg)
		if d.Root == nil || len(d.syntax) > 0 {
			return fmt.Errorf("bad JSON %q", arg)
		}
		val = toJV(d.Root)
	}
	idx := -1
	if parent.kind == Object {
		for k, key := range parent.keys {
			if key == last {
				idx = k
			}
		}
	} else if n, err := strconv.Atoi(last); err == nil && n >= 0 && n < len(parent.items) {
		idx = n
	}
	switch {
	case op == "set" && idx >= 0:
		parent.items[idx] = val
	case op == "set" && parent.kind == Object:
		parent.keys = append(parent.keys, last)
		parent.items = append(parent.items, val)
	case op == "add" && parent.kind == Array && last == "-":
		parent.items = append(parent.items, val)
	case op == "del" && idx >= 0:
		parent.items = append(parent.items[:idx], parent.items[idx+1:]...)
		if parent.kind == Object {
			parent.keys = append(parent.keys[:idx], parent.keys[idx+1:]...)
		}
	case op == "rename" && idx >= 0 && parent.kind == Object:
		parent.keys[idx] = arg
	default:
		return fmt.Errorf("cannot %s %q", op, ptr)
	}
	return nil
}

func (v *jv) lookup(ptr string) *jv {
	if ptr == "" {
		return v
	}
	cur := v
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		var next *jv
		switch cur.kind {
		case Object:
			for k, key := range cur.keys {
				if key == tok {
					next = cur.items[k]
				}
			}
		case Array:
			if n, err := strconv.Atoi(tok); err == nil && n >= 0 && n < len(cur.items) {
				next = cur.items[n]
			}
		}
		if next == nil {
			return nil
		}
		cur = next
	}
	return cur
}

// issueLine writes an issue as the cases expect it:
// "severity code errcode path line [merchant] [fix=...]".
func issueLine(is Issue) string {
	ec, path := "-", is.Path
	if is.Errcode != 0 {
		ec = strconv.Itoa(is.Errcode)
	}
	if path == "" {
		path = "-"
	}
	s := fmt.Sprintf("%s %s %s %s %d", is.Severity, is.Code, ec, path, is.Line)
	if is.Source == SourceMerchant {
		s += " merchant"
	}
	if is.Fix != nil {
		if is.Fix.IsText {
			s += " fix=text:" + stringify(is.Fix.Text)
		} else {
			b, _ := json.Marshal(is.Fix.Value)
			s += " fix=" + string(b)
			if is.Fix.Path != is.Path {
				s += " at " + is.Fix.Path
			}
		}
	}
	return s
}

func TestRuleCases(t *testing.T) {
	base, cases := readRuleCases(t)
	if got := toJV(Parse(base).Root).String(); got != base {
		t.Fatalf("the base is not printed as JSON.stringify prints it:\n%s", got)
	}
	if len(cases) < 150 {
		t.Fatalf("read only %d cases", len(cases))
	}
	names := map[string]bool{}
	for _, tc := range cases {
		if names[tc.name] {
			t.Errorf("two cases named %q", tc.name)
		}
		names[tc.name] = true
		t.Run(tc.name, func(t *testing.T) {
			text := tc.text(t, base)
			res := Validate(text, Options{Lang: EN, Merchant: tc.merchant})
			var got []string
			for _, is := range res.Report.Issues {
				got = append(got, issueLine(is))
			}
			if strings.Join(got, "\n") != strings.Join(tc.issues, "\n") {
				t.Errorf("rules.txt line %d\n got:\n\t%s\nwant:\n\t%s\ndocument:\n%s", tc.line, strings.Join(got, "\n\t"), strings.Join(tc.issues, "\n\t"), text)
			}
			checkMessages(t, text, tc.merchant, res.Report.Issues)
		})
	}
}

// checkMessages asserts what every issue must be: positioned inside its
// text, at the node its path names (or, for a missing key, at the key of
// its parent), with a message in each language.
func checkMessages(t *testing.T, text, merchant string, issues []Issue) {
	t.Helper()
	zh := Validate(text, Options{Merchant: merchant}).Report.Issues
	if len(zh) != len(issues) {
		t.Fatalf("%d issues in Chinese, %d in English", len(zh), len(issues))
	}
	doc, mdoc := Parse(text), Parse(merchant)
	for i, is := range issues {
		if is.Message == "" || zh[i].Message == "" || zh[i].Message == is.Message && !strings.HasPrefix(is.Code, "keystr.qrcode") {
			t.Errorf("%s: messages %q / %q", is.Code, zh[i].Message, is.Message)
		}
		if !strings.ContainsFunc(zh[i].Message, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("%s: the Chinese message has no Chinese: %q", is.Code, zh[i].Message)
		}
		if strings.ContainsFunc(unquoted(is.Message), func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("%s: the English message has Chinese: %q", is.Code, is.Message)
		}
		if strings.Contains(is.Message, "%!") || strings.Contains(zh[i].Message, "%!") {
			t.Errorf("%s: a formatting slip: %q / %q", is.Code, is.Message, zh[i].Message)
		}
		d := doc
		if is.Source == SourceMerchant {
			d = mdoc
		}
		if strings.HasPrefix(is.Code, "syntax.") || d.Root == nil {
			continue
		}
		n := d.Root.Lookup(is.Path)
		if n == nil {
			// A missing key: the path ends in the key; the issue points
			// at the parent's key or bracket.
			n = d.Root.Lookup(is.Path[:strings.LastIndexByte(is.Path, '/')])
		}
		if n == nil {
			t.Errorf("%s: path %q leads nowhere", is.Code, is.Path)
			continue
		}
		starts := []int{n.Start, n.KeyStart}
		if typ := n.Get("type"); typ != nil {
			starts = append(starts, typ.Start)
		}
		ok := false
		for _, s := range starts {
			if s >= 0 && d.Pos(s).Offset == is.Offset {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s at %d:%d is not at %s", is.Code, is.Line, is.Column, is.Path)
		}
	}
}

// unquoted drops the quoted parts of a message (the user's own values).
func unquoted(msg string) string {
	var b strings.Builder
	in := false
	for i := 0; i < len(msg); i++ {
		switch {
		case msg[i] == '\\' && in:
			i++
		case msg[i] == '"':
			in = !in
		case !in:
			b.WriteByte(msg[i])
		}
	}
	return b.String()
}
