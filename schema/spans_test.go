package schema

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// TestSpans checks Document.Spans against testdata/spans.txt.
func TestSpans(t *testing.T) {
	b, err := os.ReadFile("testdata/spans.txt")
	if err != nil {
		t.Fatal(err)
	}
	blocks := strings.Split(string(b), "\n== ")[1:]
	if len(blocks) < 7 {
		t.Fatalf("only %d cases", len(blocks))
	}
	for _, blk := range blocks {
		name, rest, _ := strings.Cut(blk, "\n")
		input, want, ok := strings.Cut(rest, "\n-- spans\n")
		if !ok {
			t.Fatalf("%s: no -- spans line", name)
		}
		t.Run(name, func(t *testing.T) {
			got := Parse(input).Spans()
			var lines []string
			for _, s := range got {
				p := s.Path
				if p == "" {
					p = "-"
				}
				lines = append(lines, p+" "+strconv.Itoa(s.Key)+" "+strconv.Itoa(s.Offset)+"+"+strconv.Itoa(s.Length))
			}
			if g, w := strings.Join(lines, "\n"), strings.TrimSpace(want); g != w {
				t.Fatalf("spans of %s:\n%s\nwant:\n%s", input, g, w)
			}
			// Each span covers its value's token, each key is a quote.
			u := utf16.Encode([]rune(input))
			for _, s := range got {
				if s.Length == 0 || s.Offset+s.Length > len(u) {
					t.Fatalf("%s: span %+v outside the text", s.Path, s)
				}
				v := Parse(input).Root.Lookup(s.Path)
				first := string(utf16.Decode(u[s.Offset : s.Offset+1]))
				last := string(utf16.Decode(u[s.Offset+s.Length-1 : s.Offset+s.Length]))
				src := input[v.Start:v.End]
				if !strings.HasPrefix(src, first) || !strings.HasSuffix(src, last) {
					t.Errorf("%s: span gives %q…%q, the value is %q", s.Path, first, last, src)
				}
				if s.Key >= 0 && u[s.Key] != '"' && u[s.Key] != '\'' {
					t.Errorf("%s: key at %d is %q, not a quote", s.Path, s.Key, string(rune(u[s.Key])))
				}
			}
		})
	}
}

// TestSpansEveryValue: on a sample, every value Lookup finds has one span,
// and every span's pointer finds a value.
func TestSpansEveryValue(t *testing.T) {
	b, err := os.ReadFile("../samples/04-reconstructed-full-features.json")
	if err != nil {
		t.Fatal(err)
	}
	d := Parse(string(b))
	spans := d.Spans()
	seen := map[string]bool{}
	for _, s := range spans {
		if seen[s.Path] {
			t.Fatalf("%s listed twice", s.Path)
		}
		seen[s.Path] = true
		if d.Root.Lookup(s.Path) == nil {
			t.Fatalf("%s leads nowhere", s.Path)
		}
	}
	var count func(n *Node) int
	count = func(n *Node) int {
		c := 1
		for _, f := range n.Fields {
			if n.Get(f.Key) == f {
				c += count(f)
			}
		}
		for _, it := range n.Items {
			c += count(it)
		}
		return c
	}
	if n := count(d.Root); n != len(spans) {
		t.Fatalf("%d spans for %d values", len(spans), n)
	}
	if !seen["/brand_info/base_info/title"] || !seen["/brand_info/action_info/action_list/0/type"] {
		t.Fatal("a known value has no span")
	}
}
