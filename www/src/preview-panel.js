// preview-panel.js: the phone frame with the preview HTML in a sandboxed
// iframe, and its page and layout tabs. The iframe is only reloaded when the
// HTML changed.
//
// The frame is sandbox="allow-same-origin" without allow-scripts: nothing
// runs in it (no script can run without allow-scripts, whatever the
// document holds), yet the page can read it. The page uses that to make
// "a tap does nothing" true: once a preview has loaded, its links lose their
// href (kept as data-href, the tooltip still says where they lead), so no
// click, Ctrl/Shift/middle click, Ctrl+Enter or context menu opens the
// author's URL, and they are no tab stops. While a preview loads, before
// that is done, the frame is inert.
import { mark } from "./timing.js";

/**
 * Makes a preview's links inert: no href (it moves to data-href), so
 * nothing opens them, whatever the modifier, and they are no tab stops.
 * (Not a listener that cancels the click: without an href there is nothing
 * to cancel, whatever the modifier or the gesture.) Returns false
 * when the frame's document cannot be read (then the frame stays inert).
 * @param {Document | null} doc
 */
export function disarm(doc) {
  if (!doc) return false;
  for (const a of doc.querySelectorAll("a[href]")) {
    a.setAttribute("data-href", a.getAttribute("href") ?? "");
    a.removeAttribute("href");
  }
  return true;
}

/**
 * @param {{ frame: HTMLIFrameElement, form: HTMLElement,
 *           onChoice: (choice: { page: string, layout: string }) => void }} opts
 */
export function previewPanel({ frame, form, onChoice }) {
  let html = "";
  // While the frame loads one preview, newer ones wait: only the latest is
  // loaded next. Fast typing then costs one frame load at a time.
  let loading = false;
  /** @type {string | null} */
  let queued = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let stuck;
  const choice = () => ({
    page: /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="page"]:checked'))?.value ?? "home",
    layout: /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="layout"]:checked'))?.value ?? "classic",
  });
  const load = (/** @type {string} */ next) => {
    loading = true;
    frame.inert = true;
    frame.srcdoc = next;
    clearTimeout(stuck);
    stuck = setTimeout(loaded, 1000); // never wait for a load event forever
  };
  const loaded = () => {
    clearTimeout(stuck);
    loading = false;
    if (queued !== null) {
      const next = queued;
      queued = null;
      load(next);
    }
  };
  form.addEventListener("change", () => onChoice(choice()));
  frame.addEventListener("load", () => {
    mark("sp:preview-loaded"); // for the benchmark
    if (disarm(frame.contentDocument)) frame.inert = false;
    loaded();
  });
  return {
    choice,
    /** @param {{ page?: string | null, layout?: string | null }} c */
    select(c) {
      for (const [name, value] of Object.entries(c)) {
        const input = /** @type {HTMLInputElement | null} */ (form.querySelector(`input[name="${name}"][value="${value}"]`));
        if (input) input.checked = true;
      }
    },
    /** @param {string} next the preview HTML */
    show(next) {
      if (next === html) return false;
      html = next;
      if (loading) queued = next;
      else load(next);
      return true;
    },
  };
}
