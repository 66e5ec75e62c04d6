// notice.js: the bar under the status line for what needs the user's
// choice (another tab changed the document; a document opened in safe
// mode): a message and buttons. It keeps string keys, so a language
// switch retranslates it.
import { t } from "./i18n.js";

/**
 * @param {HTMLElement} root
 */
export function noticeBar(root) {
  /** @type {{ key: string, vars?: Record<string, string | number>, actions: { key: string, run: () => void }[] } | null} */
  let shown = null;
  function draw() {
    if (!shown) {
      root.hidden = true;
      root.replaceChildren();
      return;
    }
    const p = document.createElement("span");
    p.textContent = t(shown.key, shown.vars);
    const buttons = shown.actions.map((a) => {
      const b = document.createElement("button");
      b.type = "button";
      b.dataset.action = a.key;
      b.textContent = t(a.key);
      b.addEventListener("click", () => {
        shown = null;
        draw();
        a.run();
      });
      return b;
    });
    root.replaceChildren(p, ...buttons);
    root.dataset.kind = shown.key;
    root.hidden = false;
  }
  return {
    /**
     * @param {string} key
     * @param {Record<string, string | number> | undefined} vars
     * @param {{ key: string, run: () => void }[]} actions
     */
    show(key, vars, actions) {
      shown = { key, vars, actions };
      draw();
    },
    hide() {
      shown = null;
      draw();
    },
    get kind() { return shown?.key ?? null; },
    redraw: draw,
  };
}
