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
import { encodeHash, decodeHash } from "./share.js";
import * as store from "./storage.js";
import { t, setLang, getLang, browserLang, translate } from "./i18n.js";
import { registerServiceWorker } from "./sw-register.js";
import { mark } from "./timing.js";
import { isolateHistory } from "@codemirror/commands";
import { formPanel } from "./form.js";
import { formTabs } from "./form-tabs.js";
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

// The document: a shared link wins, then what was stored, then the sample.
const shared = await decodeHash(location.hash);
if (shared !== null) history.replaceState(null, "", location.pathname + location.search);
const initial = shared ?? store.get("doc") ?? firstVisit;

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
    saveDoc();
    check();
  },
  keys: [
    { key: "Shift-Alt-f", run: () => { formatDoc(); return true; } },
  ],
});
skipLink(/** @type {HTMLAnchorElement} */ (document.querySelector("a.skip")), view);
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
/**
 * Saves the document: at once when it is of a normal size; a very large one
 * once per pause in typing, and always when the page is hidden or closed.
 */
function saveDoc() {
  clearTimeout(saveTimer);
  saveTimer = undefined;
  if (view.state.doc.length < 200_000) keep("doc", view.state.doc.toString());
  else saveTimer = setTimeout(flush, 300);
}
function flush() {
  if (saveTimer === undefined) return;
  clearTimeout(saveTimer);
  saveTimer = undefined;
  keep("doc", view.state.doc.toString());
}
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
addEventListener("pagehide", flush);
addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") flush(); });

if (shared !== null) {
  store.set("doc", initial);
  status("status.shared");
}

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
function fixIssue(is) {
  if (!sp) return;
  if (view.state.doc !== checked.doc || merchant.value !== checked.merchant) {
    runCheck();
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

/** The document's verdict next to the title: valid, or how many errors. */
function showVerdict() {
  const v = $("verdict");
  if (errors < 0) return;
  const text = errors ? t("status.invalid", { n: errors }) : t("status.valid");
  if (v.textContent === text) return; // a live region: speak only on a change
  v.dataset.valid = String(errors === 0);
  v.textContent = text;
}
let lastCost = 0;
let sideCost = Infinity;
let frame = 0;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let sideTimer;
/** @type {ReturnType<typeof setTimeout> | 0} */
let deferred = 0;

/** Options of validate and preview: the language and the merchant context. */
function docOptions() {
  const m = merchant.value.trim();
  return m ? { lang: getLang(), merchant: m } : { lang: getLang() };
}

/**
 * Validates the document and shows the issues in the editor and the panel.
 * Normal documents are checked at once, in the task of the keystroke; a
 * document that takes long (hundreds of KB) is checked at most once per
 * pause in typing instead.
 */
function check() {
  if (!sp) return;
  if (lastCost > 30) {
    clearTimeout(deferred);
    deferred = setTimeout(runCheck, Math.min(400, lastCost * 2));
    return;
  }
  runCheck();
}

function runCheck() {
  if (!sp) return;
  deferred = 0;
  const text = view.state.doc.toString();
  const t0 = performance.now();
  const report = sp.validate(text, docOptions());
  lastCost = performance.now() - t0;
  checked = { doc: view.state.doc, merchant: merchant.value, report };
  view.dispatch(setDiagnostics(view.state, toDiagnostics(report.issues, text, fixIssue)));
  errors = issues.render(report.issues, text, merchant.value).error;
  // Repair is the primary button only when there is syntax to repair.
  $("repair").toggleAttribute("data-needed", report.issues.some((is) => is.source !== "merchant" && is.code.startsWith("syntax.")));
  form.update(report);
  showVerdict();
  mark("sp:diagnostics");
  if (!firstShown) {
    firstShown = true;
    mark("sp:first-diagnostics");
    schedule(); // the first diagnostics are painted before anything else
  } else if (sideCost < 6) {
    // Cheap enough (normal documents): the preview and the barcode follow in
    // the same task, so one frame shows it all.
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    renderSide();
  } else {
    schedule();
  }
}

/**
 * Updates the preview and the barcode in the next frame (once per frame);
 * when that is slow (a very large document), once per pause in typing.
 */
function schedule() {
  if (!sp) return;
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
  if (!sp) return;
  const t0 = performance.now();
  const text = view.state.doc.toString();
  const c = preview.choice();
  const { html, report } = sp.preview(text, { ...docOptions(), page: /** @type {any} */ (c.page), layout: /** @type {any} */ (c.layout) });
  preview.show(html);
  // The code as the validator read it (the last of two keystr, single
  // quotes and all): the page never reads the JSON itself.
  barcode.update(report.product?.keystr, report.product?.keystandard);
  sideCost = performance.now() - t0;
  mark("sp:preview");
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

const sampleMenu = /** @type {HTMLSelectElement} */ ($("samples"));
function fillSamples() {
  const pick = document.createElement("option");
  pick.value = "";
  pick.textContent = t("samples.pick");
  sampleMenu.replaceChildren(pick, ...samples.map((s) => {
    const o = document.createElement("option");
    o.value = s.id;
    o.textContent = t(`sample.${s.id}`);
    return o;
  }));
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
  const text = await decodeHash(location.hash);
  if (text === null) return;
  history.replaceState(null, "", location.pathname + location.search);
  setDoc(view, text, "input.share");
  status("status.shared");
});

$("format").addEventListener("click", formatDoc);
$("repair").addEventListener("click", repairDoc);

const shareBox = $("share-box");
const shareURL = /** @type {HTMLInputElement} */ ($("share-url"));
$("share").addEventListener("click", async () => {
  const url = location.origin + location.pathname + location.search + (await encodeHash(view.state.doc.toString()));
  shareURL.value = url;
  shareBox.hidden = false;
  shareURL.focus();
  shareURL.select();
  await copyShare(url);
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
  status(statusKey, statusVars);
  showVerdict();
}
applyLang();

// --- Start ------------------------------------------------------------------

try {
  sp = await loading;
  mark("sp:wasm-ready");
  if (statusKey === "status.loading") status("status.ready", { version: sp.version });
  runCheck();
} catch (e) {
  status("status.failed", { message: /** @type {Error} */ (e).message });
  $("issues").replaceChildren();
  throw e;
}
registerServiceWorker({ onUpdate: () => status("status.update") });
