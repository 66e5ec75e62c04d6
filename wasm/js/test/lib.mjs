// lib.mjs: the library under test is the built package (make build writes
// build/package), where scanpage.wasm and wasm_exec.js sit next to the
// loader exactly as a consumer gets them. Under Node, its Node entry.
export { load, wasmModule } from "../../../build/package/scanpage-node.js";

/**
 * The methods scanpage.d.ts declares for an interface (Scanpage or
 * AsyncScanpage), in order: the types are the public surface the loader's
 * calls are checked against.
 */
export async function declared(iface) {
  const { readFile } = await import("node:fs/promises");
  const dts = await readFile(new URL("../../../build/package/scanpage.d.ts", import.meta.url), "utf8");
  const body = new RegExp(`export interface ${iface} \\{([^]*?)\\n\\}`).exec(dts)?.[1];
  if (!body) throw new Error(`scanpage.d.ts declares no interface ${iface}`);
  return [...new Set([...body.matchAll(/^ {2}(\w+)\(/gm)].map((m) => m[1]))]; // an overloaded call once
}


export { strictCSP } from "../../../testkit/consumer.mjs";
