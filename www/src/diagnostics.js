// diagnostics.js: the validator's issues as CodeMirror diagnostics, and how
// a fix's edit (computed by Go against the checked text) is applied.
import { t } from "./i18n.js";

/** @typedef {import("scanpage").Issue} Issue */
/** @typedef {import("@codemirror/lint").Diagnostic} Diagnostic */
/** @typedef {import("@codemirror/view").EditorView} EditorView */

/**
 * An issue's label next to its message: its errcode, when it has one, and its code.
 * @param {Issue} is
 */
export function issueSource(is) {
  return is.errcode ? `${is.errcode} · ${is.code}` : is.code;
}

/** Text cut to a button's width, newlines shown. */
function short(s) {
  s = s.replace(/\n/g, "⏎");
  return s.length > 24 ? s.slice(0, 23) + "…" : s;
}

/**
 * A short label for a fix button: what it inserts, or what it deletes.
 * @param {Issue} issue
 * @param {string} [text] the document, to name what a deletion removes
 */
export function fixLabel(issue, text) {
  const fix = /** @type {any} */ (issue.fix);
  const found = text === undefined ? "" : text.slice(issue.offset, issue.offset + issue.length);
  if ("text" in fix && fix.text === "") return t("fix.delete", { text: short(found) });
  if ("text" in fix && issue.length === 0) return t("fix.insert", { text: short(fix.text) });
  const value = "text" in fix ? fix.text : typeof fix.value === "string" ? fix.value : JSON.stringify(fix.value);
  return t("fix.to", { text: short(value) });
}

/**
 * Applies an edit computed by the validator to the editor, as one undoable
 * step with the cursor after it. The caller makes sure that the edit was
 * computed for the text the editor holds.
 * @param {EditorView} view
 * @param {{ offset: number, length: number, text: string }} edit
 */
export function applyEdit(view, edit) {
  const from = Math.min(edit.offset, view.state.doc.length);
  const to = Math.min(edit.offset + edit.length, view.state.doc.length);
  view.dispatch({
    changes: { from, to, insert: edit.text },
    selection: { anchor: from + edit.text.length },
    userEvent: "input.fix",
    scrollIntoView: true,
  });
}

/**
 * The diagnostics of a report's document issues.
 * @param {Issue[]} issues
 * @param {string} text the document they were found in
 * @param {(issue: Issue) => void} onFix applies an issue's fix
 * @returns {Diagnostic[]}
 */
export function toDiagnostics(issues, text, onFix) {
  const docLength = text.length;
  /** @type {Diagnostic[]} */
  const out = [];
  for (const is of issues) {
    // The merchant's issues are not in this text; a summary (`more`) stands
    // for issues the report left out and has no place of its own.
    if (is.source === "merchant" || is.more) continue;
    const from = Math.max(0, Math.min(is.offset, docLength));
    const to = Math.max(from, Math.min(is.offset + is.length, docLength));
    out.push({
      from,
      to,
      severity: is.severity,
      source: issueSource(is),
      message: is.message,
      actions: is.fix ? [{ name: fixLabel(is, text), apply: () => onFix(is) }] : [],
    });
  }
  return out;
}
