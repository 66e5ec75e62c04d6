// preview-panel.js: the phone frame with the preview HTML in a sandboxed
// iframe (no allow-scripts: the preview is inert), and its page and layout
// tabs. The iframe is only reloaded when the HTML changed.
import { mark } from "./timing.js";

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
