//go:build js && wasm

package main

import (
	"encoding/json"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/hack-pad/safejs"

	"scanpage/schema"
)

// A misuse is a wrong call (an argument of the wrong type): the loader throws
// it as a JS error of the given name. Bad input is never a misuse.
type misuse struct {
	name, message string
}

func (m misuse) Error() string { return m.name + ": " + m.message }

func typeError(format string, args ...any) misuse {
	return misuse{"TypeError", fmt.Sprintf(format, args...)}
}

// A handler is one exported function. It returns JSON text, or (for
// images) a [JSON text, Uint8Array] array.
type handler func(args []safejs.Value) (any, error)

// export wraps h so that no panic and no error escapes into JavaScript:
// a misuse becomes {"$error": {...}}, a panic becomes the fallback result
// for that function with an "internal" issue.
func export(h handler, fallback func(schema.Issue) any) (safejs.Func, error) {
	return safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) (result any) {
		defer func() {
			if p := recover(); p != nil {
				result = marshal(fallback(internalIssue(p)))
			}
		}()
		out, err := h(args)
		if err != nil {
			if m, ok := err.(misuse); ok {
				return marshal(map[string]any{"$error": map[string]string{"name": m.name, "message": m.message}})
			}
			return marshal(fallback(internalIssue(err)))
		}
		return out
	})
}

// internalIssue reports a bug of ours; the instance goes on answering.
func internalIssue(cause any) schema.Issue {
	msg := fmt.Sprint(cause)
	if _, ok := cause.(error); !ok {
		// A panic: keep where it came from, for a bug report.
		msg += "\n" + string(debug.Stack())
	}
	return schema.Issue{
		Severity: schema.Error, Code: "internal", Line: 1, Column: 1, Source: schema.SourceDocument,
		Message: "scanpage internal error (please report it): " + msg,
	}
}

// marshal turns a result into JSON text. Results are built from our own
// types, so an error here is a bug; report it as JSON all the same.
func marshal(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		b, _ = json.Marshal(map[string]any{"$error": map[string]string{"name": "Error", "message": "scanpage: " + err.Error()}})
	}
	return string(b)
}

// stringArg returns argument i, which must be a string.
func stringArg(args []safejs.Value, i int, name string) (string, error) {
	if i >= len(args) {
		return "", typeError("%s is required", name)
	}
	if t := args[i].Type(); t != safejs.TypeString {
		return "", typeError("%s must be a string, not %s", name, t)
	}
	return args[i].String()
}

// optionsArg decodes argument i, the options as JSON text (the loader
// stringifies the options object), into v. Absent, undefined and null mean
// no options.
func optionsArg(args []safejs.Value, i int, v any) error {
	if i >= len(args) || args[i].IsUndefined() || args[i].IsNull() {
		return nil
	}
	s, err := stringArg(args, i, "options")
	if err != nil {
		return err
	}
	dec := json.NewDecoder(strings.NewReader(s))
	if err := dec.Decode(v); err != nil {
		return typeError("options: %v", jsonReason(err))
	}
	return nil
}

// jsonReason words a decoding error of the options for a JS developer.
func jsonReason(err error) string {
	if te, ok := err.(*json.UnmarshalTypeError); ok {
		return fmt.Sprintf("%s must be a %s, not a %s", te.Field, jsKind(te.Type.Kind().String()), jsKind(te.Value))
	}
	return err.Error()
}

func jsKind(goKind string) string {
	switch goKind {
	case "int", "float64":
		return "number"
	case "bool":
		return "boolean"
	}
	return goKind
}

// bytesInto appends the bytes of v, which must be a Uint8Array, to dst.
func bytesInto(dst []byte, v safejs.Value, name string) ([]byte, error) {
	u8, err := safejs.Global().Get("Uint8Array")
	if err != nil {
		return nil, err
	}
	if ok, err := v.InstanceOf(u8); err != nil || !ok {
		return nil, typeError("%s must be JSON text, a Uint8Array or an array of Uint8Arrays, not %s", name, v.Type())
	}
	n, err := v.Length()
	if err != nil {
		return nil, err
	}
	dst = slices.Grow(dst, n)[:len(dst)+n]
	_, err = safejs.CopyBytesToGo(dst[len(dst)-n:], v)
	return dst, err
}

// bytesToJS copies b into a new Uint8Array.
func bytesToJS(b []byte) (safejs.Value, error) {
	u8, err := safejs.Global().Get("Uint8Array")
	if err != nil {
		return safejs.Value{}, err
	}
	arr, err := u8.New(len(b))
	if err != nil {
		return safejs.Value{}, err
	}
	_, err = safejs.CopyBytesToJS(arr, b)
	return arr, err
}
