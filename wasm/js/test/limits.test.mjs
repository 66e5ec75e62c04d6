// Options and lengths at the boundary, through the real scanpage.wasm under
// Node: unknown options become warnings in the report; a document over the
// limit and an over-long barcode code are answered without being copied
// into the wasm (its memory does not grow by their size).
import { test } from "node:test";
import assert from "node:assert/strict";
import { load } from "./lib.mjs";

const sp = await load();

test("an unknown option name is a warning in the report, in both languages", () => {
  const en = sp.validate("{}", { langg: "en", lang: "en" });
  const is = en.issues.find((i) => i.code === "options.unknown");
  assert.ok(is, JSON.stringify(en.issues));
  assert.equal(is.severity, "warning");
  assert.equal(is.path, "/langg");
  assert.match(is.message, /Unknown option `langg`; it is ignored \(known: lang, page, layout, merchant\)/);
  const zh = sp.validate("{}", { langg: "en" }).issues.find((i) => i.code === "options.unknown");
  assert.match(zh.message, /未知的选项 `langg`/);
  for (const [fn, arg, opts] of [["preview", "{}", { size: 1 }], ["repair", "{}", { merchant: "{}" }], ["barcode", "4512345678906", { xdimm: 0.3 }], ["digitalLink", "4512345678906", { levle: "H" }]]) {
    const r = sp[fn](arg, opts);
    const issues = r.report?.issues ?? r.fixes;
    assert.ok(issues.some((i) => i.code === "options.unknown" && i.path === `/${Object.keys(opts)[0]}`), `${fn}: ${JSON.stringify(issues)}`);
  }
});

test("a lang that is neither zh nor en is a warning, and zh is used", () => {
  const r = sp.validate("{", { lang: "fr" });
  const is = r.issues.find((i) => i.code === "options.value");
  assert.ok(is, JSON.stringify(r.issues));
  assert.equal(is.message, "`options.lang` \"fr\" 不是 zh 或 en；使用 zh。");
  assert.ok(!sp.validate("{}", { lang: "en-GB" }).issues.some((i) => i.code.startsWith("options.")));
  const b = sp.barcode("4512345678906", { lang: "de" });
  assert.ok(b.report.issues.some((i) => i.code === "options.value"));
  assert.equal(b.report.valid, true, "a warning about options does not make the code invalid");
});

test("a document over 1 MiB is answered without being copied into the wasm", () => {
  const big = "x".repeat(48 << 20);
  const before = sp.stats().memoryBytes;
  const r = sp.validate(big, { lang: "en" });
  assert.deepEqual(r.issues.map((i) => i.code), ["syntax.too_large"]);
  assert.match(r.issues[0].message, /The document is 48\.0 MiB, over the 1 MiB limit/);
  const pg = sp.preview(big);
  assert.match(pg.html, /^<!doctype html>/i);
  assert.equal(pg.report.issues[0].code, "syntax.too_large");
  const rep = sp.repair(big);
  assert.ok(rep.text === big, "repair leaves a document it could not check as it is");
  assert.equal(rep.fixes[0].code, "syntax.too_large");
  const grown = sp.stats().memoryBytes - before;
  assert.ok(grown < 8 << 20, `the wasm memory grew by ${grown} bytes`);
  // Just over the limit in UTF-8 but not in UTF-16 units: still refused (3 bytes a character).
  const cjk = "中".repeat((1 << 20) / 3 + 1);
  assert.equal(sp.validate(cjk).issues[0].code, "syntax.too_large");
});

test("a barcode code longer than 64 characters is refused, without copying it", () => {
  const before = sp.stats().memoryBytes;
  for (const fn of ["barcode", "digitalLink"]) {
    const r = sp[fn]("1".repeat(32 << 20), { lang: "en" });
    assert.deepEqual(r.report.issues.map((i) => i.code), ["barcode.too_long"], fn);
    assert.match(r.report.issues[0].message, /longer than 64 characters/);
    assert.equal(r.svg, undefined);
  }
  assert.equal(sp.barcode("1".repeat(65)).report.issues[0].code, "barcode.too_long");
  assert.notEqual(sp.barcode("1".repeat(64)).report.issues[0]?.code, "barcode.too_long");
  const grown = sp.stats().memoryBytes - before;
  assert.ok(grown < 8 << 20, `the wasm memory grew by ${grown} bytes`);
});
