// scanpage-worker.js: the Web Worker side of load({worker: true}). It loads
// an instance inside the worker and answers the page's calls in order.
//
// Every message gets a reply, and only the API's own calls are answered: a
// message that is not {id, method, args} with method one of METHODS gets an
// error reply naming what was wrong, never a throw before the reply.
import { load } from "./scanpage.js";

/** The calls answered: the API's own (never toString, constructor, dispose or anything inherited). */
const METHODS = new Set(["validate", "repair", "preview", "barcode", "digitalLink", "stats", "form", "formEdit", "actionChoices", "formValue"]);
const OVERSIZE = Symbol.for("scanpage.oversize");

let sp;
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
        self.postMessage({ ready: true, version: sp.version });
      } catch (err) {
        self.postMessage({ loadError: err.message });
      }
      return;
    }
    if (m === null || typeof m !== "object") throw new TypeError(`a message must be {id, method, args}, not ${m === null ? "null" : typeof m}`);
    const { method, args } = m;
    if (typeof method !== "string" || !METHODS.has(method)) {
      throw new TypeError(`unknown method ${JSON.stringify(String(method))} (known: ${[...METHODS].join(", ")})`);
    }
    if (!Array.isArray(args)) throw new TypeError(`${method}: args must be an array`);
    if (!sp) throw new Error(`${method}() before the worker loaded`);
    const result = m.oversize ? sp[OVERSIZE](method, m.oversize, args[1]) : sp[method](...args);
    self.postMessage({ id, result }, result && result.png ? [result.png.buffer] : []);
  } catch (err) {
    self.postMessage({ id, error: { name: err?.name === "TypeError" ? "TypeError" : "Error", message: `scanpage: ${String(err?.message ?? err).replace(/^scanpage: /, "")}` } });
  }
};
