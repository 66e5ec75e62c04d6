// scanpage.js: loads scanpage.wasm and exposes its API (see scanpage.d.ts).
// One ES module for the browser main thread, a Web Worker and Node >= 20.
// It is the JavaScript half of the boundary whose Go half is ../wasm.

const here = import.meta.url;

let runtime;
/** Loads wasm_exec.js (the Go runtime glue, copied from the Go toolchain that built the wasm) once. */
function goRuntime() {
  runtime ??= import(new URL("./wasm_exec.js", here).href).then(() => {
    if (typeof globalThis.Go !== "function") throw new Error("wasm_exec.js did not define Go");
  });
  return runtime;
}

/**
 * Compiles the wasm: streaming in browsers when the server says
 * application/wasm (the download and the compilation overlap), from disk in
 * Node. It needs no imports, so it starts before wasm_exec.js has loaded.
 * @param {URL} url
 * @returns {Promise<WebAssembly.Module>}
 */
async function compile(url) {
  if (url.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    return WebAssembly.compile(await readFile(url));
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
  const type = res.headers.get("content-type") || "";
  if (typeof WebAssembly.compileStreaming === "function" && type.startsWith("application/wasm")) {
    return WebAssembly.compileStreaming(res);
  }
  return WebAssembly.compile(await res.arrayBuffer());
}

let instances = 0;

/**
 * Loads an instance. Resolves once the Go side has registered its functions.
 * @param {import("./scanpage").LoadOptions} [opts]
 */
export async function load(opts = {}) {
  if (opts === null || typeof opts !== "object") throw new TypeError("scanpage: load(options): options must be an object");
  if (opts.worker) return loadWorker(opts);
  const url = new URL(opts.wasmURL ?? "./scanpage.wasm", here);
  // Fetch and compile the wasm while wasm_exec.js loads: the two no longer
  // wait for each other.
  const compiled = compile(url);
  compiled.catch(() => {}); // awaited below; not unhandled if wasm_exec.js fails first
  try {
    await goRuntime();
  } catch (e) {
    throw new Error(`scanpage: could not load wasm_exec.js next to scanpage.js: ${e.message}`, { cause: e });
  }
  const go = new globalThis.Go();
  const id = `sp${++instances}_${Math.random().toString(36).slice(2, 10)}`;
  const registry = (globalThis.__scanpage ??= {});
  const ready = new Promise((resolve) => { registry[id] = resolve; });
  go.env = { SCANPAGE_ID: id };
  go.argv = ["scanpage"];
  let instance;
  try {
    instance = await WebAssembly.instantiate(await compiled, go.importObject);
  } catch (e) {
    delete registry[id];
    throw new Error(`scanpage: could not load ${url.href}: ${e.message}`, { cause: e });
  }
  let ended = false;
  const run = go.run(instance).finally(() => {
    ended = true;
    // The Go runtime may leave timers behind (the scheduler's wake-ups); one
    // firing after exit would throw "Go program has already exited".
    for (const t of go._scheduledTimeouts?.values() ?? []) clearTimeout(t);
    go._scheduledTimeouts?.clear();
  });
  try {
    const raw = await Promise.race([
      ready,
      run.then(() => { throw new Error("scanpage: the Go program ended before it was ready"); }),
    ]);
    return facade(raw, () => ended, instance.exports.mem);
  } finally {
    delete registry[id];
  }
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
  return {
    version: raw.version,
    validate: (input, opts) => result(call("validate", [docText(input, "validate"), optsText(opts, "validate")])),
    repair: (input, opts) => result(call("repair", [str(input, "repair", "input"), optsText(opts, "repair")])),
    preview: (input, opts) => result(call("preview", [docText(input, "preview"), optsText(opts, "preview")])),
    barcode: (code, opts) => withImage(call("barcode", [str(code, "barcode", "code"), optsText(opts, "barcode")])),
    digitalLink: (code, opts) => withImage(call("digitalLink", [str(code, "digitalLink", "code"), optsText(opts, "digitalLink")])),
    stats: () => ({ ...result(call("stats", [])), memoryBytes: memory.buffer.byteLength }),
    form: (opts) => result(call("form", [optsText(opts, "form")])),
    formEdit: (input, op) => result(call("formEdit", [str(input, "formEdit", "input"), optsText(op, "formEdit")])),
    actionChoices: (input, opts) => result(call("actionChoices", [str(input, "actionChoices", "input"), optsText(opts, "actionChoices")])),
    formValue: (input) => result(call("formValue", [str(input, "formValue", "input")])),
    dispose() {
      if (disposed) return;
      disposed = true;
      if (!hasEnded()) raw.dispose();
    },
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
  const [text, png] = Array.isArray(out) ? out : [out];
  const r = result(text);
  if (png) r.png = png;
  return r;
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
 * @param {import("./scanpage").LoadOptions} opts
 */
async function loadWorker(opts) {
  if (typeof Worker !== "function") throw new Error("scanpage: load({worker: true}) needs Web Workers (a browser)");
  const worker = new Worker(new URL("./scanpage-worker.js", here), { type: "module" });
  const pending = new Map();
  let seq = 0;
  let failed = null;
  const version = await new Promise((resolve, reject) => {
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.ready) return resolve(m.version);
      if (m.loadError) return reject(new Error(m.loadError));
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.error) p.reject(misuse(m.error.name, m.error.message));
      else p.resolve(m.result);
    };
    worker.onerror = (e) => {
      failed = new Error(`scanpage: the worker failed: ${e.message}`);
      reject(failed);
      for (const p of pending.values()) p.reject(failed);
      pending.clear();
    };
    const wasmURL = opts.wasmURL === undefined ? undefined : new URL(opts.wasmURL, here).href;
    worker.postMessage({ init: { wasmURL } });
  });
  let disposed = false;
  const send = (method) => (...args) => {
    if (disposed) return Promise.reject(new Error(`scanpage: ${method}() called after dispose()`));
    if (failed) return Promise.reject(failed);
    const id = ++seq;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, method, args });
    });
  };
  return {
    version,
    validate: send("validate"),
    repair: send("repair"),
    preview: send("preview"),
    barcode: send("barcode"),
    digitalLink: send("digitalLink"),
    stats: send("stats"),
    form: send("form"),
    formEdit: send("formEdit"),
    actionChoices: send("actionChoices"),
    formValue: send("formValue"),
    dispose() {
      if (disposed) return;
      disposed = true;
      worker.terminate();
      const err = new Error("scanpage: disposed");
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    },
  };
}
