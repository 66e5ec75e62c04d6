// preview-panel.js: the phone frame with the preview HTML in a sandboxed
// iframe (no allow-scripts: the preview is inert), and its page and layout
// tabs. The iframe is only reloaded when the HTML changed.

/**
 * @param {{ frame: HTMLIFrameElement, form: HTMLElement,
 *           onChoice: (choice: { page: string, layout: string }) => void }} opts
 */
export function previewPanel({ frame, form, onChoice }) {
  let html = "";
  const choice = () => ({
    page: /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="page"]:checked'))?.value ?? "home",
    layout: /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="layout"]:checked'))?.value ?? "classic",
  });
  form.addEventListener("change", () => onChoice(choice()));
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
      frame.srcdoc = next;
      return true;
    },
  };
}
