package preview

import (
	"fmt"
	"strings"
	"unicode"
)

// showText returns s fit to be shown as a URL: every bidi control (the
// embeddings and overrides U+202A–202E, the isolates U+2066–2069, the marks
// U+200E, U+200F and U+061C) and every control character is written out as
// ⟨U+XXXX⟩, so that nothing can reorder, hide or fake what a URL says.
// html/template escapes the result again where it is used.
func showText(s string) string {
	if !strings.ContainsFunc(s, hiddenRune) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if hiddenRune(r) {
			fmt.Fprintf(&b, "⟨U+%04X⟩", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// hiddenRune reports whether r changes how text around it is shown instead
// of being shown itself.
func hiddenRune(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F, r == 0x061C:
		return true
	}
	return unicode.IsControl(r)
}
