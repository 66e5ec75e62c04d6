// The JS API of js-api.md, through the real scanpage.wasm under Node.
import { test } from "node:test";
import assert from "node:assert/strict";
import { load, declared, wasmModule } from "./lib.mjs";
import { sample } from "../../../testkit/samples.mjs";

const sp = await load();

test("an instance has the calls scanpage.d.ts declares, in both modes, and no others", async () => {
  assert.deepEqual(Object.keys(sp).filter((k) => typeof sp[k] === "function"), await declared("Scanpage"));
  assert.deepEqual(await declared("AsyncScanpage"), await declared("Scanpage"));
});

test("wasmModule compiles the wasm once, and instances load from it", async () => {
  const m = await wasmModule();
  assert.ok(m instanceof WebAssembly.Module);
  assert.equal(await wasmModule(), m, "the same module for the same URL");
  const other = await load({ module: m });
  assert.ok(other.validate("[1,]").issues.some((i) => i.code === "syntax.trailing_comma"));
  other.dispose();
  assert.throws(() => wasmModule({ worker: true }), TypeError);
  await assert.rejects(wasmModule({ wasmURL: "./nowhere.wasm" }), /could not load .*nowhere\.wasm/);
});

test("version is a non-empty string", () => {
  assert.equal(typeof sp.version, "string");
  assert.ok(sp.version.length > 0);
});

test("validate positions a syntax error in UTF-16 units", () => {
  // "标题" is 2 UTF-16 units but 6 bytes: columns must count units.
  const text = '{\n  "标题": "x",\n}';
  const r = sp.validate(text, { lang: "en" });
  assert.equal(r.valid, false);
  const is = r.issues.find((i) => i.code === "syntax.trailing_comma");
  assert.ok(is, JSON.stringify(r.issues));
  assert.equal(is.line, 2);
  assert.equal(is.column, 12);
  assert.equal(text.slice(is.offset, is.offset + is.length), ",");
  assert.match(is.message, /trailing comma/i);
  assert.deepEqual(is.fix, { text: "", edit: { offset: is.offset, length: 1, text: "" } });
  assert.equal(is.severity, "error");
  assert.equal(is.path, "");
});

test("validate speaks Chinese by default and English on request", () => {
  const zh = sp.validate("{").issues[0].message;
  const en = sp.validate("{", { lang: "en" }).issues[0].message;
  assert.match(zh, /[\u4e00-\u9fff]/);
  assert.doesNotMatch(en, /[\u4e00-\u9fff]/);
});

test("validate accepts an object and serialises it", () => {
  const r = sp.validate({ keystandard: "ean13" });
  assert.equal(typeof r.valid, "boolean");
  assert.ok(Array.isArray(r.issues));
  assert.ok(!r.issues.some((i) => i.code.startsWith("syntax.")));
});

test("repair turns the API doc's own sample into JSON and lists its three trailing commas", () => {
  const { text, fixes } = sp.repair(sample("00-doc-sample-verbatim.json.txt"));
  assert.doesNotThrow(() => JSON.parse(text));
  assert.deepEqual(fixes.map((f) => f.code), ["syntax.trailing_comma", "syntax.trailing_comma", "syntax.trailing_comma"]);
  assert.deepEqual(fixes.map((f) => f.line), [12, 55, 60]);
});

test("preview returns an HTML document and a report", () => {
  const r = sp.preview(sample("02-real-zhiyouquan-6954496900556.json"));
  assert.match(r.html, /^<!doctype html>/i);
  assert.equal(typeof r.report.valid, "boolean");
});

test("barcode and digitalLink always return a report", () => {
  const b = sp.barcode("4512345678906");
  assert.equal(typeof b.report.valid, "boolean");
  assert.equal(b.code, "4512345678906");
  const d = sp.digitalLink("4512345678906");
  assert.equal(typeof d.report.valid, "boolean");
});

test("misuse throws a TypeError; bad input never does", () => {
  for (const bad of [undefined, null, 42, true, () => 1, Symbol("x")]) {
    assert.throws(() => sp.validate(bad), TypeError);
  }
  assert.throws(() => sp.repair({}), TypeError);
  assert.throws(() => sp.barcode(4512345678906), TypeError);
  assert.throws(() => sp.validate("{}", "en"), TypeError);
  assert.throws(() => sp.validate("{}", { lang: 7 }), TypeError);
  const cyclic = {};
  cyclic.self = cyclic;
  assert.throws(() => sp.validate(cyclic), TypeError);
  for (const text of ["", "{", "}", "\u0000", "[".repeat(100000), "x".repeat(2 << 20)]) {
    const r = sp.validate(text);
    assert.equal(r.valid, false, JSON.stringify(text.slice(0, 20)));
    assert.ok(r.issues.every((i) => i.line >= 1 && i.column >= 1 && i.offset >= 0 && i.offset + i.length <= text.length));
  }
  // A lone surrogate cannot cross into Go as UTF-8: it arrives as U+FFFD, one unit, so positions still match.
  const lone = '{"a":"\ud800",}';
  const tc = sp.validate(lone).issues.find((i) => i.code === "syntax.trailing_comma");
  assert.equal(lone[tc.offset], ",");
});

test("the instance survives thousands of random inputs of random types", () => {
  let seed = 7;
  const rnd = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  const pieces = ['{', '}', '[', ']', '"', ':', ',', '1', '-', 'true', 'null', '"keystr"', '，', '“', "'", '\\', '\n', '/*', '中', '\ud83d\ude00', ' '];
  const values = [() => 1, () => null, () => undefined, () => ({ a: [1] }), () => [], () => "x", () => 3.5, () => true];
  for (let i = 0; i < 3000; i++) {
    let text = "";
    for (let j = rnd(40); j > 0; j--) text += pieces[rnd(pieces.length)];
    const fn = ["validate", "repair", "preview", "barcode", "digitalLink"][rnd(5)];
    const arg = rnd(4) === 0 ? values[rnd(values.length)]() : text;
    const opts = rnd(3) === 0 ? values[rnd(values.length)]() : { lang: rnd(2) ? "en" : "zh" };
    try {
      sp[fn](arg, opts);
    } catch (e) {
      assert.ok(e instanceof TypeError, `${fn}(${JSON.stringify(arg)}) threw ${e}`);
    }
  }
  const after = sp.validate('[1,]').issues.find((i) => i.code === "syntax.trailing_comma");
  assert.deepEqual([after.line, after.column, after.offset, after.length], [1, 3, 2, 1]);
});

test("inputs over the limits are refused quickly", () => {
  const t0 = performance.now();
  const big = sp.validate(`{"a":"${"x".repeat(1 << 20)}"}`);
  const deep = sp.validate("[".repeat(65) + "]".repeat(65));
  assert.ok(big.issues.some((i) => i.code === "syntax.too_large"));
  assert.ok(deep.issues.some((i) => i.code === "syntax.too_deep"));
  assert.ok(performance.now() - t0 < 2000);
});

test("several instances coexist; dispose ends one, not the others", async () => {
  const a = await load();
  const b = await load();
  a.dispose();
  assert.throws(() => a.validate("{}"), /after dispose/);
  assert.ok(Array.isArray(b.validate("{").issues));
  assert.ok(Array.isArray(sp.validate("{").issues));
  b.dispose();
});

test("load rejects with a clear error when the wasm is missing", async () => {
  await assert.rejects(load({ wasmURL: "./no-such.wasm" }), /could not load .*no-such\.wasm/);
});

test("stats reports the Go heap and the wasm memory", () => {
  const s = sp.stats();
  for (const k of ["heapAlloc", "heapInuse", "heapSys", "sys", "numGC", "mallocs", "memoryBytes"]) {
    assert.equal(typeof s[k], "number", k);
  }
  assert.ok(s.memoryBytes >= s.heapSys / 2 && s.memoryBytes % 65536 === 0);
  const before = sp.stats().mallocs;
  sp.validate('{"a": [1, 2, 3]}');
  assert.ok(sp.stats().mallocs > before, "validate allocates, so mallocs must grow");
});

test("dispose after heavy use leaves no timer behind to throw", async () => {
  const doc = sample("04-reconstructed-full-features.json");
  const x = await load();
  for (let i = 0; i < 2000; i++) { x.validate(doc); x.preview(doc); }
  const thrown = [];
  const onError = (e) => thrown.push(e.message);
  process.on("uncaughtException", onError);
  try {
    x.dispose();
    await new Promise((r) => setTimeout(r, 600));
  } finally {
    process.off("uncaughtException", onError);
  }
  assert.deepEqual(thrown, []);
  assert.throws(() => x.validate("{}"), /after dispose/);
});
