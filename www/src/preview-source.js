// preview-source.js: the preview points back to the source. A click on an
// element of the preview puts the editor's cursor on its JSON value and
// focuses its form field; the value the cursor is in (or the form field
// that has the focus) is outlined in the preview.
//
// Nothing runs in the preview: its frame has sandbox="allow-same-origin"
// without allow-scripts. The page reads the frame's document from outside
// (same origin): it listens for clicks on that document (the listener is
// the page's own code, run by the page), reads the clicked element's
// data-path (set by Go's templates, the value's JSON Pointer), and sets a
// data-outline attribute that the preview's constant stylesheet draws. The
// page never reads JSON either: Go gives where each value stands
// (sp.valueSpans).
import { EditorView } from "@codemirror/view";
import { StateEffect } from "@codemirror/state";

/** @typedef {import("scanpage").Scanpage} Scanpage */
/** @typedef {import("scanpage").ValueSpan} ValueSpan */

/** Past this size the cursor is not followed in the preview (a parse per move). */
const followLimit = 300_000;

/**
 * @param {{ frame: HTMLIFrameElement, view: EditorView, formRoot: HTMLElement, getSP: () => Scanpage | null }} o
 */
export function previewSource({ frame, view, formRoot, getSP }) {
  /** @type {{ doc: import("@codemirror/state").Text | null, spans: ValueSpan[] }} */
  let cache = { doc: null, spans: [] };
  /** The pointer outlined now ("" none). */
  let outlined = "";
  let pending = 0;

  /** The spans of the editor's text, parsed once per text. */
  function spans() {
    const sp = getSP();
    if (!sp) return [];
    if (cache.doc !== view.state.doc) cache = { doc: view.state.doc, spans: sp.valueSpans(view.state.doc.toString()) };
    return cache.spans;
  }

  /** The span of pointer p, else of its nearest ancestor that is there. */
  function spanOf(/** @type {string} */ p) {
    const all = spans();
    for (;;) {
      const s = all.find((x) => x.path === p);
      if (s || p === "") return s;
      p = p.slice(0, p.lastIndexOf("/"));
    }
  }

  /** The pointer of the deepest value at offset pos (on its key or its token). */
  function pointerAt(/** @type {number} */ pos) {
    let best = "";
    for (const s of spans()) {
      const from = s.key >= 0 ? s.key : s.offset;
      if (pos >= from && pos <= s.offset + s.length) best = s.path;
      else if (from > pos) break; // text order: nothing later can hold pos
    }
    return best;
  }

  /**
   * Focuses the form control of pointer p, else the first control of its
   * fieldset, else of its nearest ancestor's.
   */
  function focusField(/** @type {string} */ p) {
    for (;;) {
      const exact = /** @type {HTMLElement | null} */ (formRoot.querySelector(`[data-key="${CSS.escape(p)}"]`));
      const box = exact ?? formRoot.querySelector(`[data-path="${CSS.escape(p)}"]`);
      const control = /** @type {HTMLElement | null} */ (exact ?? box?.querySelector("input:not([disabled]), select:not([disabled]), button:not([disabled])"));
      if (control) {
        control.focus();
        control.scrollIntoView({ block: "nearest" });
        return true;
      }
      if (p === "") return false;
      p = p.slice(0, p.lastIndexOf("/"));
    }
  }

  /** A click in the preview: the cursor on the value, the focus on its field. */
  function onClick(/** @type {MouseEvent} */ e) {
    const target = /** @type {Element | null} */ (e.target);
    const el = /** @type {HTMLElement | null} */ (target?.closest?.("[data-path]") ?? null);
    if (!el) return;
    const p = el.dataset.path ?? "";
    const s = spanOf(p);
    if (s) {
      view.dispatch({
        selection: { anchor: s.offset, head: s.offset + s.length },
        effects: EditorView.scrollIntoView(s.offset, { y: "center" }),
        userEvent: "select.preview",
      });
    }
    if (formRoot.hidden || !focusField(p)) view.focus();
    outline(p);
  }

  /** Outlines the preview element of pointer p (or of its nearest ancestor that has one). */
  function outline(/** @type {string} */ p) {
    outlined = p;
    const doc = frame.contentDocument;
    if (!doc) return;
    for (const old of doc.querySelectorAll("[data-outline]")) old.removeAttribute("data-outline");
    let el = null;
    for (let q = p; q !== "" && !el; q = q.slice(0, q.lastIndexOf("/"))) {
      el = doc.querySelector(`[data-path="${CSS.escape(q)}"]`);
    }
    if (!el) return;
    el.setAttribute("data-outline", "");
    // Scrolled into the frame's view by hand: scrollIntoView would scroll
    // the page around the frame too.
    const win = frame.contentWindow;
    const r = el.getBoundingClientRect();
    if (win && (r.top < 0 || r.bottom > win.innerHeight)) {
      win.scrollBy(0, r.top < 0 || r.height > win.innerHeight ? r.top - 8 : r.bottom - win.innerHeight + 8);
    }
  }

  /** Follows the cursor, once per frame. */
  function follow() {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      if (view.state.doc.length > followLimit) return;
      const p = pointerAt(view.state.selection.main.head);
      if (p !== outlined) outline(p);
    });
  }

  view.dispatch({
    effects: StateEffect.appendConfig.of(EditorView.updateListener.of((u) => {
      if (u.selectionSet || (u.docChanged && u.view.hasFocus)) follow();
    })),
  });
  formRoot.addEventListener("focusin", (e) => {
    const t = /** @type {HTMLElement} */ (e.target);
    const key = t.dataset?.key ?? t.closest?.("[data-path]")?.getAttribute("data-path");
    if (key !== undefined && key !== null) outline(key.split("|")[0]);
  });
  frame.addEventListener("load", () => {
    const doc = frame.contentDocument;
    if (!doc) return;
    doc.addEventListener("click", onClick);
    if (outlined) outline(outlined);
  });

  return { outline, pointerAt, spanOf };
}
