// The page's safety and keyboard promises, in Chromium: the preview's links
// open nothing whatever the modifier and are no tab stops; the skip link,
// the editor's focus ring and keyboard fixing; the page's small words and
// buttons (plurals, the merchant placeholder, Repair, the 390 px badges);
// summary issues ("N more like this").
import { test } from "node:test";
import assert from "node:assert/strict";
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { serverAndBrowser, screenshotPath } from "../../testkit/browser.mjs";
import { visit, openApp, ready, pasteAll, endOfLine, sample, issueRows, waitSaved } from "./page-helpers.mjs";

const env = serverAndBrowser();
const full = sample("04-reconstructed-full-features.json");

test("preview links open nothing: click with Ctrl, Shift, Meta, the middle button, Ctrl+Enter; and they are no tab stops", async () => {
  const { page } = await visit(env.browser, env.server.url, { locale: "zh-CN", viewport: { width: 1366, height: 900 } });
  const context = page.context();
  const origin = new URL(env.server.url).origin;
  const opened = [];
  context.on("page", (p) => opened.push(p.url()));
  const documents = [];
  context.on("request", (r) => {
    if (r.resourceType() === "document" && new URL(r.url()).origin !== origin) documents.push(r.url());
  });
  await pasteAll(page, full);
  const title = JSON.parse(full).brand_info.base_info.title;
  const frameEl = page.locator("#preview");
  await page.frameLocator("#preview").locator("body", { hasText: title }).waitFor();
  assert.equal(await frameEl.getAttribute("sandbox"), "allow-same-origin", "no allow-scripts, no allow-popups");
  const frame = await (await frameEl.elementHandle()).contentFrame();
  // Every tappable part that leads somewhere (the author's http(s) links).
  const parts = frame.locator("a.go");
  await parts.first().waitFor();
  const n = await parts.count();
  assert.ok(n >= 4, `only ${n} links`);
  for (let i = 0; i < n; i++) {
    const el = parts.nth(i);
    assert.match(await el.getAttribute("title"), /^在新窗口打开：https?:\/\//, "the tooltip still says where it leads");
    await el.click({ modifiers: ["Control"], noWaitAfter: true });
    await el.click({ modifiers: ["Shift"], noWaitAfter: true });
    await el.click({ modifiers: ["Meta"], noWaitAfter: true });
    await el.click({ button: "middle", noWaitAfter: true });
    await el.click({ noWaitAfter: true });
    await el.evaluate((e) => e.focus());
    await page.keyboard.press("Control+Enter");
    await page.keyboard.press("Enter");
  }
  await page.waitForTimeout(500);
  assert.deepEqual(opened, [], "a click opened a page");
  assert.deepEqual(documents, [], "a click requested the author's URL");
  assert.equal(frame.url(), "about:srcdoc", "the preview stayed where it is");
  assert.equal(page.url(), env.server.url);

  // Tab from the layout choice onwards never stops on a link of the preview.
  await page.locator('#preview-tabs input[value="classic"]').focus();
  const stops = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press("Tab");
    stops.push(await page.evaluate(() => {
      const a = document.activeElement;
      if (a?.tagName !== "IFRAME") return a?.id || a?.getAttribute("name") || a?.tagName;
      const inner = /** @type {HTMLIFrameElement} */ (a).contentDocument?.activeElement;
      return `frame:${inner?.tagName}${inner?.className ? "." + inner.className : ""}`;
    }));
  }
  assert.deepEqual(stops.filter((s) => /^frame:A/.test(s)), [], `tab stops: ${stops.join(", ")}`);
  assert.equal(await frame.evaluate(() => document.querySelectorAll("a[href], [tabindex]:not([tabindex='-1'])").length), 0,
    "nothing in the preview is focusable");
  // Playwright's clicks try to run its own helpers in the frame; the
  // sandbox blocks them and says so (the old sandbox="" did the same).
  assert.deepEqual(page.errors.filter((e) => !/^Blocked script execution in 'about:srcdoc'/.test(e)), []);
  await context.close();
});

test("the skip link puts the focus in the editor: typing after Enter edits the document", async () => {
  const { page } = await visit(env.browser, env.server.url, { locale: "zh-CN" });
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.className), "skip");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => !!document.getElementById("editor").shadowRoot.activeElement?.closest(".cm-editor")), true, "the editor has the focus");
  const before = await page.locator(".cm-content").innerText();
  await page.keyboard.type("XYZ");
  await page.waitForFunction(() => document.getElementById("editor").shadowRoot.querySelector(".cm-content")?.textContent?.includes("XYZ"));
  assert.notEqual(await page.locator(".cm-content").innerText(), before);
  await page.context().close();
});

test("the editor shows a focus ring with enough contrast when it has the keyboard focus", async () => {
  const { page } = await visit(env.browser, env.server.url, { locale: "zh-CN" });
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  const ring = await page.locator(".cm-editor").evaluate((el) => {
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor, bg: getComputedStyle(document.body).backgroundColor };
  });
  assert.notEqual(ring.style, "none", "an outline is drawn");
  assert.ok(ring.width >= 2, `outline ${ring.width}px`);
  assert.ok(contrast(ring.color, ring.bg) >= 3, `contrast ${contrast(ring.color, ring.bg).toFixed(2)} of ${ring.color} on ${ring.bg}`);
  await page.context().close();
});

test("keyboard fixing: after Enter on a fix the focus stays in the panel, on the next issue", async () => {
  const { page } = await visit(env.browser, env.server.url, { locale: "en-US" });
  const doc = '{\n  "a": [1,],\n  "b": [2,],\n  "c": [3,],\n  "d": [4,],\n  "e": [5,],\n  "f": [6,]\n}';
  await pasteAll(page, doc);
  await page.waitForFunction(() => document.querySelectorAll('#issues li[data-code="syntax.trailing_comma"]').length === 6);
  await page.locator("#issues button.fix").first().focus();
  let presses = 0;
  while (presses < 30 && await page.locator('#issues li[data-code="syntax.trailing_comma"]').count() > 0) {
    const left = await page.locator('#issues li[data-code="syntax.trailing_comma"]').count();
    const focused = await page.evaluate(() => ({ inPanel: !!document.activeElement?.closest("#issues"), fix: document.activeElement?.classList.contains("fix") }));
    assert.ok(focused.inPanel, `after ${presses} presses the focus left the panel`);
    if (!focused.fix) {
      await page.keyboard.press("Tab");
      presses++;
      continue;
    }
    await page.keyboard.press("Enter");
    presses++;
    await page.waitForFunction((n) => document.querySelectorAll('#issues li[data-code="syntax.trailing_comma"]').length < n, left);
  }
  assert.equal(await page.locator('#issues li[data-code="syntax.trailing_comma"]').count(), 0);
  assert.ok(presses <= 12, `six fixes took ${presses} key presses`);
  assert.equal(await page.evaluate(() => !!document.activeElement?.closest("#issues")), true, "the focus is still in the panel");
  assert.deepEqual(JSON.parse(await waitSaved(page, (t) => t !== null && !/,\s*\]/.test(t))), { a: [1], b: [2], c: [3], d: [4], e: [5], f: [6] });
  await page.context().close();
});

test("small things: plurals, the merchant placeholder, Repair only primary when needed, badges on one line at 390 px", async () => {
  for (const [locale, width] of [["en-US", 390], ["zh-CN", 390], ["en-US", 1366]]) {
    const { page } = await visit(env.browser, env.server.url, { locale, viewport: { width, height: 844 } });
    await pasteAll(page, full);
    await page.locator("#verdict[data-valid='true']").waitFor();
    const counts = await page.locator("#counts .count").allInnerTexts();
    if (locale === "en-US") {
      assert.deepEqual(counts.map((c) => c.replace(/^\d+ /, "N ")).filter((c) => /\(s\)/.test(c)), [], `counts ${counts}`);
      assert.ok(counts.some((c) => /^0 errors$/.test(c)), `counts ${counts}`);
    }
    const placeholder = await page.locator("#merchant").getAttribute("placeholder");
    assert.match(placeholder, /verified_cate_list/);
    assert.match(placeholder, /verified_firm_code_list/);
    assert.doesNotMatch(placeholder, /"verified_list"/);
    const weight = (sel) => page.locator(sel).evaluate((b) => getComputedStyle(b).fontWeight + " " + getComputedStyle(b).borderColor);
    assert.equal(await weight("#repair"), await weight("#format"), "nothing to repair: Repair looks like the other buttons");
    await page.screenshot({ path: screenshotPath(`safety-valid-${locale}-${width}`) });

    await pasteAll(page, '{"keystr": "6901939621608",}');
    await page.locator("#verdict[data-valid='false']").waitFor();
    assert.notEqual(await weight("#repair"), await weight("#format"), "something to repair: Repair is the primary button");
    const texts = await page.locator("#counts .count").allInnerTexts();
    if (locale === "en-US") {
      assert.ok(texts.some((c) => /^1 error$/.test(c)) || texts.some((c) => /^\d+ errors$/.test(c)), `counts ${texts}`);
      assert.doesNotMatch(await page.locator("#verdict").innerText(), /\(s\)/);
    }
    // Every badge and the verdict sit on one line.
    const wrapped = await page.evaluate(() => [...document.querySelectorAll("#counts .count, #verdict")]
      .filter((el) => el.getClientRects().length > 1 || el.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(el).fontSize) + 4)
      .map((el) => el.textContent));
    assert.deepEqual(wrapped, [], `wrapped at ${width} px`);
    await page.screenshot({ path: screenshotPath(`safety-invalid-${locale}-${width}`) });
    // A syntax error Repair cannot fix (a key with no value): not primary.
    await pasteAll(page, '{"keystr": "6901939621608", "title": }');
    await page.locator('#issues li[data-code="syntax.missing_value"]').waitFor();
    assert.equal(await weight("#repair"), await weight("#format"), "nothing Repair can fix: Repair looks like the other buttons");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test("the page runs under a policy without style-src 'unsafe-inline': zero violations through typing, lint tooltip, autocomplete, preview, form view, barcode panel", async () => {
  const page = await openApp(env.browser, env.server.url, { locale: "en-US", viewport: { width: 1366, height: 900 } });
  // Every violation in the page's document, its shadow roots included
  // (the event is composed); the preview frame runs no script, so its
  // violations are caught by their console message.
  await page.addInitScript(() => {
    const seen = /** @type {any} */ (window).__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    }, true);
  });
  const res = await page.goto(env.server.url);
  await ready(page);
  const header = res.headers()["content-security-policy"];
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  for (const csp of [header, meta]) {
    const style = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("style-src "));
    assert.match(style, /^style-src 'self' 'sha256-[A-Za-z0-9+/]+=*'$/, `the policy: ${csp}`);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  }
  const violations = () => page.evaluate(() => /** @type {any} */ (window).__violations);

  // Typing.
  await page.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" x");
  await page.locator("#verdict[data-valid='false']").waitFor();
  // A lint tooltip, with its fix button.
  await pasteAll(page, '{\n  "keystr": "6901939621608",\n  "a": [1,]\n}');
  await page.locator(".cm-lintRange-error, .cm-lintPoint-error").last().hover();
  await page.locator(".cm-tooltip-lint .cm-diagnosticAction").waitFor();
  await page.mouse.move(1300, 880);
  // Autocomplete.
  await endOfLine(page, 2);
  await page.keyboard.press("Enter");
  await page.keyboard.type('"bra');
  await page.keyboard.press("Control+Space");
  await page.locator(".cm-tooltip-autocomplete li").first().waitFor();
  await page.keyboard.press("Escape");
  // The preview, styled by its hashed stylesheet (a srcdoc frame inherits the page's policy).
  await pasteAll(page, full);
  await page.locator("#verdict[data-valid='true']").waitFor();
  const title = JSON.parse(full).brand_info.base_info.title;
  await page.frameLocator("#preview").locator("body", { hasText: title }).waitFor();
  const frame = await (await page.locator("#preview").elementHandle()).contentFrame();
  const styled = await frame.evaluate(() => ({ sheets: document.styleSheets.length, rules: document.styleSheets[0]?.cssRules.length ?? 0, bg: getComputedStyle(document.body).backgroundColor }));
  assert.ok(styled.sheets >= 1 && styled.rules > 10, `the preview's stylesheet applies: ${JSON.stringify(styled)}`);
  assert.equal(styled.bg, "rgb(237, 237, 237)", "the preview's stylesheet colours the body");
  // The barcode panel: the EAN and the Digital Link QR as images.
  for (const sel of [".ean img", ".qr img"]) {
    await page.waitForFunction((s) => { const img = document.querySelector(s); return img?.complete && img.naturalWidth > 0; }, sel);
  }
  // The form view, and back.
  await page.locator("#tab-form").click();
  await page.locator("#form fieldset").first().waitFor();
  await page.locator("#tab-json").click();
  await page.locator(".cm-content").waitFor();
  await page.waitForTimeout(500);

  assert.deepEqual(await violations(), [], "securitypolicyviolation events");
  assert.deepEqual(page.errors, [], "console errors (a violation in the preview frame is one)");
  await page.screenshot({ path: screenshotPath("safety-strict-csp") });
  await page.context().close();
});

test("summary issues (more: N) are rows that say how many more, never positioned or fixable", async () => {
  // The panel module itself, bundled for a blank page.
  const out = await build({
    stdin: { contents: 'export { issuesPanel } from "./issues.js"; export { toDiagnostics } from "./diagnostics.js"; export { setLang } from "./i18n.js";', resolveDir: fileURLToPath(new URL("../src/", import.meta.url)) },
    bundle: true, format: "iife", globalName: "panel", write: false,
  });
  const page = await env.browser.newPage();
  await page.setContent('<h2><span id="counts"></span></h2><ol id="issues"></ol>');
  await page.addScriptTag({ content: out.outputFiles[0].text });
  const got = await page.evaluate(() => {
    const P = /** @type {any} */ (window).panel;
    P.setLang("en");
    const jumps = [];
    const p = P.issuesPanel({ list: document.getElementById("issues"), counts: document.getElementById("counts"), onJump: (is) => jumps.push(is), onFix: () => {} });
    const base = { path: "/a", line: 1, column: 2, offset: 1, length: 1, source: "document" };
    const issues = [
      { ...base, severity: "error", code: "syntax.trailing_comma", message: "Trailing comma", fix: { text: "", edit: { offset: 1, length: 1, text: "" } } },
      { ...base, severity: "error", code: "syntax.trailing_comma", message: "4 more issues like this are not listed (a report lists the first 1,000)", more: 4, line: 9, column: 9, offset: 50 },
    ];
    const n = p.render(issues, '{,} '.repeat(20), "");
    const rows = [...document.querySelectorAll("#issues li")].map((li) => ({
      cls: li.className, buttons: li.querySelectorAll("button").length, fix: li.querySelectorAll("button.fix").length, text: li.textContent,
    }));
    const diags = P.toDiagnostics(issues, '{,} '.repeat(20), () => {});
    return { n, rows, diags: diags.length, counts: document.getElementById("counts").textContent };
  });
  assert.equal(got.n.error, 5, "the left-out issues are counted");
  assert.match(got.counts, /5 errors/);
  assert.equal(got.rows.length, 2);
  assert.equal(got.rows[1].fix, 0, "no fix on a summary");
  assert.equal(got.rows[1].buttons, 0, "nothing to jump to");
  assert.match(got.rows[1].cls, /\bsummary\b/);
  assert.match(got.rows[1].text, /4 more/);
  assert.doesNotMatch(got.rows[1].text, /9:9/, "no position shown");
  assert.equal(got.diags, 1, "the editor underlines only the listed issue");
  // A fix applied below a summary row: the focus goes to the issue now at the
  // fixed one's place, counting the summary rows too.
  const focused = await page.evaluate(() => {
    const P = /** @type {any} */ (window).panel;
    document.getElementById("issues").replaceChildren();
    const p = P.issuesPanel({ list: document.getElementById("issues"), counts: document.getElementById("counts"), onJump: () => {}, onFix: () => {} });
    const at = (code, offset, more) => ({ path: "/a", line: 1, column: offset + 1, offset, length: 1, source: "document", severity: "error", code, message: code, ...(more ? { more } : { fix: { text: "", edit: { offset, length: 1, text: "" } } }) });
    const text = "x".repeat(40);
    const [sum, a, b, c, d] = [at("sum", 0, 7), at("a", 1), at("b", 2), at("c", 3), at("d", 4)];
    p.render([sum, a, b, c, d], text, "");
    /** @type {HTMLElement} */ (document.querySelectorAll("#issues button.fix")[1]).click(); // b's fix
    p.render([sum, a, c, d], text, "");
    return document.activeElement?.closest("li")?.dataset.code;
  });
  assert.equal(focused, "c", "after fixing b, the focus is on c, the issue now in b's place");
  await page.close();
});

/** WCAG contrast of two CSS rgb()/rgba() colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
