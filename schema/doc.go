// Package schema checks a WeChat scan/product/create document: it parses the
// JSON text once, keeping the position of every key and value, then applies
// the JSON Schema, the API's own rules, the barcode rules and the optional
// merchant context, and reports each finding at the smallest relevant token
// in Chinese or English with the errcode the real API would return.
//
// It is pure Go (no syscall/js) so that the same checks run natively, in
// tests and behind the WebAssembly boundary in package wasm.
package schema
