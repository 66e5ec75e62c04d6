//go:build js && wasm

package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/hack-pad/safejs"

	"scanpage/schema"
)

// call invokes a Go-exported function the way a page does: through
// JavaScript.
func call(t *testing.T, f safejs.Value, args ...any) safejs.Value {
	t.Helper()
	v, err := f.Invoke(args...)
	if err != nil {
		t.Fatalf("invoke: %v", err)
	}
	return v
}

func jsString(t *testing.T, v safejs.Value) string {
	t.Helper()
	s, err := v.String()
	if err != nil || v.Type() != safejs.TypeString {
		t.Fatalf("result is %v, not a string (%v)", v.Type(), err)
	}
	return s
}

func TestPanicThroughTheBoundaryLeavesTheInstanceAnswering(t *testing.T) {
	calls := 0
	f, err := export(func(args []safejs.Value) (any, error) {
		calls++
		if calls == 1 {
			var m map[string]int
			m["boom"]++ // a nil map write: a real runtime panic
		}
		return "\"fine\"", nil
	}, func(is schema.Issue) any { return schema.NewReport([]schema.Issue{is}) })
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()

	var rep schema.Report
	if err := json.Unmarshal([]byte(jsString(t, call(t, f.Value()))), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Valid || len(rep.Issues) != 1 || rep.Issues[0].Code != "internal" || rep.Issues[0].Severity != schema.Error {
		t.Fatalf("after a panic: %+v, want one internal error", rep)
	}
	if !strings.Contains(rep.Issues[0].Message, "nil map") {
		t.Errorf("the internal issue should say what panicked: %q", rep.Issues[0].Message)
	}
	if got := jsString(t, call(t, f.Value())); got != "\"fine\"" {
		t.Fatalf("the call after the panic returned %s", got)
	}
}

func TestAPIThroughJavaScript(t *testing.T) {
	done := make(chan struct{})
	api, funcs, err := newAPI(done)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		for _, f := range funcs {
			f.Release()
		}
	}()
	fn := func(name string) safejs.Value {
		v, err := api.Get(name)
		if err != nil || v.Type() != safejs.TypeFunction {
			t.Fatalf("api.%s is %v", name, v.Type())
		}
		return v
	}

	// Misuse: a number where the text belongs is a TypeError for the loader.
	var env struct {
		Error struct{ Name, Message string } `json:"$error"`
	}
	if err := json.Unmarshal([]byte(jsString(t, call(t, fn("validate"), 42))), &env); err != nil {
		t.Fatal(err)
	}
	if env.Error.Name != "TypeError" || !strings.Contains(env.Error.Message, "input must be a string") {
		t.Fatalf("validate(42) = %+v, want a TypeError about input", env.Error)
	}
	if err := json.Unmarshal([]byte(jsString(t, call(t, fn("validate"), "{}", `{"lang": 3}`))), &env); err != nil || env.Error.Name != "TypeError" {
		t.Fatalf("validate with lang: 3 = %+v (%v), want a TypeError", env.Error, err)
	}

	// A syntax error comes back positioned.
	var rep schema.Report
	if err := json.Unmarshal([]byte(jsString(t, call(t, fn("validate"), "{\n  \"a\": 1,\n}", `{"lang":"en"}`))), &rep); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, is := range rep.Issues {
		if is.Code == "syntax.trailing_comma" {
			found = is.Line == 2 && is.Column == 9 && is.Offset == 10 && is.Length == 1
		}
	}
	if rep.Valid || !found {
		t.Fatalf("trailing comma at 2:9 not reported: %+v", rep)
	}

	// Images come back as [json] or [json, Uint8Array].
	arr := call(t, fn("barcode"), "4512345678906")
	if n, err := arr.Length(); err != nil || n < 1 {
		t.Fatalf("barcode result is not a non-empty array: %v %v", n, err)
	}
	version, err := api.Get("version")
	if err != nil || version.Type() != safejs.TypeString {
		t.Fatalf("version is %v", version.Type())
	}

	call(t, fn("dispose"))
	select {
	case <-done:
	default:
		t.Fatal("dispose did not end the instance")
	}
}
