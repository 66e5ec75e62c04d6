//go:build js && wasm

// Command wasm is scanpage's WebAssembly boundary, and the only package that
// knows JavaScript. It turns JS calls into calls of packages schema and
// preview and their results into JSON text (PNG bytes into a Uint8Array).
//
// Everything that crosses here is checked: an argument of the wrong type
// comes back as a TypeError for the loader to throw, and every panic is
// recovered into an "internal" error issue, because one unrecovered panic in
// a Go callback ends the program and every later call would throw "Go
// program has already exited". The loader, www/scanpage.js, is the other
// half of this boundary.
package main
