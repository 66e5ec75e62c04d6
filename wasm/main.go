//go:build js && wasm

package main

import (
	"os"

	"github.com/hack-pad/safejs"
)

// version is set by the Makefile (-ldflags -X main.version=...).
var version = "dev"

// The loader gives each instance an id in the environment and waits for
// globalThis.__scanpage[id](api): readiness is signalled by that call, not by
// go.run, which only settles when the program ends.
func main() {
	id := os.Getenv("SCANPAGE_ID")
	done := make(chan struct{})
	api, funcs, err := newAPI(done)
	if err != nil {
		panic(err)
	}
	if err := signalReady(id, api); err != nil {
		panic(err)
	}
	<-done
	for _, f := range funcs {
		f.Release()
	}
}

func signalReady(id string, api safejs.Value) error {
	registry, err := safejs.Global().Get("__scanpage")
	if err != nil {
		return err
	}
	ready, err := registry.Get(id)
	if err != nil {
		return err
	}
	_, err = ready.Invoke(api)
	return err
}
