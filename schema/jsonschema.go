package schema

import (
	_ "embed"
	"errors"
	"sort"
	"strings"
	"sync"

	"github.com/xeipuuv/gojsonreference"
	"github.com/xeipuuv/gojsonschema"
)

// schemaJSON is create-product.schema.json, the JSON Schema (draft-07) of
// the scan/product/create document, published for other tools (editors,
// Ajv; make build copies it next to the page).
//
// What lives where. The schema holds every rule a schema engine can say
// exactly and that makes the document invalid: the structure, required
// keys, types, allowed values (enum), formats (patterns: http(s) URLs, the
// v.qq.com video host, prices, colours), banner_list ≤ 6, action_list ≥ 1
// (A1), the per-type action fields and detail_info's "one list non-empty".
// Go (checkDocument) holds what a schema cannot say or cannot say as a
// warning: the barcode (check digit, length semantics, GS1 prefix:
// checkCode), display widths, the cross-rules A2–A5, duplicate modules,
// unknown keys with did-you-mean, response-only fields, the merchant
// context, and the warnings about what the schema tolerates (a digit-string
// category_id or vendor id, a boolean native_show, a numeric price, a bare
// host as anti_fake_url). Nothing is checked on both sides: the schema's
// errors are mapped to our codes and messages (schemaerrors.go), and Go
// only adds what the schema accepts. The schema's own keystr patterns (the
// root allOf) restate checkCode for other tools and are not run here.
//
//go:embed create-product.schema.json
var schemaJSON []byte

// merchantSchemaJSON is merchantinfo.schema.json, the JSON Schema of the
// merchantinfo/get response in either of its shapes.
//
//go:embed merchantinfo.schema.json
var merchantSchemaJSON []byte

// The engine runs the published schema split in two steps, for speed: the
// document without the per-type action branches, then each action against
// the branch of its own type alone. Run whole, a schema engine tries every
// `if` of the action discriminator on every action (nine per action, each
// failing one building an error), which costs four times the rest of the
// document; split, the outcome is the same (TestEngineMatchesSchema), and an
// action of unknown type gets exactly one error, from the type enum.
type engine struct {
	once     sync.Once
	main     *gojsonschema.Schema
	branches map[string]*gojsonschema.Schema // by action type
	merchant *gojsonschema.Schema
	err      error
}

// The engine is built on first use, not at init: compiling takes a few
// milliseconds in the browser, which a page that has not validated anything
// yet should not pay.
var theEngine engine

const engineBase = "https://scanpage.invalid/engine/"

// get returns the engine, built on the first call.
func (e *engine) get() (*engine, error) {
	e.once.Do(func() { e.err = e.build() })
	return e, e.err
}

// build compiles the published schema split: the main schema without the
// action branches, and each branch on its own, in one schema loader so that
// every $ref resolves within the embedded documents (never over a network).
func (e *engine) build() error {
	// Our own parser reads the schema: its code is already compiled when a
	// document has just been parsed, unlike encoding/json's, which a cold
	// WebAssembly instance would compile on first use.
	doc, ok := Parse(string(schemaJSON)).Root.Value().(map[string]any)
	if !ok {
		return errors.New("schema: create-product.schema.json is not an object")
	}
	defs, _ := doc["definitions"].(map[string]any)
	action, _ := defs["action"].(map[string]any)
	branches, _ := action["allOf"].([]any)
	delete(doc, "$id")
	delete(doc, "allOf")
	delete(action, "allOf")

	sl := gojsonschema.NewSchemaLoader()
	sl.Draft = gojsonschema.Draft7
	sl.AutoDetect = false
	const product = engineBase + "product.json"
	if err := sl.AddSchema(product, valueLoader{doc}); err != nil {
		return err
	}
	compile := func(name, ref string) (*gojsonschema.Schema, error) {
		u := engineBase + name + ".json"
		if err := sl.AddSchema(u, valueLoader{map[string]any{"$ref": ref}}); err != nil {
			return nil, err
		}
		return sl.Compile(refLoader(u))
	}
	var err error
	if e.main, err = compile("main", product+"#"); err != nil {
		return err
	}
	// Each branch is {"if": {"properties": {"type": {"const": T}}, ...},
	// "then": {"$ref": R}}: the type T is checked by R.
	e.branches = make(map[string]*gojsonschema.Schema, len(branches))
	for _, b := range branches {
		bm, _ := b.(map[string]any)
		typ := dig(bm, "if", "properties", "type", "const")
		ref := dig(bm, "then", "$ref")
		t, ok1 := typ.(string)
		r, ok2 := ref.(string)
		if !ok1 || !ok2 || !strings.HasPrefix(r, "#") {
			continue
		}
		if e.branches[t], err = compile("action-"+t, product+r); err != nil {
			return err
		}
	}
	merchant := Parse(string(merchantSchemaJSON)).Root.Value()
	delete(merchant.(map[string]any), "$id")
	if err := sl.AddSchema(engineBase+"merchant.json", valueLoader{merchant}); err != nil {
		return err
	}
	e.merchant, err = sl.Compile(refLoader(engineBase + "merchant.json"))
	return err
}

// dig follows keys through nested maps; nil where one is missing.
func dig(m map[string]any, path ...string) any {
	var v any = m
	for _, p := range path {
		mm, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = mm[p]
	}
	return v
}

// noFetch is the loader factory of every schema here: all references are
// to the embedded documents, already in the pool, so a reference to
// anything else is an error, never a file read or a network request (which
// gojsonschema's default factory would make, from the browser too).
type noFetch struct{}

func (noFetch) New(source string) gojsonschema.JSONLoader { return missingLoader(source) }

// missingLoader is what noFetch gives for a reference outside the pool.
type missingLoader string

func (l missingLoader) JsonSource() any { return string(l) }
func (l missingLoader) LoadJSON() (any, error) {
	return nil, errors.New("schema: no external reference may be loaded: " + string(l))
}
func (l missingLoader) LoaderFactory() gojsonschema.JSONLoaderFactory { return noFetch{} }
func (l missingLoader) JsonReference() (gojsonreference.JsonReference, error) {
	return gojsonreference.NewJsonReference(string(l))
}

// refLoader names a schema already in a SchemaLoader's pool.
type refLoader string

func (l refLoader) JsonSource() any        { return string(l) }
func (l refLoader) LoadJSON() (any, error) { return nil, nil }
func (l refLoader) LoaderFactory() gojsonschema.JSONLoaderFactory {
	return noFetch{}
}
func (l refLoader) JsonReference() (gojsonreference.JsonReference, error) {
	return gojsonreference.NewJsonReference(string(l))
}

// valueLoader hands gojsonschema a schema already decoded (gojsonschema's
// own NewGoLoader encodes and decodes it again).
type valueLoader struct{ v any }

func (l valueLoader) JsonSource() any        { return l.v }
func (l valueLoader) LoadJSON() (any, error) { return l.v, nil }
func (l valueLoader) LoaderFactory() gojsonschema.JSONLoaderFactory {
	return noFetch{}
}
func (l valueLoader) JsonReference() (gojsonreference.JsonReference, error) {
	return gojsonreference.NewJsonReference("#")
}

// A schemaError is one leaf error of the schema, tied to our tree.
type schemaError struct {
	kind string // gojsonschema's error type: "required", "invalid_type", "enum"...
	node *Node  // the value the error is about (for "required": the object)

	property string   // required: the missing key
	expected string   // invalid_type: the schema's types, "string" or "[integer,string]"
	allowed  []string // enum, const: the allowed values as JSON texts
	bound    int      // array_min_items, array_max_items: the bound
}

// contextSep joins the steps of a gojsonschema context when we read it
// back: unlike its default ".", no key of the document can be confused with
// it (a key holding U+0000 makes the walk fail, and that error is dropped).
const contextSep = "\x00"

// schemaErrors validates the document against the engine: the main schema,
// then every action against the branch of its type. The tree becomes Go
// values once (the text is never serialised again); the actions' values are
// taken from that conversion.
//
// A document in which the parser found nothing goes through a memo (memo.go): its
// repeated objects and arrays are converted and validated once.
func schemaErrors(e *engine, d *Document) []schemaError {
	root := d.Root
	var mm *memo
	var v any
	if len(d.syntax) == 0 && !memoOff {
		mm = take(d.Text)
		defer mm.release()
		v = mm.value(root, d.Text, false)
	} else {
		v = root.Value()
	}
	out := runSchema(e.main, root, v, mm, nil)
	values, _ := memberOf(memberOf(memberOf(v, "brand_info"), "action_info"), "action_list").([]any)
	for i, it := range items(root.Get("brand_info").Get("action_info").Get("action_list")) {
		if s := e.branches[actionType(it)]; s != nil && it.Kind == Object && i < len(values) {
			out = runSchema(s, it, values[i], mm, out)
		}
	}
	sortSchemaErrors(out)
	return out
}

// runSchema validates the subtree at n, whose Go values are v (n.Value(), or the memo's),
// against s (with memo, when not nil) and appends its leaf errors to out. The combinators' summary
// errors (allOf, if/then/else, anyOf, oneOf) are dropped: their leaves say
// what is wrong.
func runSchema(s *gojsonschema.Schema, n *Node, v any, memo *memo, out []schemaError) []schemaError {
	res, err := validateWith(s, v, memo)
	if err != nil {
		return out
	}
	for _, e := range res.Errors() {
		kind := e.Type()
		switch kind {
		case "number_all_of", "condition_then", "condition_else", "number_any_of", "number_one_of":
			continue
		}
		at := walkContext(n, e.Context().String(contextSep))
		if at == nil {
			continue
		}
		se := schemaError{kind: kind, node: at}
		d := e.Details()
		se.property, _ = d["property"].(string)
		se.expected, _ = d["expected"].(string)
		switch kind {
		case "enum":
			if a, ok := d["allowed"].(string); ok {
				se.allowed = strings.Split(a, ", ")
			}
		case "const":
			if a, ok := d["allowed"].(string); ok {
				se.allowed = []string{a}
			}
		case "array_min_items":
			se.bound, _ = d["min"].(int)
		case "array_max_items":
			se.bound, _ = d["max"].(int)
		}
		out = append(out, se)
	}
	return out
}

// sortSchemaErrors puts errors in text order, then by kind and property:
// gojsonschema walks maps in random order, and the report must not change
// from one run to the next.
func sortSchemaErrors(es []schemaError) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.node.Start != b.node.Start {
			return a.node.Start < b.node.Start
		}
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		return a.property < b.property
	})
}

// walkContext follows a gojsonschema context ("(root)", then one step per
// key or index, joined by contextSep) from root.
func walkContext(root *Node, ctx string) *Node {
	n := root
	i := strings.Index(ctx, contextSep)
	if i < 0 {
		return n
	}
	for _, step := range strings.Split(ctx[i+len(contextSep):], contextSep) {
		n = n.Child(step)
	}
	return n
}
