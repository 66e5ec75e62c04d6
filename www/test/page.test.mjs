// The page in Chromium, with the real wasm, served by our server: the
// editor's diagnostics, the issues panel, Repair and Format, samples,
// preview, barcode downloads, storage, share links, languages, keyboard.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serverAndBrowser } from "../../testkit/browser.mjs";
import { load } from "../../build/package/scanpage.js";
import { visit as visitApp, ready, pasteAll, savedDoc, waitSaved, issueRows, linesOf, endOfLine, sample } from "./page-helpers.mjs";

const env = serverAndBrowser();
let sp;
before(async () => {
  sp = await load(); // the same wasm under Node: what the page should show
});
after(() => sp?.dispose());

/** A fresh visitor (empty storage) on the page, in English unless asked. */
const visit = (opts = {}) => visitApp(env.browser, env.server.url, { locale: "en-US", acceptDownloads: true, ...opts });

const full = sample("04-reconstructed-full-features.json");

test("the page loads under its CSP, without console errors, and opens with a valid product previewed", async () => {
  const { page, res } = await visit({ serviceWorkers: "allow" });
  const header = res.headers()["content-security-policy"];
  assert.match(header, /default-src 'self'/);
  assert.match(header, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(header, /'unsafe-eval'/);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  // frame-ancestors works only as a header (a meta tag's is ignored, with a warning).
  assert.match(header, /frame-ancestors 'self'/);
  assert.equal(meta, header.replace("; frame-ancestors 'self'", ""), "the meta tag repeats the header");
  // No inline script, no inline handler.
  assert.equal(await page.locator("script:not([src])").count(), 0);
  assert.equal(await page.evaluate(() => [...document.querySelectorAll("*")].filter((el) => [...el.attributes].some((a) => a.name.startsWith("on"))).length), 0);
  // The first visit shows a complete, valid product: editor, preview, barcode.
  assert.equal(await savedDoc(page), null, "nothing saved before the user changes something");
  assert.equal(await page.locator("#verdict").getAttribute("data-valid"), "true");
  assert.equal(await page.locator("#issues li.issue.sev-error").count(), 0);
  const title = JSON.parse(full).brand_info.base_info.title;
  await page.frameLocator("#preview").locator("body", { hasText: title }).waitFor();
  assert.equal(await page.locator("#preview").getAttribute("sandbox"), "allow-same-origin", "sandboxed, no allow-scripts");
  const ean = page.locator("#barcode .ean img");
  await ean.waitFor();
  assert.match(await ean.getAttribute("src"), /^blob:/);
  assert.ok((await ean.evaluate((img) => img.naturalWidth)) > 0, "the EAN symbol is drawn");
  assert.match(await page.locator("#barcode .ean figcaption").textContent(), new RegExp(JSON.parse(full).keystr));
  assert.deepEqual(page.errors, []);
});

test("typing a trailing comma shows an error diagnostic on that line at once", async () => {
  const { page } = await visit();
  await page.locator("#samples").selectOption("ean8");
  await page.locator(".cm-line", { hasText: "category_id" }).waitFor();
  const lines = sample("05-reconstructed-ean8-minimal.json").split("\n");
  const n = lines.findIndex((l) => l.includes('"category_id"')) + 1; // the last member of base_info
  const marks = ".cm-lintRange-error, .cm-lintPoint-error";
  const before = await linesOf(page, marks);
  assert.ok(!before.includes(n));
  await endOfLine(page, n);
  await page.keyboard.type(",");
  // Within a frame or two: no debounce.
  await page.waitForFunction(([m, k]) => document.getElementById("editor").shadowRoot.querySelectorAll(m).length === k, [marks, before.length + 1], { polling: "raf", timeout: 1000 });
  assert.ok((await linesOf(page, marks)).includes(n), "the comma is marked on its line");
  assert.ok((await linesOf(page, ".cm-lint-marker-error")).includes(n), "the gutter marks the line");
  const comma = page.locator(".cm-lintRange-error").filter({ hasText: /^,$/ });
  assert.deepEqual(await linesOf(page, comma), [n], "the underline covers exactly the comma, on its line");
  const rows = await issueRows(page);
  const row = rows.find((r) => r.code === "syntax.trailing_comma");
  assert.ok(row, JSON.stringify(rows));
  assert.equal(row.severity, "error");
  assert.equal(row.line, n);
  assert.match(row.text, /trailing comma/i);
  assert.equal(await page.locator("#verdict").getAttribute("data-valid"), "false");
  // Hovering the comma shows the message in the chosen language.
  await comma.hover();
  await page.locator(".cm-tooltip-lint", { hasText: /trailing comma/i }).waitFor();
  assert.deepEqual(page.errors, []);
});

test("zero-length issues are visible: a missing comma and a cut-short document", async () => {
  const { page } = await visit();
  await pasteAll(page, '{\n  "a": 1\n  "b": 2\n}');
  // A zero-width caret mark: "attached", as it takes no room, and drawn in red.
  await page.locator(".cm-lintPoint-error").first().waitFor({ state: "attached" });
  assert.ok((await issueRows(page)).some((r) => r.code === "syntax.missing_comma" && r.line === 2));
  assert.ok((await linesOf(page, ".cm-lintPoint-error")).includes(2));
  assert.ok((await linesOf(page, ".cm-lint-marker-error")).includes(2));
  const mark = await page.locator(".cm-lintPoint-error").evaluate((el) => ({ h: el.getBoundingClientRect().height, shadow: getComputedStyle(el).boxShadow }));
  assert.ok(mark.h > 10, `the caret is line-high (${mark.h}px)`);
  assert.match(mark.shadow, /rgb\(198, 40, 40\)/);
  await pasteAll(page, '{\n  "a": [1, 2');
  await page.locator('#issues li[data-code="syntax.truncated"]').waitFor();
  assert.equal(await page.locator(".cm-lintPoint-error").count(), 1, "a point at the end of the text");
  assert.deepEqual(await linesOf(page, ".cm-lintPoint-error"), [2]);
});

test("pasting the API doc's sample lists its issues; Repair fixes the syntax; undo brings it back", async () => {
  const { page } = await visit();
  const doc = sample("00-doc-sample-verbatim.json.txt");
  await pasteAll(page, doc);
  await page.locator('#issues li[data-code="syntax.trailing_comma"]').first().waitFor();
  assert.equal(await savedDoc(page), doc);
  const rows = await issueRows(page);
  const commas = rows.filter((r) => r.code === "syntax.trailing_comma");
  assert.deepEqual(commas.map((r) => r.line), [12, 55, 60]);
  assert.ok(commas.every((r) => r.severity === "error"));
  const counted = Number(await page.locator('#counts [data-severity="error"]').getAttribute("data-n"));
  assert.equal(counted, rows.filter((r) => r.severity === "error").length, "the count matches the rows");
  assert.equal(await page.locator(".cm-lint-marker-error").count() >= 3, true);

  await page.locator("#repair").click();
  await page.waitForFunction(() => !document.querySelector('#issues li[data-code^="syntax."]'));
  const repaired = await savedDoc(page);
  assert.doesNotThrow(() => JSON.parse(repaired));
  assert.match(await page.locator("#status").textContent(), /Repaired 3/);
  assert.equal(JSON.parse(repaired).brand_info.module_info.module_list[0].native_show, "fales", "Repair only fixes syntax");

  await page.locator(".cm-content").focus();
  await page.keyboard.press("ControlOrMeta+Z");
  await page.locator('#issues li[data-code="syntax.trailing_comma"]').first().waitFor();
  assert.equal(await savedDoc(page), doc);
  assert.deepEqual(page.errors, []);
});

test("one-click fixes, from the issues panel and from the diagnostic's tooltip; a click on an issue moves the cursor", async () => {
  const { page } = await visit();
  await pasteAll(page, '{\n  "a": 1,\n  "b": [1, 2,],\n}');
  await page.locator('#issues li[data-code="syntax.trailing_comma"]').nth(1).waitFor();
  // Click the second issue: the cursor goes to its line.
  const second = page.locator('#issues li[data-code="syntax.trailing_comma"]').nth(1);
  const line = Number(await second.getAttribute("data-line"));
  await second.locator("button.jump").click();
  assert.deepEqual(await linesOf(page, ".cm-activeLine"), [line]);
  assert.equal(await page.evaluate(() => document.getElementById("editor").shadowRoot.activeElement?.classList.contains("cm-content")), true, "the editor has the focus");
  // Fix it from the panel.
  await second.locator("button.fix").click();
  await page.waitForFunction(() => document.querySelectorAll('#issues li[data-code="syntax.trailing_comma"]').length === 1);
  // And the other one from the tooltip.
  await page.locator(".cm-lintRange-error").filter({ hasText: /^,$/ }).hover();
  await page.locator(".cm-tooltip-lint .cm-diagnosticAction").click();
  await page.waitForFunction(() => !document.querySelector('#issues li[data-code^="syntax."]'));
  assert.deepEqual(JSON.parse(await savedDoc(page)), { a: 1, b: [1, 2] });
});

test("Format re-indents and keeps literals; it refuses broken JSON and says why", async () => {
  const { page } = await visit();
  await pasteAll(page, '{"keystr":"6954496901201","p":{"retail_price":"12.00","n":1.50},"l":[4,9]}');
  await page.locator("#format").click();
  await waitSaved(page, (t) => t?.includes("\n"));
  assert.equal(await savedDoc(page), '{\n  "keystr": "6954496901201",\n  "p": {"retail_price": "12.00", "n": 1.50},\n  "l": [4, 9]\n}\n');
  await pasteAll(page, '{"a":1,}');
  await page.locator("#format").click();
  assert.match(await page.locator("#status").textContent(), /not JSON yet/);
  assert.equal(await savedDoc(page), '{"a":1,}');
});

test("the samples menu: the API doc's sample first and verbatim; choosing a sample updates the preview", async () => {
  const { page } = await visit();
  const values = await page.locator("#samples option").evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(values, ["", "doc", "doc-fixed", "real", "sdk", "full", "ean8", "empty"]);
  const frame = page.locator("#preview");
  await page.locator("#samples").selectOption("ean8");
  const ean8 = JSON.parse(sample("05-reconstructed-ean8-minimal.json"));
  await page.frameLocator("#preview").locator("body", { hasText: ean8.brand_info.base_info.title }).waitFor();
  const before = await frame.getAttribute("srcdoc");
  await page.locator("#samples").selectOption("real");
  const real = JSON.parse(sample("02-real-zhiyouquan-6954496900556.json"));
  await page.frameLocator("#preview").locator("body", { hasText: real.brand_info.base_info.title }).waitFor();
  assert.notEqual(await frame.getAttribute("srcdoc"), before);
  assert.equal(await savedDoc(page), sample("02-real-zhiyouquan-6954496900556.json"));
  await page.locator("#samples").selectOption("doc");
  await page.locator('#issues li[data-code="syntax.trailing_comma"]').first().waitFor();
  assert.equal(await savedDoc(page), sample("00-doc-sample-verbatim.json.txt"), "byte for byte");
  assert.equal(await page.locator("#samples").inputValue(), "", "the menu is ready for the next choice");
  // The tabs choose the page and the layout: the frame shows exactly what preview() gives.
  const doc = sample("00-doc-sample-verbatim.json.txt");
  for (const [page_, layout] of [["detail", "classic"], ["antifake", "concept"], ["home", "concept"]]) {
    await page.locator(`#preview-tabs input[value="${page_}"]`).check();
    await page.locator(`#preview-tabs input[value="${layout}"]`).check();
    const want = sp.preview(doc, { lang: "en", page: page_, layout }).html;
    await page.waitForFunction((h) => document.getElementById("preview").getAttribute("srcdoc") === h, want);
  }
  assert.deepEqual(page.errors, []);
});

test("the PNG download scans as the document's code (zbarimg); sizes follow the choices; the Digital Link QR", async () => {
  const { page } = await visit();
  const code = JSON.parse(full).keystr;
  const dir = mkdtempSync(join(tmpdir(), "scanpage-dl-"));
  try {
    await page.locator("#barcode select[name=ppm]").selectOption("3");
    const [png] = await Promise.all([page.waitForEvent("download"), page.locator('button[data-download="png"]').click()]);
    assert.equal(png.suggestedFilename(), `${code}-ean13-3px.png`);
    const file = join(dir, "code.png");
    await png.saveAs(file);
    const bytes = readFileSync(file);
    assert.equal(bytes.subarray(1, 4).toString(), "PNG");
    assert.equal(bytes.readUInt32BE(16), 113 * 3, "113 modules of 3 px (quiet zones included)");
    const scanned = execFileSync("zbarimg", ["-q", "--raw", "--nodbus", file], { encoding: "utf8" }).trim();
    assert.equal(scanned, code);

    await page.locator("#barcode select[name=xdim]").selectOption("0.495");
    const [svg] = await Promise.all([page.waitForEvent("download"), page.locator('button[data-download="svg"]').click()]);
    assert.equal(svg.suggestedFilename(), `${code}-ean13-0.495mm.svg`);
    await svg.saveAs(join(dir, "code.svg"));
    const text = readFileSync(join(dir, "code.svg"), "utf8");
    assert.match(text, /<svg[^>]*width="55\.935mm"/, "113 modules × 0.495 mm");
    assert.match(text, new RegExp(`aria-label="EAN-13 ${code}"`));

    // The GS1 Digital Link QR of the same GTIN, shown and downloadable.
    await page.locator("#barcode .qr img[src^='blob:']").waitFor();
    assert.equal(await page.locator("#barcode .qr .uri").textContent(), `https://id.gs1.org/01/0${code}`);
    const [qr] = await Promise.all([page.waitForEvent("download"), page.locator('button[data-download="qr"]').click()]);
    assert.equal(qr.suggestedFilename(), `${code}-digital-link.svg`);
    await qr.saveAs(join(dir, "qr.svg"));
    assert.match(readFileSync(join(dir, "qr.svg"), "utf8"), /<svg[\s>]/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.deepEqual(page.errors, []);
});

test("reload restores the document, the merchant context, the language and the choices", async () => {
  const { page } = await visit();
  await page.locator("#samples").selectOption("ean8");
  await endOfLine(page, 6); // "title": "小耿哥酱油",
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.type(" 500ml");
  await page.locator("summary").click();
  await page.locator("#merchant").fill('{"brand_tag_list": ["小耿哥8"]}');
  await page.locator('#preview-tabs input[value="concept"]').check();
  await page.locator("#barcode select[name=ppm]").selectOption("6");
  await page.locator('button[data-lang="zh"]').click();
  const doc = await savedDoc(page);
  assert.match(doc, /"小耿哥酱油 500ml"/);
  await page.reload();
  await ready(page);
  await page.locator(".cm-line", { hasText: "小耿哥酱油 500ml" }).waitFor();
  assert.equal(await savedDoc(page), doc);
  assert.equal(await page.locator("#merchant").inputValue(), '{"brand_tag_list": ["小耿哥8"]}');
  assert.equal(await page.locator("#merchant-box").evaluate((d) => d.open), true);
  assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
  assert.equal(await page.locator("#format").textContent(), "格式化");
  assert.equal(await page.locator('#preview-tabs input[value="concept"]').isChecked(), true);
  assert.equal(await page.locator("#barcode select[name=ppm]").inputValue(), "6");
  assert.deepEqual(page.errors, []);
});

test("a share link carries the document in its hash and wins over what was stored", async () => {
  const { page } = await visit();
  const mine = sample("05-reconstructed-ean8-minimal.json");
  const theirs = sample("00-doc-sample-verbatim.json.txt");
  await pasteAll(page, theirs);
  await page.locator("#share").click();
  await page.waitForFunction(() => document.getElementById("share-url").value !== "");
  const url = await page.locator("#share-url").inputValue();
  assert.ok(url.startsWith(env.server.url + "#doc="), url);
  // Another visitor, with a document of their own, opens the link.
  const { page: other } = await visitApp(env.browser, env.server.url, { locale: "en-US" });
  await pasteAll(other, mine);
  await other.goto("about:blank");
  await other.goto(url);
  await ready(other);
  await other.locator('#issues li[data-code="syntax.trailing_comma"]').first().waitFor();
  assert.equal(await savedDoc(other), theirs, "the shared document is opened and kept");
  assert.equal(new URL(other.url()).hash, "", "the hash is dropped: a reload keeps later edits");
  assert.match(await other.locator("#status").textContent(), /shared link/);
  // Pasting a link into the address bar of an open page loads it too (undoably).
  await pasteAll(other, mine);
  await other.goto(url);
  await waitSaved(other, (t, want) => t === want, theirs);
  assert.equal(new URL(other.url()).hash, "");
  await other.locator(".cm-content").focus();
  await other.keyboard.press("ControlOrMeta+Z");
  await waitSaved(other, (t, want) => t === want, mine);
  assert.deepEqual([...page.errors, ...other.errors], []);
});

test("the merchant context: checked against, its own issues shown, jumped to and fixed in its box", async () => {
  const { page } = await visit();
  await page.locator("#merchant-box summary").click();
  const box = page.locator("#merchant");
  // The merchant's firm code does not cover keystr: the document's issue, at keystr.
  await box.fill('{"brand_tag_list": ["稚优泉"], "verified_firm_code_list": [6901234], "verified_cate_list": [{"verified_cate_id": 538112978, "verified_cate_name": "x"}]}');
  const firm = page.locator('#issues li[data-code="keystr.firm_code"]');
  await firm.waitFor();
  assert.match(await firm.textContent(), /61323/);
  assert.equal(await page.locator("#verdict").getAttribute("data-valid"), "false");
  // A slip in the merchant text: its own row, marked, that selects the place in the box.
  await box.fill('{"brand_tag_list": ["稚优泉"],}');
  const row = page.locator('#issues li[data-source="merchant"][data-code="syntax.trailing_comma"]');
  await row.waitFor();
  assert.match(await row.locator(".pos").textContent(), /1:27/);
  await row.locator("button.jump").click();
  assert.deepEqual(await box.evaluate((t) => [document.activeElement === t, t.selectionStart, t.selectionEnd]), [true, 26, 27]);
  await row.locator("button.fix").click();
  await page.waitForFunction(() => !document.querySelector('#issues li[data-source="merchant"]'));
  assert.equal(await box.inputValue(), '{"brand_tag_list": ["稚优泉"]}');
  assert.equal(await page.evaluate(() => localStorage.getItem("scanpage:merchant")), '{"brand_tag_list": ["稚优泉"]}');
  assert.deepEqual(page.errors, []);
});

test("a very large document (800 K characters) is checked and saved once typing pauses", async () => {
  const { page } = await visit();
  const d = JSON.parse(full);
  d.brand_info.detail_info.detail_list = Array.from({ length: 9000 }, (_, i) => ({ title: `属性${i}`, desc: `这是第${i}行的说明文字，约二十个字左右` }));
  const big = JSON.stringify(d, null, 2);
  await pasteAll(page, big);
  await waitSaved(page, (t, n) => t?.length === n, big.length);
  // A trailing comma near the top: found, and the document saved with it.
  await endOfLine(page, 3); // "keystr": "…",
  await page.keyboard.press("Backspace");
  await page.keyboard.type(",,");
  await page.locator('#issues li[data-code^="syntax."]').first().waitFor();
  await waitSaved(page, (t, n) => t?.length === n + 1, big.length);
  await page.reload();
  await ready(page);
  assert.equal((await savedDoc(page)).length, big.length + 1);
  assert.deepEqual(page.errors, []);
});

test("中文 / English: the browser's language first, then the toggle; messages follow", async () => {
  const { page: zh } = await visitApp(env.browser, env.server.url, { locale: "zh-CN" });
  await pasteAll(zh, '{"a": 1,}');
  const row = zh.locator('#issues li[data-code="syntax.trailing_comma"] .msg');
  await row.waitFor();
  assert.match(await row.textContent(), /[\u4e00-\u9fff]/);
  assert.equal(await zh.locator("#repair").textContent(), "修复语法");
  assert.equal(await zh.locator('button[data-lang="zh"]').getAttribute("aria-pressed"), "true");
  await zh.locator('button[data-lang="en"]').click();
  await zh.waitForFunction(() => /trailing comma/i.test(document.querySelector('#issues li[data-code="syntax.trailing_comma"] .msg')?.textContent ?? ""));
  assert.equal(await zh.locator("#repair").textContent(), "Repair");
  assert.equal(await zh.locator("html").getAttribute("lang"), "en");
  assert.equal(await zh.locator(".cm-content").getAttribute("aria-label"), "Product JSON editor");
  assert.deepEqual(zh.errors, []);
});

test("keyboard and labels: every control is named, Tab leaves the editor, focus is visible", async () => {
  const { page } = await visit();
  const controls = "button, select, input, textarea, iframe, [contenteditable=true]";
  const unnamed = await page.evaluate((sel) => [...document.querySelectorAll(sel), ...document.getElementById("editor").shadowRoot.querySelectorAll(sel)]
    .filter((el) => !el.closest("[hidden]"))
    .filter((el) => !(el.labels?.length || el.getAttribute("aria-label") || el.getAttribute("title") || el.textContent.trim()))
    .map((el) => el.outerHTML.slice(0, 80)), controls);
  assert.deepEqual(unnamed, []);
  await page.locator(".cm-content").focus();
  await page.keyboard.press("Tab");
  const after = await page.evaluate(() => document.getElementById("editor").shadowRoot.activeElement?.closest(".cm-editor") ? "editor" : document.activeElement?.tagName);
  assert.notEqual(after, "editor", "Tab does not trap the focus in the editor");
  // On a fresh page the skip link is the first stop and leads to the editor.
  await page.reload();
  await ready(page);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.className), "skip");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => !!document.getElementById("editor").shadowRoot.activeElement?.closest(".cm-editor")), true, "after the skip link: the editor");
  const outline = await page.locator("#format").evaluate((b) => { b.focus(); return getComputedStyle(b).outlineStyle; });
  assert.notEqual(outline, "none");
});

test("completion offers the schema's keys and enum values", async () => {
  const { page } = await visit();
  await pasteAll(page, '{\n  "keystandard": ""\n}');
  // Inside the empty string value: the enum.
  await endOfLine(page, 2);
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Control+Space");
  await page.locator(".cm-tooltip-autocomplete li", { hasText: "ean13" }).waitFor();
  await page.locator(".cm-tooltip-autocomplete li", { hasText: "ean8" }).click();
  await waitSaved(page, (t) => t?.includes('"keystandard": "ean8"'));
  // A new key: typing a quote offers the missing top-level keys.
  await page.keyboard.press("End");
  await page.keyboard.type(',\n"');
  await page.locator(".cm-tooltip-autocomplete li", { hasText: "keystr" }).waitFor();
  const offered = await page.locator(".cm-tooltip-autocomplete li .cm-completionLabel").allTextContents();
  assert.equal(offered[0], "keystr", "required keys first, in the schema's order");
  assert.ok(offered.includes("brand_info"));
  assert.ok(!offered.includes("keystandard"), "present keys are not offered again");
  // Accept only once the list has settled with keystr selected (a busy
  // machine may still be refreshing it).
  await page.locator('.cm-tooltip-autocomplete li[aria-selected="true"]', { hasText: "keystr" }).waitFor();
  // CodeMirror ignores Enter for its interactionDelay (75 ms) after the list
  // opens or is refreshed, which the check's redraw can do: wait as a reader
  // of the list would.
  await page.waitForTimeout(300);
  await page.keyboard.press("Enter");
  await waitSaved(page, (t) => /"keystr": ""/.test(t));
  assert.deepEqual(page.errors, []);
});
