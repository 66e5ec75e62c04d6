// catalogue.js: the Catalogue view. A second view of the page, beside the
// editor: drop files or folders, check them in a pool of workers, work
// through the list, open a document in the editor and come back, export
// the report and the barcodes. main.js mounts it with a few hooks into the
// editor; everything else is here and in catalogue-*.js.
//
// The editor's own document: opening a catalogue document keeps it in
// memory and in storage (main's own key, saved before the switch; while a
// catalogue document is open, nothing is saved over it), and the bar above
// the editor offers "Restore my own document". Edits to a catalogue
// document are kept in memory for the tab's life (reopening the row shows
// them) and can be downloaded; they never touch the user's document.
import { ct, fill, num } from "./catalogue-text.js";
import { fromDrop, fromPicker } from "./catalogue-files.js";
import { run, poolSize, ask, warm } from "./catalogue-pool.js";
import { samples } from "./samples.js";
import { createStore, addPiece, settle, addCross, blobsOf, select } from "./catalogue-store.js";
import { catalogueTable } from "./catalogue-table.js";
import { showSummary } from "./catalogue-summary.js";
import { getLang } from "./i18n.js";

/**
 * @param {{ getMerchant: () => string, getText: () => string, setText: (text: string) => void, save: () => void }} hooks
 *   save: stores the editor's own document at once (before a catalogue document replaces it).
 */
export function mountCatalogue({ getMerchant, getText, setText, save }) {
  const layout = /** @type {HTMLElement} */ (document.querySelector("main.layout"));
  const nav = document.createElement("div");
  nav.className = "views";
  nav.setAttribute("role", "tablist");
  nav.dataset.ct = "nav";
  nav.dataset.ctAttr = "aria-label";
  nav.innerHTML = `<button type="button" role="tab" id="view-editor" aria-selected="true" data-ct="nav.editor"></button>` +
    `<button type="button" role="tab" id="view-catalogue" aria-selected="false" tabindex="-1" data-ct="nav.catalogue"></button>`;
  const bar = document.createElement("div");
  bar.className = "cat-bar";
  bar.hidden = true;
  bar.innerHTML = `<span class="cat-from"><span data-ct="bar.from"></span> <b class="cat-where"></b> <span class="cat-edited"></span></span>
    <span class="cat-bar-tools"><button type="button" class="cat-back" data-ct="bar.back"></button>
    <button type="button" class="cat-download" data-ct="bar.download"></button>
    <button type="button" class="cat-restore" data-ct="bar.restore"></button></span>
    <span class="cat-own" data-ct="bar.own"></span><ul class="cat-cross"></ul>`;
  const view = document.createElement("section");
  view.className = "catalogue";
  view.id = "catalogue";
  view.hidden = true;
  view.setAttribute("role", "tabpanel");
  view.setAttribute("aria-labelledby", "view-catalogue");
  view.innerHTML = `<div class="cat-drop" tabindex="-1"><p data-ct="drop"></p>
      <label class="cat-pick"><span data-ct="pick.files"></span><input type="file" multiple accept=".json,.ndjson,.jsonl,application/json" class="vh"></label>
      <label class="cat-pick"><span data-ct="pick.folder"></span><input type="file" webkitdirectory multiple class="vh"></label></div>
    <div class="cat-progress" hidden><progress max="1" value="0"></progress><span class="cat-rate" role="status"></span>
      <button type="button" class="cat-cancel" data-ct="cancel"></button></div>
    <p class="cat-note" role="status"></p>
    <div class="cat-summary"></div>
    <div class="cat-results" hidden>
      <div class="cat-filters">
        <label><span data-ct="filter.severity"></span> <select name="severity">
          <option value="" data-ct="filter.all"></option><option value="error" data-ct="filter.error"></option>
          <option value="warning" data-ct="filter.warning"></option><option value="valid" data-ct="filter.valid"></option></select></label>
        <label><span data-ct="filter.code"></span> <select name="code"><option value="" data-ct="filter.anycode"></option></select></label>
        <label class="cat-search"><span data-ct="filter.text"></span> <input type="search" name="text" data-ct="filter.placeholder" data-ct-attr="placeholder"></label>
        <span class="cat-shown" aria-live="polite"></span>
        <span class="cat-export"><span data-ct="export"></span>
          <button type="button" data-export="csv" data-ct="export.csv"></button><button type="button" data-export="json" data-ct="export.json"></button><button type="button" data-export="sarif" data-ct="export.sarif"></button><button type="button" data-export="zip" data-ct="export.zip"></button></span>
      </div>
      <div class="cat-table"></div>
    </div>`;
  layout.before(nav, bar);
  layout.after(view);
  const q = (/** @type {string} */ s, root = view) => /** @type {HTMLElement} */ (root.querySelector(s));
  const tabEditor = q("#view-editor", nav);
  const tabCat = q("#view-catalogue", nav);
  const note = q(".cat-note");
  const progress = /** @type {HTMLProgressElement} */ (q("progress"));
  const rate = q(".cat-rate");
  const filters = {
    severity: /** @type {HTMLSelectElement} */ (q("select[name=severity]")),
    code: /** @type {HTMLSelectElement} */ (q("select[name=code]")),
    text: /** @type {HTMLInputElement} */ (q("input[name=text]")),
  };

  let store = createStore();
  /** @type {string[]} */ let names = [];
  /** @type {File[]} */ let files = [];
  /** @type {ReturnType<typeof run> | null} */ let current = null;
  /** Whether the current run is in its cross-document pass. */ let crossing = false;
  /** @type {Worker | null} */ let helper = null;
  /** @type {import("./catalogue-store.js").View} */
  const state = { severity: "", code: "", text: "", sort: "", desc: false };
  let codes = /** @type {string[]} */ ([]);
  /** @type {{ id: number, original: string } | null} */ let open = null;
  let ownText = "";
  /** Edited catalogue documents, by row id. @type {Map<number, string>} */
  const edits = new Map();
  let scrollKept = 0;
  /** The summary shown, redrawn in the other language on a switch. @type {any} */
  let lastSummary = null;

  const table = catalogueTable({
    root: q(".cat-table"),
    label: ct,
    cell(id, col) {
      switch (col) {
        case "keystr": return store.keystr[id];
        case "title": return store.title[id];
        case "file": return `${names[store.file[id]]}:${store.line[id]}`;
        case "errors": return String(store.errors[id]);
        case "warnings": return String(store.warnings[id]);
        default: return store.first[id];
      }
    },
    onOpen: (id) => openRow(id),
    onSort(col) {
      state.desc = state.sort === col ? !state.desc : col === "errors" || col === "warnings";
      state.sort = /** @type {any} */ (col);
      table.setSort({ col, desc: state.desc });
      refresh(true);
    },
  });

  // --- Views ---------------------------------------------------------------

  /** What warms the wasm: the complete samples, 600 documents in a JSON array. */
  const warmText = () => {
    const docs = samples.filter((x) => ["doc-fixed", "real", "sdk", "full", "ean8"].includes(x.id)).map((x) => x.text);
    return `[${Array.from({ length: 120 }, () => docs.join(",")).join(",")}]`;
  };

  const showView = (/** @type {"editor" | "catalogue"} */ which) => {
    const cat = which === "catalogue";
    if (!cat && !view.hidden) scrollKept = table.scrollTop;
    tabEditor.setAttribute("aria-selected", String(!cat));
    tabCat.setAttribute("aria-selected", String(cat));
    tabEditor.tabIndex = cat ? -1 : 0;
    tabCat.tabIndex = cat ? 0 : -1;
    layout.hidden = cat;
    view.hidden = !cat;
    bar.hidden = cat || !open;
    document.body.dataset.view = which;
    if (cat) table.scrollTop = scrollKept;
    if (cat && !view.dataset.warm) {
      // While the user picks files, the wasm is warmed (catalogue-pool.js).
      view.dataset.warm = "warming";
      warm(options(), warmText()).then(() => { view.dataset.warm = "done"; }, () => { view.dataset.warm = "failed"; });
    }
  };
  tabEditor.addEventListener("click", () => showView("editor"));
  tabCat.addEventListener("click", () => showView("catalogue"));
  for (const tab of [tabEditor, tabCat]) {
    tab.addEventListener("keydown", (e) => {
      if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
      e.preventDefault();
      const other = tab === tabEditor ? tabCat : tabEditor;
      other.click();
      other.focus();
    });
  }

  // --- Input ---------------------------------------------------------------

  /** Up to how many picked files the page reads their sizes at once. */
  const SIZED_PICK = 64;

  const drop = q(".cat-drop");
  for (const target of [drop, view]) {
    target.addEventListener("dragover", (e) => {
      e.preventDefault();
      drop.dataset.over = "";
    });
    target.addEventListener("dragleave", () => { delete drop.dataset.over; });
    target.addEventListener("drop", async (e) => {
      e.preventDefault();
      e.stopPropagation();
      delete drop.dataset.over;
      if (e.dataTransfer) start(await fromDrop(e.dataTransfer));
    });
  }
  for (const input of view.querySelectorAll("input[type=file]")) {
    input.addEventListener("change", () => {
      const el = /** @type {HTMLInputElement} */ (input);
      // A picked file's first size is a synchronous stat in Chromium
      // (0.2–0.9 ms): past a few dozen files, no size is read at the pick.
      if (el.files?.length) start(fromPicker(el.files), el.files.length <= SIZED_PICK);
      el.value = "";
    });
  }
  q(".cat-cancel").addEventListener("click", () => {
    if (crossing) endCross();
    else current?.cancel();
  });

  // --- A run ---------------------------------------------------------------

  const options = () => {
    const m = getMerchant();
    return m ? { lang: getLang(), merchant: m } : { lang: getLang() };
  };

  /**
   * @param {{ file: File, name: string }[]} inputs
   * @param {boolean} [sized] whether their sizes may be read at once (not for a large pick)
   */
  async function start(inputs, sized = true) {
    const began = performance.now(); // the pick's task is ours too
    crossing = false;
    current?.cancel();
    helper?.terminate();
    helper = null;
    closeDoc(false);
    edits.clear();
    store = createStore();
    lastSummary = null;
    names = inputs.map((i) => i.name);
    files = inputs.map((i) => i.file);
    q(".cat-results").hidden = true;
    q(".cat-summary").replaceChildren();
    if (!inputs.length) {
      note.textContent = ct("none");
      return;
    }
    const size = poolSize();
    // Progress by bytes read; without sizes, by documents against files.
    const total = sized ? inputs.reduce((a, i) => a + i.file.size, 0) : 0;
    store = createStore(sized ? Math.ceil(total / 2048) : inputs.length); // documents are rarely under 2 kB
    let read = 0;
    /** @type {Map<number, number>} */
    const readOf = new Map();
    const t0 = performance.now();
    let checkMs = 0;
    for (const k of ["firstPieceSeconds", "checkedSeconds", "checkSeconds"]) delete view.dataset[k];
    let frame = 0;
    const show = () => {
      frame = 0;
      const s = (performance.now() - t0) / 1000;
      const r = store.n / Math.max(s, 0.001);
      const done = Math.min(total ? read / total : store.n / inputs.length, 1);
      const left = done ? (s * (1 - done)) / done : NaN;
      progress.value = done;
      rate.textContent = ct("progress", { done: num(store.n), rate: num(Math.round(r)), left: Number.isFinite(left) ? `${Math.ceil(left)} s` : "…" });
    };
    q(".cat-progress").hidden = false;
    progress.value = 0;
    rate.textContent = ct("progress.start", { n: size });
    note.textContent = "";
    view.dataset.state = "running";
    // The longest stretch of our own code on the main thread during a run
    // (a benchmark reads it: no task of ours may take 50 ms).
    let longest = 0;
    let longestAt = "";
    const timed = (/** @type {string} */ what, /** @type {() => void} */ fn) => () => {
      const t = performance.now();
      fn();
      const d = performance.now() - t;
      if (d > longest) [longest, longestAt] = [d, what];
    };
    const r = run({
      inputs, size, sized, init: options(),
      onPiece(p) {
        timed("piece", () => {
          addPiece(store, p);
          checkMs += p.ms;
          view.dataset.firstPieceSeconds ??= ((performance.now() - t0) / 1000).toFixed(2);
          // Bytes read, per file: pieces of one file may come in any order.
          const before = readOf.get(p.file) ?? 0;
          if (p.read > before) {
            read += p.read - before;
            readOf.set(p.file, p.read);
          }
          if (!frame) frame = requestAnimationFrame(timed("progress", show));
        })();
      },
    });
    current = r;
    const startMs = performance.now() - began;
    if (startMs > longest) [longest, longestAt] = [startMs, "start"];
    let out;
    try {
      out = await r.done;
    } catch (e) {
      if (current !== r) return;
      q(".cat-progress").hidden = true;
      view.dataset.state = "failed";
      note.textContent = ct("failed", { message: /** @type {Error} */ (e).message });
      return;
    }
    if (current !== r) {
      out?.keep?.terminate();
      return;
    }
    // The pool's first worker, kept, runs the cross-document pass and the exports.
    helper = out.keep ?? null;
    cancelAnimationFrame(frame);
    timed("settle", () => {
      show();
      settle(store);
    })();
    if (out.cancelled) {
      q(".cat-progress").hidden = true;
      view.dataset.state = "cancelled";
      note.textContent = ct("cancelled", { done: num(store.n) });
      showRows(null);
      return;
    }
    rate.textContent = ct("cross");
    // When the documents were checked, before the cross pass (the bench reads it).
    view.dataset.checkedSeconds = ((performance.now() - t0) / 1000).toFixed(1);
    view.dataset.checkSeconds = (checkMs / 1000).toFixed(1); // summed over the workers
    crossing = true;
    try {
      if (!helper) throw new Error("no worker is left for the cross-document pass");
      const { cross } = await ask(helper, { cross: { facts: blobsOf(store, "facts") } });
      if (current !== r) return;
      crossing = false;
      timed("cross", () => addCross(store, cross))();
      q(".cat-progress").hidden = true;
      const s = ((performance.now() - t0) / 1000).toFixed(1);
      note.textContent = ct("done", { n: num(store.n), s, w: r.workers() || size });
      view.dataset.state = "done";
      view.dataset.seconds = s;
      view.dataset.workers = String(r.workers() || size);
      timed("results", () => showRows(cross.summary))();
      view.dataset.longestMs = longest.toFixed(1);
      view.dataset.longestAt = longestAt;
    } catch (e) {
      if (current !== r) return;
      crossing = false;
      q(".cat-progress").hidden = true;
      view.dataset.state = "failed";
      note.textContent = ct("failed", { message: /** @type {Error} */ (e).message });
    }
  }

  /**
   * Cancel during the cross-document pass: its worker is ended, and the
   * rows stay as checked, without the cross-document rules (as a cancel
   * during the run leaves them).
   */
  function endCross() {
    crossing = false;
    current = null; // the pass's answer, if one was on its way, is not taken
    helper?.terminate();
    helper = null;
    q(".cat-progress").hidden = true;
    view.dataset.state = "cancelled";
    note.textContent = ct("cancelled", { done: num(store.n) });
    showRows(null);
  }

  /** Shows the summary (when there is one) and the table. @param {any} summary */
  function showRows(summary) {
    lastSummary = summary;
    if (summary) codes = showSummary(q(".cat-summary"), summary);
    else codes = [...new Set(store.codes.flatMap((c) => (c ? c.split(" ") : [])))].sort();
    const keep = filters.code.value;
    filters.code.replaceChildren(filters.code.options[0], ...codes.map((c) => {
      const o = document.createElement("option");
      o.value = c;
      o.textContent = c;
      return o;
    }));
    filters.code.value = codes.includes(keep) ? keep : "";
    state.code = filters.code.value;
    for (const b of view.querySelectorAll("[data-export]")) /** @type {HTMLButtonElement} */ (b).disabled = !summary;
    q(".cat-results").hidden = false;
    refresh(false);
  }

  let shownCount = 0;
  function refresh(keepScroll = false) {
    const ids = select(store, state, names);
    table.show(ids, keepScroll);
    shownCount = ids.length;
    refreshCount();
  }
  function refreshCount() {
    if (store.n) q(".cat-shown").textContent = ct("shown", { n: num(shownCount), total: num(store.n) });
  }

  filters.severity.addEventListener("change", () => { state.severity = /** @type {any} */ (filters.severity.value); refresh(); });
  filters.code.addEventListener("change", () => { state.code = filters.code.value; refresh(); });
  let typing = 0;
  filters.text.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => { state.text = filters.text.value; refresh(); }, 150);
  });

  // --- Exports -------------------------------------------------------------

  for (const b of view.querySelectorAll("[data-export]")) {
    b.addEventListener("click", async () => {
      if (!helper) return;
      const kind = /** @type {string} */ (/** @type {HTMLElement} */ (b).dataset.export);
      const buttons = /** @type {HTMLButtonElement[]} */ ([...view.querySelectorAll("[data-export]")]);
      buttons.forEach((x) => { x.disabled = true; });
      note.textContent = ct("export.busy");
      try {
        let blob, name;
        if (kind === "zip") {
          const codes = [];
          for (const i of store.order) if (store.keystr[i]) codes.push(store.keystr[i]);
          const { zip } = await ask(helper, { zip: { codes } });
          blob = new Blob([zip.zip], { type: "application/zip" });
          name = "scanpage-barcodes.zip";
        } else {
          // The worker reads the documents and facts (Blobs) itself.
          const { report } = await ask(helper, { report: { docs: blobsOf(store, "docs"), facts: blobsOf(store, "facts"), format: kind } });
          blob = new Blob([report.bytes], { type: report.type });
          name = `scanpage-report.${kind === "sarif" ? "sarif" : kind}`;
        }
        download(blob, name);
        note.textContent = ct("export.done", { name });
      } catch (e) {
        note.textContent = ct("failed", { message: /** @type {Error} */ (e).message });
      } finally {
        buttons.forEach((x) => { x.disabled = false; });
      }
    });
  }

  // --- Opening a document --------------------------------------------------

  /** @param {number} id */
  async function openRow(id) {
    let text = edits.get(id);
    let original = text;
    try {
      // The document is cut out of its file again (Go gave its offset and
      // length in UTF-16 units): the page keeps no document text.
      const all = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await files[store.file[id]].arrayBuffer());
      original = all.slice(store.offset[id], store.offset[id] + store.length[id]);
    } catch (e) {
      note.textContent = ct("open.failed", { message: /** @type {Error} */ (e).message });
      return;
    }
    text ??= original;
    scrollKept = table.scrollTop;
    if (!open) {
      save();
      ownText = getText();
    }
    open = { id, original: /** @type {string} */ (original) };
    const cross = store.cross.get(id) ?? [];
    q(".cat-where", bar).textContent = `${names[store.file[id]]}:${store.line[id]}${store.keystr[id] ? ` · ${store.keystr[id]}` : ""}`;
    const ul = q(".cat-cross", bar);
    ul.replaceChildren(...cross.map((is) => {
      const li = document.createElement("li");
      li.dataset.severity = is.severity;
      li.textContent = `${ct("bar.cross")} ${is.code}: ${is.message}`;
      return li;
    }));
    markEdited();
    showView("editor");
    bar.hidden = false;
    setText(text);
    q(".cat-back", bar).focus();
  }

  const markEdited = () => { q(".cat-edited", bar).textContent = open && edits.has(open.id) ? ct("bar.edited") : ""; };

  /** Back to the list: filter, sort and scroll as they were, the focus on the row. */
  const back = () => {
    const id = open?.id;
    showView("catalogue");
    if (id !== undefined) table.focusId(id);
  };
  /** Leaves the catalogue document; restore: the user's own document comes back. */
  function closeDoc(restore = true) {
    if (!open) return;
    open = null;
    bar.hidden = true;
    if (restore) setText(ownText);
  }
  q(".cat-back", bar).addEventListener("click", back);
  q(".cat-restore", bar).addEventListener("click", () => {
    closeDoc(true);
    showView("editor");
  });
  q(".cat-download", bar).addEventListener("click", () => {
    if (!open) return;
    const name = names[store.file[open.id]].split("/").pop() ?? "document.json";
    download(new Blob([getText()], { type: "application/json" }), /\.json$/i.test(name) && store.line[open.id] === 1 ? name : `${store.keystr[open.id] || "document"}.json`);
  });

  // The language: relabel on each switch (i18n.js sets <html lang>).
  const relabel = () => {
    fill(nav);
    fill(bar);
    fill(view);
    table.relabel();
    markEdited();
    if (lastSummary) showSummary(q(".cat-summary"), lastSummary);
    refreshCount();
  };
  new MutationObserver(relabel).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
  relabel();
  showView("editor");

  return {
    /**
     * The editor changed. True when the text is a catalogue document's: its
     * edit is kept here, and main must not save it as the user's document.
     * @param {() => string} current the editor's text
     */
    edited(current) {
      if (!open) return false;
      const text = current();
      if (text === open.original) edits.delete(open.id);
      else edits.set(open.id, text);
      markEdited();
      return true;
    },
  };
}

/**
 * Saves a blob as a file.
 * @param {Blob} blob
 * @param {string} name
 */
function download(blob, name) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
