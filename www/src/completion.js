// completion.js: completion of keys and enum values from
// create-product.schema.json. Without the schema (not built, offline before
// the first visit, unreadable) there is simply no completion.
import { snippet } from "@codemirror/autocomplete";
import { contextAt } from "./jsonscan.js";
import { keysAt, valuesAt } from "./schema-walk.js";
import { t, getLang } from "./i18n.js";

/** @typedef {import("@codemirror/autocomplete").CompletionContext} CompletionContext */
/** @typedef {import("@codemirror/autocomplete").Completion} Completion */
/** @typedef {import("@codemirror/view").EditorView} EditorView */

let schema = /** @type {Record<string, any> | null} */ (null);

/**
 * Fetches the schema once; any failure leaves completion off.
 * @param {string | URL} url
 */
export async function loadSchema(url) {
  try {
    const res = await fetch(url);
    if (!res.ok) return false;
    const s = await res.json();
    if (s && typeof s === "object") schema = s;
    return !!schema;
  } catch {
    return false;
  }
}

/**
 * The part of a bilingual schema text ("中文\nEnglish", "中文 · English") in
 * the page's language; other texts as they are.
 * @param {string | undefined} text
 * @param {string} sep
 */
function inLang(text, sep) {
  if (!text) return undefined;
  const parts = text.split(sep);
  if (parts.length !== 2) return text;
  return (getLang() === "zh" ? parts[0] : parts[1]).trim();
}

/** Text to be inserted as it is by a snippet: its $ # { } \ escaped. */
const escSnippet = (/** @type {string} */ s) => s.replace(/[$#{}\\]/g, "\\$&");

/** The template inserted after a completed key, by the member's type. */
function valueTemplate(/** @type {{ type: string[], values: unknown[] }} */ t) {
  if (t.values.length === 1) return escSnippet(JSON.stringify(t.values[0]));
  const ty = t.type[0];
  if (t.values.length && typeof t.values[0] === "string") return '"${}"';
  if (ty === "object") return "{${}}";
  if (ty === "array") return "[${}]";
  if (ty === "string") return '"${}"';
  return "${}";
}

/**
 * The range a completion replaces: the whole token, from its opening quote
 * when it is a string to the rest of the string (up to and with its closing
 * quote) or of the word after the cursor.
 * @param {import("@codemirror/state").Text} doc
 * @param {number} from where the completed text starts (after the quote of a string)
 * @param {number} to the cursor
 * @param {boolean} quoted
 */
function span(doc, from, to, quoted) {
  const rest = doc.sliceString(to, Math.min(doc.length, to + 200));
  const m = quoted ? /^(?:[^"\\\n]|\\.)*"?/.exec(rest) : /^[\w$.+-]*/.exec(rest);
  return { start: quoted ? from - 1 : from, end: to + (m ? m[0].length : 0) };
}

/**
 * The CodeMirror completion source.
 * @param {CompletionContext} cx
 */
export function schemaCompletion(cx) {
  if (!schema) return null;
  const text = cx.state.doc.toString();
  const ctx = contextAt(text, cx.pos);
  const tok = ctx.token;
  if (ctx.kind === "none") return null;
  if (!tok && !cx.explicit) return null;
  const quoted = tok?.t === "str";
  const from = tok ? tok.from + (quoted ? 1 : 0) : cx.pos;
  /** @type {Completion[]} */
  let options = [];
  if (ctx.kind === "key") {
    if (tok && !quoted && tok.t !== "lit") return null;
    const present = new Set(ctx.object?.keys ?? []);
    if (tok?.v !== undefined) present.delete(tok.v);
    const values = ctx.object ? ctx.object.values : null;
    const keys = keysAt(schema, ctx.path, values);
    // Required keys first, then in the schema's order.
    options = keys.filter((k) => !present.has(k.name)).map((k, i) => ({
      label: k.name,
      type: "property",
      detail: [inLang(k.title, " · ") ?? k.schema.type.join(" | "), k.required ? t("completion.required") : ""].filter(Boolean).join(" · "),
      info: inLang(k.description, "\n"),
      boost: (k.required ? 50 : 0) - Math.min(i, 49),
      apply: (view, _c, f, to) => {
        const doc = view.state.doc;
        const { start, end } = span(doc, f, to, quoted);
        const after = doc.sliceString(end, Math.min(doc.length, end + 80));
        if (/^\s*:/.test(after)) {
          view.dispatch({ changes: { from: start, to: end, insert: JSON.stringify(k.name) }, selection: { anchor: start + JSON.stringify(k.name).length }, userEvent: "input.complete" });
          return;
        }
        const tpl = `${escSnippet(JSON.stringify(k.name))}: ${valueTemplate(k.schema)}`;
        snippet(tpl)(view, _c, start, end);
      },
    }));
  } else {
    const values = valuesAt(schema, ctx.path, ctx.object ? ctx.object.values : null);
    if (tok && tok.t === "num" && !values.some((v) => typeof v.value === "number")) return null;
    options = values.map((v, i) => ({
      label: typeof v.value === "string" ? v.value : JSON.stringify(v.value),
      type: "enum",
      boost: -Math.min(i, 99),
      info: inLang(v.description, "\n"),
      apply: (view, _c, f, to) => {
        const { start, end } = span(view.state.doc, f, to, quoted);
        const insert = JSON.stringify(v.value);
        view.dispatch({ changes: { from: start, to: end, insert }, selection: { anchor: start + insert.length }, userEvent: "input.complete" });
      },
    }));
  }
  if (!options.length) return null;
  return { from, options, validFor: quoted ? /^[^"\\]*$/ : /^[\w$-]*$/ };
}
