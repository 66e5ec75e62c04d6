// issues.js: the issues panel — counts by severity, one row per issue
// (severity, errcode, message, line:column), a click moves the cursor there,
// a fix is one more click. After a fix the focus stays in the panel, on the
// issue that took the fixed one's place, so fixing by keyboard is one key
// press per fix. A summary issue (`more: N`, the report's cap) is a row of
// its own saying how many more there are, with nothing to jump to or fix.
import { t } from "./i18n.js";
import { fixLabel, issueSource } from "./diagnostics.js";

/** @typedef {import("scanpage").Issue} Issue */

const order = { error: 0, warning: 1, info: 2 };
const maxRows = 400;

/**
 * @param {{ list: HTMLElement, counts: HTMLElement,
 *           onJump: (issue: Issue) => void, onFix: (issue: Issue) => void }} opts
 */
export function issuesPanel({ list, counts, onJump, onFix }) {
  /** @type {Issue[]} */
  let shown = [];
  let key = "";
  /** The row whose fix was just applied, when its button had the focus: the focus goes back there. */
  let refocus = -1;

  /**
   * Shows the issues, and counts them.
   * @param {Issue[]} issues
   * @param {string} text the document
   * @param {string} merchant the merchant context
   * @returns {Record<Issue["severity"], number>} the number of issues of each severity
   */
  function render(issues, text, merchant) {
    const n = { error: 0, warning: 0, info: 0 };
    // A summary stands for the `more` issues the report left out.
    for (const is of issues) n[is.severity] += is.more ?? 1;
    // Sorted by severity, then by place; the merchant's issues last.
    const sorted = issues.slice().sort((a, b) =>
      (a.source === "merchant" ? 1 : 0) - (b.source === "merchant" ? 1 : 0) ||
      order[a.severity] - order[b.severity] || a.offset - b.offset);
    const k = JSON.stringify(sorted) + text.length;
    if (k === key) return n; // nothing changed: keep the DOM (and the focus)
    key = k;
    shown = sorted;
    counts.replaceChildren(...(["error", "warning", "info"]).map((sev) => {
      const s = document.createElement("span");
      s.className = `count sev-${sev}`;
      s.dataset.severity = sev;
      s.dataset.n = String(n[sev]);
      s.textContent = t(`count.${sev}`, { n: n[sev] });
      return s;
    }));
    if (!sorted.length) {
      const li = document.createElement("li");
      li.className = "none";
      li.textContent = t("issues.none");
      list.replaceChildren(li);
      focusAfterFix();
      return n;
    }
    const rows = sorted.slice(0, maxRows).map((is, i) => is.more ? summary(is) : row(is, i, is.source === "merchant" ? merchant : text));
    if (sorted.length > maxRows) {
      const li = document.createElement("li");
      li.className = "none";
      li.textContent = t("issues.more", { n: sorted.length - maxRows });
      rows.push(li);
    }
    list.replaceChildren(...rows);
    focusAfterFix();
    return n;
  }

  /**
   * After a fix, puts the focus on the issue now at the fixed one's place
   * (or the last one): its fix, else its jump button. With no issue left,
   * the list itself takes it, so the focus stays in the panel.
   */
  function focusAfterFix() {
    if (refocus < 0) return;
    // Rows are counted as shown (summary rows too, as refocus is); the
    // focus goes to the first issue row from that place on, else the last.
    const rows = [...list.querySelectorAll("li.issue, li.summary")];
    const li = rows.slice(refocus).find((r) => r.matches(".issue")) ?? rows.findLast((r) => r.matches(".issue"));
    refocus = -1;
    /** @type {HTMLElement | null | undefined} */
    const target = li?.querySelector("button.fix") ?? li?.querySelector("button");
    if (target) return target.focus();
    list.tabIndex = -1;
    list.focus();
  }

  /**
   * The row of a summary issue: how many more issues of its code the
   * report left out. It has no position of its own to jump to, and no fix.
   * @param {Issue} is
   */
  function summary(is) {
    const li = document.createElement("li");
    li.className = `summary sev-${is.severity}`;
    li.dataset.severity = is.severity;
    li.dataset.code = is.code;
    li.dataset.more = String(is.more);
    li.append(span("sev", t(`sev.${is.severity}`)), span("msg", is.message), span("code", issueSource(is)));
    return li;
  }

  /**
   * @param {Issue} is
   * @param {number} i
   * @param {string} text the text the issue was found in (the document or the merchant context)
   */
  function row(is, i, text) {
    const li = document.createElement("li");
    li.className = `issue sev-${is.severity}`;
    li.dataset.severity = is.severity;
    li.dataset.code = is.code;
    li.dataset.line = String(is.line);
    if (is.source === "merchant") li.dataset.source = "merchant";
    const jump = document.createElement("button");
    jump.type = "button";
    jump.className = "jump";
    jump.dataset.i = String(i);
    const pos = `${is.source === "merchant" ? t("merchant.tag") + " " : ""}${is.line}:${is.column}`;
    jump.append(span("sev", t(`sev.${is.severity}`)), span("pos", pos), span("msg", is.message), span("code", issueSource(is)));
    li.append(jump);
    if (is.fix) {
      const fix = document.createElement("button");
      fix.type = "button";
      fix.className = "fix";
      fix.dataset.i = String(i);
      fix.textContent = fixLabel(is, text);
      li.append(fix);
    }
    return li;
  }

  /**
   * @param {string} className
   * @param {string} text
   */
  function span(className, text) {
    const el = document.createElement("span");
    el.className = className;
    el.textContent = text;
    return el;
  }

  list.addEventListener("click", (e) => {
    const btn = /** @type {HTMLElement} */ (e.target).closest("button");
    if (!btn || btn.dataset.i === undefined) return;
    const is = shown[Number(btn.dataset.i)];
    if (!is) return;
    if (btn.classList.contains("fix")) {
      refocus = Number(btn.dataset.i);
      onFix(is);
    } else onJump(is);
  });

  return {
    render,
    /** Forces the next render (after a language switch). */
    reset() { key = ""; },
  };
}
