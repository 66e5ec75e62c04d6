package schema

import (
	"sort"
	"unicode/utf8"
)

// A Position is where a token stands, the way a JavaScript editor counts:
// Line and Column are 1-based, Column and Offset are in UTF-16 code units.
type Position struct {
	Line, Column, Offset int
}

// lineIndex converts byte offsets of a text to editor positions. Line breaks
// are \n, \r\n and a lone \r, as in CodeMirror and Monaco.
//
// A text that is not ASCII also gets a checkpoint every checkpointBytes
// bytes (at a character boundary), so that a position is found by counting
// from the nearest checkpoint, never from the start of a long line: a
// document written on one line with thousands of issues must not cost
// thousands of scans of the whole line.
//
// The index is built as far as the positions asked for, no further: most
// documents are asked for a few positions near their start (a catalogue's
// documents for none, or for one or two), and the scan is most of the
// cost of a position.
type lineIndex struct {
	text     string
	ascii    bool  // no byte before scanned is outside ASCII
	starts   []int // byte offset of each line's first byte, up to scanned
	starts16 []int // UTF-16 offset of each line's first unit
	marks    []int // byte offsets of the checkpoints
	marks16  []int // their UTF-16 offsets

	scanned, scanned16 int // how far the scan has gone, in bytes and units
	next               int // the byte offset of the next checkpoint
}

const checkpointBytes = 256

func newLineIndex(text string) *lineIndex {
	return &lineIndex{text: text, ascii: true, starts: []int{0}, starts16: []int{0}, marks: []int{0}, marks16: []int{0}, next: checkpointBytes}
}

// extend scans the text up to byte offset off at least, so that every line
// start at or before off is known.
func (x *lineIndex) extend(off int) {
	text, i, u, next := x.text, x.scanned, x.scanned16, x.next
	for i < off {
		// Eight bytes of ASCII without a line break at a time.
		for i+8 <= off && i+8 < next {
			w := uint64(text[i]) | uint64(text[i+1])<<8 | uint64(text[i+2])<<16 | uint64(text[i+3])<<24 |
				uint64(text[i+4])<<32 | uint64(text[i+5])<<40 | uint64(text[i+6])<<48 | uint64(text[i+7])<<56
			if w&highBits != 0 || hasZeroByte(w^('\n'*lowBits)) || hasZeroByte(w^('\r'*lowBits)) {
				break
			}
			i += 8
			u += 8
		}
		if i >= off {
			break
		}
		if i >= next {
			x.marks = append(x.marks, i)
			x.marks16 = append(x.marks16, u)
			next = i + checkpointBytes
		}
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			u++
			if c == '\n' || c == '\r' && (i == len(text) || text[i] != '\n') {
				x.starts = append(x.starts, i)
				x.starts16 = append(x.starts16, u)
			}
			continue
		}
		x.ascii = false
		// Most of it is CJK: three bytes, one unit. A lead byte of
		// E1–EC or EE–EF before two continuation bytes is always a valid
		// character (E0 and ED have narrower second bytes).
		if i+2 < len(text) && (c >= 0xE1 && c <= 0xEC || c >= 0xEE) && c <= 0xEF && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			i += 3
			u++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		u += utf16Len(r)
	}
	x.scanned, x.scanned16, x.next = i, u, next
}

const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// hasZeroByte reports whether a byte of w is zero (w's bytes all ASCII).
func hasZeroByte(w uint64) bool { return (w-lowBits)&^w&highBits != 0 }

// utf16Len counts the UTF-16 units of r; an invalid byte (RuneError of
// size 1) counts as one, like the U+FFFD a browser would put in its place.
func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// pos returns the position of byte offset off (clamped to the text).
func (x *lineIndex) pos(off int) Position {
	off = max(0, min(off, len(x.text)))
	if off > x.scanned {
		x.extend(off)
	}
	line := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	if x.ascii {
		col := off - x.starts[line]
		return Position{Line: line + 1, Column: col + 1, Offset: x.starts16[line] + col}
	}
	// Count from the last checkpoint at or before off, or from the line's
	// start if that is nearer.
	from, from16 := x.starts[line], x.starts16[line]
	if m := sort.Search(len(x.marks), func(i int) bool { return x.marks[i] > off }) - 1; x.marks[m] > from {
		from, from16 = x.marks[m], x.marks16[m]
	}
	offset := from16 + units16(x.text[from:off], false)
	return Position{Line: line + 1, Column: offset - x.starts16[line] + 1, Offset: offset}
}

// units16 counts the UTF-16 units of s.
func units16(s string, ascii bool) int {
	if ascii {
		return len(s)
	}
	n := 0
	for _, r := range s {
		n += utf16Len(r)
	}
	// range yields RuneError once per invalid byte, which counts one unit.
	return n
}

// index returns the line index of the text, building it on first use.
func (d *Document) index() *lineIndex {
	if d.lines == nil {
		d.lines = newLineIndex(d.Text)
	}
	return d.lines
}

// Pos returns the editor position of byte offset off.
func (d *Document) Pos(off int) Position { return d.index().pos(off) }

// issue positions f and puts it into lang.
func (d *Document) issue(f finding, lang Lang) Issue {
	a, b := d.Pos(f.start), d.Pos(f.end)
	src := f.source
	if src == "" {
		src = SourceDocument
	}
	return Issue{
		Severity: f.sev, Code: f.code, Errcode: f.errcode, Path: f.path,
		Line: a.Line, Column: a.Column, Offset: a.Offset, Length: b.Offset - a.Offset,
		Message: f.msg.In(lang), Source: src, Fix: d.placed(f.fix, a.Offset, b.Offset),
	}
}

// placed returns fix with its Edit against d's text: a text fix replaces
// the issue's range [from, to) (UTF-16 offsets); a value fix sets its
// value (SetEdit). A fix is shared by the findings that made it, so the
// copy is returned, never the original changed.
func (d *Document) placed(fix *Fix, from, to int) *Fix {
	if fix == nil {
		return nil
	}
	out := *fix
	if fix.IsText {
		out.Edit = &Edit{Offset: from, Length: to - from, Text: fix.Text}
	} else if e, ok := d.SetEdit(fix.Path, fix.Value); ok {
		out.Edit = &e
	}
	return &out
}

// SyntaxIssues returns what the parser found, positioned, in lang.
func (d *Document) SyntaxIssues(lang Lang) []Issue {
	out := make([]Issue, 0, len(d.syntax))
	for _, f := range d.syntax {
		out = append(out, d.issue(f, lang))
	}
	return out
}
