package catalogue

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf16"

	"scanpage/schema"
)

func split(t *testing.T, name, text string) []Doc {
	t.Helper()
	var out []Doc
	if err := Split(name, strings.NewReader(text), func(d Doc) bool { out = append(out, d); return true }); err != nil {
		t.Fatal(err)
	}
	return out
}

// pos computes, independently of the splitter, the editor position of the
// byte offset off in text: line breaks \n, \r\n, \r; columns and offsets in
// UTF-16 units.
func pos(text string, off int) (line, col, off16 int) {
	line, col = 1, 1
	prev := rune(0)
	for _, r := range text[:off] {
		n := len(utf16.Encode([]rune{r}))
		off16 += n
		switch {
		case r == '\n' && prev == '\r':
		case r == '\n' || r == '\r':
			line++
			col = 1
		default:
			col += n
		}
		prev = r
	}
	return
}

// Each document's ref is where its text starts in the file, and an issue
// placed by the ref is where its token is in the file: checked against the
// file's own text for keystr, in NDJSON and in arrays, with CJK, astral
// characters and every line break.
func TestSplitPositions(t *testing.T) {
	cases := []struct {
		name, file string
		texts      []string
	}{
		{"a.ndjson", "{\"keystr\": \"1\"}\n{\"title\": \"茶😀\", \"keystr\": \"2\"}\r\n\n   \n{\"keystr\": \"3\"}", []string{`{"keystr": "1"}`, `{"title": "茶😀", "keystr": "2"}`, `{"keystr": "3"}`}},
		{"b.jsonl", "\uFEFF{\"keystr\": \"1\"}\n", []string{`{"keystr": "1"}`}},
		{"c.json", "[\n  {\"keystr\": \"1\"},\n  {\"t\": \"😀茶\",\n   \"keystr\": \"2\"}, {\"keystr\": \"3\"}\r\n]\n", []string{`{"keystr": "1"}`, "{\"t\": \"😀茶\",\n   \"keystr\": \"2\"}", `{"keystr": "3"}`}},
		{"d.json", "\uFEFF  [{\"a\": \"],[\\\"\", \"keystr\": \"1\"},\r{\"keystr\": \"2\"},]", []string{`{"a": "],[\"", "keystr": "1"}`, `{"keystr": "2"}`}},
		{"e.json", "{\"keystr\": \"1\"}\n", []string{"{\"keystr\": \"1\"}\n"}},
		{"f.json", "[\r\n  {\"keystr\": \"1\"},\r\n  {\"t\": \"茶\",\r\n   \"keystr\": \"2\"}\r\n]", []string{`{"keystr": "1"}`, "{\"t\": \"茶\",\r\n   \"keystr\": \"2\"}"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			docs := split(t, c.name, c.file)
			if len(docs) != len(c.texts) {
				t.Fatalf("%d documents, want %d: %+v", len(docs), len(c.texts), docs)
			}
			from := 0
			for i, d := range docs {
				if d.Text != c.texts[i] {
					t.Errorf("document %d = %q, want %q", i, d.Text, c.texts[i])
				}
				start := strings.Index(c.file[from:], d.Text) + from
				from = start + len(d.Text)
				l, col, off := pos(c.file, start)
				if d.Ref.Name != c.name || d.Ref.Line != l || d.Ref.Column != col || d.Ref.Offset != off {
					t.Errorf("document %d ref %+v, want line %d column %d offset %d", i, d.Ref, l, col, off)
				}
				// keystr's value, placed in the file, is where the file has it.
				res := schema.Validate(d.Text, schema.Options{})
				var ks *schema.Issue
				for _, is := range res.Report.Issues {
					if is.Path == "/keystr" {
						ks = &is
						break
					}
				}
				if ks == nil {
					t.Fatalf("document %d: no issue at keystr", i)
				}
				p := d.Ref.Place(*ks)
				at := start + strings.Index(d.Text, `"keystr": "`) + len(`"keystr": `)
				l, col, off = pos(c.file, at)
				if p.Line != l || p.Column != col || p.Offset != off {
					t.Errorf("document %d keystr placed at %d:%d (%d), the file has it at %d:%d (%d)", i, p.Line, p.Column, p.Offset, l, col, off)
				}
			}
		})
	}
}

// A broken element is cut where the brackets allow and is its own
// document; the others are still read. Text after the array is one more
// document; an empty array none.
func TestSplitBroken(t *testing.T) {
	for _, c := range []struct {
		file string
		want []string
	}{
		{`[{"keystr": "1"}, {"keystr": "2" @}, {"keystr": "3"}]`, []string{`{"keystr": "1"}`, `{"keystr": "2" @}`, `{"keystr": "3"}`}},
		{"[{\"keystr\": \"1\"}, {\"title\": \"unterminated\n}, {\"keystr\": \"3\"}]", []string{`{"keystr": "1"}`, "{\"title\": \"unterminated\n}", `{"keystr": "3"}`}},
		{`[{"keystr": "1"}}, {"keystr": "2"}]`, []string{`{"keystr": "1"}}`, `{"keystr": "2"}`}},
		{`[{"a": 1}] trailing`, []string{`{"a": 1}`, `trailing`}},
		{"[ ]\n", nil},
		{`[{"a": 1}, {"b": [1, 2`, []string{`{"a": 1}`, `{"b": [1, 2`}},
		{`[1, "two", null]`, []string{`1`, `"two"`, `null`}},
		{"", []string{""}},
	} {
		var got []string
		for _, d := range split(t, "x.json", c.file) {
			got = append(got, d.Text)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") || len(got) != len(c.want) {
			t.Errorf("%q: got %q, want %q", c.file, got, c.want)
		}
	}
}

// An NDJSON line with a syntax error is that line's issue only.
func TestSplitLinesBroken(t *testing.T) {
	docs := split(t, "x.ndjson", "{\"a\": 1}\n{\"a\": \n{\"a\": 3}\n")
	if len(docs) != 3 || docs[1].Text != `{"a": ` || docs[2].Ref.Line != 3 {
		t.Fatalf("got %+v", docs)
	}
}

// Split stops when yield says so.
func TestSplitStops(t *testing.T) {
	n := 0
	Split("x.ndjson", strings.NewReader("1\n2\n3\n"), func(Doc) bool { n++; return n < 2 })
	if n != 2 {
		t.Errorf("yield called %d times, want 2", n)
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("x.json", `[{"a": "],"}, {"b": 2}]`)
	f.Add("x.ndjson", "{}\r\n{\"a\"\n")
	f.Add("x.json", "\uFEFF [")
	f.Fuzz(func(t *testing.T, name, text string) {
		var total int
		err := Split(name, strings.NewReader(text), func(d Doc) bool {
			if d.Ref.Line < 1 || d.Ref.Column < 1 || d.Ref.Offset < 0 {
				t.Fatalf("bad ref %+v", d.Ref)
			}
			total += len(d.Text)
			return true
		})
		if err != nil {
			t.Fatal(err)
		}
		if total > len(text) {
			t.Fatalf("documents hold %d bytes of a %d-byte file", total, len(text))
		}
	})
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

// A writer that fails (a closed pipe) stops the check at the next document
// instead of validating the rest for nobody.
func TestTextStopsOnWriteError(t *testing.T) {
	var lines strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&lines, "{\"keystr\": \"%d\"}\n", i)
	}
	in := Input{Name: "x.ndjson", Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(lines.String())), nil }}
	done := 0
	_, err := Check(context.Background(), []Input{in}, Options{Workers: 2, Progress: func(n int) { done = n }}, NewText(failWriter{}, schema.EN))
	if err == nil || done >= 20000 {
		t.Errorf("err %v after %d documents", err, done)
	}
}
