package schema

import (
	"encoding/json"
	"hash/maphash"
	"reflect"
	"runtime"
	"strings"
	"sync"
)

// A memo makes a catalogue's repeated sub-documents cheap to validate.
// Products of one brand repeat many objects word for word: the same detail
// rows, the same user, link or card actions (four in ten of a generated
// catalogue's values sit in an object or array met before). The memo gives
// every object or array of the same text one shared Go value, built once,
// and remembers which of those values validated cleanly against which
// subschema (gojsonschema's Memo), so that a repeated one costs a map
// lookup instead of a conversion and a validation.
//
// The outcome is the same with the memo as without: a value is shared only
// when its text is the same and the parser found nothing at all in the
// document, not even a warning (so the text is exactly what was read), values are never changed, and
// only clean outcomes are remembered (with the score they add), which
// depend on the subschema and the value alone. TestMemoSameReport checks it
// over the samples and a generated catalogue.
//
// The memo also converts the document for the engine: an object becomes a
// gojsonschema.Object, its keys and values in lists cut from slabs, not a
// map (objectOf, memo_hook.go). Its keys are distinct because the parser
// found nothing in the document: it reports every duplicate key.
type memo struct {
	seed    maphash.Seed
	byText  map[uint64]*memoEntry  // hash of a text → nil when met once, else its entry
	byValue map[uintptr]*memoEntry // a shared value's identity → its entry
	held    int                    // bytes of text in the entries
	known   int                    // outcomes recalled, for tests

	// Slabs that the lists of values not held by the memo are cut from,
	// as the parser cuts its nodes: a few allocations a document instead of
	// two an object or array. A cell handed out is never written again.
	anys  []any
	strs  []string
	cells int // how many cells a new slab has: about as many as the document has values
}

// slabCells is the most cells a slab has; a longer list is made alone.
const slabCells = 512

// take is takeMemo for a document of text: its slabs are sized to it
// (released, a memo drops them).
func take(text string) *memo {
	m := takeMemo()
	m.cells = min(max(len(text)/24+8, 16), slabCells) // as the parser sizes its chunks
	return m
}

// memoOff turns the memo off, for tests that compare with and without.
var memoOff bool

// A memoEntry is one shared value: its text, and the subschemas it
// validated cleanly against, with the score each added (one to three).
type memoEntry struct {
	text  string
	value any
	valid []memoOutcome
}

type memoOutcome struct {
	schema any
	score  int
}

// The memo's bounds. Only arrays and the items of arrays are shared: in a
// catalogue those are what repeat (action items, detail lists, vendor
// lists, recommendations), while a member object (base_info...) is almost
// always its product's own. A text is shared from its second sighting: the
// first costs a hash, not a copy. Longer than memoMaxText, it is not
// shared at all (hashing costs, and long ones seldom repeat). The memo
// starts again when it holds memoMaxBytes of text (each entry's copy, and
// as much again for the strings of its value, which are copies too: a
// shared value keeps no document alive) or memoMaxTexts hashes (a few
// megabytes of memory in all).
const (
	memoMaxText  = 1024
	memoMaxBytes = 2 << 20
	memoMaxTexts = 16384
)

// Memos are kept between validations, one per validation running at once
// (the command line validates on several goroutines; the page's wasm on
// one), up to GOMAXPROCS of them.
var memoPool struct {
	sync.Mutex
	free []*memo
}

func takeMemo() *memo {
	memoPool.Lock()
	defer memoPool.Unlock()
	if n := len(memoPool.free); n > 0 {
		m := memoPool.free[n-1]
		memoPool.free = memoPool.free[:n-1]
		return m
	}
	return &memo{}
}

func (m *memo) release() {
	// The slabs' cells hold this document's values: slices of its text.
	m.anys, m.strs = nil, nil
	memoPool.Lock()
	defer memoPool.Unlock()
	if len(memoPool.free) < runtime.GOMAXPROCS(0) {
		memoPool.free = append(memoPool.free, m)
	}
}

// reset forgets everything: values, identities and outcomes go together,
// so an identity is never that of a value no longer held.
func (m *memo) reset() {
	if m.byText == nil {
		m.seed = maphash.MakeSeed()
	}
	m.byText = make(map[uint64]*memoEntry)
	m.byValue = make(map[uintptr]*memoEntry)
	m.held = 0
}

// value is n's value for the engine (as n.Value(), but objects are
// gojsonschema.Objects), with each array, and each item of an array, shared by
// every document of the same text once met twice. text is the document's.
// With keep, the value will be held by the memo: its strings and keys are
// copied, for the parser's are slices of the document's text, which a
// shared value must not keep alive.
func (m *memo) value(n *Node, text string, keep bool) any {
	if n.Kind != Object && n.Kind != Array {
		if keep {
			return detached(n)
		}
		return n.Value()
	}
	if n.Parent == nil || n.Kind != Array && n.Parent.Kind != Array || n.End-n.Start > memoMaxText || len(n.Fields)+len(n.Items) == 0 {
		return m.build(n, text, keep)
	}
	if m.byText == nil || m.held > memoMaxBytes || len(m.byText) >= memoMaxTexts {
		m.reset()
	}
	t := text[n.Start:n.End]
	h := maphash.String(m.seed, t)
	e, seen := m.byText[h]
	if e != nil && e.text == t {
		return e.value
	}
	if !seen {
		m.byText[h] = nil // met once
		return m.build(n, text, keep)
	}
	if e != nil {
		return m.build(n, text, keep) // another text of the same hash holds the place
	}
	v := m.build(n, text, true)
	e = &memoEntry{text: strings.Clone(t), value: v}
	m.byText[h] = e
	m.byValue[identity(v)] = e
	m.held += 2 * len(t) // the text, and at most as much in the value's strings
	return v
}

// build converts an object or array, its members through the memo.
func (m *memo) build(n *Node, text string, keep bool) any {
	if n.Kind == Object {
		keys, values := m.keyList(len(n.Fields), keep), m.valueList(len(n.Fields), keep)
		for i, f := range n.Fields {
			k := f.Key
			if keep {
				k = strings.Clone(k)
			}
			keys[i], values[i] = k, m.value(f, text, keep)
		}
		return objectOf(keys, values)
	}
	a := m.valueList(len(n.Items), keep)
	for i, it := range n.Items {
		a[i] = m.value(it, text, keep)
	}
	return a
}

// valueList returns a list of k values: of its own when the memo will hold
// it (a slab would keep other values, and the document's text, alive),
// else cut from a slab.
func (m *memo) valueList(k int, keep bool) []any { return cut(&m.anys, k, keep, m.cells) }

// keyList is valueList for keys.
func (m *memo) keyList(k int, keep bool) []string { return cut(&m.strs, k, keep, m.cells) }

// cut returns k cells of *slab, which it renews with cells cells when they
// run out; with keep, or for a long list, k new cells of their own. A cell
// handed out is never handed out again.
func cut[T any](slab *[]T, k int, keep bool, cells int) []T {
	if keep || k > slabCells/8 {
		return make([]T, k)
	}
	s := *slab
	if cap(s)-len(s) < k {
		s = make([]T, 0, max(k, cells))
	}
	at := len(s)
	*slab = s[:at+k]
	return s[at : at+k : at+k]
}

// detached is n.Value() of a scalar, its text copied.
func detached(n *Node) any {
	switch n.Kind {
	case String:
		return strings.Clone(n.Str)
	case Number:
		return json.Number(strings.Clone(n.Str))
	}
	return n.Value()
}

// identity names an object (a map or an Object, even empty) or a non-empty
// array value; 0 for anything else.
func identity(v any) uintptr {
	if v == nil {
		return 0
	}
	switch r := reflect.ValueOf(v); r.Kind() {
	case reflect.Map, reflect.Pointer:
		return r.Pointer()
	case reflect.Slice:
		if r.Len() > 0 {
			return r.Pointer()
		}
	}
	return 0
}
