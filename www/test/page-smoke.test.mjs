// The page in a real browser: served by our server, the real wasm, Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, openPage, screenshotPath } from "./browser.mjs";
import { openApp, ready, pasteAll } from "./page-helpers.mjs";

const env = serverAndBrowser();

test("typing JSON shows a positioned syntax error from the wasm", async () => {
  const page = await openApp(env.browser, env.server.url, { locale: "en-US" });
  const res = await page.goto(env.server.url);
  assert.match(res.headers()["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(res.headers()["content-security-policy"], /'unsafe-eval'/);
  await ready(page);
  await pasteAll(page, '{\n  "keystr": "6901939621608",\n}');
  const issue = page.locator('#issues li[data-code="syntax.trailing_comma"] .pos');
  await issue.waitFor();
  assert.equal(await issue.textContent(), "2:28");
  await page.screenshot({ path: screenshotPath("smoke") });
  assert.deepEqual(page.errors, []);
});

test("the wasm is sent compressed and as application/wasm", async () => {
  const page = await openPage(env.browser, env.server.url);
  const seen = new Promise((resolve) => page.on("response", (r) => { if (r.url().endsWith("/scanpage.wasm")) resolve(r); }));
  await page.goto(env.server.url);
  const r = await seen;
  const h = await r.allHeaders();
  assert.equal(h["content-type"], "application/wasm");
  assert.equal(h["content-encoding"], "br");
});
