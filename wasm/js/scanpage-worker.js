// scanpage-worker.js: the Web Worker side of load({worker: true}). It loads
// an instance inside the worker and answers the page's calls in order.
import { load } from "./scanpage.js";

let sp;
self.onmessage = async (e) => {
  const m = e.data;
  if (m.init) {
    try {
      sp = await load(m.init.wasmURL ? { wasmURL: m.init.wasmURL } : {});
      self.postMessage({ ready: true, version: sp.version });
    } catch (err) {
      self.postMessage({ loadError: err.message });
    }
    return;
  }
  try {
    const result = sp[m.method](...m.args);
    self.postMessage({ id: m.id, result }, result && result.png ? [result.png.buffer] : []);
  } catch (err) {
    self.postMessage({ id: m.id, error: { name: err.name, message: err.message } });
  }
};
