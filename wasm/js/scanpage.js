// scanpage.js: loads scanpage.wasm and exposes its API (see scanpage.d.ts).
// The browser entry of the package (the main thread and Web Workers); Node
// gets scanpage-node.js, which compiles the wasm from disk and calls this.
// It is the JavaScript half of the boundary whose Go half is ../wasm.
//
// Bundlers (Vite, webpack 5, Parcel, Rollup) find the three files this
// module needs beside it because each is written as a literal pattern they
// follow: new URL("./scanpage.wasm", import.meta.url), import("./wasm_exec.js")
// and new Worker(new URL("./scanpage-worker.js", import.meta.url)). Keep them
// literal.

/** The document limit of the validator (schema.MaxSize), in bytes of UTF-8. */
const MAX_DOCUMENT = 1 << 20;
/** Longer barcode codes are cut to MAX_CODE + 1 units before they cross into Go, which refuses them. */
const MAX_CODE = 64;
/** The sync facade's hidden entry for a document over the limit (the worker uses it). */
const OVERSIZE = Symbol.for("scanpage.oversize");
/** Calls whose first argument is no single document: not held to its limit (a file of many documents, a list). */
const UNLIMITED = new Set(["stats", "checkBatch", "catalogueIssues", "catalogueReport", "barcodeZip"]);

/** The names wasm_exec.js may define on globalThis, and ours. */
const GO_GLOBALS = ["Go", "fs", "process", "path", "__scanpage"];

let runtime;
/**
 * Loads wasm_exec.js (the Go runtime glue, copied from the Go toolchain that
 * built the wasm) once. It defines globalThis.Go and, where missing, stand-ins
 * for fs, process and path that the Go runtime reads while it starts. They are
 * taken off globalThis at once and put back only for the synchronous start of
 * an instance (see withGoGlobals), so a page never sees them.
 * @returns {Promise<{Go: any, stand: Record<string, unknown>}>}
 */
function goRuntime() {
  runtime ??= (async () => {
    const before = new Set(Object.getOwnPropertyNames(globalThis));
    await import("./wasm_exec.js");
    const stand = {};
    for (const name of GO_GLOBALS) {
      if (!before.has(name) && Object.prototype.hasOwnProperty.call(globalThis, name)) {
        stand[name] = globalThis[name];
        delete globalThis[name];
      }
    }
    const Go = stand.Go ?? globalThis.Go;
    if (typeof Go !== "function") throw new Error("wasm_exec.js did not define Go");
    return { Go, stand };
  })();
  return runtime;
}

/**
 * Runs fn with the stand-ins (and the ready registry) on globalThis, then
 * removes what it added. Nothing else runs in between: fn is synchronous.
 */
function withGoGlobals(stand, registry, fn) {
  const added = [];
  for (const [name, value] of Object.entries({ ...stand, __scanpage: registry })) {
    if (name === "Go" || Object.prototype.hasOwnProperty.call(globalThis, name)) continue;
    globalThis[name] = value;
    added.push(name);
  }
  try {
    return fn();
  } finally {
    for (const name of added) delete globalThis[name];
  }
}

/**
 * Fetches and compiles the wasm: streaming when the server says
 * application/wasm (the download and the compilation overlap). A response
 * that is no wasm (an HTML fallback, a 404 page) is named as such.
 * @param {URL} url
 * @returns {Promise<WebAssembly.Module>}
 */
async function compile(url) {
  if (url.protocol === "file:") {
    // Node, importing this file rather than the package's Node entry: read
    // the file through Node's own fs, without an import a bundler would see.
    const fs = globalThis.process?.getBuiltinModule?.("node:fs");
    if (!fs) throw new Error(`${url.href} is a file: URL; in Node, import the package ("scanpage" resolves to its Node entry) or pass {module}`);
    return WebAssembly.compile(await fs.promises.readFile(url));
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url.href} answered HTTP ${res.status} ${res.statusText}`.trim());
  const type = (res.headers.get("content-type") || "").split(";")[0].trim();
  if (type === "application/wasm" && typeof WebAssembly.compileStreaming === "function") {
    return WebAssembly.compileStreaming(res);
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (!(bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d)) {
    throw new Error(`scanpage.wasm answered ${type || "without a content type"} (${notWasm(type, bytes)}, not wasm): ` +
      `${url.href} is not where scanpage.wasm is served; deploy it next to scanpage.js, or pass {wasmURL} or {module}`);
  }
  return WebAssembly.compile(bytes);
}

/** Says what a response that is no wasm looks like. */
function notWasm(type, bytes) {
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart().toLowerCase();
  if (type === "text/html" || head.startsWith("<!doctype html") || head.startsWith("<html")) return "an HTML page";
  if (bytes.length === 0) return "an empty body";
  if (type.includes("javascript")) return "a script";
  if (type.includes("json")) return "JSON";
  return `${bytes.length} bytes starting ${JSON.stringify(head.slice(0, 16))}`;
}

let instances = 0;

/** The options load() knows; any other name is refused, so that a typo does not go unnoticed. */
const LOAD_OPTIONS = new Set(["worker", "wasmURL", "module"]);

/**
 * Loads an instance. Resolves once the Go side has registered its functions.
 * @param {import("./scanpage").LoadOptions} [opts]
 */
export async function load(opts = {}) {
  checkLoadOptions(opts);
  if (opts.worker) return loadWorker(opts);
  // Fetch and compile the wasm while wasm_exec.js loads: the two do not
  // wait for each other.
  let url;
  const compiled = opts.module ? Promise.resolve(opts.module) : compiledAt(url = wasmURL(opts));
  compiled.catch(() => {}); // awaited below; not unhandled if wasm_exec.js fails first
  let go;
  try {
    go = await goRuntime();
  } catch (e) {
    throw new Error(`scanpage: could not load wasm_exec.js next to scanpage.js: ${e.message}`, { cause: e });
  }
  return start(go, compiled, url);
}

/** Compiled modules by URL: every load() of one URL shares one module, and its machine code. @type {Map<string, Promise<WebAssembly.Module>>} */
const modules = new Map();

function compiledAt(url) {
  let m = modules.get(url.href);
  if (!m) {
    m = compile(url);
    modules.set(url.href, m);
    m.catch(() => modules.delete(url.href)); // a failure is not kept: the next load() tries again
  }
  return m;
}

/**
 * The compiled wasm that load() instantiates (opts.wasmURL as in load()),
 * for instances in workers of your own: post it to each and call
 * load({module}) there. They then share its machine code, which V8
 * optimises once for all of them, and no worker fetches or compiles.
 * @param {{ wasmURL?: string | URL }} [opts]
 * @returns {Promise<WebAssembly.Module>}
 */
export function wasmModule(opts = {}) {
  checkLoadOptions(opts);
  if (opts.worker || opts.module) throw new TypeError("scanpage: wasmModule(options): only wasmURL is an option here");
  return compiledAt(wasmURL(opts));
}

/** The wasm's URL: opts.wasmURL, else the file beside this module (literal, for bundlers). */
function wasmURL(opts) {
  if (opts.wasmURL !== undefined) return new URL(opts.wasmURL, globalThis.location?.href ?? import.meta.url);
  return new URL("./scanpage.wasm", import.meta.url);
}

function checkLoadOptions(opts) {
  if (opts === null || typeof opts !== "object" || Array.isArray(opts)) {
    throw new TypeError(`scanpage: load(options): options must be an object, not ${typeName(opts)}`);
  }
  for (const k of Object.keys(opts)) {
    if (!LOAD_OPTIONS.has(k)) throw new TypeError(`scanpage: load(options): unknown option ${JSON.stringify(k)} (known: worker, wasmURL, module)`);
  }
  if (opts.worker !== undefined && typeof opts.worker !== "boolean") {
    throw new TypeError(`scanpage: load(options): worker must be a boolean, not ${typeName(opts.worker)}`);
  }
  if (opts.module !== undefined && !(opts.module instanceof WebAssembly.Module)) {
    throw new TypeError(`scanpage: load(options): module must be a WebAssembly.Module, not ${typeName(opts.module)}`);
  }
  if (opts.wasmURL !== undefined && typeof opts.wasmURL !== "string" && !(opts.wasmURL instanceof URL)) {
    throw new TypeError(`scanpage: load(options): wasmURL must be a string or a URL, not ${typeName(opts.wasmURL)}`);
  }
}

/** Instantiates the compiled wasm with a fresh Go runtime and waits for its API. */
async function start({ Go, stand }, compiled, url) {
  const go = new Go();
  const id = `sp${++instances}_${Math.random().toString(36).slice(2, 10)}`;
  let api;
  const registry = { [id]: (a) => { api = a; } };
  go.env = { SCANPAGE_ID: id };
  go.argv = ["scanpage"];
  let instance;
  try {
    instance = await WebAssembly.instantiate(await compiled, go.importObject);
  } catch (e) {
    throw new Error(`scanpage: could not load ${url ? url.href : "the wasm module"}: ${e.message}`, { cause: e });
  }
  let ended = false;
  // The Go program starts synchronously inside go.run: its runtime reads
  // fs and process, and main hands over the API, before go.run returns.
  const run = withGoGlobals(stand, registry, () => go.run(instance)).finally(() => {
    ended = true;
    // The Go runtime may leave timers behind (the scheduler's wake-ups); one
    // firing after exit would throw "Go program has already exited".
    for (const t of go._scheduledTimeouts?.values() ?? []) clearTimeout(t);
    go._scheduledTimeouts?.clear();
  });
  if (!api) {
    await run.catch(() => {});
    throw new Error("scanpage: the Go program ended before it was ready");
  }
  return facade(api, () => ended, instance.exports.mem);
}

/** The UTF-8 length of s when it is over the document limit, else 0 (no copy is made). */
function oversize(s) {
  if (s.length <= MAX_DOCUMENT / 3) return 0; // at most 3 bytes per UTF-16 unit
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
    else n += 3;
  }
  return n > MAX_DOCUMENT ? n : 0;
}

/** A barcode code cut where Go refuses it for its length: a longer one need not be copied. */
function cutCode(code) {
  return code.length > MAX_CODE + 1 ? code.slice(0, MAX_CODE + 1) : code;
}

/**
 * Wraps the functions the Go side registered: checks arguments, turns
 * objects into JSON text, parses the JSON results, throws misuse errors.
 * @returns {import("./scanpage").Scanpage}
 */
function facade(raw, hasEnded, memory) {
  let disposed = false;
  const call = (name, args) => {
    if (disposed) throw new Error(`scanpage: ${name}() called after dispose()`);
    if (hasEnded()) throw new Error(`scanpage: ${name}(): the instance has ended`);
    return raw[name](...args);
  };
  /** validate, repair and preview: a document over the limit is answered without crossing. */
  const doc = (fn, text, opts) => {
    const o = optsText(opts, fn);
    const n = oversize(text);
    if (!n) return result(call(fn, [text, o]));
    const r = result(call("oversize", [fn, n, o]));
    if (fn === "repair") r.text = text; // not checked, so not changed
    return r;
  };
  /** A call on text and options that answers JSON. */
  const onText = (fn) => (input, opts) => result(call(fn, [str(input, fn, "input"), optsText(opts, fn)]));
  return {
    version: raw.version,
    validate: (input, opts) => doc("validate", docText(input, "validate"), opts),
    repair: (input, opts) => doc("repair", str(input, "repair", "input"), opts),
    preview: (input, opts) => doc("preview", docText(input, "preview"), opts),
    barcode: (code, opts) => withImage(call("barcode", [cutCode(str(code, "barcode", "code")), optsText(opts, "barcode")])),
    digitalLink: (code, opts) => withImage(call("digitalLink", [cutCode(str(code, "digitalLink", "code")), optsText(opts, "digitalLink")])),
    stats: () => ({ ...result(call("stats", [])), memoryBytes: memory.buffer.byteLength }),
    form: (opts) => result(call("form", [optsText(opts, "form")])),
    formEdit: onText("formEdit"),
    actionChoices: onText("actionChoices"),
    formValue: (input) => result(call("formValue", [str(input, "formValue", "input")])),
    // The catalogue (README, "The catalogue"): the page's workers call these.
    checkBatch: (input, opts) => {
      const out = call("checkBatch", [str(input, "checkBatch", "input"), optsText(opts, "checkBatch")]);
      const r = Array.isArray(out) ? withBytes(out, "facts") : result(out); // packed facts come as bytes
      if (opts?.packed) r.facts ??= new Uint8Array(0); // even after an internal error
      return r;
    },
    catalogueIssues: (facts, opts) => result(call("catalogueIssues", [factsList(facts, "catalogueIssues"), optsText(opts, "catalogueIssues")])),
    catalogueReport: (docs, opts, facts) => withBytes(call("catalogueReport", [ndjson(docs, "catalogueReport"), optsText(opts, "catalogueReport"),
      facts === undefined || facts === null ? undefined : factsList(facts, "catalogueReport")]), "bytes"),
    barcodeZip: (codes, opts) => withBytes(call("barcodeZip", [jsonList(codes, "barcodeZip", "codes"), optsText(opts, "barcodeZip")]), "zip"),
    valueSpans: (input) => result(call("valueSpans", [str(input, "valueSpans", "input")])),
    checkCode: (code, opts) => result(call("checkCode", [cutCode(str(code, "checkCode", "code")), optsText(opts, "checkCode")])),
    dispose() {
      if (disposed) return;
      disposed = true;
      if (!hasEnded()) raw.dispose();
    },
    // For the worker: a document over the limit arrives as its size only.
    [OVERSIZE]: (fn, n, opts) => result(call("oversize", [fn, n, optsText(opts, fn)])), // repair's text is put back by the page
  };
}

/** Parses a JSON result; a misuse reported by Go is thrown. */
function result(text) {
  const r = JSON.parse(text);
  if (r && typeof r === "object" && "$error" in r) throw misuse(r.$error.name, `scanpage: ${r.$error.message}`);
  return r;
}

/** An error named by Go or by the worker: a TypeError when so named, else an Error. */
function misuse(name, message) {
  return new (name === "TypeError" ? TypeError : Error)(message);
}

/** Images come as [json] or [json, Uint8Array]; a misuse comes as json alone. */
function withImage(out) {
  return withBytes(out, "png");
}

/** [json] or [json, Uint8Array]: the bytes go to r[key] (an empty array when none). */
function withBytes(out, key) {
  const [text, bytes] = Array.isArray(out) ? out : [out];
  const r = result(text);
  if (bytes) r[key] = bytes;
  else if (key !== "png") r[key] = new Uint8Array(0);
  return r;
}

/** A list crosses as JSON text: an array is serialised, a string is taken as the JSON itself. */
function jsonList(v, fn, name) {
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return JSON.stringify(v);
  throw new TypeError(`scanpage: ${fn}(${name}): ${name} must be an array or its JSON text, not ${typeName(v)}`);
}

/** Facts cross as JSON text (an array is serialised), or as the packed bytes checkBatch gave: one Uint8Array, or an array of them in order. */
function factsList(v, fn) {
  if (v instanceof Uint8Array) return v;
  if (Array.isArray(v) && v.some((x) => x instanceof Uint8Array)) {
    if (v.every((x) => x instanceof Uint8Array)) return v;
    throw new TypeError(`scanpage: ${fn}(facts): an array of packed facts must hold only Uint8Arrays`);
  }
  return jsonList(v, fn, "facts");
}

/** Documents cross as NDJSON: an array of checkBatch's docs is written one per line; a string is taken as NDJSON. */
function ndjson(v, fn) {
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map((d) => (typeof d === "string" ? d : JSON.stringify(d))).join("\n");
  throw new TypeError(`scanpage: ${fn}(docs): docs must be an array of checkBatch's docs or NDJSON text, not ${typeName(v)}`);
}

function str(v, fn, name) {
  if (typeof v !== "string") throw new TypeError(`scanpage: ${fn}(${name}): ${name} must be a string, not ${typeName(v)}`);
  return v;
}

/** A document is JSON text, or an object that is serialised (indented) first. */
function docText(v, fn) {
  if (typeof v === "string") return v;
  if (v !== null && typeof v === "object") {
    try {
      return JSON.stringify(v, null, 2);
    } catch (e) {
      throw new TypeError(`scanpage: ${fn}(input): the object cannot be turned into JSON: ${e.message}`);
    }
  }
  throw new TypeError(`scanpage: ${fn}(input): input must be a string or an object, not ${typeName(v)}`);
}

function optsText(v, fn) {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "object" || Array.isArray(v)) throw new TypeError(`scanpage: ${fn}(…, options): options must be an object, not ${typeName(v)}`);
  try {
    return JSON.stringify(v);
  } catch (e) {
    throw new TypeError(`scanpage: ${fn}(…, options): the options cannot be turned into JSON: ${e.message}`);
  }
}

function typeName(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v;
}

/**
 * Runs an instance in a module Web Worker; every call then returns a Promise.
 * The main thread resolves the wasm's URL (or passes the compiled module) so
 * that bundlers see it here and the worker needs no URL of its own.
 * @param {import("./scanpage").LoadOptions} opts
 */
async function loadWorker(opts) {
  if (typeof Worker !== "function") throw new Error("scanpage: load({worker: true}) needs Web Workers (a browser)");
  const init = opts.module ? { module: opts.module } : { wasmURL: wasmURL(opts).href };
  // The worker's URL is written once, inside new Worker(): a second
  // new URL("./scanpage-worker.js", import.meta.url) would be taken by Vite
  // for an asset and shipped as a second, unbundled copy of the worker.
  const worker = new Worker(new URL("./scanpage-worker.js", import.meta.url), { type: "module" });
  const pending = new Map();
  let seq = 0;
  let failed = null;
  // The worker names the calls of its instance (the facade's own), so that
  // this list is not written twice.
  const { version, methods } = await new Promise((resolve, reject) => {
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.ready) return resolve(m);
      if (m.loadError) {
        worker.terminate();
        return reject(new Error(`scanpage: the worker could not load the wasm: ${m.loadError}`));
      }
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.error) p.reject(misuse(m.error.name, m.error.message));
      else p.resolve(m.result);
    };
    worker.onerror = (e) => {
      // A module worker that cannot be fetched or parsed gives an event
      // without a message: say what to check.
      const why = e.message ||
        "scanpage-worker.js could not be started: check that it is served (with a JavaScript content type) " +
        "next to scanpage.js (or where your bundler put it), and that the page's Content-Security-Policy allows it (worker-src or script-src 'self')";
      failed = new Error(`scanpage: the worker failed: ${why}`);
      e.preventDefault?.();
      worker.terminate();
      reject(failed);
      for (const p of pending.values()) p.reject(failed);
      pending.clear();
    };
    worker.postMessage({ init });
  });
  let disposed = false;
  const send = (method) => (...args) => {
    if (disposed) return Promise.reject(new Error(`scanpage: ${method}() called after dispose()`));
    if (failed) return Promise.reject(failed);
    const id = ++seq;
    const m = { id, method, args };
    // Sizes are checked here, before the structured clone copies anything.
    if (method === "barcode" || method === "digitalLink") {
      if (typeof args[0] === "string") args[0] = cutCode(args[0]);
    } else if (!UNLIMITED.has(method) && typeof args[0] === "string") {
      const n = oversize(args[0]);
      if (n) { m.args = [undefined, ...args.slice(1)]; m.oversize = n; }
    }
    const text = args[0];
    return new Promise((resolve, reject) => {
      pending.set(id, m.oversize && method === "repair" ? { resolve: (r) => resolve({ ...r, text }), reject } : { resolve, reject });
      try {
        worker.postMessage(m);
      } catch (e) {
        pending.delete(id);
        reject(new TypeError(`scanpage: ${method}(): the arguments cannot be sent to the worker: ${e.message}`));
      }
    });
  };
  const api = { version, dispose() {
    if (disposed) return;
    disposed = true;
    worker.terminate();
    const err = new Error("scanpage: disposed");
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  } };
  for (const m of methods) api[m] = send(m);
  return api;
}
