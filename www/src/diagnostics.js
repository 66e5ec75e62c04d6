// diagnostics.js: the validator's issues as CodeMirror diagnostics, and the
// edits their fixes make.
import { setValueEdit } from "./jsonscan.js";
import { t } from "./i18n.js";

/** @typedef {import("../scanpage").Issue} Issue */
/** @typedef {import("@codemirror/lint").Diagnostic} Diagnostic */
/** @typedef {import("@codemirror/view").EditorView} EditorView */

/**
 * The edit a fix makes in text, or null when it cannot be placed.
 * `{text}` replaces the issue's range; `{path, value}` replaces the value
 * the issue points at (or, when the issue points elsewhere, the value at
 * that path, adding the member when it is missing).
 * @param {Issue} issue
 * @param {string} text the document the issue was found in
 * @returns {{ from: number, to: number, insert: string } | null}
 */
export function fixEdit(issue, text) {
  const fix = issue.fix;
  if (!fix) return null;
  const from = Math.min(issue.offset, text.length);
  const to = Math.min(issue.offset + issue.length, text.length);
  if ("text" in fix && typeof fix.text === "string") return { from, to, insert: fix.text };
  if ("path" in fix && typeof fix.path === "string") {
    const json = JSON.stringify(fix.value);
    if (json === undefined) return null;
    if (fix.path === issue.path && issue.length > 0) return { from, to, insert: json };
    return setValueEdit(text, fix.path, json);
  }
  return null;
}

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
 * Applies an issue's fix to the editor (one undoable step).
 * @param {EditorView} view
 * @param {Issue} issue
 * @param {number} [from] the issue's current position, when the document moved since
 */
export function applyFix(view, issue, from) {
  const text = view.state.doc.toString();
  const shifted = from === undefined ? issue : { ...issue, offset: from };
  const edit = fixEdit(shifted, text);
  if (!edit) return false;
  view.dispatch({
    changes: edit,
    selection: { anchor: edit.from + edit.insert.length },
    userEvent: "input.fix",
    scrollIntoView: true,
  });
  return true;
}

/**
 * The diagnostics of a report's document issues.
 * @param {Issue[]} issues
 * @param {string} text the document they were found in
 * @returns {Diagnostic[]}
 */
export function toDiagnostics(issues, text) {
  const docLength = text.length;
  /** @type {Diagnostic[]} */
  const out = [];
  for (const is of issues) {
    if (is.source === "merchant") continue;
    const from = Math.max(0, Math.min(is.offset, docLength));
    const to = Math.max(from, Math.min(is.offset + is.length, docLength));
    out.push({
      from,
      to,
      severity: is.severity,
      source: issueSource(is),
      message: is.message,
      actions: is.fix ? [{ name: fixLabel(is, text), apply: (view, f) => { applyFix(view, is, f); } }] : [],
    });
  }
  return out;
}
