// The catalogue through the JS API, as the page's workers use it: each file
// through checkBatch, the documents back through catalogueReport, and the
// report must be byte for byte what `scanpage check` writes on the same
// files (the same Go writers, the same cross-document pass).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { load } from "./lib.mjs";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const cli = join(root, "build/scanpage");
const sp = await load();
let dir;

before(() => {
  dir = mkdtempSync(join(tmpdir(), "scanpage-cat-"));
  // 60 documents with every fault class the generator injects.
  execFileSync("go", ["run", "./bench/catgen/cmd/catgen", "-n", "60", "-seed", "7", "-out", dir], { cwd: root, stdio: "pipe" });
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI's output for args, run in dir (so that names are relative, as the page's are). */
function check(...args) {
  const r = spawnSync(cli, ["check", "-lang", "en", ...args], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 28 });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return r.stdout;
}

/** Files under d in lexical order of their paths, as the CLI walks them. */
function walk(d) {
  const out = [];
  for (const e of readdirSync(d)) {
    const p = join(d, e);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (/\.(json|ndjson|jsonl)$/i.test(p)) out.push(p);
  }
  return out.sort();
}

function checkFiles() {
  const docs = [];
  for (const p of walk(join(dir, "files"))) {
    docs.push(...sp.checkBatch(readFileSync(p, "utf8"), { name: relative(dir, p), lang: "en" }).docs);
  }
  return docs;
}

const text = (r) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(r.bytes);

test("the JSON, SARIF and CSV reports of checkBatch's docs equal scanpage check's on the same files", () => {
  const docs = checkFiles();
  assert.equal(docs.length, 60);
  for (const format of ["json", "sarif", "csv"]) {
    const r = sp.catalogueReport(docs, { format, lang: "en" });
    assert.equal(r.format, format);
    assert.equal(r.documents, 60);
    assert.equal(text(r), check("-format", format, "files"), format);
  }
  const r = JSON.parse(text(sp.catalogueReport(docs, { lang: "en" })));
  // Every fault class shows: the report is not trivially equal.
  const expect = JSON.parse(readFileSync(join(dir, "expect.json"), "utf8"));
  assert.ok(r.invalid > 0 && r.valid > 0, JSON.stringify({ valid: r.valid, invalid: r.invalid }));
  const codes = r.summary.codes;
  assert.ok(codes["catalogue.keystr.duplicate"] >= 1, JSON.stringify(codes));
  assert.equal(r.documents, expect.documents ?? 60);
});

test("an NDJSON file cut into pieces at line breaks, each with its line and offset, reports as the whole file", () => {
  const whole = readFileSync(join(dir, "catalogue.ndjson"), "utf8");
  const lines = whole.split("\n");
  const cut = 23; // the first piece holds lines 1..23
  const first = lines.slice(0, cut).join("\n") + "\n";
  const rest = whole.slice(first.length);
  const docs = [
    ...sp.checkBatch(first, { name: "catalogue.ndjson", lang: "en" }).docs,
    ...sp.checkBatch(rest, { name: "catalogue.ndjson", lang: "en", line: cut + 1, offset: first.length }).docs,
  ];
  assert.equal(docs[cut].ref.Line, cut + 1);
  assert.equal(docs[cut].ref.Offset, first.length);
  // Each document's ref and length cut its text out of the file.
  for (const [i, d] of docs.entries()) assert.equal(whole.slice(d.ref.Offset, d.ref.Offset + d.length), lines[i].replace(/\r$/, ""));
  assert.equal(text(sp.catalogueReport(docs, { lang: "en" })), check("-format", "json", "catalogue.ndjson"));
});

test("catalogueIssues over the facts finds the cross-document issues the report has", () => {
  const docs = checkFiles();
  const cat = sp.catalogueIssues(docs.map((d) => d.facts), { lang: "en" });
  const r = JSON.parse(text(sp.catalogueReport(docs, { lang: "en" })));
  assert.equal(cat.docs.length, docs.length);
  assert.deepEqual(cat.summary, r.summary);
  const found = [...cat.docs.flatMap((d) => d.issues), ...cat.rest.map(({ doc, ...is }) => is)];
  assert.deepEqual(found, r.catalogue);
  assert.deepEqual(cat.docs.map((d) => d.valid), r.files.map((f) => f.valid));
  // An issue found at the end names its document by input index.
  assert.ok(cat.rest.length > 0, "the generated catalogue recommends codes outside it");
  for (const is of cat.rest) assert.deepEqual([docs[is.doc].ref.Name, docs[is.doc].ref.Line], [is.name, is.line]);
});

test("packed facts: checkBatch packs them apart, and the cross pass and the reports read them as they read the JSON", () => {
  const files = walk(join(dir, "files"));
  const plain = checkFiles();
  const docs = [];
  const pieces = [];
  for (const p of files) {
    const r = sp.checkBatch(readFileSync(p, "utf8"), { name: relative(dir, p), lang: "en", packed: true });
    assert.ok(r.facts instanceof Uint8Array);
    for (const d of r.docs) assert.equal("facts" in d, false);
    docs.push(...r.docs);
    pieces.push(r.facts);
  }
  const facts = new Uint8Array(pieces.reduce((n, p) => n + p.byteLength, 0));
  pieces.reduce((at, p) => (facts.set(p, at), at + p.byteLength), 0);
  const json = JSON.stringify(plain.map((d) => d.facts)).length;
  assert.ok(facts.byteLength * 2 < json, `packed ${facts.byteLength} bytes, JSON ${json}`);
  const fromJSON = sp.catalogueIssues(plain.map((d) => d.facts), { lang: "en" });
  assert.deepEqual(sp.catalogueIssues(facts, { lang: "en" }), fromJSON);
  assert.deepEqual(sp.catalogueIssues(pieces, { lang: "en" }), fromJSON, "the pieces, unjoined");
  assert.equal(text(sp.catalogueReport(docs, { lang: "en" }, pieces)), check("-format", "json", "files"));
  for (const format of ["json", "sarif", "csv"]) assert.equal(text(sp.catalogueReport(docs, { format, lang: "en" }, facts)), check("-format", format, "files"), format);
  // Damaged bytes and facts that do not match the docs are refused, with why.
  assert.throws(() => sp.catalogueIssues(facts.subarray(0, facts.byteLength - 3)), /not the packed facts checkBatch returned/);
  assert.throws(() => sp.catalogueIssues(new Uint8Array([7, 1, 2])), /not the packed facts checkBatch returned/);
  assert.throws(() => sp.catalogueReport(docs, {}, pieces[0]), /facts end at document 2 of docs/);
  assert.throws(() => sp.catalogueReport(docs.slice(0, 1), {}, facts), /facts hold more documents than docs/);
  assert.throws(() => sp.catalogueIssues(42), TypeError);
  assert.throws(() => sp.catalogueIssues([pieces[0], pieces[1].subarray(1)]), /piece 2: these bytes are not the packed facts/);
  assert.throws(() => sp.catalogueIssues([pieces[0], plain[0].facts]), /only Uint8Arrays/);
});

test("rest[].doc is the document's input index when documents share a line (a minified array)", () => {
  const one = (f) => JSON.stringify(JSON.parse(readFileSync(join(root, "samples", f), "utf8")));
  // Both on line 1; only the second recommends codes, none of them in the catalogue.
  const text = `[${one("05-reconstructed-ean8-minimal.json")},${one("04-reconstructed-full-features.json")}]`;
  const r = sp.checkBatch(text, { name: "array.json", lang: "en", packed: true });
  assert.deepEqual(r.docs.map((d) => d.ref.Line), [1, 1]);
  const cat = sp.catalogueIssues(r.facts, { lang: "en" });
  assert.ok(cat.rest.length > 0, "the second document's recommendations are outside");
  assert.deepEqual([...new Set(cat.rest.map((is) => is.doc))], [1]);
});

test("catalogueReport refuses what is not checkBatch's docs, and an unknown format", () => {
  assert.throws(() => sp.catalogueReport("{", {}), TypeError);
  assert.throws(() => sp.catalogueReport([], { format: "xml" }), /format must be json, sarif or csv/);
  assert.throws(() => sp.catalogueReport(42), TypeError);
  assert.throws(() => sp.checkBatch("{}", { line: -1 }), /not be negative/);
});

test("barcodeZip: one SVG per code, named by it, that unzip reads", () => {
  const docs = checkFiles();
  const codes = [...new Set(docs.map((d) => d.product?.keystr).filter(Boolean))];
  const r = sp.barcodeZip(codes, {});
  assert.ok(r.zip instanceof Uint8Array && r.zip.length > 0);
  const zip = join(dir, "codes.zip");
  writeFileSync(zip, r.zip);
  const names = execFileSync("unzip", ["-Z1", zip], { encoding: "utf8" }).trim().split("\n");
  const svgs = names.filter((n) => n.endsWith(".svg"));
  assert.equal(svgs.length, r.files);
  assert.equal(r.files + r.skipped, codes.length);
  for (const n of svgs) assert.ok(codes.includes(n.slice(0, -4)), n);
  const svg = execFileSync("unzip", ["-p", zip, svgs[0]], { encoding: "utf8" });
  assert.match(svg, /<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
});
