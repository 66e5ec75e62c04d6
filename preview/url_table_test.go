package preview

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestGateURLTable runs testdata/urls.txt: what the gate lets through, why
// it refuses the rest, and what the tooltip shows of what it lets through.
func TestGateURLTable(t *testing.T) {
	f, err := os.Open("testdata/urls.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		in := cols[0]
		if strings.HasPrefix(in, `"`) {
			if in, err = strconv.Unquote(in); err != nil {
				t.Fatalf("urls.txt:%d: %v", line, err)
			}
		}
		n++
		got := gateURL(in)
		want := cols[1]
		if want == "ok" {
			if got.Href == "" {
				t.Errorf("urls.txt:%d: gateURL(%q) refused (%s), want accepted", line, in, got.Reason)
				continue
			}
			if len(cols) > 2 && got.Shown != cols[2] {
				t.Errorf("urls.txt:%d: gateURL(%q).Shown = %q, want %q", line, in, got.Shown, cols[2])
			}
			continue
		}
		if got.Href != "" || got.Raw != in {
			t.Errorf("urls.txt:%d: gateURL(%q) = %+v, want refused, the input kept as written", line, in, got)
			continue
		}
		if got.Reason != want {
			t.Errorf("urls.txt:%d: gateURL(%q) refused for %q, want %q", line, in, got.Reason, want)
		}
	}
	if n < 50 {
		t.Fatalf("urls.txt: %d cases", n)
	}
}

// TestShowText: what the page shows of a URL has no bidi or control
// characters left to reorder or hide it.
func TestShowText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{"a\u202eb", "a⟨U+202E⟩b"},
		{"\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c", "⟨U+202A⟩⟨U+202B⟩⟨U+202C⟩⟨U+202D⟩⟨U+2066⟩⟨U+2067⟩⟨U+2068⟩⟨U+2069⟩⟨U+200E⟩⟨U+200F⟩⟨U+061C⟩"},
		{"tab\there\x00\x7f\u0085", "tab⟨U+0009⟩here⟨U+0000⟩⟨U+007F⟩⟨U+0085⟩"},
		{"中文 ok", "中文 ok"},
	} {
		if got := showText(tc.in); got != tc.want {
			t.Errorf("showText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestPunycode: RFC 3492's own samples and the hosts of the table.
func TestPunycode(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"bücher", "bcher-kva"},
		{"münchen", "mnchen-3ya"},
		{"аpple", "pple-43d"},
		{"例え", "r8jz45g"},
		{"テスト", "zckzah"},
		{"他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"},
		{"ليهمابتكلموشعربي؟", "egbpdaj6bu4bxfgehfvwxn"},
		{"3年B組金八先生", "3B-ww4c5e180e575a65lsy2b"},
	} {
		if got := punycode(tc.in); got != tc.want {
			t.Errorf("punycode(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzGateURL: whatever the gate lets through is an http(s) URL it lets
// through again unchanged, and what it shows hides nothing.
func FuzzGateURL(f *testing.F) {
	for _, s := range []string{"https://a.example/x", "http://0x7f.1/", "https://\u0430pple.com/\u202e", "http://[::1]/", "https://a@b.example/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		l := gateURL(raw)
		if l.Href == "" {
			if raw != "" && (l.Raw != raw || l.Reason == "") {
				t.Fatalf("gateURL(%q) = %+v: refused without the text or a reason", raw, l)
			}
			return
		}
		if !hasPrefixFold(l.Href, "http://") && !hasPrefixFold(l.Href, "https://") {
			t.Fatalf("gateURL(%q).Href = %q", raw, l.Href)
		}
		if again := gateURL(l.Href); again.Href != l.Href {
			t.Fatalf("gateURL(%q).Href = %q, refused or changed on a second pass: %+v", raw, l.Href, again)
		}
		if strings.ContainsFunc(l.Shown, hiddenRune) {
			t.Fatalf("gateURL(%q).Shown = %q hides characters", raw, l.Shown)
		}
	})
}
