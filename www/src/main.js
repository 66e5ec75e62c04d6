// main.js: the page. It uses only the public JS API of scanpage.js (loaded
// at run time, not bundled) and wires the panels together.
import "./app.css";
import { loading } from "./boot.js";
import { setDiagnostics } from "@codemirror/lint";
import { createEditor, relabel, replaceDoc, setDoc, reveal, skipLink } from "./editor.js";
import { toDiagnostics, applyEdit } from "./diagnostics.js";
import { issuesPanel } from "./issues.js";
import { previewPanel } from "./preview-panel.js";
import { barcodePanel } from "./barcode-panel.js";
import { merchantBox } from "./merchant.js";
import { loadSchema } from "./completion.js";
import { format } from "./jsonscan.js";
import { samples, firstVisit } from "./samples.js";
import { encodeHash, decodeHash, chatLinkChars, browserLinkChars } from "./share.js";
import * as store from "./storage.js";
import * as docs from "./documents.js";
import { noticeBar } from "./notice.js";
import "./page-strings.js";
import { load } from "scanpage";
import { t, setLang, getLang, browserLang, translate } from "./i18n.js";
import { registerServiceWorker } from "./sw-register.js";
import { mark } from "./timing.js";
import { isolateHistory } from "@codemirror/commands";
import { formPanel } from "./form.js";
import { formTabs } from "./form-tabs.js";
import { mountCatalogue } from "./catalogue.js";
import { previewSource } from "./preview-source.js";

/** @typedef {import("scanpage").Scanpage} Scanpage */
/** @typedef {import("scanpage").Issue} Issue */

// The wasm started loading in boot.js, before this bundle ran: it is the
// longest part of a start.
mark("sp:app-start");
// Completion reads the published schema; if it cannot be fetched, there is
// no completion and nothing else changes.
loadSchema(new URL("../create-product.schema.json", import.meta.url));

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @type {Scanpage | null} */
let sp = null;
let statusKey = "status.loading";
/** @type {Record<string, string | number> | undefined} */
let statusVars;

/**
 * Shows a status line (kept as a key, so a language switch retranslates it).
 * @param {string} key
 * @param {Record<string, string | number>} [vars]
 */
function status(key, vars) {
  statusKey = key;
  statusVars = vars;
  $("status").textContent = t(key, vars);
}

// Language: the stored choice, else the browser's.
setLang(/** @type {any} */ (store.get("lang")) || browserLang());
translate();
status("status.loading");

// The document: this tab's own (documents.js: a reload keeps it, a new tab
// reopens the latest one or a copy of it), else the first visit's sample.
// A shared link opens as a new document over it (undoable, see openText).
const link = await decodeHash(location.hash);
if (link !== null) history.replaceState(null, "", location.pathname + location.search);
const claimed = await docs.claim();
const initial = claimed.text ?? firstVisit;
const notice = noticeBar($("notice"));
// A restored document whose first check never finished (the tab hung or
// crashed) opens in safe mode: shown, not checked, not previewed.
let safe = claimed.text !== null && !(link && "text" in link) && docs.unfinished(claimed.from);
/** Set when a document was opened: its first check is marked (docs.startMark). */
let opening = claimed.text !== null;

const merchant = merchantBox({
  box: /** @type {HTMLDetailsElement} */ ($("merchant-box")),
  input: /** @type {HTMLTextAreaElement} */ ($("merchant")),
  clear: /** @type {HTMLButtonElement} */ ($("merchant-clear")),
  onChange(text) {
    keep("merchant", text);
    check();
  },
});
merchant.set(store.get("merchant") ?? "");

const preview = previewPanel({
  frame: /** @type {HTMLIFrameElement} */ ($("preview")),
  form: $("preview-tabs"),
  onChoice(c) {
    store.set("page", c.page);
    store.set("layout", c.layout);
    schedule();
  },
});
preview.select({ page: store.get("page"), layout: store.get("layout") });

const barcode = barcodePanel({
  root: $("barcode"),
  getSP: () => sp,
  getLang,
  onOptions(o) {
    store.set("xdim", o.xdim);
    store.set("ppm", o.ppm);
    schedule();
  },
});
barcode.setOptions({ xdim: store.get("xdim"), ppm: store.get("ppm") });

const issues = issuesPanel({
  list: $("issues"),
  counts: $("counts"),
  onJump(is) {
    if (is.source === "merchant") merchant.reveal(is.offset, is.offset + is.length);
    else reveal(view, is.offset, is.offset + is.length);
  },
  // The focus stays in the panel, on the next issue (issues.js): fixing
  // by keyboard is one key press per fix.
  onFix(is) {
    fixIssue(is);
  },
});

const view = createEditor({
  parent: $("editor"),
  doc: initial,
  label: t("editor.label"),
  onChange() {
    // A document opened from the Catalogue view is checked but never saved
    // as this tab's document: the catalogue keeps its edits, and the tab's
    // own document stays in storage until "Restore my own document".
    if (catalogue.edited(() => view.state.doc.toString())) return check();
    dirty = true;
    if (safe) saveDoc();
    else check(); // saves once the text is checked
  },
  keys: [
    { key: "Shift-Alt-f", run: () => { formatDoc(); return true; } },
  ],
});
skipLink(/** @type {HTMLAnchorElement} */ (document.querySelector("a.skip")), view);
// The Catalogue view (catalogue.js): a document opened from it replaces the
// editor's text, which is saved first and not saved over while it is open.
const catalogue = mountCatalogue({
  getMerchant: () => merchant.value.trim(),
  getText: () => view.state.doc.toString(),
  setText: (text) => setDoc(view, text, "input.catalogue"),
  save: () => { saveDoc(); flush(); },
});
// The Form view: a second view of the same text. Its edits come from Go
// (formEdit) and go into the editor as one transaction each, in the same
// undo history as typing, never merged with a neighbouring change.
const form = formPanel({
  root: $("form"),
  getSP: () => sp,
  getLang,
  getText: () => view.state.doc.toString(),
  apply(edit) {
    const len = view.state.doc.length;
    const from = Math.min(edit.offset, len);
    view.dispatch({
      changes: { from, to: Math.min(edit.offset + edit.length, len), insert: edit.text },
      userEvent: "input.form",
      annotations: isolateHistory.of("full"),
    });
  },
  onFix: (is) => fixIssue(is),
  onStatus: (message) => { $("status").textContent = message; },
});
const tabs = formTabs({
  json: /** @type {HTMLButtonElement} */ ($("tab-json")),
  form: /** @type {HTMLButtonElement} */ ($("tab-form")),
  editor: $("editor"),
  panel: $("form"),
  getLang,
  onShow: () => form.shown(),
});
// The preview points back to the source (preview-source.js).
previewSource({ frame: /** @type {HTMLIFrameElement} */ ($("preview")), view, formRoot: $("form"), getSP: () => sp });

/** @type {ReturnType<typeof setTimeout> | undefined} */
let saveTimer;
/** The document changed since it was last saved. */
let dirty = false;
/**
 * A check may take this long (ms) before the document is no longer saved
 * automatically: a document that hangs the page must not be stored to hang
 * it again on the next visit (issue 15). Within the limits every document
 * is checked far faster.
 */
const checkBudget = 2000;
/** The last check's time (ms), of the text being saved or the one before it. */
let checkedIn = 0;
/**
 * Which wasm instances (the page's, the worker's) have run a check, and
 * whether the page's has drawn a preview (side): the
 * first call of each is not held to the budget, since Chromium compiles
 * the wasm's functions on their first use (seconds on a loaded machine,
 * for any document). A document that hangs a warm check is still caught
 * here, and one that hangs the first check by the marker (startMark).
 */
const warm = { main: false, worker: false, side: false };
/**
 * Saves the document once it has been checked within budget: at once when
 * it is of a normal size; a very large one once per pause in typing, and
 * always when the page is hidden or closed.
 */
function saveDoc() {
  clearTimeout(saveTimer);
  saveTimer = undefined;
  if (view.state.doc.length < 200_000) flushNow();
  else saveTimer = setTimeout(flush, 300);
}
function flush() {
  clearTimeout(saveTimer);
  saveTimer = undefined;
  flushNow();
}
function flushNow() {
  if (!dirty) return;
  if (checkedIn > checkBudget && !safe) return status("status.unchecked", { s: (checkedIn / 1000).toFixed(1) });
  const text = view.state.doc.toString();
  const r = docs.save(text);
  if (r === "conflict") return conflict();
  dirty = false;
  if (r === "full") status("status.savefail");
  else if (statusKey === "status.savefail") status("status.saved");
  keepRecent(text);
}
/** @type {ReturnType<typeof setTimeout> | undefined} */
let recentTimer;
/**
 * Keeps the document in the history (IndexedDB) right after a save (in a task of its own),
 * named by the title the validator read.
 * @param {string} text
 */
function keepRecent(text) {
  clearTimeout(recentTimer);
  recentTimer = setTimeout(() => recentNow(text), 0);
}
/** Writes a pending history entry now (the page is hidden, or another document opens). */
async function recentNow(text = view.state.doc.toString()) {
  if (recentTimer === undefined) return;
  clearTimeout(recentTimer);
  recentTimer = undefined;
  await docs.keepRecent(text, checked.report?.product?.title ?? "");
  fillRecent();
}
/**
 * Another tab saved this tab's document after this tab last read or wrote
 * it: nothing is overwritten until the user chooses.
 */
function conflict() {
  if (notice.kind === "conflict") return;
  const m = docs.changedElsewhere();
  notice.show("conflict", { time: new Date(m?.saved ?? Date.now()).toLocaleTimeString() }, [
    { key: "conflict.mine", run: () => {
      docs.save(view.state.doc.toString(), { force: true });
      dirty = false;
      status("status.conflict.mine");
    } },
    { key: "conflict.theirs", run: () => {
      const theirs = docs.takeTheirs();
      if (theirs !== null) setDoc(view, theirs, "input.theirs");
      status("status.conflict.theirs");
    } },
  ]);
}
docs.watch(conflict);
/**
 * Stores a value; says so when the browser refuses (storage full or off),
 * since the user counts on it.
 * @param {string} key
 * @param {string} value
 */
function keep(key, value) {
  if (!store.set(key, value)) status("status.savefail");
  else if (statusKey === "status.savefail") status("status.saved");
}
addEventListener("pagehide", () => { flush(); recentNow(); });
addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") { flush(); recentNow(); } });

/**
 * Opens text as a new document of this tab (a shared link, a sample): the
 * previous document stays saved and in the history, and the replacement is
 * one undoable change.
 * @param {string} text
 * @param {string} userEvent
 */
function openText(text, userEvent) {
  flush();
  recentNow();
  docs.openNew(text);
  opening = true;
  leaveSafe();
  setDoc(view, text, userEvent);
}
/**
 * What a share link gave: its document, opened as a new one, or why it
 * could not be read (the tab's own document stays).
 * @param {Awaited<ReturnType<typeof decodeHash>>} got
 */
function openLink(got) {
  if (got === null) return;
  if ("text" in got) {
    openText(got.text, "input.share");
    status("status.shared.new");
  } else {
    status(`link.${got.error}`, { at: (got.at ?? 0) + 1, char: got.char ?? "" });
  }
}
function leaveSafe() {
  if (!safe) return;
  safe = false;
  if (notice.kind === "safe") notice.hide();
}
if (safe) {
  notice.show("safe", undefined, [{ key: "safe.check", run: () => { leaveSafe(); opening = true; check(); } }]);
  status("status.safe");
} else if (claimed.how === "copy") status("status.copy");

// --- Checking -------------------------------------------------------------

/**
 * What the last check was about: the editor's document (CodeMirror's text
 * is immutable, so the same object means the same text), the merchant
 * context, and the report. A fix is computed by Go for that text only.
 * @type {{ doc: import("@codemirror/state").Text | null, merchant: string, report: import("scanpage").Report | null }}
 */
let checked = { doc: null, merchant: "", report: null };

/**
 * Applies an issue's fix. Its edit was computed for the checked text: when
 * the text has changed since (a check is pending), the text is checked
 * first and the same issue's new edit is applied, never the old one.
 * @param {Issue} is
 */
async function fixIssue(is) {
  if (!sp) return;
  if (view.state.doc !== checked.doc || merchant.value !== checked.merchant) {
    if (view.state.doc.length > workerChars) {
      const doc = view.state.doc;
      await new Promise((resolve) => { reportWaiters.push(resolve); check(); });
      if (view.state.doc !== doc) return status("fix.gone");
    } else runCheck();
    const again = sameIssue(checked.report?.issues ?? [], is);
    if (!again) return status("fix.gone");
    is = again;
  }
  const edit = is.fix?.edit;
  if (!edit) return status("fix.none");
  if (is.source === "merchant") {
    const m = merchant.value;
    merchant.set(m.slice(0, edit.offset) + edit.text + m.slice(edit.offset + edit.length));
    keep("merchant", merchant.value);
    check();
    return;
  }
  applyEdit(view, edit);
}

/**
 * The issue of a newer report that is the same finding as old: the same
 * code, place (path) and input, with the same correction; of several, the
 * nearest to where old was.
 * @param {Issue[]} issues
 * @param {Issue} old
 */
function sameIssue(issues, old) {
  const fix = (/** @type {Issue} */ is) => JSON.stringify(is.fix && ("text" in is.fix ? is.fix.text : [is.fix.path, is.fix.value]));
  const want = fix(old);
  let best = null;
  for (const is of issues) {
    if (is.code !== old.code || is.path !== old.path || (is.source ?? "document") !== (old.source ?? "document") || fix(is) !== want) continue;
    if (!best || Math.abs(is.offset - old.offset) < Math.abs(best.offset - old.offset)) best = is;
  }
  return best;
}

let firstShown = false;
let errors = -1;
/** A check of the current text is pending: the verdict and the issues say so. */
let pendingCheck = true;

/** The document's verdict next to the title: valid, how many errors, or checking…. */
function showVerdict() {
  const v = $("verdict");
  const pend = pendingCheck && !safe;
  $("issues-pending").hidden = !pend || errors < 0;
  $("issues").setAttribute("aria-busy", String(pend));
  if (pend) v.dataset.pending = "true";
  else delete v.dataset.pending;
  const text = pend ? t("checking") : errors < 0 ? "" : errors ? t("status.invalid", { n: errors }) : t("status.valid");
  if (v.textContent === text) return; // a live region: speak only on a change
  if (!pend && errors >= 0) v.dataset.valid = String(errors === 0);
  v.textContent = text;
}
/** @param {boolean} on */
function setPending(on) {
  if (pendingCheck === on) return;
  pendingCheck = on;
  showVerdict();
}

/**
 * The merchant context's own state, apart from the document's verdict:
 * its issues (source "merchant") never count against the document.
 * @param {Issue[]} list
 */
function showMerchant(list) {
  const el = $("merchant-verdict");
  if (!merchant.value.trim()) {
    el.textContent = "";
    delete el.dataset.valid;
    return;
  }
  const n = list.reduce((k, is) => k + (is.source === "merchant" && is.severity === "error" ? is.more ?? 1 : 0), 0);
  el.dataset.valid = String(n === 0);
  el.textContent = n ? t("merchant.bad", { n }) : t("merchant.ok");
}
let lastCost = 0;
let sideCost = Infinity;
let frame = 0;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let sideTimer;
/** @type {ReturnType<typeof setTimeout> | 0} */
let deferred = 0;
/**
 * Above this many characters a document is checked in a Web Worker
 * (load({worker: true})): validate and preview of a 500 KB paste take
 * 250–650 ms in wasm, 64 KB of random text about 50 ms, a normal document
 * (12 K characters) 1–4 ms. Below it the check stays in the keystroke's
 * task, so the diagnostics are there in the same frame.
 */
const workerChars = 32 * 1024;

/** Options of validate and preview: the language and the merchant context. */
function docOptions() {
  const m = merchant.value.trim();
  return m ? { lang: getLang(), merchant: m } : { lang: getLang() };
}

/**
 * Validates the document and shows the issues in the editor and the panel.
 * Normal documents are checked at once, in the task of the keystroke; a
 * large one (over workerChars) in the worker, the latest text only; one
 * whose check still takes long is checked once per pause in typing.
 */
function check() {
  if (safe) return;
  setPending(true);
  if (!sp) return;
  if (view.state.doc.length > workerChars) {
    clearTimeout(deferred);
    deferred = 0;
    checkOff();
    return;
  }
  if (lastCost > 30) {
    clearTimeout(deferred);
    deferred = setTimeout(runCheck, Math.min(400, lastCost * 2));
    return;
  }
  runCheck();
}

/**
 * Shows a report of text in the editor, the panel and the verdict.
 * @param {import("scanpage").Report} report
 * @param {string} text
 * @param {number} cost ms
 */
function showReport(report, text, cost) {
  checked = { doc: view.state.doc, merchant: merchant.value, report };
  view.dispatch(setDiagnostics(view.state, toDiagnostics(report.issues, text, fixIssue)));
  issues.render(report.issues, text, merchant.value);
  // The document's verdict counts the document's errors only; a summary
  // issue (more: N) stands for the N issues it summarises.
  errors = report.issues.reduce((k, is) => k + (is.source !== "merchant" && is.severity === "error" ? is.more ?? 1 : 0), 0);
  checkedIn = cost;
  pendingCheck = false;
  // Repair is the primary button only when there is syntax to repair.
  $("repair").toggleAttribute("data-needed", report.issues.some((is) => is.source !== "merchant" && is.code.startsWith("syntax.") && is.fix));
  form.update(report);
  showVerdict();
  showMerchant(report.issues);
  mark("sp:diagnostics");
  saveDoc();
  for (const resolve of reportWaiters.splice(0)) resolve(undefined);
}
/** @type {((v: unknown) => void)[]} */
const reportWaiters = [];

function runCheck() {
  if (!sp || safe) return;
  if (view.state.doc.length > workerChars) return checkOff();
  deferred = 0;
  if (opening) docs.startMark();
  const text = view.state.doc.toString();
  if (firstShown && sideCost < 6) {
    // Cheap enough (normal documents): one preview call gives the report
    // and the page (the worker's way too), so the text is read and checked
    // once, and one frame shows the diagnostics, the preview and the barcode.
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    const c = preview.choice();
    const t0 = performance.now();
    const { html, report } = sp.preview(text, { ...docOptions(), page: /** @type {any} */ (c.page), layout: /** @type {any} */ (c.layout) });
    lastCost = performance.now() - t0;
    showReport(report, text, lastCost);
    const t1 = performance.now();
    showSide(html, report, c);
    // What renderSide would have taken: the call and showing its page.
    sideCost = lastCost + performance.now() - t1;
    mark("sp:preview");
    return;
  }
  const t0 = performance.now();
  const report = sp.validate(text, docOptions());
  // A cold call's time says nothing of the document (see warm).
  lastCost = warm.main ? performance.now() - t0 : 0;
  warm.main = true;
  showReport(report, text, lastCost);
  if (!firstShown) {
    firstShown = true;
    mark("sp:first-diagnostics");
    schedule(); // the first diagnostics are painted before anything else
  } else {
    schedule();
  }
}

// --- Off the main thread: large documents ------------------------------------

/** @type {Promise<import("scanpage").AsyncScanpage> | null} */
let offSP = null;
let offBusy = false;
let offAgain = false;
/**
 * Checks and previews the document in the worker (one preview call gives
 * both the report and the page), the latest text only: while one check
 * runs, keystrokes only mark that another is due. A result for a text that
 * has changed since is dropped (its positions no longer match).
 */
async function checkOff() {
  if (offBusy) {
    offAgain = true;
    return;
  }
  offBusy = true;
  try {
    offSP ??= load({ worker: true });
    const w = await offSP;
    do {
      offAgain = false;
      if (safe || view.state.doc.length <= workerChars) break;
      if (opening) docs.startMark();
      const doc = view.state.doc;
      const m = merchant.value;
      const c = preview.choice();
      const text = doc.toString();
      const t0 = performance.now();
      const { html, report } = await w.preview(text, { ...docOptions(), page: /** @type {any} */ (c.page), layout: /** @type {any} */ (c.layout) });
      const cost = performance.now() - t0;
      if (view.state.doc !== doc || merchant.value !== m || !sameChoice(c, preview.choice())) {
        offAgain = true;
        continue;
      }
      showReport(report, text, warm.worker ? cost : 0);
      warm.worker = true;
      if (!firstShown) {
        firstShown = true;
        mark("sp:first-diagnostics");
      }
      showSide(html, report, c);
    } while (offAgain);
  } catch (e) {
    offSP = null;
    status("status.failed", { message: /** @type {Error} */ (e).message });
  } finally {
    offBusy = false;
  }
  // A document that shrank below the limit while the worker ran.
  if (pendingCheck && view.state.doc.length <= workerChars) check();
}

/**
 * @param {{ page: string, layout: string }} a
 * @param {{ page: string, layout: string }} b
 */
const sameChoice = (a, b) => a.page === b.page && a.layout === b.layout;

/**
 * Updates the preview and the barcode in the next frame (once per frame);
 * when that is slow (a very large document), once per pause in typing.
 */
function schedule() {
  if (!sp || safe) return;
  if (view.state.doc.length > workerChars) return check();
  if (sideCost > 50) {
    clearTimeout(sideTimer);
    sideTimer = setTimeout(renderSide, 300);
    return;
  }
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    renderSide();
  });
}

function renderSide() {
  if (!sp || safe) return;
  if (view.state.doc.length > workerChars) return check();
  const t0 = performance.now();
  const text = view.state.doc.toString();
  const c = preview.choice();
  const { html, report } = sp.preview(text, { ...docOptions(), page: /** @type {any} */ (c.page), layout: /** @type {any} */ (c.layout) });
  showSide(html, report, c);
  // The first preview compiles the preview's code in the wasm (hundreds of
  // ms for any document): its time says nothing of the document, and taken
  // as its cost it held the preview to pauses in typing (see warm).
  sideCost = warm.side ? performance.now() - t0 : 0;
  warm.side = true;
  mark("sp:preview");
}

/**
 * The parts of a preview marked missing (data-missing: the JSON Pointer of
 * a required part the document lacks), from Go's HTML.
 * @param {string} html
 */
function missingParts(html) {
  return new Set(Array.from(html.matchAll(/data-missing="([^"]*)"/g), (m) => m[1]));
}
/** What the preview shows: its missing parts and its page and layout. */
let shownSide = { missing: /** @type {Set<string> | null} */ (null), choice: "" };

/**
 * Shows a preview and the barcode, unless the text is broken mid-edit: when
 * the report has a syntax error and the new preview would lose a part the
 * shown one has (a part newly marked missing), the shown preview and
 * barcode stay, marked incomplete with the error's line. A slip that only
 * hides optional parts, or any readable text, is drawn as it is.
 * @param {string} html
 * @param {import("scanpage").Report} report
 * @param {{ page: string, layout: string }} c
 */
function showSide(html, report, c) {
  const choice = `${c.page}/${c.layout}/${getLang()}`;
  const missing = missingParts(html);
  const slip = report.issues.find((is) => is.source !== "merchant" && is.severity === "error" && is.code.startsWith("syntax."));
  const lost = shownSide.missing !== null && shownSide.choice === choice && [...missing].some((p) => !shownSide.missing?.has(p));
  const stale = $("preview-stale");
  if (slip && lost) {
    stale.textContent = t("preview.stale", { line: slip.line });
    stale.dataset.line = String(slip.line);
    stale.hidden = false;
  } else {
    stale.hidden = true;
    shownSide = { missing, choice };
    preview.show(html);
    // The code as the validator read it (the last of two keystr, single
    // quotes and all): the page never reads the JSON itself.
    barcode.update(report.product?.keystr, report.product?.keystandard);
  }
  if (opening) {
    opening = false;
    docs.startDone();
  }
}

// --- Toolbar ----------------------------------------------------------------

function formatDoc() {
  const out = format(view.state.doc.toString());
  if ("why" in out) return status(out.why === "depth" ? "status.format.deep" : "status.format.bad");
  replaceDoc(view, out.text, "input.format");
  status("status.format.done");
}

function repairDoc() {
  if (!sp) return;
  const text = view.state.doc.toString();
  const r = sp.repair(text, { lang: getLang() });
  const fixed = r.fixes.filter((f) => f.fix).length;
  if (r.text === null || r.text === text) return status("status.repair.none");
  replaceDoc(view, r.text, "input.repair");
  const left = r.fixes.length - fixed;
  status(left ? "status.repair.left" : "status.repair.done", { n: fixed });
}

/**
 * Fills a menu: a first, empty choice that names it, then one option per item.
 * @param {HTMLSelectElement} menu
 * @param {string} pick
 * @param {{ value: string, text: string, title?: string }[]} items
 */
function fillMenu(menu, pick, items) {
  const first = document.createElement("option");
  first.value = "";
  first.textContent = pick;
  menu.replaceChildren(first, ...items.map((it) => {
    const o = document.createElement("option");
    o.value = it.value;
    o.textContent = it.text;
    if (it.title !== undefined) o.dataset.title = it.title;
    return o;
  }));
}

const sampleMenu = /** @type {HTMLSelectElement} */ ($("samples"));
function fillSamples() {
  fillMenu(sampleMenu, t("samples.pick"), samples.map((s) => ({ value: s.id, text: t(`sample.${s.id}`) })));
}
fillSamples();
sampleMenu.addEventListener("change", () => {
  const s = samples.find((x) => x.id === sampleMenu.value);
  sampleMenu.value = "";
  if (!s) return;
  setDoc(view, s.text, "input.sample");
  status("status.sample", { name: t(`sample.${s.id}`) });
});

// A share link opened in a tab that already shows the page.
addEventListener("hashchange", async () => {
  const got = await decodeHash(location.hash);
  if (got === null) return;
  history.replaceState(null, "", location.pathname + location.search);
  openLink(got);
});

// Recent documents (documents.js keeps the last 20 in IndexedDB).
const recentMenu = /** @type {HTMLSelectElement} */ ($("recent"));
async function fillRecent() {
  const list = await docs.recentList();
  fillMenu(recentMenu, t("recent.pick"), list.map((r) => {
    const when = new Date(r.saved).toLocaleString(getLang() === "zh" ? "zh-CN" : "en", { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });
    return { value: r.id, text: `${r.title || t("recent.untitled")} · ${when}${r.id === docs.current.id ? " ✓" : ""}`, title: r.title };
  }));
  recentMenu.disabled = list.length === 0;
}
fillRecent();
recentMenu.addEventListener("change", async () => {
  const id = recentMenu.value;
  recentMenu.value = "";
  if (!id || id === docs.current.id) return;
  flush();
  const name = recentMenu.querySelector(`option[value="${CSS.escape(id)}"]`)?.getAttribute("data-title") || t("recent.untitled");
  const got = await docs.openSaved(id);
  if (got.text === null) return;
  opening = true;
  leaveSafe();
  setDoc(view, got.text, "input.recent");
  status(got.copy ? "status.recent.copy" : "status.recent", { name });
  fillRecent();
});

$("format").addEventListener("click", formatDoc);
$("repair").addEventListener("click", repairDoc);

const shareBox = $("share-box");
const shareURL = /** @type {HTMLInputElement} */ ($("share-url"));
const shareWarn = $("share-warn");
const shareDownload = $("share-download");
/**
 * A link is offered as a link up to chatLinkChars (8,000) characters and
 * copied at once; up to browserLinkChars (2 MB, Chromium's limit) it is
 * shown with a warning and not copied; beyond, there is no link. Above
 * 8,000 the file download is offered instead.
 */
$("share").addEventListener("click", async () => {
  const url = location.origin + location.pathname + location.search + (await encodeHash(view.state.doc.toString()));
  const long = url.length > chatLinkChars;
  const tooLong = url.length > browserLinkChars;
  shareURL.value = tooLong ? "" : url;
  shareURL.hidden = tooLong;
  $("share-copy").hidden = tooLong;
  shareWarn.hidden = !long;
  shareWarn.textContent = long ? t(tooLong ? "share.toolong" : "share.long", { n: url.length.toLocaleString() }) : "";
  shareDownload.hidden = !long;
  shareBox.hidden = false;
  if (tooLong) {
    shareDownload.focus();
    return status("status.share.toolong");
  }
  shareURL.focus();
  shareURL.select();
  if (long) return status("status.share.long");
  await copyShare(url);
});
shareDownload.addEventListener("click", () => {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([view.state.doc.toString()], { type: "application/json" }));
  a.download = `${checked.report?.product?.keystr || "scanpage-document"}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
});
$("share-copy").addEventListener("click", async () => {
  shareURL.select();
  await copyShare(shareURL.value);
});
/**
 * Copies a share link to the clipboard; when the browser refuses, the link
 * stays selected in its box, to be copied by hand.
 * @param {string} url
 */
async function copyShare(url) {
  try {
    await navigator.clipboard.writeText(url);
    status("status.share.copied");
  } catch {
    status("status.share.ready");
  }
}
const closeShare = () => {
  shareBox.hidden = true;
  $("share").focus();
};
$("share-close").addEventListener("click", closeShare);
shareBox.addEventListener("keydown", (e) => { if (e.key === "Escape") closeShare(); });

for (const btn of document.querySelectorAll("button[data-lang]")) {
  btn.addEventListener("click", () => {
    setLang(/** @type {any} */ (/** @type {HTMLElement} */ (btn).dataset.lang));
    store.set("lang", getLang());
    applyLang();
    issues.reset();
    runCheck();
  });
}

function applyLang() {
  translate();
  for (const b of document.querySelectorAll("button[data-lang]")) {
    b.setAttribute("aria-pressed", String(/** @type {HTMLElement} */ (b).dataset.lang === getLang()));
  }
  relabel(view, t("editor.label"));
  tabs.relabel();
  form.relabel();
  fillSamples();
  fillRecent();
  notice.redraw();
  status(statusKey, statusVars);
  showVerdict();
}
applyLang();

// --- Start ------------------------------------------------------------------

openLink(link);
showVerdict();
try {
  sp = await loading;
  mark("sp:wasm-ready");
  if (statusKey === "status.loading") status("status.ready", { version: sp.version });
  if (!safe) check();
} catch (e) {
  status("status.failed", { message: /** @type {Error} */ (e).message });
  $("issues").replaceChildren();
  throw e;
}
registerServiceWorker({ onUpdate: () => status("status.update") });
