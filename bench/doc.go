// Package bench holds the native Go benchmarks that `make bench` runs next to
// the wasm ones: the public calls of schema and preview on the very inputs
// www/bench measures in wasm under node and in Chromium, so that native and
// wasm figures compare like for like. It has no code of its own; go.txt is
// the raw `go test -bench` output of the last `make bench` (benchstat reads
// it), history.md the before/after of optimisations.
package bench
