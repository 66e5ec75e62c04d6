package schema

import (
	"strings"
	"testing"
)

// TestPointer: RFC 6901 pointers, escaped keys, many-digit indices and
// deep paths, in one allocation.
func TestPointer(t *testing.T) {
	items := strings.Repeat("0,", 123) + `{"a/b":{"m~n":{"":[1]}}}`
	deep := strings.Repeat(`{"k":`, 20) + "1" + strings.Repeat("}", 20)
	for _, c := range []struct{ text, want string }{
		{`{"x":[` + items + `]}`, "/x/123/a~1b/m~0n//0"},
		{deep, strings.Repeat("/k", 20)},
		{`[[[[[[[[[[[7]]]]]]]]]]]`, strings.Repeat("/0", 11)},
	} {
		n := Parse(c.text).Root
		for n.Kind == Object || n.Kind == Array {
			if n.Kind == Object {
				n = n.Fields[len(n.Fields)-1]
			} else {
				n = n.Items[len(n.Items)-1]
			}
		}
		if got := n.Pointer(); got != c.want {
			t.Errorf("Pointer() = %q, want %q", got, c.want)
		}
		if a := testing.AllocsPerRun(20, func() { n.Pointer() }); a > 1 {
			t.Errorf("Pointer() of %q: %.0f allocations, want 1", c.want, a)
		}
	}
	if p := Parse(`{}`).Root.Pointer(); p != "" {
		t.Errorf("the root's pointer is %q", p)
	}
}
