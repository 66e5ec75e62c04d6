// Types of scanpage.js, the JavaScript API of scanpage (see README.md).
// Stable: extended, never changed.

export interface LoadOptions {
  /** Where scanpage.wasm is (relative to the page); default: next to scanpage.js, as bundlers place it. */
  wasmURL?: string | URL;
  /** The wasm, compiled already (e.g. with WebAssembly.compileStreaming); wasmURL is then not fetched. */
  module?: WebAssembly.Module;
  /** Run the instance in a module Web Worker (browsers); every call then returns a Promise. */
  worker?: boolean;
}

/**
 * Loads an instance; resolves once it answers calls, rejects with a clear
 * Error if the wasm is missing or fails. Unknown option names throw a TypeError.
 */
export function load(opts?: LoadOptions & { worker?: false }): Promise<Scanpage>;
export function load(opts: LoadOptions & { worker: true }): Promise<AsyncScanpage>;
/** With a worker flag known only at run time, the instance is either kind. */
export function load(opts?: LoadOptions): Promise<Scanpage | AsyncScanpage>;

/**
 * The compiled wasm that load() instantiates (one per wasmURL, compiled
 * once), for instances in workers of your own: post it to each and call
 * load({module}) there. They share its machine code, which V8 optimises
 * once for all of them, and no worker fetches or compiles.
 */
export function wasmModule(opts?: { wasmURL?: string | URL }): Promise<WebAssembly.Module>;

export type Lang = "zh" | "en";
export type Severity = "error" | "warning" | "info";

export interface Issue {
  severity: Severity;
  /** Stable code, e.g. "syntax.trailing_comma", "action.text.duplicate". */
  code: string;
  /** The errcode the WeChat API would return, when there is one. */
  errcode?: number;
  /** RFC 6901 JSON Pointer into the input; "" is the whole document. */
  path: string;
  /** 1-based line. */
  line: number;
  /** 1-based column in UTF-16 code units. */
  column: number;
  /** 0-based offset in UTF-16 code units. */
  offset: number;
  /** Length in UTF-16 code units (0 marks a point, e.g. where a comma is missing). */
  length: number;
  /** One sentence in the requested language. */
  message: string;
  /** Which input the issue is about; "merchant" for the merchant context. */
  source?: "document" | "merchant";
  /** A certain correction: replace the issue's range with `text`, or set the value at `path`. */
  fix?: Fix;
  /** Set on the summary that ends a capped report (at most 1,000 issues are listed): this many more issues of this code were left out; the summary stands at the first of them, with the most severe severity among them. */
  more?: number;
}

/**
 * A text edit of the input the issue was found in, in UTF-16 code units:
 * replace `length` units at `offset` with `text`. It is valid for that
 * exact text only: after any change, validate again and take the new one.
 */
export interface Edit {
  offset: number;
  length: number;
  text: string;
}

/** A correction, with `edit`: the same correction as a text edit, computed by the validator (absent only when it cannot be placed). */
export type Fix = ({ text: string } | { path: string; value: unknown }) & { edit?: Edit };

export interface Report {
  /** True when no issue has severity "error". */
  valid: boolean;
  issues: Issue[];
  /** The document's code and title as the validator read them (the last of duplicate keys; single quotes and such stepped over). Set by validate and preview. */
  product?: { keystandard: string; keystr: string; title: string };
}

export interface DocOptions {
  lang?: Lang;
  /** The merchantinfo/get response (old or new shape), as JSON text or an object. */
  merchant?: string | object;
}

export interface PreviewOptions extends DocOptions {
  page?: "home" | "detail" | "antifake";
  layout?: "classic" | "concept";
}

export interface BarcodeOptions {
  format?: "svg" | "png";
  /** PNG: pixels per module (integer, default 3). */
  moduleWidth?: number;
  /** SVG: module width in mm, 0.264–0.66 (default 0.33). */
  xdim?: number;
  /** Human-readable digits (default true). */
  text?: boolean;
  /** Light-margin indicators > and < (default true). */
  indicators?: boolean;
  /** Bar colour, "#RRGGBB" (default black). */
  foreground?: string;
  /** Background colour, "#RRGGBB" (default white) or "transparent" (warned). */
  background?: string;
  /** PNG: resolution recorded in the file. */
  dpi?: number;
  lang?: Lang;
}

export interface BarcodeResult {
  code: string;
  kind: "ean13" | "ean8" | "";
  svg?: string;
  png?: Uint8Array;
  report: Report;
}

export interface DigitalLinkOptions {
  format?: "svg" | "png";
  /** PNG: pixels per module (integer 1–32, default 4). */
  moduleWidth?: number;
  /** SVG: module width in mm, 0.375–0.99 (default 0.5). */
  xdim?: number;
  /** A brand's resolver host replacing id.gs1.org. */
  domain?: string;
  /** QR error correction level (default "M"). */
  level?: "L" | "M" | "Q" | "H";
  foreground?: string;
  background?: string;
  dpi?: number;
  lang?: Lang;
}

export interface DigitalLinkResult {
  /** https://id.gs1.org/01/ + the GTIN-14; "" when the code is refused. */
  uri: string;
  /** The text in the symbol: uri, or its upper-case form when that gives a smaller QR. */
  encoded?: string;
  svg?: string;
  png?: Uint8Array;
  report: Report;
}

export interface RepairResult {
  /** The repaired text (only the slips changed); null after an internal error. */
  text: string | null;
  /** Every change, positioned in the original text; an error no edit can fix is listed too, without a fix. */
  fixes: Issue[];
}

export interface PreviewResult {
  /** A complete HTML document for <iframe sandbox srcdoc> (no scripts). */
  html: string;
  report: Report;
}

/**
 * A loaded instance. Calls are synchronous. Bad input gives a result, never a
 * throw; only misuse (wrong argument types, calls after dispose()) throws.
 */
export interface Scanpage {
  readonly version: string;
  validate(input: string | object, opts?: DocOptions): Report;
  repair(input: string, opts?: { lang?: Lang }): RepairResult;
  preview(input: string | object, opts?: PreviewOptions): PreviewResult;
  barcode(code: string, opts?: BarcodeOptions): BarcodeResult;
  digitalLink(code: string, opts?: DigitalLinkOptions): DigitalLinkResult;
  /** Memory figures (after a garbage collection), for benchmarks and leak hunting. */
  stats(): Stats;
  /** The metadata of every field of the document, for a generated form. */
  form(opts?: { lang?: Lang }): Form;
  /** The one text edit that makes a form change, or why it cannot be made. */
  formEdit(input: string, op: FormOp & { lang?: Lang }): { edit: Edit } | { error: { code: string; message: string } };
  /** Each kind of action, and whether one more may be added now (with the reason when not). */
  actionChoices(input: string, opts?: { lang?: Lang }): ActionChoice[];
  /** The document's value as the validator reads it, for a form to show; fatal: read-only, stop: why (the syntax error no edit fixes). */
  formValue(input: string): FormState;
  /** One file of a catalogue (a document, an array of them, or NDJSON by its name), each document checked on its own. */
  checkBatch(text: string, opts?: BatchOptions & { packed?: false }): { docs: CheckedDoc[] };
  /** With packed: the docs come without facts, and the facts of all of them as packed bytes (half the size of their JSON, read five times faster). */
  checkBatch(text: string, opts: BatchOptions & { packed: true }): { docs: Omit<CheckedDoc, "facts">[]; facts: Uint8Array };
  /**
   * The cross-document rules over every document's facts, in input order: an array, its JSON text,
   * or checkBatch's packed facts (one Uint8Array, or the pieces of several calls in order: each is read when its turn comes).
   */
  catalogueIssues(facts: DocFacts[] | string | Uint8Array | Uint8Array[], opts?: CatalogueOptions): CatalogueResult;
  /**
   * The report of `scanpage check` (same shapes) from checkBatch's docs in input order (an array, or NDJSON text);
   * facts: their packed facts, in the same order, when checkBatch packed them.
   */
  catalogueReport(docs: CheckedDoc[] | Omit<CheckedDoc, "facts">[] | string, opts?: CatalogueOptions & { format?: "json" | "sarif" | "csv" }, facts?: Uint8Array | Uint8Array[]): CatalogueReport;
  /** A zip of EAN symbols as SVG, CODE.svg each (codes that cannot be drawn are listed in skipped.txt). */
  barcodeZip(codes: string[] | string, opts?: BarcodeOptions): { files: number; skipped: number; zip: Uint8Array };
  /** Where each value stands in the text, by JSON Pointer, in text order (parents first). */
  valueSpans(input: string): ValueSpan[];
  /** The issues of a code alone (as barcode reports them), for a live hint: a missing check digit comes as the fix of keystr.missing_check_digit. */
  checkCode(code: string, opts?: { standard?: "ean13" | "ean8" | "qrcode" | ""; lang?: Lang }): Issue[];
  /** Releases the Go functions and ends the instance. */
  dispose(): void;
}

/** Go runtime heap figures in bytes, and the size of the wasm linear memory. */
/** What a form shows of a text (schema.FormState). */
export interface FormState {
  value: unknown;
  fatal: boolean;
  /** With fatal: the syntax error that makes the text read-only (syntax.missing_value: a key with no value yet) and its line. */
  stop?: { code: string; line: number };
}

export interface Stats {
  heapAlloc: number;
  heapInuse: number;
  heapSys: number;
  sys: number;
  numGC: number;
  mallocs: number;
  /** WebAssembly memory size; it only ever grows. */
  memoryBytes: number;
}

/** The same calls answered by an instance in a Web Worker. */
export interface AsyncScanpage {
  readonly version: string;
  validate(input: string | object, opts?: DocOptions): Promise<Report>;
  repair(input: string, opts?: { lang?: Lang }): Promise<RepairResult>;
  preview(input: string | object, opts?: PreviewOptions): Promise<PreviewResult>;
  barcode(code: string, opts?: BarcodeOptions): Promise<BarcodeResult>;
  digitalLink(code: string, opts?: DigitalLinkOptions): Promise<DigitalLinkResult>;
  stats(): Promise<Stats>;
  form(opts?: { lang?: Lang }): Promise<Form>;
  formEdit(input: string, op: FormOp & { lang?: Lang }): Promise<{ edit: Edit } | { error: { code: string; message: string } }>;
  actionChoices(input: string, opts?: { lang?: Lang }): Promise<ActionChoice[]>;
  formValue(input: string): Promise<FormState>;
  checkBatch(text: string, opts?: BatchOptions & { packed?: false }): Promise<{ docs: CheckedDoc[] }>;
  checkBatch(text: string, opts: BatchOptions & { packed: true }): Promise<{ docs: Omit<CheckedDoc, "facts">[]; facts: Uint8Array }>;
  checkBatch(text: string, opts?: BatchOptions): Promise<{ docs: (CheckedDoc | Omit<CheckedDoc, "facts">)[]; facts?: Uint8Array }>;
  catalogueIssues(facts: DocFacts[] | string | Uint8Array | Uint8Array[], opts?: CatalogueOptions): Promise<CatalogueResult>;
  catalogueReport(docs: CheckedDoc[] | Omit<CheckedDoc, "facts">[] | string, opts?: CatalogueOptions & { format?: "json" | "sarif" | "csv" }, facts?: Uint8Array | Uint8Array[]): Promise<CatalogueReport>;
  barcodeZip(codes: string[] | string, opts?: BarcodeOptions): Promise<{ files: number; skipped: number; zip: Uint8Array }>;
  valueSpans(input: string): Promise<ValueSpan[]>;
  checkCode(code: string, opts?: { standard?: "ean13" | "ean8" | "qrcode" | ""; lang?: Lang }): Promise<Issue[]>;
  dispose(): void;
}

/**
 * One form change. set: the value at path (missing parents are created);
 * remove: the member or item at path; insert: value as item index of the
 * array at path (-1 appends); move: item index of the array at path to
 * position to. value is any JSON value; its key order is kept.
 */
export interface FormOp {
  op: "set" | "remove" | "insert" | "move";
  path: string;
  value?: unknown;
  index?: number;
  to?: number;
}

/**
 * Where the value at path (a JSON Pointer) stands, in UTF-16 code units:
 * offset and length cover its token (an object or array from bracket to
 * bracket); key is the offset of its member key's opening quote, -1 for an
 * array item or the root. Of duplicate keys only the last is listed.
 */
export interface ValueSpan {
  path: string;
  key: number;
  offset: number;
  length: number;
}

/** A condition on a sibling value: it is (or, with not, is not) one of values. */
export interface Condition {
  key: string;
  values: unknown[];
  not?: boolean;
}

/** One field of the document; path is a JSON Pointer with "*" for any array index. */
export interface Field {
  path: string;
  /** The action type whose card holds the field (fields of action_list items). */
  action?: string;
  type: "object" | "array" | "string" | "integer" | "number" | "boolean";
  types?: string[];
  label: string;
  help?: string;
  required: boolean;
  requiredIf?: Condition;
  /** Display-width limit: characters in Form.wide count 1, others 0.5. */
  width?: number;
  widthSeverity?: "error" | "warning";
  widthIf?: Condition;
  enum?: { value: unknown; label: string; help?: string }[];
  format?: "url" | "price" | "color" | "code";
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  image?: { width: number; height: number; maxKB?: number; advice: string };
}

export interface Form {
  fields: Field[];
  /** Code point ranges [first, last] counted 1 by the display-width rule. */
  wide: [number, number][];
}

export interface ActionChoice {
  /** An action type, or "banner" (a link with showtype banner). */
  kind: string;
  label: string;
  allowed: boolean;
  /** The code of the rule that refuses it, and its message. */
  code?: string;
  reason?: string;
  /** The action to insert, its required fields empty. */
  item: object;
}

/** Where a document stands in its file (line 1, column 1, offset 0 for a whole file). */
export interface DocRef {
  Name: string;
  Line: number;
  Column: number;
  Offset: number;
}

/**
 * checkBatch's options: the file's name (.ndjson/.jsonl: one document per
 * line), and, for a piece of a file cut at a line break, its first line
 * (1-based) and UTF-16 offset in the file.
 */
export interface BatchOptions {
  name?: string;
  lang?: Lang;
  merchant?: string | object;
  line?: number;
  offset?: number;
  /** The facts of all documents as one Uint8Array of packed facts (result.facts), not in each document. */
  packed?: boolean;
}

/** What the cross-document rules need of a document (schema.DocFacts); pass it back as it came. */
export type DocFacts = { ref: DocRef; keystr: string; keystandard: string; category: string; [k: string]: unknown };

/** One document checked on its own: its issues placed in its file. */
export interface CheckedDoc {
  ref: DocRef;
  issues: Issue[];
  product?: { keystandard: string; keystr: string; title: string };
  facts: DocFacts;
  /** No error of its own (a cross-document one may still come). */
  valid: boolean;
  /** The document's text length in UTF-16 units from ref.Offset in its file. */
  length: number;
}

export interface CatalogueOptions {
  lang?: Lang;
  merchant?: string | object;
  merchantName?: string;
}

export interface CatalogueIssue {
  name: string;
  line: number;
  issue: Issue;
}

/** A catalogue's summary (schema.Summary). */
export interface CatalogueSummary {
  documents: number;
  valid: number;
  invalid: number;
  severities: Record<string, number>;
  codes: Record<string, number>;
  firmCodes: { firmCode: string; verified: boolean; documents: number }[];
  unverified: number;
  unverifiedCodes: string[];
  categories: { category: string; documents: number }[];
}

export interface CatalogueResult {
  /** Per document, in input order: valid with the cross-document rules, and their issues at it. */
  docs: { valid: boolean; issues: CatalogueIssue[] }[];
  /** Issues found at the end (recommended codes outside the catalogue); doc: the document's input index (-1 if none). */
  rest: (CatalogueIssue & { doc: number })[];
  merchant: CatalogueIssue[];
  summary: CatalogueSummary;
}

export interface CatalogueReport {
  format: "json" | "sarif" | "csv";
  /** The media type of bytes. */
  type: string;
  documents: number;
  valid: number;
  invalid: number;
  errors: number;
  warnings: number;
  infos: number;
  /** The report, UTF-8. */
  bytes: Uint8Array;
}
