// Package bench is where every benchmark lives: the harness `make bench`
// runs (run.mjs and its steps, in JavaScript), and these native Go
// benchmarks of the public calls of schema, preview and barcode, on the very
// inputs the harness measures in wasm under node and in Chromium, so that
// native and wasm figures compare like for like. go.txt is the raw
// `go test -bench` output of the last `make bench` (benchstat reads it),
// history.md the before/after of optimisations.
package bench
