// peers.mjs: what users would use instead of scanpage, set up the way their
// own documentation says — Ajv 8 (all errors) on our published schema,
// JsBarcode and bwip-js drawing an EAN-13 as an SVG string. The same module
// runs under node and, bundled by esbuild (chromium.mjs), in the browser.
import Ajv from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import JsBarcode from "jsbarcode";
import bwipjs from "bwip-js";

/** The JSON Schema dialects Ajv 8 ships; draft-07 is its default. */
function ajvClass(schema) {
  const id = String(schema.$schema ?? "");
  const mod = /2019-09|2020-12/.test(id) ? Ajv2020 : Ajv;
  return mod.default ?? mod;
}

/**
 * Compiles schema with a fresh Ajv (allErrors, as a JSON editor lists every
 * problem; strict off so that annotations Ajv does not know are accepted).
 * @returns {{compileMs: number, validate: (data: unknown) => boolean, errors: () => unknown[]}}
 */
export function compileAjv(schema) {
  const t0 = performance.now();
  const Class = ajvClass(schema);
  const ajv = new Class({ allErrors: true, strict: false, logger: false });
  const validate = ajv.compile(schema);
  const compileMs = performance.now() - t0;
  return { compileMs, validate: (data) => validate(data), errors: () => validate.errors ?? [] };
}

const SVGNS = "http://www.w3.org/2000/svg";

// Outside a browser JsBarcode draws SVG through its documented xmlDocument
// option. This is the least such a document can be — elements with
// attributes and children, text nodes — and a serialiser, so JsBarcode's
// figure is its own renderer plus the cheapest possible string building
// (a full DOM such as @xmldom/xmldom would only slow it down).
class XMLElement {
  constructor(name) {
    this.nodeName = name;
    this.attributes = new Map();
    this.childNodes = [];
  }
  get firstChild() { return this.childNodes[0] ?? null; }
  setAttribute(k, v) { this.attributes.set(k, String(v)); }
  getAttribute(k) { return this.attributes.get(k) ?? null; }
  hasAttribute(k) { return this.attributes.has(k); }
  appendChild(c) { this.childNodes.push(c); return c; }
  removeChild(c) {
    const i = this.childNodes.indexOf(c);
    if (i >= 0) this.childNodes.splice(i, 1);
    return c;
  }
}
class XMLText {
  constructor(t) { this.nodeValue = String(t); }
}
const xmlDocument = {
  createElementNS: (_ns, name) => new XMLElement(name),
  createTextNode: (t) => new XMLText(t),
};
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
function serialise(n) {
  if (n instanceof XMLText) return esc(n.nodeValue);
  let s = `<${n.nodeName}`;
  for (const [k, v] of n.attributes) s += ` ${k}="${esc(v)}"`;
  if (n.childNodes.length === 0) return `${s}/>`;
  s += ">";
  for (const c of n.childNodes) s += serialise(c);
  return `${s}</${n.nodeName}>`;
}

const inBrowser = typeof document !== "undefined" && typeof XMLSerializer !== "undefined";
const browserSerialiser = inBrowser ? new XMLSerializer() : null;

/** JsBarcode's EAN-13 as SVG text: a real SVG element in a browser, the document above in node. */
export function jsbarcodeSVG(code) {
  if (inBrowser) {
    const svg = document.createElementNS(SVGNS, "svg");
    JsBarcode(svg, code, { format: "EAN13" });
    return browserSerialiser.serializeToString(svg);
  }
  const svg = xmlDocument.createElementNS(SVGNS, "svg");
  JsBarcode(svg, code, { format: "EAN13", xmlDocument });
  return serialise(svg);
}

/**
 * PNG in a browser, the way each peer makes one: draw on a canvas, then
 * canvas.toDataURL("image/png") (PNG encoding plus base64, which
 * sp.barcode's Uint8Array is spared). Both at 3 px per module, as
 * sp.barcode's PNG by default, and about its bar height (JsBarcode's
 * height is in pixels; bwip-js's in its own units, left at its default).
 * null outside a browser.
 */
export const pngInBrowser = inBrowser && {
  jsbarcode(code) {
    const c = document.createElement("canvas");
    JsBarcode(c, code, { format: "EAN13", width: 3, height: 208 });
    return c.toDataURL("image/png");
  },
  bwip(code) {
    const c = document.createElement("canvas");
    bwipjs.toCanvas(c, { bcid: "ean13", text: code, includetext: true, scale: 3 });
    return c.toDataURL("image/png");
  },
};

/** bwip-js's own PNG under node (its zlib stream runs on the thread pool: a Promise). null in a browser. */
export const bwipPNGAsync = typeof bwipjs.toBuffer === "function"
  ? (code) => bwipjs.toBuffer({ bcid: "ean13", text: code, includetext: true, scale: 3 })
  : null;

/** Width × height and byte count of PNG bytes (a Uint8Array, or a data: URL). */
export function pngSize(png) {
  let b = png;
  if (typeof png === "string") {
    const bin = atob(png.slice(png.indexOf(",") + 1));
    b = Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
  }
  const be32 = (i) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
  return { width: be32(16), height: be32(20), bytes: b.length };
}

/** bwip-js's EAN-13 with its human-readable text, as SVG text. */
export function bwipSVG(code) {
  return bwipjs.toSVG({ bcid: "ean13", text: code, includetext: true });
}

