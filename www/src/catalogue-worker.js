// catalogue-worker.js: one worker of the Catalogue view's pool (bundled to
// dist/catalogue-worker.js). It loads its own wasm instance, reads the files
// it is given itself (the main thread never holds their text), checks each
// with checkBatch and posts, per piece, the rows the table shows, and the
// checked documents as NDJSON and their packed facts, for the cross-document
// pass and the exports, as Blobs: the browser keeps their bytes outside
// the page's process (100,000 documents make 130 MB of them), and the
// page holds only handles. It also runs those (cross, report, zip) when
// asked: everything a document says comes from Go.
import { load } from "scanpage";
import { BATCH_BYTES, PIECE, isCut, utf16Length } from "./catalogue-cut.js";


/** @type {import("scanpage").Scanpage} */
let sp;
/** @type {{ lang: string, merchant?: string }} */
let opts = { lang: "zh" };

self.onmessage = async (e) => {
  const m = e.data;
  try {
    if (m.init) {
      opts = m.init;
      sp = await load(m.module ? { module: m.module } : {}); // the page's compiled module when it has one
      self.postMessage({ ready: true });
    } else if (m.batch) {
      // The batch's files are asked for at once, within BATCH_BYTES (a
      // batch of a large pick is made by count): a read is a round trip
      // to the browser, and one at a time the worker waited on each (a
      // folder of 10,000 files took three times its NDJSON).
      const files = m.batch.files;
      /** @type {(Promise<ArrayBuffer> | null)[]} */
      const reads = [];
      let ahead = 0; // bytes asked for and not yet checked
      const askAhead = () => {
        while (reads.length < files.length && (ahead === 0 || ahead + files[reads.length].file.size <= BATCH_BYTES)) {
          const f = files[reads.length];
          const r = whole(f) ? f.file.arrayBuffer() : null;
          r?.catch(() => {}); // a failed read is reported when its turn comes
          if (r) ahead += f.file.size;
          reads.push(r);
        }
      };
      // The whole files of a batch go back as one piece: a Blob is a round
      // trip to the browser too, and two per file made a folder of 10,000
      // files twice as slow.
      /** @type {Checked[]} */
      const group = [];
      for (const [i, f] of files.entries()) {
        askAhead();
        const c = await checkFile(m.batch.id, f, reads[i]);
        if (reads[i]) ahead -= f.file.size;
        if (c) group.push(c);
      }
      if (group.length) post(m.batch.id, 0, group, true);
      self.postMessage({ done: m.batch.id });
    } else if (m.check) {
      // A piece of a large NDJSON file that another worker cut.
      const c = m.check;
      post(c.id, c.part, [check(c.bytes, c.f, c.read, { line: c.line, offset: c.offset })], c.last);
      self.postMessage({ checked: c.part });
    } else if (m.go) {
      go?.();
    } else if (m.cross) {
      // Read piece by piece by Go: never joined, never whole in wasm memory.
      self.postMessage({ id: m.id, cross: cross(await read(m.cross.facts)) });
    } else if (m.report) {
      const [docs, facts] = await Promise.all([read(m.report.docs), read(m.report.facts)]);
      const r = sp.catalogueReport(ndjson(docs), { ...opts, format: m.report.format }, facts);
      self.postMessage({ id: m.id, report: r }, [r.bytes.buffer]);
    } else if (m.warm) {
      sp.checkBatch(m.warm, { ...opts, name: "warm.json", packed: true });
      self.postMessage({ id: m.id });
    } else if (m.zip) {
      const r = sp.barcodeZip(m.zip.codes, {});
      self.postMessage({ id: m.id, zip: r }, [r.zip.buffer]);
    }
  } catch (err) {
    self.postMessage({ id: m.id, error: String(/** @type {Error} */ (err)?.message ?? err), loadError: !!m.init });
  }
};

/** The bytes of Blobs, in order. @param {Blob[]} blobs */
async function read(blobs) {
  return Promise.all(blobs.map(async (b) => new Uint8Array(await b.arrayBuffer())));
}

/** Resolves the wait of a cut piece (the main thread says when to read on). @type {(() => void) | null} */
let go = null;

/**
 * Checks one file: a whole file at once; a large NDJSON file is cut into
 * pieces at line breaks (each with its first line and UTF-16 offset, so
 * that Go places its issues in the file) that go back to the main thread,
 * which hands them to whichever worker is free: one file keeps the whole
 * pool busy. A piece travels as bytes, transferred, never copied: as text
 * the main thread copied 2 MB in and out of every piece it passed on,
 * and took 50 ms doing it. The reader waits for the main thread's go after
 * each piece, so that no more than a few pieces wait in memory. The byte
 * order mark is kept: Go reports it, as the command line does.
 * @param {number} id
 * @param {{ file: File, name: string, index: number }} f
 * @param {Promise<ArrayBuffer> | null} [read] its bytes, already asked for
 * @returns {Promise<Checked | null>} a whole file's documents; null for a file cut into pieces
 */
async function checkFile(id, f, read = null) {
  if (whole(f)) return check(new Uint8Array(await (read ?? f.file.arrayBuffer())), f, f.file.size);
  const reader = f.file.stream().getReader();
  /** Bytes read and not yet sent, in chunks. @type {Uint8Array[]} */
  let chunks = [];
  let size = 0;
  let line = 1;
  let offset = 0;
  let part = 0;
  let sent = 0;
  const piece = async (/** @type {Uint8Array} */ bytes, /** @type {boolean} */ last) => {
    sent += bytes.length;
    const wait = new Promise((resolve) => { go = () => resolve(undefined); });
    const at = { line, offset };
    for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) line++;
    offset += utf16Length(bytes); // as the checking worker will decode it
    self.postMessage({ cut: { id, f: { name: f.name, index: f.index }, part: part++, bytes, ...at, read: sent, last } }, [bytes.buffer]);
    await wait;
    go = null;
  };
  const joined = () => {
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (size >= PIECE) {
      const buf = joined();
      const cut = buf.lastIndexOf(10) + 1;
      if (cut > 0) {
        chunks = [buf.slice(cut)];
        size = chunks[0].length;
        await piece(buf.subarray(0, cut), false);
      } else {
        chunks = [buf];
      }
    }
  }
  await piece(joined(), true);
  return null;
}

/**
 * Checks bytes as a file's text, or a piece of it (at: its first line and
 * UTF-16 offset). The byte order mark is kept: Go reports it.
 * @param {Uint8Array} bytes
 * @param {{ name: string, index: number }} f
 * @param {number} read the file's bytes read so far, for the progress bar
 * @param {{ line?: number, offset?: number }} [at]
 * @returns {Checked}
 */
function check(bytes, f, read, at = {}) {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const t = performance.now();
  const checked = sp.checkBatch(text, { ...opts, ...at, name: f.name, packed: true });
  return { f, ...checked, read, ms: performance.now() - t };
}

/** Whether a file is checked whole (else it is a large NDJSON file, cut into pieces). @param {{ file: File, name: string }} f */
const whole = (f) => !isCut(f);

/**
 * What checkBatch made of one file (or one piece of a file).
 * @typedef {{ f: { name: string, index: number }, docs: Omit<import("scanpage").CheckedDoc, "facts">[], facts: Uint8Array,
 *   read: number, ms: number }} Checked
 */

/**
 * Posts one piece: the rows, checked documents and packed facts of some
 * files in input order (a batch), or of one piece of a file. Its place in
 * input order is its first file's, then part.
 * @param {number} id
 * @param {number} part
 * @param {Checked[]} group
 * @param {boolean} last
 */
function post(id, part, group, last) {
  // The rows go in columns: a few arrays clone and are read far faster
  // than a thousand objects (the main thread's share of a piece).
  const n = group.reduce((a, c) => a + c.docs.length, 0);
  const rows = {
    keystr: new Array(n), title: new Array(n), first: new Array(n), codes: new Array(n), file: new Int32Array(n),
    line: new Int32Array(n), offset: new Float64Array(n), length: new Float64Array(n),
    errors: new Int32Array(n), warnings: new Int32Array(n), infos: new Int32Array(n), valid: new Uint8Array(n),
  };
  let i = 0;
  /** @type {string[]} */
  const docs = [];
  for (const c of group) {
    for (const d of c.docs) {
      const count = { error: 0, warning: 0, info: 0 };
      let first = null;
      const codes = new Set();
      for (const is of d.issues) {
        count[is.severity]++;
        codes.add(is.code);
        if (!first || rank(is.severity) < rank(first.severity)) first = is;
      }
      rows.keystr[i] = d.product?.keystr ?? "";
      rows.title[i] = d.product?.title ?? "";
      rows.first[i] = first ? first.message : "";
      rows.codes[i] = [...codes].join(" ");
      rows.file[i] = c.f.index;
      rows.line[i] = d.ref.Line;
      rows.offset[i] = d.ref.Offset;
      rows.length[i] = d.length;
      rows.errors[i] = count.error;
      rows.warnings[i] = count.warning;
      rows.infos[i] = count.info;
      rows.valid[i] = d.valid ? 1 : 0;
      docs.push(JSON.stringify(d) + "\n");
      i++;
    }
  }
  const piece = {
    id, file: group[0].f.index, part, last, rows, docs: new Blob(docs), facts: new Blob(group.map((c) => c.facts)),
    read: group.reduce((a, c) => a + c.read, 0), ms: group.reduce((a, c) => a + c.ms, 0),
  };
  const numbers = [rows.file, rows.line, rows.offset, rows.length, rows.errors, rows.warnings, rows.infos, rows.valid].map((a) => a.buffer);
  self.postMessage({ piece }, numbers);
}

const rank = (/** @type {string} */ s) => (s === "error" ? 0 : s === "warning" ? 1 : 2);

/** NDJSON text of byte pieces, in order. */
function ndjson(/** @type {Uint8Array[]} */ parts) {
  const dec = new TextDecoder();
  return parts.map((p) => dec.decode(p)).join("");
}

/**
 * The cross-document pass over every document's packed facts in input
 * order: only the documents it has something to say about come back, by
 * their input index, and the summary.
 * @param {Uint8Array[]} facts
 */
function cross(facts) {
  const res = sp.catalogueIssues(facts, opts);
  /** @type {{ i: number, valid: boolean, issues: { severity: string, code: string, message: string }[] }[]} */
  const docs = [];
  const brief = (/** @type {import("scanpage").CatalogueIssue} */ c) => ({ severity: c.issue.severity, code: c.issue.code, message: c.issue.message });
  res.docs.forEach((d, i) => {
    if (d.issues.length) docs.push({ i, valid: d.valid, issues: d.issues.map(brief) });
  });
  // Issues found at the end name their document by its input index.
  const rest = res.rest.map((c) => ({ i: c.doc, ...brief(c) }));
  return { docs, rest, merchant: res.merchant.map(brief), summary: res.summary };
}
