// Types of elements.js (scanpage/elements): the custom elements
// <scanpage-preview> and <scanpage-barcode>. Importing the module defines them.
import type { Scanpage, AsyncScanpage, Report } from "./scanpage.js";

/**
 * Makes the elements use an app's own instance (or a Promise of one) rather
 * than loading their own: the wasm is then fetched and compiled once.
 */
export function useInstance(sp: Scanpage | AsyncScanpage | Promise<Scanpage | AsyncScanpage>): void;

/** What both elements have: the report of what they show, and "report" events. */
declare class ScanpageElement extends HTMLElement {
  /** The report of what is shown; null before the first render or after an error. */
  readonly report: Report | null;
  /** Renders again (once per task, however often called). */
  render(): void;
  addEventListener<K extends keyof ScanpageElementEventMap>(type: K, listener: (this: this, ev: ScanpageElementEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

export interface ScanpageElementEventMap extends HTMLElementEventMap {
  /** Fired (bubbling) once what the element shows is on screen. */
  report: CustomEvent<Report>;
}

/**
 * `<scanpage-preview>`: the mock product homepage of a document in a
 * sandboxed frame. The document is `doc`, else the JSON at `src`, else an
 * inline `<script type="application/json">` child. Attributes: `src`,
 * `page` (home, detail, antifake), `layout` (classic, concept), `lang`
 * (zh, en), `merchant-src`. The frame is `::part(frame)`.
 */
export class ScanpagePreview extends ScanpageElement {
  /** The document as JSON text or an object; undefined falls back to src, then the inline script. */
  doc: string | object | undefined;
}

/**
 * `<scanpage-barcode code="…">`: the EAN symbol of a code. Attributes:
 * `code`, `format` (svg, png), `xdim` (SVG, mm), `module-width` (PNG,
 * pixels per module), `lang`. Labelled with the symbology and the digits.
 */
export class ScanpageBarcode extends ScanpageElement {}

declare global {
  interface HTMLElementTagNameMap {
    "scanpage-preview": ScanpagePreview;
    "scanpage-barcode": ScanpageBarcode;
  }
}
