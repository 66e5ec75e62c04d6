// Offline: after the first visit the service worker has the page, the
// bundle, the loader and the wasm; with the network off a reload still
// checks documents.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serverAndBrowser, startServer, poll } from "../../testkit/browser.mjs";
import { visit, ready, pasteAll, savedDoc, waitSaved, issueRows, endOfLine } from "./page-helpers.mjs";

const site = fileURLToPath(new URL("../../build/site/", import.meta.url));
const env = serverAndBrowser();

test("with the network off, a reload still edits and checks (service worker)", async () => {
  const { page } = await visit(env.browser, env.server.url, { locale: "en-US", serviceWorkers: "allow" });
  // The worker installs (caching the shell) and takes control of this page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const version = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("scanpage-")));
  assert.equal(version.length, 1, "one cache");
  assert.match(version[0], /^scanpage-[0-9a-f]{16}$/, "named after the build");
  await pasteAll(page, '{\n  "keystr": "6901939621608"\n}');
  await waitSaved(page, (t) => t?.includes("6901939621608"));

  await page.context().setOffline(true);
  const fromSW = [];
  page.on("response", (r) => { if (r.fromServiceWorker()) fromSW.push(new URL(r.url()).pathname); });
  await page.reload();
  await ready(page);
  assert.ok(fromSW.includes("/scanpage.wasm"), `the wasm came from the service worker: ${fromSW}`);
  assert.ok(fromSW.includes("/dist/app.js"));
  // The document typed before going offline is back, and checking works.
  assert.equal(await savedDoc(page), '{\n  "keystr": "6901939621608"\n}');
  await endOfLine(page, 2);
  await page.keyboard.type(",");
  await page.locator('#issues li[data-code="syntax.trailing_comma"]').waitFor();
  assert.equal((await issueRows(page)).find((r) => r.code === "syntax.trailing_comma").line, 2);
  await page.locator(".cm-lintRange-error").filter({ hasText: /^,$/ }).waitFor();
  // The preview and the barcode work offline too.
  await page.locator("#barcode .ean img[src^='blob:']").waitFor();
  assert.ok((await page.locator("#preview").getAttribute("srcdoc")).length > 0);
  await page.context().setOffline(false);
  assert.deepEqual(page.errors, []);
});

test("?nosw removes the service worker (for development)", async () => {
  const { page } = await visit(env.browser, env.server.url, { locale: "en-US", serviceWorkers: "allow" });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.goto(env.server.url + "?nosw");
  await ready(page);
  await poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length === 0));
  await page.reload();
  await ready(page);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
  assert.deepEqual(page.errors, []);
});

test("a new build replaces the cache and the page says to reload", async () => {
  // Our own copy of the built site, so that this test can make a "new build" of it.
  const dir = mkdtempSync(join(tmpdir(), "scanpage-site-"));
  cpSync(site, dir, { recursive: true });
  const copy = await startServer({ dir });
  try {
    const { page } = await visit(env.browser, copy.url, { locale: "en-US", serviceWorkers: "allow" });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const [old] = await page.evaluate(() => caches.keys());
    const sw = join(dir, "sw.js");
    writeFileSync(sw, readFileSync(sw, "utf8").replace(/const VERSION = "[0-9a-f]+";/, 'const VERSION = "0123456789abcdef";'));
    await page.reload();
    await ready(page);
    await poll(async () => JSON.stringify(await page.evaluate(() => caches.keys())) === '["scanpage-0123456789abcdef"]');
    assert.notEqual(old, "scanpage-0123456789abcdef");
    await page.locator("#status", { hasText: /new version/ }).waitFor();
    assert.deepEqual(page.errors, []);
  } finally {
    copy.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("only the app's own page is the offline page: a visited file is not (issue 15 #5)", async () => {
  const { page } = await visit(env.browser, env.server.url, { locale: "en-US", serviceWorkers: "allow" });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // Another in-scope navigation, through the worker.
  const res = await page.goto(env.server.url + "favicon.svg");
  assert.equal(res.status(), 200);
  await page.context().setOffline(true);
  try {
    await page.goto(env.server.url);
    await ready(page);
    assert.equal(await page.locator(".cm-content").count(), 1, "the app, not the file");
    const stored = await page.evaluate(async () => {
      const cache = await caches.open((await caches.keys())[0]);
      return (await cache.match("./")).headers.get("content-type");
    });
    assert.match(stored, /^text\/html/);
  } finally {
    await page.context().setOffline(false);
  }
});
