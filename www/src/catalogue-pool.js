// catalogue-pool.js: a run of the Catalogue view over a pool of dedicated
// workers (catalogue-worker.js), min(hardwareConcurrency, 4) by default,
// or ?workers=N. Files go out in batches, two in flight per worker, so that
// no worker waits; pieces come back as they are checked. Cancel terminates
// the workers: it takes effect at once, whatever they are doing. At the end
// one worker is kept, for the cross-document pass and the exports: another
// instance started for them took a core from the pool while it loaded, and
// memory for the whole run.

import { wasmModule } from "scanpage";
import { BATCH_BYTES, isCut } from "./catalogue-cut.js";

const WORKER_URL = new URL("./catalogue-worker.js", import.meta.url);
/** A batch is at most this many files, or BATCH_BYTES (a larger file goes alone). */
const BATCH_FILES = 24;
/** A batch of a large pick, whose sizes are not read: posting it stats each file (up to 0.9 ms). */
const UNSIZED_FILES = 12;

/** The pool's size: ?workers=N (1..16), else min(hardwareConcurrency, 4). */
export function poolSize() {
  const asked = Number(new URLSearchParams(location.search).get("workers"));
  if (Number.isInteger(asked) && asked >= 1 && asked <= 16) return asked;
  return Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 4));
}


/**
 * Starts a worker and waits until its wasm is loaded.
 * @param {{ lang: string, merchant?: string }} init
 * @returns {Promise<Worker>}
 */
async function startWorker(init) {
  // The page's own module, compiled (and warmed by the editor) already: the
  // workers share its machine code, and none fetches or compiles. null if
  // it cannot be had: each worker then loads its own.
  const module = await wasmModule().catch(() => null);
  const w = new Worker(WORKER_URL, { type: "module", name: "scanpage-catalogue" });
  return new Promise((resolve, reject) => {
    w.onmessage = (e) => {
      if (e.data.ready) resolve(w);
      else if (e.data.loadError) {
        w.terminate();
        reject(new Error(e.data.error));
      }
    };
    w.onerror = (e) => {
      e.preventDefault();
      w.terminate();
      reject(new Error(e.message || `${WORKER_URL.href} could not be started`));
    };
    w.postMessage({ init, module });
  });
}

/** @type {Promise<void> | null} */
let warming = null;

/**
 * Warms the wasm the workers share, once per page: one worker checks text
 * (a few hundred documents) and ends. V8 first runs the wasm's functions
 * as quickly compiled code and optimises each once it is hot; for this Go
 * code the first is about six times slower, so without this every run
 * spent its first second or two at that pace. The optimised code stays
 * with the module, for every later worker.
 * @param {{ lang: string, merchant?: string }} init
 * @param {string} text a JSON array of documents
 * @returns {Promise<void>}
 */
export function warm(init, text) {
  warming ??= startWorker(init).then(async (w) => {
    try {
      await ask(w, { warm: text });
    } finally {
      w.terminate();
    }
  });
  return warming;
}

/**
 * @typedef {{ id: number, file: number, part: number, last: boolean, rows: import("./catalogue-store.js").Rows, docs: Blob, facts: Blob, read: number, ms: number }} Piece
 */

/**
 * Runs a check. Resolves when every file is checked, with the worker kept
 * for what follows (the caller terminates it); rejects on a worker's
 * failure. cancel() ends it at once (the promise then resolves with
 * {cancelled: true}).
 * @param {{ inputs: { file: File, name: string }[], size: number, sized?: boolean, init: { lang: string, merchant?: string },
 *   onPiece: (p: Piece) => void }} o sized false: no size is read here but those of NDJSON files
 *   (a large pick, whose first size is a stat each): batches are made by count, smaller, and a
 *   batch's stats are paid when it is posted to a worker, spread over the run
 */
export function run({ inputs, size, sized = true, init, onPiece }) {
  /** @type {Worker[]} */
  const workers = [];
  let cancelled = false;
  /** @type {(v: { cancelled: boolean, keep?: Worker }) => void} */
  let finish = () => {};
  /** @type {(e: Error) => void} */
  let fail = () => {};
  const done = new Promise((res, rej) => { finish = res; fail = rej; });

  const batches = [];
  for (let i = 0; i < inputs.length;) {
    const files = [];
    let bytes = 0;
    const bytesOf = (/** @type {number} */ k) => (sized ? inputs[k].file.size : 0);
    while (i < inputs.length && files.length < (sized ? BATCH_FILES : UNSIZED_FILES) && (files.length === 0 || bytes + bytesOf(i) <= BATCH_BYTES)) {
      bytes += bytesOf(i);
      files.push({ file: inputs[i].file, name: inputs[i].name, index: i });
      i++;
    }
    batches.push({ id: batches.length, files, cut: files.some(isCut) });
  }
  let next = 0;
  let finished = 0;
  /** Pieces of large NDJSON files waiting for a worker, and how many are being checked. */
  const pieces = [];
  let checking = 0;
  /** What each worker has in hand (batches and pieces): at most two. */
  const busy = new Map();
  /**
   * The batch of a file to cut that a worker has in hand: the worker is
   * cutting. Such a batch goes only to a worker with nothing in hand, and
   * a worker with one gets no other batch, only pieces: two files cut by
   * one worker left one of them waiting for ever (its reader's go was the
   * other's). A cutting worker is given pieces last: it checks a piece in
   * one synchronous call, and while it does, it cuts nothing, so the others
   * starve (with 2 workers on one NDJSON file the pool was idle half the
   * time).
   * @type {Map<Worker, number>}
   */
  const cutBatch = new Map();
  /** Readers waiting to read on, until the queue of pieces is short again. */
  const readers = [];
  const giveAll = () => {
    for (const x of workers) if (!cutBatch.has(x)) give(x);
    for (const x of workers) if (cutBatch.has(x)) give(x);
  };
  const stop = () => { for (const w of workers) w.terminate(); };
  /** How many workers ran, once the run has ended. */
  let ran = 0;
  /**
   * Ends the run: every worker but the first is terminated, and that one
   * is handed over; the pool then holds none, so a late cancel() cannot end
   * the caller's helper.
   */
  const handOver = () => {
    const [keep, ...rest] = workers;
    for (const w of rest) w.terminate();
    keep.onmessage = null;
    keep.onerror = null;
    ran = workers.length;
    workers.length = 0;
    cancelled = true; // nothing of this run is taken after it, and cancel() is a no-op
    finish({ cancelled: false, keep });
  };
  const give = (/** @type {Worker} */ w) => {
    while ((busy.get(w) ?? 0) < 2) {
      if (pieces.length) {
        const p = pieces.shift();
        w.postMessage({ check: p }, [p.bytes.buffer]);
        checking++;
      } else if (next < batches.length && !cutBatch.has(w) && (!batches[next].cut || !busy.get(w))) {
        const b = batches[next++];
        if (b.cut) cutBatch.set(w, b.id);
        w.postMessage({ batch: b });
      } else break;
      busy.set(w, (busy.get(w) ?? 0) + 1);
    }
    while (readers.length && pieces.length < workers.length) readers.shift().postMessage({ go: true });
  };
  const end = () => {
    if (finished === batches.length && !checking && !pieces.length) handOver();
  };

  (async () => {
    const n = Math.min(size, Math.max(1, batches.length + (sized && inputs.some((i) => i.file.size > 1 << 20) ? size : 0)));
    const started = await Promise.all(Array.from({ length: n }, () => startWorker(init)));
    if (cancelled) { for (const w of started) w.terminate(); return; }
    workers.push(...started);
    if (!batches.length) return handOver();
    for (const w of workers) {
      w.onmessage = (e) => {
        if (cancelled) return;
        const m = e.data;
        if (m.piece) onPiece(m.piece);
        else if (m.cut) {
          pieces.push({ ...m.cut });
          readers.push(w);
          giveAll();
        } else if (m.checked !== undefined) {
          checking--;
          busy.set(w, busy.get(w) - 1);
          give(w);
          end();
        } else if (m.done !== undefined) {
          if (cutBatch.get(w) === m.done) cutBatch.delete(w);
          finished++;
          busy.set(w, busy.get(w) - 1);
          give(w);
          end();
        } else if (m.error) {
          stop();
          fail(new Error(m.error));
        }
      };
      w.onerror = (e) => {
        e.preventDefault();
        stop();
        fail(new Error(e.message || "a catalogue worker failed"));
      };
      give(w);
    }
  })().catch((e) => { stop(); fail(e); });

  return {
    done,
    workers: () => workers.length || ran,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      stop();
      finish({ cancelled: true });
    },
  };
}

/**
 * One request to a helper worker (cross pass, report, zip), by id.
 * @param {Worker} w
 * @param {object} msg
 * @param {Transferable[]} [transfer]
 * @returns {Promise<any>}
 */
let seq = 0;
export function ask(w, msg, transfer = []) {
  const id = ++seq;
  return new Promise((resolve, reject) => {
    const on = (/** @type {MessageEvent} */ e) => {
      if (e.data.id !== id) return;
      w.removeEventListener("message", on);
      if (e.data.error) reject(Object.assign(new Error(e.data.error), { data: e.data }));
      else resolve(e.data);
    };
    w.addEventListener("message", on);
    w.postMessage({ ...msg, id }, transfer);
  });
}
