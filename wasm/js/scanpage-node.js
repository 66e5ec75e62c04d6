// scanpage-node.js: the Node entry of the package (the "node" condition of
// its exports). It reads scanpage.wasm from disk and hands the compiled
// module to the browser entry, which never imports a node: module itself.
import { readFile } from "node:fs/promises";
import { load as loadModule, wasmModule as loadWasmModule } from "./scanpage.js";

/**
 * Loads an instance, as in browsers (see scanpage.d.ts). wasmURL may be a
 * file: URL or path relative to this package, or an http(s) URL.
 * @param {import("./scanpage").LoadOptions} [opts]
 */
export async function load(opts = {}) {
  if (opts === null || typeof opts !== "object" || opts.module || opts.worker) return loadModule(opts);
  const url = wasmFile(opts);
  if (url.protocol !== "file:") return loadModule({ ...opts, wasmURL: url.href });
  const { wasmURL, ...rest } = opts;
  return loadModule({ ...rest, module: await compiledFile(url) });
}

/**
 * The compiled wasm that load() instantiates, for instances in worker
 * threads of your own (see scanpage.d.ts): post it to each and call
 * load({module}) there.
 * @param {{ wasmURL?: string | URL }} [opts]
 */
export function wasmModule(opts = {}) {
  if (opts === null || typeof opts !== "object" || Object.keys(opts).some((k) => k !== "wasmURL")) {
    throw new TypeError("scanpage: wasmModule(options): only wasmURL is an option here");
  }
  const url = wasmFile(opts);
  return url.protocol === "file:" ? compiledFile(url) : loadWasmModule({ wasmURL: url.href });
}

/** The wasm's URL: opts.wasmURL relative to this package, else the file beside it. */
function wasmFile(opts) {
  return opts.wasmURL === undefined ? new URL("./scanpage.wasm", import.meta.url) : new URL(String(opts.wasmURL), import.meta.url);
}

/** Compiled modules by file: URL, as the browser entry keeps them. @type {Map<string, Promise<WebAssembly.Module>>} */
const modules = new Map();

/** The wasm at a file: URL, read and compiled once; a failure is not kept. @param {URL} url */
function compiledFile(url) {
  let m = modules.get(url.href);
  if (!m) {
    m = readFile(url).then((bytes) => WebAssembly.compile(bytes)).catch((e) => {
      throw new Error(`scanpage: could not load ${url.href}: ${e.message}`, { cause: e });
    });
    modules.set(url.href, m);
    m.catch(() => modules.delete(url.href));
  }
  return m;
}
