package schema

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Packed facts: DocFacts in a compact binary form, for the page's workers,
// which hand every document's facts to one instance for the cross-document
// pass. As JSON they were 1.35 kB a document, and decoding them with
// encoding/json was most of that pass (1 s per 10,000 documents in wasm);
// packed they are 620 bytes, and that pass is five times faster.
//
// A record is a version byte (factsV1), then the fields of DocFacts in
// order: strings as a uvarint length and their bytes, integers as varints,
// an absent span as 0 and a present one as 1 and the span, lists as a
// uvarint count and their items. Records are simply concatenated, so
// pieces packed apart join into one stream. The format is internal to one
// build (the wasm and the page that loads it); only its version byte is
// checked.

const factsV1 = 1

// ErrPackedFacts is returned for bytes that are not packed facts.
var ErrPackedFacts = errors.New("not packed facts")

// AppendPackedFacts appends f, packed, to b.
func AppendPackedFacts(b []byte, f DocFacts) []byte {
	b = append(b, factsV1)
	b = packString(b, f.Ref.Name)
	b = binary.AppendVarint(b, int64(f.Ref.Line))
	b = binary.AppendVarint(b, int64(f.Ref.Column))
	b = binary.AppendVarint(b, int64(f.Ref.Offset))
	b = packString(b, f.KeyStr)
	b = packString(b, f.KeyStandard)
	b = packString(b, f.Category)
	b = packSpan(b, f.Root)
	b = packOptSpan(b, f.Key)
	b = packOptSpan(b, f.Std)
	b = binary.AppendUvarint(b, uint64(len(f.Recommends)))
	for _, r := range f.Recommends {
		b = packString(b, r.KeyStr)
		b = packString(b, r.KeyStandard)
		b = packSpan(b, r.Key)
		b = packOptSpan(b, r.Std)
	}
	b = binary.AppendUvarint(b, uint64(len(f.Issues)))
	for _, n := range f.Issues {
		b = packString(b, string(n.Severity))
		b = packString(b, n.Code)
		b = binary.AppendVarint(b, int64(n.N))
	}
	return b
}

func packString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func packSpan(b []byte, s Span) []byte {
	b = packString(b, s.Path)
	b = binary.AppendVarint(b, int64(s.Line))
	b = binary.AppendVarint(b, int64(s.Column))
	b = binary.AppendVarint(b, int64(s.Offset))
	return binary.AppendVarint(b, int64(s.Length))
}

func packOptSpan(b []byte, s *Span) []byte {
	if s == nil {
		return append(b, 0)
	}
	return packSpan(append(b, 1), *s)
}

// A FactsReader reads packed facts one record at a time. The strings that
// repeat from one document to the next (file names, paths, codes of
// issues, standards, categories) are read once and shared.
type FactsReader struct {
	b      []byte
	err    error
	shared map[string]string
	spans  []Span // the slab optional spans are cut from (never written again)
}

// NewFactsReader reads the records of b.
func NewFactsReader(b []byte) *FactsReader {
	return &FactsReader{b: b, shared: map[string]string{}}
}

// Reset makes the reader read b next; the strings it shares are kept.
func (r *FactsReader) Reset(b []byte) {
	r.b, r.err = b, nil
}

// Next reads the next record into f. It returns false at the end or on
// damaged bytes, and Err tells which.
func (r *FactsReader) Next(f *DocFacts) bool {
	if r.err != nil || len(r.b) == 0 {
		return false
	}
	if r.b[0] != factsV1 {
		r.err = fmt.Errorf("%w: version %d, want %d", ErrPackedFacts, r.b[0], factsV1)
		return false
	}
	r.b = r.b[1:]
	*f = DocFacts{}
	f.Ref.Name = r.str(true)
	f.Ref.Line, f.Ref.Column, f.Ref.Offset = r.int(), r.int(), r.int()
	f.KeyStr = r.str(false)
	f.KeyStandard = r.str(true)
	f.Category = r.str(true)
	f.Root = r.span()
	f.Key, f.Std = r.optSpan(), r.optSpan()
	// A recommendation is at least 8 bytes (two strings, a span, a flag),
	// an issue count 3.
	if n := r.count(8); n > 0 {
		f.Recommends = make([]RecFact, n)
		for i := range f.Recommends {
			rf := &f.Recommends[i]
			rf.KeyStr, rf.KeyStandard = r.str(false), r.str(true)
			rf.Key, rf.Std = r.span(), r.optSpan()
		}
	}
	if n := r.count(3); n > 0 {
		f.Issues = make([]IssueCount, n)
		for i := range f.Issues {
			f.Issues[i] = IssueCount{Severity: Severity(r.str(true)), Code: r.str(true), N: r.int()}
		}
	}
	return r.err == nil
}

// Err is why Next stopped early; nil at the end of the bytes.
func (r *FactsReader) Err() error { return r.err }

func (r *FactsReader) fail() {
	if r.err == nil {
		r.err = fmt.Errorf("%w: cut short or damaged", ErrPackedFacts)
	}
	r.b = nil
}

func (r *FactsReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *FactsReader) int() int {
	v, n := binary.Varint(r.b)
	if n <= 0 || int64(int(v)) != v {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

// count reads the length of a list whose items take at least size bytes
// each: no more than the bytes left hold, so that damaged bytes never ask
// for a huge allocation.
func (r *FactsReader) count(size int) int {
	n := r.uvarint()
	if n > uint64(len(r.b)/size) {
		r.fail()
		return 0
	}
	return int(n)
}

// str reads a string; shared ones come from (and go to) the reader's set.
func (r *FactsReader) str(shared bool) string {
	n := r.count(1)
	if r.err != nil {
		return ""
	}
	b := r.b[:n]
	r.b = r.b[n:]
	if !shared {
		return string(b)
	}
	if s, ok := r.shared[string(b)]; ok {
		return s
	}
	s := string(b)
	r.shared[s] = s
	return s
}

func (r *FactsReader) span() Span {
	return Span{Path: r.str(true), Line: r.int(), Column: r.int(), Offset: r.int(), Length: r.int()}
}

func (r *FactsReader) optSpan() *Span {
	if len(r.b) == 0 {
		r.fail()
		return nil
	}
	present := r.b[0]
	r.b = r.b[1:]
	switch present {
	case 0:
		return nil
	case 1:
		// Cut from a slab: an allocation each was a tenth of the cross
		// pass in wasm (a recommendation has one).
		if len(r.spans) == cap(r.spans) {
			r.spans = make([]Span, 0, 256)
		}
		r.spans = append(r.spans, r.span())
		return &r.spans[len(r.spans)-1]
	}
	r.fail()
	return nil
}
