// scanpage-worker.js: the Web Worker side of load({worker: true}). It loads
// an instance inside the worker and answers the page's calls in order.
//
// Every message gets a reply, and only the API's own calls are answered: a
// message that is not {id, method, args} with method one of methods(sp)
// gets an error reply naming what was wrong, never a throw before the reply.
import { load } from "./scanpage.js";

const OVERSIZE = Symbol.for("scanpage.oversize");

/**
 * The calls answered, the instance's own methods: the facade is the one
 * list of them. Never dispose (the page ends the worker), version, toString,
 * constructor or anything inherited.
 */
const methods = (sp) => Object.keys(sp).filter((k) => k !== "dispose" && typeof sp[k] === "function");

let sp;
let known;
let loading;

self.onmessage = async (e) => {
  const m = e.data;
  const id = m !== null && typeof m === "object" ? m.id : undefined;
  try {
    if (m !== null && typeof m === "object" && m.init) {
      if (loading) throw new Error("the worker is already loading or loaded");
      loading = true;
      try {
        const init = m.init;
        sp = await load(init.module ? { module: init.module } : { wasmURL: init.wasmURL });
        known = new Set(methods(sp));
        self.postMessage({ ready: true, version: sp.version, methods: [...known] });
      } catch (err) {
        self.postMessage({ loadError: err.message });
      }
      return;
    }
    if (m === null || typeof m !== "object") throw new TypeError(`a message must be {id, method, args}, not ${m === null ? "null" : typeof m}`);
    const { method, args } = m;
    if (!sp) throw new Error(`${String(method)}() before the worker loaded`);
    if (typeof method !== "string" || !known.has(method)) {
      throw new TypeError(`unknown method ${JSON.stringify(String(method))} (known: ${[...known].join(", ")})`);
    }
    if (!Array.isArray(args)) throw new TypeError(`${method}: args must be an array`);
    const result = m.oversize ? sp[OVERSIZE](method, m.oversize, args[1]) : sp[method](...args);
    const bytes = result ? [result.png, result.zip, result.bytes, result.facts].filter((b) => b instanceof Uint8Array && b.byteLength) : [];
    self.postMessage({ id, result }, bytes.map((b) => b.buffer));
  } catch (err) {
    self.postMessage({ id, error: { name: err?.name === "TypeError" ? "TypeError" : "Error", message: `scanpage: ${String(err?.message ?? err).replace(/^scanpage: /, "")}` } });
  }
};
