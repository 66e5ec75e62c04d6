// documents.js: where the documents live, so that nothing typed is lost,
// in any tab.
//
// - Each tab edits its own document. Its id is kept in sessionStorage (a
//   reload keeps it, another tab has its own), its text in localStorage
//   under doc:<id>, and who saved it last under meta:<id>
//   ({ saved, by, rev }: time, the page instance, a counter).
// - A tab holds a Web Lock named after its document while it is open. A new
//   tab (or a browser restart) reopens the most recently saved document if
//   no open tab holds it, and otherwise starts a copy of it under a new id;
//   a duplicated tab (which inherits sessionStorage) does the same after
//   1 s. A reload waits up to 8 s for its own document's lock.
// - No save replaces a document that someone else saved after this tab
//   last read or wrote it: save() refuses, and the page asks the user
//   (keep mine / take theirs). The `storage` event tells an open tab at
//   once when its document was changed elsewhere.
// - The last 20 documents are kept in IndexedDB (the "Recent" menu), which
//   holds far more than localStorage's 5 MB: a document that no longer
//   fits in localStorage is still kept there.
import * as store from "./storage.js";

const tabKey = "scanpage:tab";
const recentMax = 20;
/** This page instance (a reload is a new one). */
export const instance = Math.random().toString(36).slice(2, 10) + Date.now().toString(36);

/** @typedef {{ saved: number, by: string, rev: number }} Meta */
/** @typedef {{ id: string, text: string, title: string, saved: number }} Recent */

const newId = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 8);

/** @param {string} id @returns {Meta | null} */
export function readMeta(id) {
  try {
    const m = JSON.parse(store.get(`meta:${id}`) ?? "null");
    return m && typeof m.rev === "number" ? m : null;
  } catch {
    return null;
  }
}

/** Every document saved in localStorage, newest first. */
function savedIds() {
  /** @type {{ id: string, saved: number }[]} */
  const out = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (!k?.startsWith("scanpage:meta:")) continue;
      const id = k.slice("scanpage:meta:".length);
      const m = readMeta(id);
      if (m) out.push({ id, saved: m.saved });
    }
  } catch {
    // storage disabled
  }
  return out.sort((a, b) => b.saved - a.saved);
}

// --- Locks: which documents are open in a tab --------------------------------

/** @type {(() => void) | null} */
let releaseLock = null;

/**
 * Takes the lock of a document for as long as this page lives (or until
 * another document is taken). Without Web Locks every lock is granted:
 * the conflict check of save() still guards the text.
 * @param {string} id
 * @param {number} wait ms to wait for a tab that is closing (a reload)
 */
async function lock(id, wait) {
  const locks = navigator.locks;
  if (!locks) return true;
  /** @type {(ok: boolean) => void} */
  let settle = () => {};
  const got = new Promise((r) => { settle = r; });
  /** @type {() => void} */
  let release = () => {};
  const held = new Promise((r) => { release = () => r(undefined); });
  const opts = wait > 0 ? { signal: AbortSignal.timeout(wait) } : { ifAvailable: true };
  locks.request(`scanpage:doc:${id}`, opts, (l) => {
    settle(!!l);
    return l ? held : undefined;
  }).catch(() => settle(false));
  const ok = await got;
  if (ok) {
    releaseLock?.();
    releaseLock = release;
  }
  return ok;
}

// A reload must find its own document free: the lock goes with the page.
addEventListener("pagehide", () => {
  releaseLock?.();
  releaseLock = null;
});
addEventListener("pageshow", (e) => { if (e.persisted && current.id) lock(current.id, 0); });

// --- This tab's document -------------------------------------------------------

/**
 * The document of this tab.
 * @type {{ id: string, rev: number, fresh: boolean }}
 */
export const current = { id: "", rev: 0, fresh: true };

/**
 * Finds this tab's document: its own (a reload), else the most recent one
 * no other tab has open, else a copy of the most recent one, else none.
 * Resolves to its text (null when there is none: a first visit) and how it
 * was found.
 * @returns {Promise<{ text: string | null, how: "tab" | "latest" | "copy" | "new", from: string }>}
 */
export async function claim() {
  let id = null;
  try {
    id = sessionStorage.getItem(tabKey);
  } catch {
    // storage disabled
  }
  if (id && (store.get(`doc:${id}`) !== null || readMeta(id))) {
    if (await lock(id, ownLockWait())) return adopt(id, "tab");
    return fork(await textOf(id), "copy", id); // a duplicated tab
  }
  const latest = savedIds()[0];
  if (latest) {
    if (await lock(latest.id, 0)) return adopt(latest.id, "latest");
    return fork(await textOf(latest.id), "copy", latest.id);
  }
  // Before per-tab documents, one document was kept under "doc".
  const legacy = store.get("doc");
  if (legacy !== null) {
    const r = fork(legacy, "latest", "");
    save(legacy);
    store.remove("doc");
    return r;
  }
  return fork(null, "new", "");
}

/**
 * How long (ms) a tab that has a document id waits for that document's
 * lock. A reload: up to 8 s, for the page it replaces to let go (it does
 * on pagehide, which a loaded machine can take seconds to reach); taking a
 * copy would leave the user's document behind under another id. Otherwise
 * (a duplicated tab, which inherits sessionStorage while the original
 * keeps its lock, or a navigation back to the page): 1 s, then a copy.
 */
function ownLockWait() {
  const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType?.("navigation")[0]);
  return nav?.type === "reload" ? 8000 : 1000;
}

/**
 * @param {string} id
 * @param {"tab" | "latest"} how
 */
async function adopt(id, how) {
  current.id = id;
  current.rev = readMeta(id)?.rev ?? 0;
  current.fresh = false;
  remember(id);
  return { text: await textOf(id), how, from: id };
}

/**
 * Starts a new document in this tab (saved once it has been checked).
 * @param {string | null} text
 * @param {"copy" | "new" | "latest"} how
 * @param {string} from the document it copies
 */
function fork(text, how, from) {
  const id = newId();
  lock(id, 0);
  current.id = id;
  current.rev = 0;
  current.fresh = true;
  remember(id);
  return { text, how, from };
}

/** @param {string} id */
function remember(id) {
  try {
    sessionStorage.setItem(tabKey, id);
  } catch {
    // storage disabled: the tab still works, a reload starts afresh
  }
}

/**
 * The text of a document: localStorage, else its copy in the history.
 * @param {string} id
 */
async function textOf(id) {
  return store.get(`doc:${id}`) ?? (await recentGet(id))?.text ?? null;
}

/**
 * Makes text a new document of this tab (a shared link, a sample, a
 * recent one opened as a copy); the previous document stays where it was
 * saved, and in the history.
 * @param {string} text
 */
export function openNew(text) {
  fork(text, "new", "");
}

/**
 * Switches this tab to a saved document (from the history): its own when
 * no other tab has it open, else a copy.
 * @param {string} id
 * @returns {Promise<{ text: string | null, copy: boolean }>}
 */
export async function openSaved(id) {
  const text = await textOf(id);
  if (text === null) return { text: null, copy: false };
  if (id !== current.id && (await lock(id, 0))) {
    current.id = id;
    current.rev = readMeta(id)?.rev ?? 0;
    current.fresh = false;
    remember(id);
    return { text, copy: false };
  }
  openNew(text);
  return { text, copy: true };
}

/**
 * Who changed this tab's document since this tab last read or wrote it:
 * their meta, or null when nobody did.
 */
export function changedElsewhere() {
  const m = readMeta(current.id);
  return m && m.rev !== current.rev && m.by !== instance ? m : null;
}

/**
 * Saves this tab's document, unless someone else saved it after this tab
 * last read or wrote it ("conflict": nothing is written), or the browser
 * refuses ("full": localStorage is full or off; the history still gets it).
 * @param {string} text
 * @param {{ force?: boolean }} [opts] force: overwrite their version (the user chose "keep mine")
 * @returns {"saved" | "conflict" | "full"}
 */
export function save(text, { force = false } = {}) {
  const theirs = changedElsewhere();
  if (theirs && !force) return "conflict";
  const rev = Math.max(current.rev, theirs?.rev ?? 0) + 1;
  const meta = JSON.stringify({ saved: Date.now(), by: instance, rev });
  let ok = store.set(`doc:${current.id}`, text) && store.set(`meta:${current.id}`, meta);
  if (!ok) {
    prune();
    ok = store.set(`doc:${current.id}`, text) && store.set(`meta:${current.id}`, meta);
  }
  if (ok) current.rev = rev;
  current.fresh = false;
  return ok ? "saved" : "full";
}

/**
 * Takes the other tab's version: this tab now continues from it.
 * @returns {string | null} its text
 */
export function takeTheirs() {
  const m = readMeta(current.id);
  if (m) current.rev = m.rev;
  return store.get(`doc:${current.id}`);
}

/**
 * Frees localStorage for this tab's document: drops the oldest documents
 * beyond the history's length (they are in IndexedDB), and any other
 * document when that is not enough.
 */
function prune() {
  const ids = savedIds().filter((d) => d.id !== current.id);
  for (const { id } of ids.slice(recentMax - 1).concat(ids.slice(0, recentMax - 1).reverse())) {
    store.remove(`doc:${id}`);
    store.remove(`meta:${id}`);
    if (store.set("probe", "x".repeat(1 << 16))) break;
  }
  store.remove("probe");
}

/**
 * Calls back when another tab saves this tab's document (the storage
 * event fires only in the other tabs of the origin).
 * @param {(meta: Meta) => void} onChanged
 */
export function watch(onChanged) {
  addEventListener("storage", (e) => {
    if (e.key !== `scanpage:meta:${current.id}` || !e.newValue) return;
    const m = changedElsewhere();
    if (m) onChanged(m);
  });
}

// --- The history: IndexedDB ------------------------------------------------------

/** @type {Promise<IDBDatabase | null> | null} */
let dbp = null;
function db() {
  dbp ??= new Promise((resolve) => {
    try {
      const req = indexedDB.open("scanpage", 1);
      req.onupgradeneeded = () => req.result.createObjectStore("recent", { keyPath: "id" });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return dbp;
}

/**
 * @template T
 * @param {"readonly" | "readwrite"} mode
 * @param {(s: IDBObjectStore) => IDBRequest<T> | void} fn
 * @returns {Promise<T | null>}
 */
async function tx(mode, fn) {
  const d = await db();
  if (!d) return null;
  return new Promise((resolve) => {
    try {
      const t = d.transaction("recent", mode);
      const req = fn(t.objectStore("recent"));
      t.oncomplete = () => resolve(req ? req.result : null);
      t.onerror = t.onabort = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

/** @param {string} id @returns {Promise<Recent | null>} */
export function recentGet(id) {
  return tx("readonly", (s) => s.get(id));
}

/**
 * The history, newest first (at most 20 documents).
 * @returns {Promise<Recent[]>}
 */
export async function recentList() {
  const all = /** @type {Recent[] | null} */ (await tx("readonly", (s) => s.getAll()));
  return (all ?? []).sort((a, b) => b.saved - a.saved).slice(0, recentMax);
}

/**
 * Keeps this tab's document in the history (and drops the oldest beyond
 * 20). title: the product's title as the validator read it, for the menu.
 * @param {string} text
 * @param {string} title
 */
let puts = 0;
export async function keepRecent(text, title) {
  const id = current.id;
  await tx("readwrite", (s) => s.put({ id, text, title, saved: Date.now() }));
  if (++puts % 50 !== 1) return; // pruned now and then: getAll reads every text
  const all = /** @type {Recent[] | null} */ (await tx("readonly", (s) => s.getAll()));
  const old = (all ?? []).sort((a, b) => b.saved - a.saved).slice(recentMax);
  if (old.length) await tx("readwrite", (s) => { for (const r of old) s.delete(r.id); });
}

// --- An unfinished start ------------------------------------------------------------

/** The marker this page instance set and has not cleared: the id it is under. */
let marked = "";

/**
 * Marks that this tab's document is being checked for the first time since
 * it was opened; startDone() clears it. Left set, it means the check never
 * finished (the tab hung or crashed): the next start opens it safely.
 */
export function startMark() {
  if (marked && marked !== current.id) store.remove(`starting:${marked}`);
  marked = current.id;
  store.set(`starting:${current.id}`, String(Date.now()));
}
export function startDone() {
  store.remove(`starting:${current.id}`);
  marked = "";
}
/** @param {string} id */
export function unfinished(id) {
  return store.get(`starting:${id}`) !== null;
}
// A page that is closed or left normally (pagehide runs) did not hang: its
// marker goes, so a reload or a link opened before the first preview was
// drawn is never taken for a hang. A tab that hangs never runs this; a
// marker found at the start, from an earlier hang, stays until the
// document is checked (safe mode's "Check it anyway").
addEventListener("pagehide", () => {
  if (marked) store.remove(`starting:${marked}`);
  marked = "";
});
