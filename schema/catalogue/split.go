package catalogue

import (
	"bufio"
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"unicode/utf8"

	"scanpage/schema"
)

// A Doc is one document of an input file: where it stands and its text.
type Doc struct {
	Ref  schema.DocRef
	Text string
}

// IsLines reports whether a file name is an NDJSON file (.ndjson, .jsonl).
func IsLines(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".ndjson", ".jsonl":
		return true
	}
	return false
}

// IsInput reports whether a file found in a folder is read: .json,
// .ndjson and .jsonl files.
func IsInput(name string) bool {
	return IsLines(name) || strings.EqualFold(filepath.Ext(name), ".json")
}

// Split reads the file name from r and calls yield with each of its
// documents, in order, until yield returns false. It streams: only one
// document's text is held at a time, whatever the file's size.
//
// An NDJSON file (by its name) is one document per line, blank lines
// skipped. Any other file is one document unless its first character
// (after a BOM and white space) is '[': then each element of that array is
// a document, cut at the commas and the closing bracket that stand outside
// every string and bracket. A broken element is still cut where its
// brackets allow, so a document with a syntax error is that document's
// issue; only an element whose brackets never close takes the rest of the
// file with it. Text after the array's closing bracket is one more
// (broken) document. An empty array has no documents.
//
// The error is the reader's, never the documents'.
func Split(name string, r io.Reader, yield func(Doc) bool) error {
	br := readers.Get().(*bufio.Reader)
	br.Reset(r)
	defer func() {
		br.Reset(nil)
		readers.Put(br)
	}()
	if IsLines(name) {
		return splitLines(name, br, yield)
	}
	return splitJSON(name, br, yield)
}

// readers are reused: a catalogue is often 100,000 small files, and a
// fresh 64 KB buffer for each was most of what a check allocated.
var readers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 64<<10) }}

func splitLines(name string, br *bufio.Reader, yield func(Doc) bool) error {
	line, off := 1, 0
	for {
		b, err := br.ReadBytes('\n')
		if len(b) > 0 {
			next := off + units(b)
			t := bytes.TrimRight(b, "\r\n")
			if line == 1 {
				t = bytes.TrimPrefix(t, []byte("\uFEFF"))
			}
			start := off + units(b[:len(b)-len(bytes.TrimLeft(b, "\uFEFF"))])
			if len(bytes.TrimSpace(t)) > 0 {
				if !yield(Doc{Ref: schema.DocRef{Name: name, Line: line, Column: 1 + start - off, Offset: start}, Text: string(t)}) {
					return nil
				}
			}
			off = next
			line++
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// units counts the UTF-16 units of b (an invalid byte counts one).
func units(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		b = b[size:]
	}
	return n
}

// A cursor reads bytes and keeps the position of the next one.
type cursor struct {
	br             *bufio.Reader
	line, col, off int // of the next byte; col and off in UTF-16 units
	pendingCR      bool
	err            error
}

func (c *cursor) next() (byte, bool) {
	b, err := c.br.ReadByte()
	if err != nil {
		if err != io.EOF {
			c.err = err
		}
		return 0, false
	}
	switch {
	case b == '\n':
		if c.pendingCR { // \r\n: the \r already broke the line
			c.pendingCR = false
			c.off++
			return b, true
		}
		c.line++
		c.col = 1
		c.off++
	case b == '\r':
		c.line++
		c.col = 1
		c.off++
		c.pendingCR = true
		return b, true
	case b < 0x80 || b >= 0xC0: // ASCII or a lead byte: one unit, two for a 4-byte sequence
		u := 1
		if b >= 0xF0 && b < 0xF8 {
			u = 2
		}
		c.col += u
		c.off += u
	default: // a continuation byte: counted with its lead
	}
	c.pendingCR = false
	return b, true
}

func (c *cursor) peek() (byte, bool) {
	b, err := c.br.Peek(1)
	if err != nil {
		return 0, false
	}
	return b[0], true
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

func splitJSON(name string, br *bufio.Reader, yield func(Doc) bool) error {
	// A BOM is part of a whole document's text (the validator reports it);
	// before an array it is stepped over.
	head, _ := br.Peek(3)
	bom := bytes.HasPrefix(head, []byte("\uFEFF"))
	c := &cursor{br: br, line: 1, col: 1}
	skip := 0
	if bom {
		skip = 3
	}
	for {
		p, err := br.Peek(skip + 1)
		if len(p) <= skip {
			if err != nil && err != io.EOF {
				return err
			}
			break
		}
		if !isSpace(p[skip]) {
			if p[skip] == '[' {
				return splitArray(name, c, yield)
			}
			break
		}
		skip++
		if skip > 1<<20 { // a megabyte of white space: not worth sniffing further
			break
		}
	}
	all, err := io.ReadAll(br)
	if err != nil {
		return err
	}
	yield(Doc{Ref: schema.DocRef{Name: name, Line: 1, Column: 1}, Text: string(all)})
	return nil
}

func splitArray(name string, c *cursor, yield func(Doc) bool) error {
	for {
		b, ok := c.next()
		if !ok {
			return c.err
		}
		if b == '[' {
			break
		}
	}
	var buf []byte
	for {
		// Skip white space and stray commas before an element.
		b, ok := c.peek()
		for ok && (isSpace(b) || b == ',') {
			c.next()
			b, ok = c.peek()
		}
		if !ok {
			return c.err
		}
		if b == ']' {
			c.next()
			return trailing(name, c, yield)
		}
		ref := schema.DocRef{Name: name, Line: c.line, Column: c.col, Offset: c.off}
		buf = buf[:0]
		depth, inStr, esc := 0, false, false
		for {
			b, ok := c.peek()
			if !ok {
				break
			}
			if !inStr && depth == 0 && (b == ',' || b == ']') {
				break
			}
			c.next()
			buf = append(buf, b)
			switch {
			case inStr:
				switch {
				case esc:
					esc = false
				case b == '\\':
					esc = true
				case b == '"' || b == '\n':
					inStr = false // a line break ends a broken string: keep cutting
				}
			case b == '"':
				inStr = true
			case b == '{' || b == '[':
				depth++
			case b == '}' || b == ']':
				depth = max(0, depth-1)
			}
		}
		t := bytes.TrimRight(buf, " \t\r\n")
		if !yield(Doc{Ref: ref, Text: string(t)}) {
			return nil
		}
		if c.err != nil {
			return c.err
		}
	}
}

// trailing yields what follows an array's closing bracket, if anything
// but white space, as one more document (it will not parse).
func trailing(name string, c *cursor, yield func(Doc) bool) error {
	for {
		b, ok := c.peek()
		if !ok {
			return c.err
		}
		if !isSpace(b) {
			break
		}
		c.next()
	}
	ref := schema.DocRef{Name: name, Line: c.line, Column: c.col, Offset: c.off}
	rest, err := io.ReadAll(c.br)
	if err != nil {
		return err
	}
	yield(Doc{Ref: ref, Text: string(bytes.TrimRight(rest, " \t\r\n"))})
	return nil
}
