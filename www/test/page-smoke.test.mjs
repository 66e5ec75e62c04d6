// The page in a real browser: served by our server, the real wasm, Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, openPage, screenshotPath } from "../../testkit/browser.mjs";
import { visit, pasteAll } from "./page-helpers.mjs";

const env = serverAndBrowser();

test("typing JSON shows a positioned syntax error from the wasm", async () => {
  const { page, res } = await visit(env.browser, env.server.url, { locale: "en-US" });
  assert.match(res.headers()["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(res.headers()["content-security-policy"], /'unsafe-eval'/);
  await pasteAll(page, '{\n  "keystr": "6901939621608",\n}');
  const issue = page.locator('#issues li[data-code="syntax.trailing_comma"] .pos');
  await issue.waitFor();
  assert.equal(await issue.textContent(), "2:28");
  await page.screenshot({ path: screenshotPath("smoke") });
  assert.deepEqual(page.errors, []);
});

test("the wasm is sent compressed and as application/wasm", async () => {
  const page = await openPage(env.browser);
  const seen = new Promise((resolve) => page.on("response", (r) => { if (r.url().endsWith("/scanpage.wasm")) resolve(r); }));
  await page.goto(env.server.url);
  const r = await seen;
  const h = await r.allHeaders();
  assert.equal(h["content-type"], "application/wasm");
  assert.equal(h["content-encoding"], "br");
});

test("load({worker: true}) answers the same calls from a Web Worker, as Promises", async () => {
  // In the page, under its CSP (worker-src 'self'), next to its own instance.
  const { page } = await visit(env.browser, env.server.url, { locale: "en-US" });
  const r = await page.evaluate(async () => {
    const { load } = await import("/scanpage.js");
    const sp = await load({ worker: true });
    const pending = sp.validate('{\n  "a": 1,\n}', { lang: "en" });
    const report = await pending;
    const png = await sp.barcode("6901939621608", { format: "png" });
    let typeError = "";
    try {
      await sp.validate(42);
    } catch (e) {
      typeError = e.name;
    }
    sp.dispose();
    let afterDispose = "";
    try {
      await sp.validate("{}");
    } catch (e) {
      afterDispose = e.message;
    }
    return {
      promise: pending instanceof Promise,
      version: sp.version,
      comma: report.issues.find((i) => i.code === "syntax.trailing_comma"),
      png: png.png instanceof Uint8Array ? [...png.png.slice(1, 4)] : null,
      typeError, afterDispose,
    };
  });
  assert.ok(r.promise, "calls return Promises");
  assert.equal(typeof r.version, "string");
  assert.deepEqual([r.comma?.line, r.comma?.column], [2, 9]);
  assert.deepEqual(r.png, [0x50, 0x4e, 0x47], "the PNG crosses back as a Uint8Array");
  assert.equal(r.typeError, "TypeError");
  assert.match(r.afterDispose, /after dispose/);
  assert.deepEqual(page.errors, []);
});
