// catalogue-store.js: the results of a run, one row per document, in
// columns (plain arrays: 100,000 rows stay small), with the view's filter
// and sort as an array of row ids. Rows arrive out of order; input order
// (file, then piece, then document) is settled when the run ends.

/**
 * A store for about capacity rows. Its columns are made that long at once:
 * grown by push, each growth of a dozen arrays of 50,000 values copied them
 * all in one go, and the page's longest tasks (55 ms at 100,000 rows) were
 * these copies. Settling trims them to the rows there are.
 * @param {number} [capacity]
 */
export function createStore(capacity = 0) {
  // Numbers go in typed arrays reserved at the run's guess (zeroed memory:
  // cheap), text in arrays that grow as rows come. A dozen JS arrays of
  // 112,000 slots, made in the pick's task, took 30–90 ms.
  const size = Math.max(capacity, 1024);
  return {
    n: 0,
    /** @type {string[]} */ keystr: [],
    /** @type {string[]} */ title: [],
    file: new Int32Array(size),
    line: new Int32Array(size),
    offset: new Float64Array(size),
    length: new Float64Array(size),
    errors: new Int32Array(size),
    warnings: new Int32Array(size),
    infos: new Int32Array(size),
    /** @type {string[]} */ first: [],
    /** @type {string[]} */ codes: [],
    /** 1 when the document has no error (own or cross-document). */ valid: new Uint8Array(size),
    /** The cross-document issues found at a row. @type {Map<number, { severity: string, code: string, message: string }[]>} */
    cross: new Map(),
    /** Pieces by file and part: their first row, count, and their documents and facts (Blobs: kept by the browser, outside the page). @type {{ file: number, part: number, start: number, count: number, docs: Blob, facts: Blob }[]} */
    pieces: [],
    /** Row ids in input order, once the run has ended. @type {Uint32Array} */
    order: new Uint32Array(0),
    /** The documents with an error, with a warning (own and cross-document). */
    withErrors: 0,
  };
}

/** @typedef {ReturnType<typeof createStore>} Store */

/**
 * A piece's rows, in columns (catalogue-worker.js).
 * @typedef {{ keystr: string[], title: string[], first: string[], codes: string[], file: Int32Array, line: Int32Array, offset: Float64Array,
 *   length: Float64Array, errors: Int32Array, warnings: Int32Array, infos: Int32Array, valid: Uint8Array }} Rows
 */

/** The columns of a store that hold numbers, in typed arrays. */
const NUMBERS = /** @type {const} */ (["file", "line", "offset", "length", "errors", "warnings", "infos", "valid"]);

/**
 * Makes room for n rows in the number columns: twice as many when they
 * are full (a copy of typed memory: a millisecond at 100,000 rows).
 * @param {Store} s @param {number} n
 */
function reserve(s, n) {
  if (n <= s.file.length) return;
  const size = Math.max(n, 2 * s.file.length);
  for (const c of NUMBERS) {
    const grown = new /** @type {any} */ (s[c].constructor)(size);
    grown.set(s[c]);
    s[c] = grown;
  }
}

/**
 * Adds a piece's rows.
 * @param {Store} s
 * @param {{ file: number, part: number, rows: Rows, docs: Blob, facts: Blob }} p
 */
export function addPiece(s, p) {
  const start = s.n;
  const r = p.rows;
  const n = r.keystr.length;
  reserve(s, start + n);
  for (let i = 0, k = start; i < n; i++, k++) {
    s.keystr[k] = r.keystr[i]; s.title[k] = r.title[i]; s.file[k] = r.file[i]; s.line[k] = r.line[i];
    s.offset[k] = r.offset[i]; s.length[k] = r.length[i]; s.errors[k] = r.errors[i]; s.warnings[k] = r.warnings[i];
    s.infos[k] = r.infos[i]; s.first[k] = r.first[i]; s.codes[k] = r.codes[i]; s.valid[k] = r.valid[i];
    if (r.errors[i]) s.withErrors++;
  }
  s.n += n;
  s.pieces.push({ file: p.file, part: p.part, start, count: n, docs: p.docs, facts: p.facts });
}

/**
 * Settles input order: pieces by file and part.
 * @param {Store} s
 */
export function settle(s) {
  for (const c of NUMBERS) s[c] = /** @type {any} */ (s[c]).subarray(0, s.n);
  s.pieces.sort((a, b) => a.file - b.file || a.part - b.part);
  s.order = new Uint32Array(s.n);
  let k = 0;
  for (const p of s.pieces) for (let i = 0; i < p.count; i++) s.order[k++] = p.start + i;
}

/**
 * Adds what the cross-document pass found (indexes in input order).
 * @param {Store} s
 * @param {{ docs: { i: number, valid: boolean, issues: any[] }[], rest: { i: number, severity: string, code: string, message: string }[] }} c
 */
export function addCross(s, c) {
  const add = (/** @type {number} */ row, /** @type {any} */ is) => {
    if (!s.cross.has(row)) s.cross.set(row, []);
    s.cross.get(row)?.push(is);
    const hadError = s.errors[row] > 0;
    // The first message shown is the row's first error, else its first issue.
    if (!s.first[row] || (is.severity === "error" && !hadError)) s.first[row] = is.message;
    if (is.severity === "error") {
      if (!hadError) s.withErrors++;
      s.errors[row]++;
    } else if (is.severity === "warning") s.warnings[row]++;
    else s.infos[row]++;
    if (!s.codes[row].split(" ").includes(is.code)) s.codes[row] = s.codes[row] ? `${s.codes[row]} ${is.code}` : is.code;
  };
  for (const d of c.docs) {
    const row = s.order[d.i];
    s.valid[row] = d.valid ? 1 : 0;
    for (const is of d.issues) add(row, is);
  }
  for (const r of c.rest) if (r.i >= 0) add(s.order[r.i], r);
}

/** The Blobs of one kind, in input order. @param {Store} s @param {"docs" | "facts"} kind */
export function blobsOf(s, kind) {
  return s.pieces.map((p) => p[kind]);
}

/**
 * @typedef {{ severity: "" | "error" | "warning" | "valid", code: string, text: string,
 *   sort: "" | "keystr" | "title" | "file" | "errors" | "warnings", desc: boolean }} View
 */

/** Ranks of text columns, per store. @type {WeakMap<object, Map<string, Uint32Array>>} */
const ranks = new WeakMap();

/**
 * The row ids the view shows, filtered and sorted. Sorting by a text
 * column ranks that column once (one string sort); later sorts by it
 * compare numbers.
 * @param {Store} s
 * @param {View} v
 * @param {string[]} names file names by index
 */
export function select(s, v, names) {
  const text = v.text.trim().toLowerCase();
  const code = v.code ? ` ${v.code} ` : "";
  /** @type {number[]} */
  const out = [];
  for (let k = 0; k < s.order.length; k++) {
    const i = s.order[k];
    if (v.severity === "error" && !s.errors[i]) continue;
    if (v.severity === "warning" && !s.warnings[i]) continue;
    if (v.severity === "valid" && !s.valid[i]) continue;
    if (code && !` ${s.codes[i]} `.includes(code)) continue;
    if (text && !(s.keystr[i].toLowerCase().includes(text) || s.title[i].toLowerCase().includes(text) ||
      names[s.file[i]].toLowerCase().includes(text) || s.first[i].toLowerCase().includes(text))) continue;
    out.push(i);
  }
  const ids = Uint32Array.from(out);
  if (!v.sort) return ids;
  let key;
  if (v.sort === "errors" || v.sort === "warnings") key = s[v.sort];
  else key = rank(s, v.sort, names);
  const dir = v.desc ? -1 : 1;
  // Ties keep input order (the rank of the position), so a sort is stable.
  const pos = new Uint32Array(s.n);
  s.order.forEach((row, k) => { pos[row] = k; });
  ids.sort((a, b) => dir * (key[a] - key[b]) || pos[a] - pos[b]);
  return ids;
}

/**
 * @param {Store} s
 * @param {"keystr" | "title" | "file"} col
 * @param {string[]} names
 */
function rank(s, col, names) {
  let m = ranks.get(s);
  if (!m) ranks.set(s, (m = new Map()));
  let r = m.get(col);
  if (r) return r;
  const val = col === "file" ? s.file.map((f, i) => `${names[f]}\u0000${String(s.line[i]).padStart(9, "0")}`) : s[col];
  const ids = Array.from({ length: s.n }, (_, i) => i);
  ids.sort((a, b) => (val[a] < val[b] ? -1 : val[a] > val[b] ? 1 : 0));
  r = new Uint32Array(s.n);
  ids.forEach((id, k) => { r[id] = k; });
  m.set(col, r);
  return r;
}
