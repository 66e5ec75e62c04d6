// lib.mjs: the library under test is the built package (make build writes
// build/package), where scanpage.wasm and wasm_exec.js sit next to the
// loader exactly as a consumer gets them. Under Node, its Node entry.
export { load } from "../../../build/package/scanpage-node.js";
