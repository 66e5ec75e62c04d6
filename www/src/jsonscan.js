// jsonscan.js: a small JSON scanner that never gives up. The editor needs to
// know, in half-typed text, where the cursor is (which object, which key),
// where the value at a JSON Pointer lives, and how to re-indent a document
// without touching its literals. Positions are UTF-16 offsets, like
// CodeMirror's and the validator's.

/**
 * @typedef {{ t: "{" | "}" | "[" | "]" | ":" | "," | "str" | "num" | "lit" | "err",
 *             from: number, to: number, v?: string, open?: boolean }} Token
 *  str: v is the decoded text; open: the string is not closed on its line.
 */

const strRe = /"((?:[^"\\\n\r]|\\.)*)("?)/y;
const numRe = /-?[0-9][0-9eE.+-]*|-/y;
const wordRe = /[A-Za-z_$][\w$]*/y;

/**
 * The decoded text of a string token's inside (escapes resolved; a broken
 * escape is kept as written).
 * @param {string} raw
 */
function unescape(raw) {
  if (!raw.includes("\\")) return raw;
  try {
    return JSON.parse(`"${raw}"`);
  } catch {
    return raw.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (m, e) => {
      if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
      return { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", '"': '"', "\\": "\\", "/": "/" }[e] ?? m;
    });
  }
}

/**
 * The tokens of text, one by one (a consumer may stop early). Comments are
 * skipped; an unterminated string ends at the end of its line (open: true).
 * @param {string} text
 * @returns {Generator<Token>}
 */
function* tokens(text) {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // space, \n, \r, \t, BOM
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) { i++; continue; }
    // { } [ ] : ,
    if (c === 123 || c === 125 || c === 91 || c === 93 || c === 58 || c === 44) {
      yield { t: /** @type {any} */ (text[i]), from: i, to: i + 1 };
      i++;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 47) { // a // comment
      const end = text.indexOf("\n", i);
      i = end < 0 ? n : end;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) { // a /* comment */
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (c === 34) { // "
      strRe.lastIndex = i;
      const m = /** @type {RegExpExecArray} */ (strRe.exec(text));
      const to = i + m[0].length;
      yield { t: "str", from: i, to, v: unescape(m[1]), open: m[2] === "" };
      i = to;
      continue;
    }
    if (c === 45 || (c >= 48 && c <= 57)) { // - or a digit
      numRe.lastIndex = i;
      const m = /** @type {RegExpExecArray} */ (numRe.exec(text));
      yield { t: "num", from: i, to: i + m[0].length, v: m[0] };
      i += m[0].length;
      continue;
    }
    wordRe.lastIndex = i;
    const w = wordRe.exec(text);
    if (w) {
      yield { t: "lit", from: i, to: i + w[0].length, v: w[0] };
      i += w[0].length;
      continue;
    }
    yield { t: "err", from: i, to: i + 1, v: text[i] };
    i++;
  }
}

/**
 * Splits text into tokens (see tokens).
 * @param {string} text
 * @returns {Token[]}
 */
export function tokenize(text) {
  return Array.from(tokens(text));
}

/**
 * @typedef {{ kind: "obj" | "arr", state: "key" | "colon" | "value" | "comma",
 *   key: string | null, index: number, open: Token, close?: Token,
 *   keys: string[], values: Map<string, string | number | boolean | null> }} Frame
 *  A container being read. state says what comes next; key/index say which
 *  member is being read; keys and values collect the members seen (the
 *  primitive values only), so a frame knows all its keys once it is closed.
 */

/**
 * The JS value of a primitive token, for comparing with a schema's enum.
 * @param {Token} tok
 */
function primitive(tok) {
  if (tok.t === "str") return tok.v;
  if (tok.t === "num") return Number(tok.v);
  if (tok.v === "true") return true;
  if (tok.v === "false") return false;
  if (tok.v === "null") return null;
  return tok.v ?? null;
}

/**
 * Reads the tokens as JSON, stepping over slips (missing commas or colons,
 * stray commas, mismatched brackets). The visitor hears about each value;
 * when visit.value returns false, the reading stops there.
 * @param {Iterable<Token>} toks
 * @param {{ before?: (tok: Token, stack: Frame[]) => void,
 *           value?: (path: (string|number)[], from: number, to: number, frame: Frame | null) => boolean | void,
 *           opened?: (path: (string|number)[], frame: Frame) => void }} visit
 */
function walk(toks, visit = {}) {
  /** @type {Frame[]} */
  const stack = [];
  /** @type {{ path: (string|number)[], from: number }[]} */
  const starts = [];
  const path = () => stack.map((f) => (f.kind === "obj" ? f.key ?? "" : f.index));
  /** Called when a value has ended in the top frame. */
  const done = () => { if (stack.length) stack[stack.length - 1].state = "comma"; };
  /** Called when a value (primitive or container) begins in the top frame. */
  const begin = () => {
    const top = stack[stack.length - 1];
    if (top?.kind === "arr" && top.state === "comma") top.index++;
  };
  let end = 0;
  let stop = false;
  const value = (/** @type {(string|number)[]} */ p, /** @type {number} */ from, /** @type {number} */ to, /** @type {Frame | null} */ f) => {
    if (visit.value?.(p, from, to, f) === false) stop = true;
  };
  for (const tok of toks) {
    end = tok.to;
    visit.before?.(tok, stack);
    const top = stack[stack.length - 1];
    switch (tok.t) {
      case "{":
      case "[": {
        if (top) {
          begin();
          if (top.kind === "obj" && top.state !== "value" && top.state !== "colon") top.key = null;
        }
        const p = path();
        /** @type {Frame} */
        const f = { kind: tok.t === "{" ? "obj" : "arr", state: tok.t === "{" ? "key" : "value", key: null, index: 0, open: tok, keys: [], values: new Map() };
        starts.push({ path: p, from: tok.from });
        stack.push(f);
        visit.opened?.(p, f);
        break;
      }
      case "}":
      case "]": {
        const want = tok.t === "}" ? "obj" : "arr";
        if (!stack.some((f) => f.kind === want)) break; // a stray closer
        while (stack.length) {
          const f = /** @type {Frame} */ (stack.pop());
          const s = /** @type {{path: (string|number)[], from: number}} */ (starts.pop());
          f.close = tok;
          if (f.kind === want) {
            value(s.path, s.from, tok.to, f);
            done();
            break;
          }
        }
        break;
      }
      case ":":
        if (top?.kind === "obj" && top.state === "colon") top.state = "value";
        break;
      case ",":
        if (!top) break;
        if (top.kind === "obj") top.state = "key";
        else {
          top.index++; // after an element, or an empty one
          top.state = "value";
        }
        break;
      default: {
        if (!top) { value([], tok.from, tok.to, null); break; }
        if (top.kind === "obj" && (top.state === "key" || top.state === "comma" || (top.state === "colon" && tok.t !== "str"))) {
          if (top.state === "colon") { // "key" value: a missing colon
            top.state = "value";
          } else {
            if (tok.t === "str" || tok.t === "lit") {
              top.key = tok.v ?? "";
              top.keys.push(top.key);
              top.state = "colon";
            }
            break;
          }
        } else if (top.kind === "obj" && top.state === "colon") {
          top.state = "value"; // a string after a key: a missing colon
        }
        begin();
        const p = path();
        if (top.kind === "obj" && top.key !== null) top.values.set(top.key, primitive(tok));
        value(p, tok.from, tok.to, null);
        done();
      }
    }
    if (stop) return;
  }
  // Unclosed containers end where the text ends.
  while (stack.length && !stop) {
    const f = /** @type {Frame} */ (stack.pop());
    const s = /** @type {{path: (string|number)[], from: number}} */ (starts.pop());
    value(s.path, s.from, end, f);
  }
}

/**
 * @typedef {{ kind: "key" | "value" | "none",
 *   path: (string|number)[],
 *   from: number, to: number,
 *   token: Token | null,
 *   object: Frame | null }} Context
 *  kind "key": the cursor is where a key of the object at path goes (or in
 *  one); "value": where the value at path goes (or in one). from/to: the
 *  range a completion replaces (the token under the cursor, or the cursor).
 *  object: the object whose key or value it is, with all its keys.
 */

/**
 * Where the cursor is, in JSON terms.
 * @param {string} text
 * @param {number} pos
 * @returns {Context}
 */
export function contextAt(text, pos) {
  /** @type {Context | null} */
  let ctx = null;
  /** @returns {Context} */
  const snap = (/** @type {Frame[]} */ stack, /** @type {Token | null} */ tok) => {
    const top = stack[stack.length - 1];
    const base = stack.slice(0, -1).map((f) => (f.kind === "obj" ? f.key ?? "" : f.index));
    const from = tok ? tok.from : pos;
    const to = tok ? tok.to : pos;
    const at = (/** @type {Context["kind"]} */ kind, /** @type {(string|number)[]} */ path, /** @type {Frame | null} */ object) => ({ kind, path, from, to, token: tok, object });
    if (!top) return at("value", [], null);
    if (top.kind === "obj") {
      if (top.state === "key" || (top.state === "comma" && tok)) return at("key", base, top);
      if (top.state === "value" || (top.state === "colon" && tok)) return at("value", [...base, top.key ?? ""], top);
      return at("none", base, top);
    }
    return at("value", [...base, top.state === "comma" ? top.index + 1 : top.index], null);
  };
  // A sentinel past the end makes the walk stop by the cursor in every case.
  const toks = [...tokenize(text), /** @type {Token} */ ({ t: "err", from: text.length + 1, to: text.length + 1 })];
  walk(toks, {
    before(tok, stack) {
      if (ctx) return;
      if (tok.from >= pos) { ctx = snap(stack, null); return; }
      const word = tok.t === "str" || tok.t === "num" || tok.t === "lit";
      if (word && (tok.to > pos || (tok.to === pos && (tok.t !== "str" || tok.open)))) ctx = snap(stack, tok);
    },
  });
  return /** @type {Context} */ (ctx);
}

/**
 * Parses an RFC 6901 JSON Pointer.
 * @param {string} pointer
 * @returns {string[]}
 */
function parsePointer(pointer) {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/**
 * Finds the value at a JSON Pointer: its range, and for a container its frame.
 * @param {string} text
 * @param {string} pointer
 * @returns {{ from: number, to: number, frame: Frame | null } | null}
 */
export function locate(text, pointer) {
  const want = parsePointer(pointer);
  /** @type {{ from: number, to: number, frame: Frame | null } | null} */
  let found = null;
  walk(tokens(text), {
    value(path, from, to, frame) {
      if (path.length !== want.length) return;
      for (let i = 0; i < want.length; i++) if (String(path[i]) !== want[i]) return;
      found = { from, to, frame };
      return false;
    },
  });
  return found;
}

/**
 * The primitive value at a pointer (a string's decoded text), or undefined.
 * @param {string} text
 * @param {string} pointer
 */
export function valueAt(text, pointer) {
  const at = locate(text, pointer);
  if (!at || at.frame) return undefined;
  const [tok] = tokenize(text.slice(at.from, at.to));
  return tok ? primitive(tok) : undefined;
}

/**
 * The edit that sets the value at pointer to json (JSON text): replaces the
 * value when it is there, adds a member to its object when only the object
 * is. Null when neither is found.
 * @param {string} text
 * @param {string} pointer
 * @param {string} json
 * @returns {{ from: number, to: number, insert: string } | null}
 */
export function setValueEdit(text, pointer, json) {
  const at = locate(text, pointer);
  if (at) return { from: at.from, to: at.to, insert: json };
  const segs = parsePointer(pointer);
  if (!segs.length) return null;
  const key = /** @type {string} */ (segs.pop());
  const parent = locate(text, segs.length ? "/" + segs.map((s) => s.replace(/~/g, "~0").replace(/\//g, "~1")).join("/") : "");
  if (!parent?.frame || parent.frame.kind !== "obj" || !parent.frame.close) return null;
  const open = parent.frame.open.from;
  const close = parent.frame.close.from;
  const lineStart = text.lastIndexOf("\n", open) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? "";
  const member = `${JSON.stringify(key)}: ${json}`;
  // After the last member, or inside the empty braces.
  let last = close - 1;
  while (last > open && /\s/.test(text[last])) last--;
  if (last === open) return { from: open + 1, to: close, insert: `\n${indent}  ${member}\n${indent}` };
  const multiline = text.slice(open, close).includes("\n");
  const sep = multiline ? `,\n${indent}  ` : ", ";
  return { from: last + 1, to: last + 1, insert: sep + member };
}

/**
 * Re-indents strict JSON by two spaces, keeping every literal as written (a
 * number stays "12.00", escapes stay escapes). Short arrays and objects of
 * primitives stay on one line. Returns null when text is not strict JSON.
 * @param {string} text
 * @param {number} [width] the longest one-line container
 */
export function format(text, width = 72) {
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  const toks = tokenize(text);
  let i = 0;
  const lit = (t) => text.slice(t.from, t.to);
  /** @returns {string} */
  const value = (indent) => {
    const t = toks[i++];
    if (t.t !== "{" && t.t !== "[") return lit(t);
    const close = t.t === "{" ? "}" : "]";
    /** @type {string[]} */
    const parts = [];
    let flat = true;
    while (toks[i].t !== close) {
      if (toks[i].t === ",") { i++; continue; }
      let key = "";
      if (t.t === "{") {
        key = lit(toks[i]) + ": ";
        i += 2; // the key and the colon
      }
      if (toks[i].t === "{" || toks[i].t === "[") flat = false;
      parts.push(key + value(indent + "  "));
    }
    i++;
    if (!parts.length) return t.t + close;
    const one = t.t + parts.join(", ") + close;
    if (flat && one.length + indent.length <= width && !one.includes("\n")) return one;
    return `${t.t}\n${parts.map((p) => indent + "  " + p).join(",\n")}\n${indent}${close}`;
  };
  return value("") + "\n";
}
