// elements.js: scanpage as two custom elements, for pages that are no app
// (a CMS page, a static site): a <script type="module"> that imports this
// file, and the tags.
//
//   <scanpage-preview src="product.json" page="home" layout="classic"></scanpage-preview>
//   <scanpage-barcode code="6901939621608"></scanpage-barcode>
//
// Both elements share one instance of scanpage per page, loaded when the
// first of them has something to show (useInstance hands them an app's own
// instance instead). Their styles are constructed stylesheets adopted by
// their shadow roots, so a host's style-src needs no 'unsafe-inline' for
// them; the preview's own stylesheet is the constant one whose hash the
// README publishes. Importing this file defines the two elements and adds
// nothing else to globalThis.
import { load } from "./scanpage.js";

/** @typedef {import("./scanpage.js").Scanpage} Scanpage */
/** @typedef {import("./scanpage.js").AsyncScanpage} AsyncScanpage */
/** @typedef {import("./scanpage.js").Report} Report */

/** @type {Promise<Scanpage | AsyncScanpage> | null} */
let shared = null;
/** The instance this module loaded itself (disposed when an app hands over its own). */
let own = null;
/** The connected elements, re-rendered when the instance changes. */
const live = new Set();

/**
 * The instance the elements use: the one useInstance gave, else one loaded
 * now (once, for every element of the page).
 * @returns {Promise<Scanpage | AsyncScanpage>}
 */
function instance() {
  if (!shared) {
    const p = load();
    shared = p;
    p.then((sp) => {
      if (shared === p) own = sp;
      else sp.dispose(); // useInstance came first
    }, () => {});
  }
  return shared;
}

/**
 * Makes the elements use an app's own instance (main thread or worker, or
 * a Promise of one) rather than loading a second: the wasm is then fetched
 * and compiled once. Elements already shown are rendered again with it.
 * @param {Scanpage | AsyncScanpage | Promise<Scanpage | AsyncScanpage>} sp
 */
export function useInstance(sp) {
  shared = Promise.resolve(sp);
  if (own) {
    own.dispose();
    own = null;
  }
  for (const el of live) el.render();
}

/** Constructed stylesheets, made once on first use (a document is needed). */
const sheets = {};
/** @param {"preview" | "barcode"} name */
function sheet(name) {
  if (!sheets[name]) {
    const s = new CSSStyleSheet();
    s.replaceSync(CSS[name]);
    sheets[name] = s;
  }
  return sheets[name];
}

const CSS = {
  preview: `:host{display:block;inline-size:390px;max-inline-size:100%}
:host([hidden]){display:none}
iframe{display:block;inline-size:100%;border:0;background:#ededed}
[part=error]{margin:0;padding:.5em;color:#b00020;font:14px/1.4 system-ui,sans-serif}`,
  barcode: `:host{display:inline-block;line-height:0;vertical-align:middle}
:host([hidden]){display:none}
svg,img{display:block;max-inline-size:100%;block-size:auto}
[part=error]{display:block;line-height:1.4;color:#b00020;font:14px/1.4 system-ui,sans-serif}`,
};

/**
 * The language of an element's messages: its own lang, else the nearest
 * ancestor's ("zh-CN" → zh, "en-GB" → en); another language gives none
 * (scanpage's default, zh).
 * @param {Element} el
 * @returns {"zh" | "en" | undefined}
 */
function langOf(el) {
  const l = (el.closest("[lang]")?.getAttribute("lang") ?? "").toLowerCase();
  if (l === "zh" || l.startsWith("zh-")) return "zh";
  if (l === "en" || l.startsWith("en-")) return "en";
  return undefined;
}

/** A number attribute as a number, or the text as written (scanpage warns about it). */
function num(v) {
  const n = Number(v);
  return v.trim() !== "" && Number.isFinite(n) ? n : v;
}

/** Without a DOM (Node, SSR) the module still imports; the elements are then not defined. */
const Base = /** @type {typeof HTMLElement} */ (globalThis.HTMLElement ?? class {});

/**
 * What the two elements share: a shadow root with their stylesheet, render()
 * coalesced to one per task and only its latest run applied, the report event.
 */
class ScanpageElement extends Base {
  #queued = false;
  #seq = 0;

  /** @param {"preview" | "barcode"} kind */
  constructor(kind) {
    super();
    this.attachShadow({ mode: "open" }).adoptedStyleSheets = [sheet(kind)];
    /** @type {Report | null} the report of what is shown */
    this.report = null;
  }

  connectedCallback() {
    live.add(this);
    this.render();
  }

  disconnectedCallback() {
    live.delete(this);
  }

  attributeChangedCallback() {
    if (this.isConnected) this.render();
  }

  /** Renders again (after the current task, once however often it is asked). */
  render() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (!this.isConnected) return;
      const seq = ++this.#seq;
      this.draw(() => seq === this.#seq && this.isConnected).catch((e) => {
        if (seq === this.#seq) this.fail(e);
      });
    });
  }

  /**
   * Draws what the attributes say; current() is false once a newer draw
   * started (then nothing is changed).
   * @param {() => boolean} current
   * @returns {Promise<void>}
   */
  async draw(current) { throw new Error(`draw(${current}) is not implemented`); }

  /** Shows why nothing could be shown (the instance did not load, src failed). */
  fail(e) {
    const p = document.createElement("p");
    p.setAttribute("part", "error");
    p.setAttribute("role", "alert");
    p.textContent = String(e?.message ?? e);
    this.shadowRoot.replaceChildren(p);
    this.report = null;
    this.dispatchEvent(new CustomEvent("error", { detail: e }));
  }

  /** Publishes the report of what is now shown. */
  done(report) {
    this.report = report;
    this.dispatchEvent(new CustomEvent("report", { detail: report, bubbles: true }));
  }
}

/**
 * <scanpage-preview>: the mock product homepage of a document, in a
 * sandboxed frame (no scripts; links inert). The document is the doc
 * property (JSON text or an object), else the JSON at the src URL, else an
 * inline <script type="application/json"> child. Attributes: page (home,
 * detail, antifake), layout (classic, concept), lang (zh, en; else the
 * page's), merchant-src (the URL of a merchantinfo/get response). Fires
 * "report" (detail: the validator's report) once the frame shows it.
 */
export class ScanpagePreview extends ScanpageElement {
  static observedAttributes = ["src", "page", "layout", "lang", "merchant-src"];
  /** @type {string | object | undefined} */
  #doc;
  /** @type {MutationObserver | null} */
  #children = null;
  /** @type {HTMLIFrameElement | null} */
  #frame = null;
  /** @type {string | null} the HTML the frame was given */
  #html = null;
  /** @type {Promise<unknown>} resolved once the frame shows #html */
  #loaded = Promise.resolve();

  constructor() {
    super("preview");
    // A doc set on the element before this module defined it is an own
    // property that hides the accessor: take it over.
    if (Object.prototype.hasOwnProperty.call(this, "doc")) {
      const v = /** @type {any} */ (this).doc;
      delete (/** @type {any} */ (this)).doc;
      this.#doc = v;
    }
  }

  /** The document: JSON text or an object; undefined falls back to src, then the inline script. */
  get doc() { return this.#doc; }
  set doc(v) {
    this.#doc = v;
    this.render();
  }

  connectedCallback() {
    // A CMS page's parser may add the inline JSON after the element is upgraded.
    this.#children ??= new MutationObserver(() => this.render());
    this.#children.observe(this, { childList: true, subtree: true, characterData: true });
    super.connectedCallback();
  }

  disconnectedCallback() {
    this.#children?.disconnect();
    super.disconnectedCallback();
  }

  /** The document text or object, and where it came from (for messages). */
  async #source() {
    if (this.#doc !== undefined) return this.#doc;
    const src = this.getAttribute("src");
    if (src) return fetchText(src, "src");
    const inline = this.querySelector(':scope > script[type="application/json"]');
    return inline ? inline.textContent : undefined;
  }

  async draw(current) {
    const source = this.#source();
    // The instance loads while the merchant is fetched, once there is a document.
    const [doc, merchant, sp] = await Promise.all([
      source,
      this.hasAttribute("merchant-src") ? fetchText(this.getAttribute("merchant-src"), "merchant-src") : undefined,
      source.then((d) => (d === undefined ? undefined : instance())),
    ]);
    if (!current()) return;
    if (doc === undefined || !sp) {
      this.shadowRoot.replaceChildren();
      return;
    }
    /** @type {import("./scanpage.js").PreviewOptions} */
    const opts = { lang: langOf(this) };
    for (const name of ["page", "layout"]) {
      const v = this.getAttribute(name);
      if (v !== null) opts[name] = /** @type {any} */ (v);
    }
    if (merchant !== undefined) opts.merchant = merchant;
    const { html, report } = await sp.preview(doc, opts);
    if (!current()) return;
    await this.#show(html, report.product?.title || "scanpage preview");
    if (current()) this.done(report);
  }

  /** Loads html into the frame (made on first use) and waits until it shows it. */
  async #show(html, title) {
    let f = this.#frame;
    if (f?.parentNode !== this.shadowRoot) {
      f = document.createElement("iframe");
      // Same origin so that the links can be disarmed; no allow-scripts, so
      // nothing in the document runs.
      f.setAttribute("sandbox", "allow-same-origin");
      f.setAttribute("part", "frame");
      f.setAttribute("referrerpolicy", "no-referrer");
      f.addEventListener("load", () => settle(f));
      this.#frame = f;
      this.#html = null;
      this.shadowRoot.replaceChildren(f);
    }
    f.title = title;
    if (this.#html !== html) {
      this.#html = html;
      f.inert = true; // until its links are disarmed
      this.#loaded = new Promise((resolve) => f.addEventListener("load", resolve, { once: true }));
      f.srcdoc = html;
    }
    await this.#loaded;
  }
}

/**
 * Once a preview has loaded: its links lose their href (kept as data-href),
 * so no click of any kind opens the author's URL, and the frame is made as
 * tall as the page (a host's CSS height on ::part(frame) wins).
 * @param {HTMLIFrameElement} f
 */
function settle(f) {
  const d = f.contentDocument;
  if (!d) return; // not readable: the frame stays inert
  for (const a of d.querySelectorAll("a[href]")) {
    a.setAttribute("data-href", a.getAttribute("href") ?? "");
    a.removeAttribute("href");
  }
  f.height = "0";
  f.height = String(Math.ceil(d.documentElement.scrollHeight));
  f.inert = false;
}

/**
 * <scanpage-barcode code="…">: the EAN-13/EAN-8 symbol of a code. format
 * svg (default; inline, in mm) or png (through a blob: URL); xdim (SVG,
 * module width in mm), module-width (PNG, pixels per module), lang. Its
 * label is the symbology and the digits ("EAN-13 6901939621608"). A code
 * scanpage refuses shows the reason instead. Fires "report".
 */
export class ScanpageBarcode extends ScanpageElement {
  static observedAttributes = ["code", "format", "xdim", "module-width", "lang"];

  constructor() {
    super("barcode");
  }

  async draw(current) {
    const code = this.getAttribute("code");
    if (code === null) {
      this.shadowRoot.replaceChildren();
      return;
    }
    /** @type {import("./scanpage.js").BarcodeOptions} */
    const opts = { lang: langOf(this) };
    const format = this.getAttribute("format");
    if (format !== null) opts.format = /** @type {any} */ (format);
    const xdim = this.getAttribute("xdim");
    if (xdim !== null) opts.xdim = /** @type {any} */ (num(xdim));
    const mw = this.getAttribute("module-width");
    if (mw !== null) opts.moduleWidth = /** @type {any} */ (num(mw));
    const sp = await instance();
    if (!current()) return;
    const r = await sp.barcode(code, opts);
    if (!current()) return;
    const label = `${r.kind === "ean8" ? "EAN-8" : "EAN-13"} ${r.code}`;
    if (r.png) {
      const img = document.createElement("img");
      const url = URL.createObjectURL(new Blob([r.png], { type: "image/png" }));
      img.alt = label;
      const shown = new Promise((resolve) => {
        img.onload = img.onerror = () => {
          URL.revokeObjectURL(url); // decoded: the image stays
          resolve();
        };
      });
      img.src = url;
      this.shadowRoot.replaceChildren(img);
      await shown;
    } else if (r.svg) {
      const svg = new DOMParser().parseFromString(r.svg, "image/svg+xml").documentElement;
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", label);
      this.shadowRoot.replaceChildren(document.importNode(svg, true));
    } else {
      const p = document.createElement("span");
      p.setAttribute("part", "error");
      p.setAttribute("role", "alert");
      p.textContent = r.report.issues.find((i) => i.severity === "error")?.message ?? "";
      this.shadowRoot.replaceChildren(p);
    }
    if (current()) this.done(r.report);
  }
}

/** Fetches a text the element was pointed at; a failure says which attribute. */
async function fetchText(url, attr) {
  const u = new URL(url, document.baseURI);
  const res = await fetch(u);
  if (!res.ok) throw new Error(`scanpage: ${attr} ${u.href} answered HTTP ${res.status}`);
  return res.text();
}

if (globalThis.customElements) {
  if (!customElements.get("scanpage-preview")) customElements.define("scanpage-preview", ScanpagePreview);
  if (!customElements.get("scanpage-barcode")) customElements.define("scanpage-barcode", ScanpageBarcode);
}
