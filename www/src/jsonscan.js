// jsonscan.js: a small JSON scanner that never gives up, for the two jobs
// that must run between keystrokes without the wasm: where the cursor is in
// half-typed text (which object, which key: completion), and re-indenting a
// document without touching its literals (Format). It decides nothing about
// what a document says: values, issues and fixes all come from the
// validator. Both jobs are linear in the text whatever its nesting, and
// allocate little: a 1 MiB document is scanned in a few tens of ms.
// Positions are UTF-16 offsets, like CodeMirror's and the validator's.

/**
 * @typedef {{ t: "{" | "}" | "[" | "]" | ":" | "," | "str" | "num" | "lit" | "err",
 *             from: number, to: number, v?: string, open?: boolean }} Token
 *  str: v is the decoded text; open: the string is not closed on its line.
 *  num, lit, err: v is the text as written.
 */

const SPACE = 32, NL = 10, CR = 13, TAB = 9, BOM = 0xfeff, QUOTE = 34, SLASH = 47, STAR = 42, BACKSLASH = 92;

/** @param {number} c */
const isDigit = (c) => c >= 48 && c <= 57;
/** @param {number} c a word's first character: A–Z a–z _ $ */
const isWordStart = (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
/** @param {number} c */
const isWordPart = (c) => isWordStart(c) || isDigit(c);
/** @param {number} c a character of a number as people write them */
const isNumPart = (c) => isDigit(c) || c === 101 || c === 69 || c === 46 || c === 43 || c === 45;

/**
 * Reads text token by token into its own fields (no object per token):
 * t, from, to, and open for a string left open at the end of its line.
 * Comments are skipped; an unterminated string ends at the end of its line.
 */
class Scanner {
  /** @param {string} text */
  constructor(text) {
    this.text = text;
    this.i = 0;
    /** @type {Token["t"]} */
    this.t = "err";
    this.from = 0;
    this.to = 0;
    this.open = false;
  }

  /** Moves to the next token; false at the end of the text. */
  next() {
    const s = this.text;
    const n = s.length;
    let i = this.i;
    for (;;) {
      while (i < n) {
        const c = s.charCodeAt(i);
        if (c !== SPACE && c !== NL && c !== CR && c !== TAB && c !== BOM) break;
        i++;
      }
      if (i < n && s.charCodeAt(i) === SLASH && s.charCodeAt(i + 1) === SLASH) {
        const end = s.indexOf("\n", i);
        i = end < 0 ? n : end;
        continue;
      }
      if (i < n && s.charCodeAt(i) === SLASH && s.charCodeAt(i + 1) === STAR) {
        const end = s.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        continue;
      }
      break;
    }
    if (i >= n) {
      this.i = n;
      return false;
    }
    const c = s.charCodeAt(i);
    this.from = i;
    this.open = false;
    if (c === 123 || c === 125 || c === 91 || c === 93 || c === 58 || c === 44) { // { } [ ] : ,
      this.t = /** @type {Token["t"]} */ (s[i]);
      i++;
    } else if (c === QUOTE) {
      this.t = "str";
      i++;
      for (;;) {
        if (i >= n) { this.open = true; break; }
        const d = s.charCodeAt(i);
        if (d === QUOTE) { i++; break; }
        if (d === NL || d === CR) { this.open = true; break; }
        i += d === BACKSLASH && i + 1 < n && s.charCodeAt(i + 1) !== NL && s.charCodeAt(i + 1) !== CR ? 2 : 1;
      }
    } else if (c === 45 || isDigit(c)) { // - or a digit
      this.t = "num";
      i++;
      while (i < n && isNumPart(s.charCodeAt(i))) i++;
    } else if (isWordStart(c)) {
      this.t = "lit";
      i++;
      while (i < n && isWordPart(s.charCodeAt(i))) i++;
    } else {
      this.t = "err";
      i++;
    }
    this.to = i;
    this.i = i;
    return true;
  }

  /** The current token as an object, its value decoded. @returns {Token} */
  token() {
    /** @type {Token} */
    const tok = { t: this.t, from: this.from, to: this.to };
    if (this.t === "str") {
      tok.v = decodeString(this.text, this.from, this.to, this.open);
      tok.open = this.open;
    } else if (this.t === "num" || this.t === "lit" || this.t === "err") {
      tok.v = this.text.slice(this.from, this.to);
    }
    return tok;
  }
}

const escapes = /** @type {Record<string, string>} */ ({ n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", '"': '"', "\\": "\\", "/": "/" });

/**
 * The decoded text of the string token at [from, to) (escapes resolved; a
 * broken escape is kept as written).
 * @param {string} text
 * @param {number} from
 * @param {number} to
 * @param {boolean} open the token has no closing quote
 */
function decodeString(text, from, to, open) {
  const raw = text.slice(from + 1, open ? to : to - 1);
  if (!raw.includes("\\")) return raw;
  return raw.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (m, e) => {
    if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    return escapes[e] ?? m;
  });
}

/**
 * Splits text into tokens.
 * @param {string} text
 * @returns {Token[]}
 */
export function tokenize(text) {
  const sc = new Scanner(text);
  const out = [];
  while (sc.next()) out.push(sc.token());
  return out;
}

/**
 * @typedef {{ kind: "obj" | "arr", state: "key" | "colon" | "value" | "comma",
 *   key: string | null, index: number, open: Token, close?: Token,
 *   keys: string[], values: Map<string, string | number | boolean | null> }} Frame
 *  A container, as contextAt gives it: kind, the member being read (key)
 *  or the item (index), and all its members' keys and primitive values,
 *  the ones after the cursor too.
 */

/**
 * A container while it is read. Its members are kept as token ranges and
 * decoded only for the one frame contextAt returns.
 * @typedef {{ kind: "obj" | "arr", state: Frame["state"],
 *   keyFrom: number, keyTo: number, keyType: Token["t"] | "", index: number,
 *   openFrom: number, closeFrom: number,
 *   members: number[] }} Reading
 *  members: per member, keyFrom, keyTo, keyType (0 str, 1 lit), valueFrom, valueTo, valueType (-1 none, 0 str, 1 num, 2 lit).
 */

const typeCode = /** @type {Record<string, number>} */ ({ str: 0, num: 1, lit: 2 });

/**
 * Reads the tokens of sc as JSON, stepping over slips (missing commas or
 * colons, stray commas, mismatched brackets), telling before(stack) about
 * each token first, and atEnd(stack) once the text has ended. Constant work
 * per token (a closer pops what it closes), so the walk is linear however
 * deep the nesting.
 * @param {Scanner} sc
 * @param {(stack: Reading[]) => void} before
 * @param {(stack: Reading[]) => void} atEnd
 */
function walk(sc, before, atEnd) {
  /** @type {Reading[]} */
  const stack = [];
  const open = { obj: 0, arr: 0 }; // how many of each kind the stack holds
  /** A value has ended in the top frame. */
  const done = (/** @type {Reading | undefined} */ top) => { if (top) top.state = "comma"; };
  /** A value (primitive or container) begins in the top frame. */
  const begin = (/** @type {Reading | undefined} */ top) => {
    if (top?.kind === "arr" && top.state === "comma") top.index++;
  };
  while (sc.next()) {
    before(stack);
    const top = stack[stack.length - 1];
    const t = sc.t;
    switch (t) {
      case "{":
      case "[": {
        if (top) {
          begin(top);
          if (top.kind === "obj" && top.state !== "value" && top.state !== "colon") top.keyType = "";
        }
        const kind = t === "{" ? "obj" : "arr";
        open[kind]++;
        stack.push({ kind, state: kind === "obj" ? "key" : "value", keyFrom: 0, keyTo: 0, keyType: "", index: 0, openFrom: sc.from, closeFrom: -1, members: [] });
        break;
      }
      case "}":
      case "]": {
        const want = t === "}" ? "obj" : "arr";
        if (!open[want]) break; // a stray closer
        while (stack.length) {
          const f = /** @type {Reading} */ (stack.pop());
          open[f.kind]--;
          f.closeFrom = sc.from;
          if (f.kind === want) {
            done(stack[stack.length - 1]);
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
        if (!top) break;
        if (top.kind === "obj" && (top.state === "key" || top.state === "comma" || (top.state === "colon" && t !== "str"))) {
          if (top.state === "colon") { // "key" value: a missing colon
            top.state = "value";
          } else {
            if (t === "str" || t === "lit") {
              top.keyFrom = sc.from;
              top.keyTo = sc.to;
              top.keyType = t;
              top.members.push(sc.from, sc.to, typeCode[t], -1, -1, -1);
              top.state = "colon";
            }
            break;
          }
        } else if (top.kind === "obj" && top.state === "colon") {
          top.state = "value"; // a string after a key: a missing colon
        }
        begin(top);
        if (top.kind === "obj" && top.keyType && typeCode[t] !== undefined) {
          const m = top.members;
          m[m.length - 3] = sc.from;
          m[m.length - 2] = sc.to;
          m[m.length - 1] = typeCode[t];
        }
        done(top);
      }
    }
  }
  atEnd(stack);
}

/**
 * The JS value of a primitive token, for comparing with a schema's enum.
 * @param {string} text
 * @param {number} from
 * @param {number} to
 * @param {number} type 0 str, 1 num, 2 lit
 */
function primitive(text, from, to, type) {
  if (type === 0) {
    const open = to - from < 2 || text.charCodeAt(to - 1) !== QUOTE;
    return decodeString(text, from, to, open);
  }
  const w = text.slice(from, to);
  if (type === 1) return Number(w);
  if (w === "true") return true;
  if (w === "false") return false;
  return null;
}

/**
 * A member's key as decoded text: a string's value, or an unquoted word.
 * @param {string} text
 * @param {number} from
 * @param {number} to
 * @param {number} type 0 str, 1 lit
 */
function keyText(text, from, to, type) {
  return type === 0 ? /** @type {string} */ (primitive(text, from, to, 0)) : text.slice(from, to);
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
  const sc = new Scanner(text);
  /** @type {Context | null} */
  let ctx = null;
  /** @type {Reading | null} the object ctx.object is made from, once the walk ends */
  let objectOf = null;
  /** The context at the current token: tok is the token under the cursor, or null. */
  const snap = (/** @type {Reading[]} */ stack, /** @type {Token | null} */ tok) => {
    const top = stack[stack.length - 1];
    /** @type {(string|number)[]} */
    const base = [];
    for (let i = 0; i < stack.length - 1; i++) {
      const f = stack[i];
      base.push(f.kind === "obj" ? (f.keyType ? keyText(text, f.keyFrom, f.keyTo, typeCode[f.keyType]) : "") : f.index);
    }
    const from = tok ? tok.from : pos;
    const to = tok ? tok.to : pos;
    const at = (/** @type {Context["kind"]} */ kind, /** @type {(string|number)[]} */ path, /** @type {Reading | null} */ obj) => {
      objectOf = obj;
      return /** @type {Context} */ ({ kind, path, from, to, token: tok, object: null });
    };
    if (!top) return at("value", [], null);
    if (top.kind === "obj") {
      const key = top.keyType ? keyText(text, top.keyFrom, top.keyTo, typeCode[top.keyType]) : "";
      if (top.state === "key" || (top.state === "comma" && tok)) return at("key", base, top);
      if (top.state === "value" || (top.state === "colon" && tok)) return at("value", [...base, key], top);
      return at("none", base, top);
    }
    return at("value", [...base, top.state === "comma" ? top.index + 1 : top.index], null);
  };
  // The walk goes on to the end, so that the cursor's object knows all its
  // keys, the ones after the cursor too.
  walk(sc, (stack) => {
    if (ctx) return;
    if (sc.from >= pos) { ctx = snap(stack, null); return; }
    const word = sc.t === "str" || sc.t === "num" || sc.t === "lit";
    if (word && (sc.to > pos || (sc.to === pos && (sc.t !== "str" || sc.open)))) ctx = snap(stack, sc.token());
  }, (stack) => {
    if (!ctx) ctx = snap(stack, null); // the cursor is past the last token
  });
  const found = /** @type {Context} */ (/** @type {unknown} */ (ctx));
  if (objectOf) found.object = frameOf(text, objectOf);
  return found;
}

/**
 * The public form of the frame f, its members decoded.
 * @param {string} text
 * @param {Reading} f
 * @returns {Frame}
 */
function frameOf(text, f) {
  /** @type {string[]} */
  const keys = [];
  const values = new Map();
  const m = f.members;
  for (let i = 0; i < m.length; i += 6) {
    const key = keyText(text, m[i], m[i + 1], m[i + 2] === 0 ? 0 : 1);
    keys.push(key);
    if (m[i + 5] >= 0) values.set(key, primitive(text, m[i + 3], m[i + 4], m[i + 5]));
  }
  const key = f.keyType ? keyText(text, f.keyFrom, f.keyTo, typeCode[f.keyType]) : null;
  return {
    kind: f.kind, state: f.state, key, index: f.index, keys, values,
    open: { t: f.kind === "obj" ? "{" : "[", from: f.openFrom, to: f.openFrom + 1 },
    close: f.closeFrom < 0 ? undefined : { t: f.kind === "obj" ? "}" : "]", from: f.closeFrom, to: f.closeFrom + 1 },
  };
}

/** The deepest nesting format() re-indents: the validator's own limit. */
export const maxDepth = 64;

/**
 * Re-indents strict JSON by two spaces, keeping every literal as written (a
 * number stays "12.00", escapes stay escapes). Short arrays and objects of
 * primitives stay on one line. Text that is not strict JSON, or nests deeper
 * than maxDepth (the validator refuses it too, and its indentation alone
 * would grow with the square of the depth), is refused, with why.
 * @param {string} text
 * @param {number} [width] the longest one-line container
 * @returns {{ text: string } | { why: "syntax" | "depth" }}
 */
export function format(text, width = 72) {
  try {
    JSON.parse(text);
  } catch {
    return { why: "syntax" };
  }
  // Strict JSON: no comments, every string closed. One pass records each
  // token's range and, for each container, the length it would have on one
  // line ("[1, 2]"), or -1 when it holds a container (never on one line).
  const sc = new Scanner(text);
  const toks = new Int32Array(2 * text.length + 2); // from, to per token (a token is at least one character)
  let count = 0;
  const flat = new Int32Array(text.length); // per container, by its opening bracket's offset
  /** @type {{ at: number, len: number }[]} */
  const stack = [];
  while (sc.next()) {
    const at = sc.from;
    toks[count++] = sc.from;
    toks[count++] = sc.to;
    const c = text.charCodeAt(sc.from);
    const top = stack[stack.length - 1];
    if (c === 123 || c === 91) {
      if (stack.length >= maxDepth) return { why: "depth" };
      if (top) top.len = -1;
      stack.push({ at, len: 2 });
    } else if (c === 125 || c === 93) {
      const f = /** @type {{ at: number, len: number }} */ (stack.pop());
      flat[f.at] = f.len;
    } else if (c === 44) { // , → ", "
      if (top && top.len >= 0) top.len += 2;
    } else if (c === 58) { // : → ": "
      if (top && top.len >= 0) top.len += 2;
    } else if (top && top.len >= 0) {
      top.len += sc.to - sc.from;
    }
  }
  /** @type {string[]} */
  const out = [];
  let i = 0; // the token being written
  const lit = () => { const s = text.slice(toks[2 * i], toks[2 * i + 1]); i++; return s; };
  /** Writes the value at token i, indented by indent (for its inner lines). */
  const value = (/** @type {string} */ indent) => {
    const c = text.charCodeAt(toks[2 * i]);
    if (c !== 123 && c !== 91) { out.push(lit()); return; }
    const obj = c === 123;
    const close = obj ? "}" : "]";
    const closeCode = obj ? 125 : 93;
    const len = flat[toks[2 * i]];
    i++;
    if (text.charCodeAt(toks[2 * i]) === closeCode) { i++; out.push(obj ? "{}" : "[]"); return; }
    const one = len >= 0 && len + indent.length <= width;
    const inner = indent + "  ";
    out.push(obj ? "{" : "[");
    let first = true;
    while (text.charCodeAt(toks[2 * i]) !== closeCode) {
      if (text.charCodeAt(toks[2 * i]) === 44) { i++; continue; }
      out.push(first ? (one ? "" : "\n" + inner) : (one ? ", " : ",\n" + inner));
      first = false;
      if (obj) {
        out.push(lit(), ": ");
        i++; // the colon
      }
      value(inner);
    }
    i++;
    out.push(one ? close : "\n" + indent + close);
  };
  value("");
  return { text: out.join("") + "\n" };
}
