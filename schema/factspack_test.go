package schema

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// sampleFacts are the facts of every sample, each placed as if it were
// the i-th line of one NDJSON file (so that refs and spans are not zero).
func sampleFacts(t testing.TB) []DocFacts {
	files, err := filepath.Glob("../samples/*.json*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	var out []DocFacts
	for i, name := range files {
		text, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		ref := DocRef{Name: "catalogue.ndjson", Line: i + 3, Column: 1, Offset: 1000 * i}
		out = append(out, FactsOf(ref, Validate(string(text), Options{})))
	}
	// And one with nothing: no product, no spans.
	out = append(out, FactsOf(DocRef{Name: "x.json"}, Validate("", Options{})))
	return out
}

func TestPackedFactsRoundTrip(t *testing.T) {
	facts := sampleFacts(t)
	var b []byte
	recs := 0
	for _, f := range facts {
		b = AppendPackedFacts(b, f)
		recs += len(f.Recommends)
	}
	if recs == 0 {
		t.Fatal("no sample has a recommendation: the test would not read one")
	}
	r := NewFactsReader(b)
	var got []DocFacts
	var f DocFacts
	for r.Next(&f) {
		got = append(got, f)
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, facts) {
		t.Errorf("read back:\n%+v\nwant\n%+v", got, facts)
	}
}

// TestPackedFactsDamaged cuts the stream at every byte and changes every
// byte: the reader stops with ErrPackedFacts (or at a record's end), never
// panics, never reads more records than there are.
func TestPackedFactsDamaged(t *testing.T) {
	facts := sampleFacts(t)[:3]
	var b []byte
	var ends []int
	for _, f := range facts {
		b = AppendPackedFacts(b, f)
		ends = append(ends, len(b))
	}
	count := func(b []byte) (int, error) {
		r := NewFactsReader(b)
		n := 0
		var f DocFacts
		for r.Next(&f) {
			n++
		}
		return n, r.Err()
	}
	for cut := 0; cut < len(b); cut++ {
		n, err := count(b[:cut])
		atEnd := cut == 0
		for _, e := range ends {
			atEnd = atEnd || cut == e
		}
		if atEnd && err != nil {
			t.Errorf("cut at a record's end (%d): %v", cut, err)
		}
		if !atEnd && !errors.Is(err, ErrPackedFacts) {
			t.Errorf("cut at %d: read %d records, err %v; want ErrPackedFacts", cut, n, err)
		}
	}
	if _, err := count([]byte{2}); !errors.Is(err, ErrPackedFacts) {
		t.Errorf("version 2: err %v", err)
	}
	for i := range b {
		d := append([]byte(nil), b...)
		d[i] ^= 0xff
		if n, _ := count(d); n > len(facts) {
			t.Errorf("byte %d changed: %d records", i, n)
		}
	}
}

func FuzzFactsReader(f *testing.F) {
	var b []byte
	for _, fa := range sampleFacts(f) {
		b = AppendPackedFacts(b, fa)
	}
	f.Add(b)
	f.Add([]byte{1, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		r := NewFactsReader(b)
		var out []byte
		var fa DocFacts
		for r.Next(&fa) {
			out = AppendPackedFacts(out, fa)
		}
		if r.Err() == nil && string(out) != string(b) {
			// A stream read whole packs back to the same bytes unless a
			// varint was written longer than needed.
			r2 := NewFactsReader(out)
			var again []byte
			for r2.Next(&fa) {
				again = AppendPackedFacts(again, fa)
			}
			if r2.Err() != nil || string(again) != string(out) {
				t.Fatalf("packing what was read is not stable: %v", r2.Err())
			}
		}
	})
}
