// form-tabs.js: the two views of the document, JSON and Form, as tabs of
// the editor panel (WAI-ARIA tabs: arrow keys move between them). One view
// shows at a time, at every width; both edit the same text, and a form
// edit is undone with Ctrl+Z in the JSON view like any typing.

const names = { zh: { json: "JSON", form: "表单" }, en: { json: "JSON", form: "Form" } };

/**
 * @param {{ json: HTMLButtonElement, form: HTMLButtonElement, editor: HTMLElement, panel: HTMLElement,
 *   getLang: () => "zh" | "en", onShow: () => void }} o
 */
export function formTabs({ json, form, editor, panel, getLang, onShow }) {
  const select = (/** @type {boolean} */ showForm, focus = false) => {
    json.setAttribute("aria-selected", String(!showForm));
    form.setAttribute("aria-selected", String(showForm));
    json.tabIndex = showForm ? -1 : 0;
    form.tabIndex = showForm ? 0 : -1;
    editor.hidden = showForm;
    panel.hidden = !showForm;
    if (showForm) onShow();
    if (focus) (showForm ? form : json).focus();
  };
  json.addEventListener("click", () => select(false));
  form.addEventListener("click", () => select(true));
  for (const tab of [json, form]) {
    tab.addEventListener("keydown", (e) => {
      if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
        e.preventDefault();
        select(tab === json, true);
      }
    });
  }
  const relabel = () => {
    json.textContent = names[getLang()].json;
    form.textContent = names[getLang()].form;
  };
  relabel();
  select(false);
  return { relabel, select };
}
