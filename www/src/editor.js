// editor.js: the CodeMirror 6 editor — line numbers, undo, bracket
// matching, JSON highlighting, folding, completion, our diagnostics.
import { EditorState, Compartment, RangeSetBuilder } from "@codemirror/state";
import {
  EditorView, ViewPlugin, Decoration, keymap, lineNumbers, highlightActiveLineGutter, highlightSpecialChars,
  drawSelection, dropCursor, highlightActiveLine, rectangularSelection, crosshairCursor,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { json } from "@codemirror/lang-json";
import {
  foldGutter, foldKeymap, indentOnInput, syntaxHighlighting, defaultHighlightStyle, bracketMatching,
} from "@codemirror/language";
import { autocompletion, completionKeymap, closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { lintGutter, lintKeymap } from "@codemirror/lint";
import { jsonLanguage } from "@codemirror/lang-json";
import { schemaCompletion } from "./completion.js";

const labels = new Compartment();

/**
 * The editor's JSON work: the language (its parse of the whole text),
 * folding, bracket matching, highlighting and the hanging indents. Above
 * plainAbove characters the editor switches to plain text: on a 500 KB
 * paste of random bytes that work alone made long tasks of 100–600 ms on
 * every keystroke. It switches back below plainBelow (not at the same
 * size, so a document near the limit does not flip on every keystroke).
 * The checks, the diagnostics and the panels do not change.
 */
export const plainAbove = 128 * 1024;
export const plainBelow = 96 * 1024;
const jsonWork = new Compartment();
const jsonExtensions = () => [
  foldGutter(),
  syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
  bracketMatching(),
  json(),
  jsonLanguage.data.of({ autocomplete: schemaCompletion }),
  hanging,
];
/** Switches the JSON work off or on in the transaction whose text crosses a threshold. */
const plainSwitch = EditorState.transactionExtender.of((tr) => {
  if (!tr.docChanged) return null;
  const on = jsonWork.get(tr.startState) !== plain;
  const len = tr.newDoc.length;
  if (on && len > plainAbove) return { effects: jsonWork.reconfigure(plain) };
  if (!on && len < plainBelow) return { effects: jsonWork.reconfigure(jsonExtensions()) };
  return null;
});
/** @type {import("@codemirror/state").Extension} */
const plain = [];

/**
 * Wrapped lines hang under their own indentation (plus two columns) instead
 * of starting at the left edge: long URLs stay readable. Classes, not style
 * attributes, so it needs nothing from the CSP.
 */
const maxHang = 40;
const hangTheme = EditorView.baseTheme(Object.fromEntries(Array.from({ length: maxHang + 1 }, (_, n) => [
  `.cm-hang-${n}`, { paddingLeft: `calc(${n + 2}ch + 6px) !important`, textIndent: `-${n + 2}ch` },
])));
const hanging = ViewPlugin.fromClass(class {
  /** @param {EditorView} view */
  constructor(view) { this.decorations = this.build(view); }
  /** @param {import("@codemirror/view").ViewUpdate} u */
  update(u) { if (u.docChanged || u.viewportChanged) this.decorations = this.build(u.view); }
  /** @param {EditorView} view */
  build(view) {
    const b = new RangeSetBuilder();
    for (const { from, to } of view.visibleRanges) {
      for (let pos = from; pos <= to;) {
        const line = view.state.doc.lineAt(pos);
        let n = 0;
        for (let i = 0; i < line.length && n <= maxHang; i++) {
          const c = line.text.charCodeAt(i);
          if (c === 32) n++;
          else if (c === 9) n += 4;
          else break;
        }
        b.add(line.from, line.from, Decoration.line({ class: `cm-hang-${Math.min(n, maxHang)}` }));
        pos = line.to + 1;
      }
    }
    return b.finish();
  }
}, { decorations: (v) => v.decorations });

const theme = EditorView.theme({
  "&": { height: "100%", fontSize: "13px", backgroundColor: "#fff" },
  ".cm-scroller": { fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace', lineHeight: "1.5" },
  ".cm-content": { paddingRight: "4px" },
  ".cm-gutters": { backgroundColor: "#f6f7f9", borderRight: "1px solid #e3e5e8", color: "#8a9099" },
  // The focus ring of the page (app.css :focus-visible), on the whole editor:
  // the caret alone does not say where the keyboard is.
  "&.cm-focused": { outline: "2px solid var(--focus, #1a73e8)", outlineOffset: "-2px" },
  ".cm-lintRange-error": { backgroundColor: "#fdecea" },
  // A zero-length issue (a missing comma, a cut-short document) is a caret
  // of its colour plus a larger triangle: easy to see, taking no room.
  ".cm-lintPoint": { display: "inline-block", width: "0", height: "1.3em", verticalAlign: "text-bottom" },
  ".cm-lintPoint:after": { left: "-4px", borderLeftWidth: "4px", borderRightWidth: "4px", borderBottomWidth: "6px", bottom: "-3px" },
  ".cm-lintPoint-error": { boxShadow: "0 0 0 1px #c62828" },
  ".cm-lintPoint-warning": { boxShadow: "0 0 0 1px #e69500" },
  ".cm-lintPoint-info": { boxShadow: "0 0 0 1px #999" },
  ".cm-tooltip-lint": { maxWidth: "min(560px, 90vw)" },
  ".cm-diagnosticSource": { opacity: "0.75" },
  ".cm-diagnosticAction": { backgroundColor: "#1a5fb4", borderRadius: "3px", padding: "1px 8px" },
});

/**
 * What the page's stylesheet (app.css) gave the editor's insides when they
 * were in the document; a shadow root does not inherit rules, only
 * properties. Box sizing, and the buttons of the lint tooltips ("fix").
 */
const pageRules = EditorView.theme({
  "&, & *": { boxSizing: "border-box" },
  "& button": { font: "inherit", color: "inherit", whiteSpace: "nowrap", minHeight: "32px", border: "1px solid #c4c9d0", cursor: "pointer" },
});

/**
 * Creates the editor, in a shadow root of parent: CodeMirror's styles are
 * then constructed style sheets adopted by that root, which a
 * Content-Security-Policy without style-src 'unsafe-inline' allows (in the
 * document itself its style-mod writes a <style> element).
 * @param {{ parent: HTMLElement, doc: string, label: string,
 *           onChange: (view: EditorView) => void,
 *           keys?: import("@codemirror/view").KeyBinding[] }} opts
 */
export function createEditor({ parent, doc, label, onChange, keys = [] }) {
  const state = EditorState.create({
    doc,
    extensions: [
      lineNumbers(),
      highlightActiveLineGutter(),
      lintGutter(),
      highlightSpecialChars(),
      history(),
      drawSelection(),
      dropCursor(),
      EditorState.allowMultipleSelections.of(true),
      indentOnInput(),
      closeBrackets(),
      autocompletion({ icons: false }),
      rectangularSelection(),
      crosshairCursor(),
      highlightActiveLine(),
      jsonWork.of(doc.length > plainAbove ? plain : jsonExtensions()),
      plainSwitch,
      EditorView.lineWrapping,
      hangTheme,
      labels.of(EditorView.contentAttributes.of({ "aria-label": label })),
      keymap.of([
        ...keys,
        ...closeBracketsKeymap,
        ...defaultKeymap,
        ...historyKeymap,
        ...foldKeymap,
        ...completionKeymap,
        ...lintKeymap,
      ]),
      theme,
      pageRules,
    ],
  });
  const root = parent.shadowRoot ?? parent.attachShadow({ mode: "open" });
  const view = new EditorView({
    state,
    root,
    parent: root,
    // Our checks run right after the editor has taken a change, in the
    // same task: diagnostics are there before the next frame is painted.
    dispatchTransactions(trs, v) {
      v.update(trs);
      if (trs.some((tr) => tr.docChanged)) onChange(v);
    },
  });
  return view;
}

/**
 * Makes a skip link ("跳到编辑器") put the keyboard focus in the editor,
 * where typing goes; a plain #editor link would only scroll there.
 * @param {HTMLAnchorElement} link
 * @param {EditorView} view
 */
export function skipLink(link, view) {
  link.addEventListener("click", (e) => {
    e.preventDefault();
    view.focus();
    view.dispatch({ scrollIntoView: true });
  });
}

/**
 * Relabels the editor (on a language switch).
 * @param {EditorView} view
 * @param {string} label
 */
export function relabel(view, label) {
  view.dispatch({ effects: labels.reconfigure(EditorView.contentAttributes.of({ "aria-label": label })) });
}

/**
 * Replaces the whole document as one undoable step, changing only the part
 * that differs so the cursor and the scroll stay where they were.
 * @param {EditorView} view
 * @param {string} text
 * @param {string} [userEvent]
 */
export function replaceDoc(view, text, userEvent = "input.replace") {
  const old = view.state.doc.toString();
  if (old === text) return false;
  let start = 0;
  const max = Math.min(old.length, text.length);
  while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && old.charCodeAt(old.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end++;
  view.dispatch({
    changes: { from: start, to: old.length - end, insert: text.slice(start, text.length - end) },
    userEvent,
  });
  return true;
}

/**
 * Replaces the whole document by another one (a sample, a shared link) as
 * one undoable step, with the cursor at the start, scrolled into view.
 * @param {EditorView} view
 * @param {string} text
 * @param {string} userEvent
 */
export function setDoc(view, text, userEvent) {
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: text },
    selection: { anchor: 0 },
    scrollIntoView: true,
    userEvent,
  });
}

/**
 * Moves the cursor to a range and shows it.
 * @param {EditorView} view
 * @param {number} from
 * @param {number} to
 */
export function reveal(view, from, to) {
  const len = view.state.doc.length;
  const a = Math.max(0, Math.min(from, len));
  const b = Math.max(a, Math.min(to, len));
  view.dispatch({ selection: { anchor: a, head: b }, effects: EditorView.scrollIntoView(a, { y: "center" }) });
  view.focus();
}
