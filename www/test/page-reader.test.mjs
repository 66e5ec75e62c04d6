// One JSON reader: what the page shows about a document comes from the
// validator (Go), never from a second reading in JavaScript. These are the
// defects the page's own scanner caused, in Chromium with the real wasm.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser } from "../../testkit/browser.mjs";
import { visit as visitApp, pasteAll, savedDoc, waitSaved, sample } from "./page-helpers.mjs";

const env = serverAndBrowser();
const visit = () => visitApp(env.browser, env.server.url, { locale: "en-US" });

test("the barcode panel shows keystr as the validator read it: slips stepped over, the last of two", async () => {
  const { page } = await visit();
  const caption = page.locator("#barcode .ean figcaption");
  for (const doc of [
    "{'keystandard': 'ean13', 'keystr': '6901939621608'}",
    '{"keystandard": "ean13", "keystr"："6901939621608"}',
    "{“keystandard”: “ean13”, “keystr”: “6901939621608”}",
    '{"keystandard": "ean13", "keystr": "6900000000000", "keystr": "6901939621608"}',
  ]) {
    // From a document without a code, so that what is waited for is this one's.
    await pasteAll(page, "{}");
    await caption.filter({ hasText: "no barcode" }).waitFor();
    await pasteAll(page, doc);
    await page.waitForFunction(() => !/no barcode/.test(document.querySelector("#barcode .ean figcaption").textContent));
    assert.equal(await caption.textContent(), "EAN-13 6901939621608", doc);
    assert.deepEqual(await page.locator("#barcode .ean-issues li").evaluateAll((lis) => lis.map((li) => li.dataset.code)), [], doc);
    assert.equal(await page.locator("#barcode .ean img[src^='blob:']").count(), 1, doc);
  }
  assert.deepEqual(page.errors, []);
});

/** Resolves once the page has marked name (a performance mark) more times than before. */
async function nextMark(page, name, before) {
  await page.waitForFunction(([n, b]) => performance.getEntriesByName(n).length > b, [name, before]);
}
const marks = (page, name) => page.evaluate((n) => performance.getEntriesByName(n).length, name);

test("a 10,000-deep paste is refused at once, and neither it nor typing blocks the page", async () => {
  const { page } = await visit();
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.longTasks.push(e.duration); }).observe({ type: "longtask" });
  });
  let previews = await marks(page, "sp:preview");
  await pasteAll(page, "[".repeat(10_000) + "]".repeat(10_000));
  await page.locator('#issues li[data-code="syntax.too_deep"]').waitFor();
  await nextMark(page, "sp:preview", previews); // the preview and the barcode panel too
  await page.keyboard.press("End");
  previews = await marks(page, "sp:preview");
  const t0 = Date.now();
  await page.keyboard.type("x");
  await nextMark(page, "sp:preview", previews);
  const keystroke = Date.now() - t0;
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200))); // let a last long task be reported
  const longest = Math.max(0, ...await page.evaluate(() => window.longTasks));
  // The old page spent seconds per paste and per keystroke reading the text again.
  assert.ok(longest < 800, `longest task ${longest.toFixed(0)} ms`);
  assert.ok(keystroke < 800, `a keystroke took ${keystroke} ms to its preview`);
  assert.deepEqual(page.errors, []);
});

test("a fix clicked while a check is pending is applied to the text it was computed for", async () => {
  const { page } = await visit();
  // A document large enough that its check waits for a pause in typing,
  // with a trailing comma at its very end.
  const d = JSON.parse(sample("04-reconstructed-full-features.json"));
  d.brand_info.detail_info.detail_list = Array.from({ length: 9_000 }, (_, i) => ({ title: `属性${i}`, desc: `第${i}行的说明文字` }));
  const doc = JSON.stringify(d, null, 2).replace(/\n}$/, ",\n}");
  assert.ok(Buffer.byteLength(doc) < 1 << 20, "within the validator's limit");
  const lines = doc.split("\n").length;
  await pasteAll(page, doc);
  const row = page.locator('#issues li[data-code="syntax.trailing_comma"]');
  await row.waitFor();
  assert.equal(await row.getAttribute("data-line"), String(lines - 1));
  await waitSaved(page, (t, n) => t?.length === n, doc.length);
  // A newline at the very start moves the comma one line down; the fix is
  // clicked before the check of the new text has run.
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.press("Enter");
  const lineAtClick = await page.evaluate(() => {
    const li = document.querySelector('#issues li[data-code="syntax.trailing_comma"]');
    li.querySelector("button.fix").click();
    return li.dataset.line;
  });
  assert.equal(lineAtClick, String(lines - 1), "the check of the new text had already run: the test proves nothing");
  const want = "\n" + doc.replace(/,\n}$/, "\n}");
  // A large document is saved once typing pauses: wait for the newline.
  await waitSaved(page, (t) => t?.startsWith("\n"));
  const got = await savedDoc(page);
  let at = 0;
  while (at < want.length && got[at] === want[at]) at++;
  assert.equal(got, want, `exactly the comma is gone; the first difference is at ${at}: ${JSON.stringify(got.slice(at - 20, at + 20))}`);
  assert.deepEqual(page.errors, []);
});
