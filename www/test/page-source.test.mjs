// The preview points back to the source, in Chromium: a click on each kind
// of preview element puts the editor's cursor on its JSON value (the right
// JSON Pointer) and focuses its form field; the cursor, a form field's
// focus and a selected issue outline their element in the preview; XSS
// payloads typed into every form field run nothing in the frame; the code
// field's live check-digit hint and its "complete" button; at 390 px a click
// in the preview (below the form there) focuses the field above it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, screenshotPath } from "../../testkit/browser.mjs";
import { visit, pasteAll, sample, savedDoc, waitSaved } from "./page-helpers.mjs";
import { readFileSync } from "node:fs";

const env = serverAndBrowser();
const full = sample("04-reconstructed-full-features.json");
const xss = JSON.parse(readFileSync(new URL("../../preview/testdata/xss.json", import.meta.url), "utf8"));

/** The value at JSON Pointer p of v (the test's own reading, to compare). */
function at(v, p) {
  for (const s of p.split("/").slice(1)) v = v?.[s.replace(/~1/g, "/").replace(/~0/g, "~")];
  return v;
}

/** The editor's selection and its text (CodeMirror's view, found from its DOM). */
function selection(page) {
  return page.evaluate(() => {
    const view = /** @type {any} */ (document.getElementById("editor").shadowRoot.querySelector(".cm-content")).cmTile.root.view;
    const { from, to, head } = view.state.selection.main;
    return { from, to, head, text: view.state.sliceDoc(from, to) };
  });
}

/** Clicks the element sel of the preview frame, by the mouse at its middle (nothing of Playwright runs in the frame). */
async function clickInFrame(page, sel, nth = 0) {
  const box = await page.evaluate(([s, n]) => {
    const f = /** @type {HTMLIFrameElement} */ (document.getElementById("preview"));
    const el = f.contentDocument?.querySelectorAll(s)[n];
    if (!el) return null;
    el.scrollIntoView({ block: "center" });
    const r = el.getBoundingClientRect();
    const fr = f.getBoundingClientRect();
    const x = r.left + Math.min(r.width / 2, 20);
    const y = r.top + Math.min(r.height / 2, 10);
    // The element the click lands on: the innermost one with a pointer.
    const hit = f.contentDocument?.elementFromPoint(x, y);
    return { x: fr.left + x, y: fr.top + y, path: hit?.closest("[data-path]")?.getAttribute("data-path") };
  }, [sel, nth]);
  assert.ok(box, `no ${sel} in the preview`);
  await page.mouse.click(box.x, box.y);
  return box.path;
}

/** Shows a page of the preview and waits until the frame holds it. */
async function showPage(page, name, probe) {
  await page.locator(`#preview-tabs input[value="${name}"]`).check();
  await page.waitForFunction((s) => !!/** @type {HTMLIFrameElement} */ (document.getElementById("preview")).contentDocument?.querySelector(s), probe, { timeout: 15_000 });
  await page.waitForFunction(() => !/** @type {HTMLIFrameElement} */ (document.getElementById("preview")).inert);
}

const outlined = (page) => page.evaluate(() => /** @type {HTMLIFrameElement} */ (document.getElementById("preview")).contentDocument
  ?.querySelector("[data-outline]")?.getAttribute("data-path") ?? null);

test("a click on each kind of preview element puts the cursor on its JSON value and focuses its form field", async () => {
  const { page } = await visit(env.browser, env.server.url, { viewport: { width: 1366, height: 900 }, locale: "en-US" });
  await pasteAll(page, full);
  await page.locator("#verdict[data-valid='true']").waitFor({ timeout: 15_000 });
  const doc = JSON.parse(full);
  await showPage(page, "home", ".hd-title");
  // Every kind the home page draws, and the detail page's.
  const kinds = [
    ["home", ".hd-title", "/brand_info/base_info/title"],
    ["home", ".box-thumb", "/brand_info/base_info/thumb_url"],
    ["home", ".hd-code", "/keystr"],
    ["home", ".price-row", null],
    ["home", '[data-action="store"]', null],
    ["home", '[data-action="product"]', null],
    ["home", '[data-action="link"]', null],
    ["home", '[data-action="banner"], [data-action="media"]', null], // a page has one or the other
    ["home", '[data-action="text"]', null],
    ["home", '[data-action="user"]', null],
    ["home", '[data-action="card"]', null],
    ["home", '[data-module="anti_fake"]', null],
    ["home", ".tile", null],
    ["detail", ".dt-banner", null],
    ["detail", ".attrs th", null],
    ["detail", ".attrs td", null],
  ];
  const seen = [];
  for (const tab of ["json", "form"]) {
    await page.locator(`#tab-${tab}`).click();
    let shown = "";
    for (const [pg, sel, want] of kinds) {
      if (shown !== pg) {
        await showPage(page, pg, sel);
        shown = pg;
      }
      const count = await page.evaluate((s) => /** @type {HTMLIFrameElement} */ (document.getElementById("preview")).contentDocument?.querySelectorAll(s).length ?? 0, sel);
      assert.ok(count > 0, `the sample shows no ${sel} on ${pg}`);
      const p = await clickInFrame(page, sel, count - 1);
      if (want) assert.equal(p, want, sel);
      assert.match(p, /^\/(keystr|brand_info\/)/, `${sel}: data-path ${p}`);
      // The cursor is on exactly that value: its text is the value's JSON.
      await page.waitForFunction((w) => {
        const view = /** @type {any} */ (document.getElementById("editor").shadowRoot.querySelector(".cm-content")).cmTile.root.view;
        return view.state.selection.main.from !== view.state.selection.main.to;
      }, p);
      const s = await selection(page);
      assert.deepEqual(JSON.parse(s.text), at(doc, p), `${sel} → ${p}: the selection is ${s.text.slice(0, 80)}`);
      // And the field has the focus: the editor in the JSON view, the
      // value's own control (or its card's first) in the form.
      const focus = await page.evaluate(() => {
        // The editor lives in #editor's shadow root: the document's active
        // element is then the host, the root's is the editor's content.
        const host = /** @type {HTMLElement} */ (document.activeElement);
        const a = /** @type {HTMLElement} */ (host.shadowRoot?.activeElement ?? host);
        return { editor: !!a.closest(".cm-editor"), key: a.dataset.key ?? null, form: !!a.closest("#form") };
      });
      if (tab === "json") assert.ok(focus.editor, `${sel}: the editor has the focus`);
      else {
        assert.ok(focus.form, `${sel}: the form has the focus (${JSON.stringify(focus)})`);
        assert.ok(focus.key === p || focus.key?.startsWith(p + "/") || focus.key?.startsWith(p + "|"), `${sel}: focus on ${focus.key}, want ${p}`);
      }
      // The clicked element is outlined.
      assert.equal(await outlined(page), p);
      seen.push(p);
    }
  }
  assert.ok(new Set(seen).size >= 15, `pointers ${[...new Set(seen)]}`);
  await page.screenshot({ path: screenshotPath("source-click-form-1366") });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the outline follows the cursor, a focused form field and a selected issue", async () => {
  const { page } = await visit(env.browser, env.server.url, { viewport: { width: 1366, height: 900 }, locale: "en-US" });
  // A title too wide: its warning is an issue to select.
  const doc = JSON.parse(full);
  doc.brand_info.base_info.title = "西湖龙井明前特级绿茶礼盒装二百五十克官方正品";
  const text = JSON.stringify(doc, null, 2);
  await pasteAll(page, text);
  await page.locator("#verdict[data-valid]").waitFor();
  await showPage(page, "home", ".hd-title");

  // The cursor into a value, by keyboard: End of its line, then into the string.
  // The cursor into a value: a click on its text, two characters in.
  const line = async (needle) => {
    const row = page.locator(".cm-line", { hasText: needle }).first();
    await row.scrollIntoViewIfNeeded();
    const xy = await row.evaluate((el, n) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let full = "";
      const nodes = [];
      for (let t = walker.nextNode(); t; t = walker.nextNode()) { nodes.push([t, full.length]); full += t.textContent; }
      const at = full.indexOf(n) + 2;
      const [node, start] = nodes.filter(([, s]) => s <= at).pop();
      const r = document.createRange();
      r.setStart(node, at - start);
      r.setEnd(node, at - start + 1);
      const b = r.getBoundingClientRect();
      return { x: b.left + 1, y: b.top + b.height / 2 };
    }, needle);
    await page.mouse.click(xy.x, xy.y);
  };
  await line(JSON.stringify(doc.brand_info.base_info.thumb_url));
  // Exactly one element outlined, the thumbnail's. Waited for as a whole: a
  // preview redrawn meanwhile (a check that came late) gets its outline
  // back only once it has loaded.
  await page.waitForFunction(() => {
    const all = /** @type {HTMLIFrameElement} */ (document.getElementById("preview")).contentDocument?.querySelectorAll("[data-outline]");
    return all?.length === 1 && all[0].getAttribute("data-path") === "/brand_info/base_info/thumb_url";
  });
  // Its outline is drawn by the preview's own stylesheet.
  const style = await page.evaluate(() => {
    const el = /** @type {HTMLIFrameElement} */ (document.getElementById("preview")).contentDocument?.querySelector("[data-outline]");
    const cs = el && /** @type {Window} */ (el.ownerDocument.defaultView).getComputedStyle(el);
    return { style: cs?.outlineStyle, width: cs?.outlineWidth, attr: el?.getAttribute("style") };
  });
  assert.deepEqual(style, { style: "solid", width: "2px", attr: null });
  // A value inside an action: its row is outlined.
  const link = doc.brand_info.action_info.action_list.findIndex((a) => a.type === "link" && a.showtype !== "banner");
  await line(JSON.stringify(doc.brand_info.action_info.action_list[link].link));
  await page.waitForFunction((p) => /** @type {HTMLIFrameElement} */ (document.getElementById("preview")).contentDocument?.querySelector("[data-outline]")?.getAttribute("data-path") === p,
    `/brand_info/action_info/action_list/${link}`);
  // A value the preview does not draw: no outline.
  await line('"ean13"');
  await page.waitForFunction(() => !/** @type {HTMLIFrameElement} */ (document.getElementById("preview")).contentDocument?.querySelector("[data-outline]"));

  // A selected issue: the title's width warning.
  await page.locator('#issues li[data-code="base.title.width"] button.jump').click();
  await page.waitForFunction(() => /** @type {HTMLIFrameElement} */ (document.getElementById("preview")).contentDocument?.querySelector("[data-outline]")?.getAttribute("data-path") === "/brand_info/base_info/title");

  // A focused form field.
  await page.locator("#tab-form").click();
  await page.locator('#form [data-key="/brand_info/base_info/thumb_url"]').focus();
  assert.equal(await outlined(page), "/brand_info/base_info/thumb_url");
  await page.locator('#form [data-key="/keystr"]').focus();
  assert.equal(await outlined(page), "/keystr");
  // The outline stays on the next preview the frame loads.
  await page.locator('#preview-tabs input[value="concept"]').check();
  await page.waitForFunction(() => /** @type {HTMLIFrameElement} */ (document.getElementById("preview")).contentDocument?.querySelector("[data-outline]")?.getAttribute("data-path") === "/keystr");
  await page.screenshot({ path: screenshotPath("source-outline-1366") });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("XSS payloads typed into every form field run nothing in the preview frame", async () => {
  const { page } = await visit(env.browser, env.server.url, { viewport: { width: 1366, height: 900 }, locale: "en-US" });
  const context = page.context();
  const origin = new URL(env.server.url).origin;
  const dialogs = [];
  const popups = [];
  const foreign = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  context.on("page", (p) => popups.push(p.url()));
  context.on("request", (r) => {
    const u = new URL(r.url());
    // The author's http(s) images may be requested; nothing else may leave the origin.
    if (u.origin !== origin && !(r.resourceType() === "image" && /^https?:$/.test(u.protocol))) foreign.push(`${r.resourceType()} ${r.url()}`);
  });
  await pasteAll(page, full);
  await page.locator("#verdict[data-valid]").waitFor();
  await page.locator("#tab-form").click();
  await page.locator("#form fieldset").first().waitFor();
  // Every text field of the form gets a payload (the corpus in turn), through
  // the form: a change event, the edit Go computes.
  const keys = await page.locator('#form input[type="text"], #form input[type="url"]').evaluateAll((els) => els.map((e) => /** @type {HTMLElement} */ (e).dataset.key));
  assert.ok(keys.length >= 30, `only ${keys.length} fields`);
  const used = [];
  for (let i = 0; i < keys.length; i++) {
    const payload = xss[i % xss.length];
    used.push(payload);
    // What an input can hold of it (no line breaks), as typed or pasted.
    const typed = await page.evaluate(([k, v]) => {
      const inp = /** @type {HTMLInputElement} */ (document.querySelector(`#form [data-key="${CSS.escape(k)}"]`));
      inp.value = v;
      inp.dispatchEvent(new Event("change", { bubbles: true }));
      return inp.value;
    }, [keys[i], payload]);
    await page.waitForFunction(([k, v]) => /** @type {HTMLInputElement | null} */ (document.querySelector(`#form [data-key="${CSS.escape(k)}"]`))?.dataset.orig === v, [keys[i], typed], { timeout: 15_000 })
      .catch(async (e) => {
        const got = await page.evaluate((k) => {
          const inp = /** @type {HTMLInputElement | null} */ (document.querySelector(`#form [data-key="${CSS.escape(k)}"]`));
          return { orig: inp?.dataset.orig, status: document.getElementById("status")?.textContent };
        }, keys[i]);
        throw new Error(`${keys[i]} = ${JSON.stringify(payload)}: ${JSON.stringify(got)}: ${e.message}`);
      });
  }
  const saved = (await savedDoc(page)) ?? "";
  for (const k of keys.slice(0, 5)) assert.ok(typeof at(JSON.parse(saved), k) === "string", `${k} holds a payload`);
  // Every page of the preview, both layouts, clicked all over.
  for (const layout of ["classic", "concept"]) {
    await page.locator(`#preview-tabs input[value="${layout}"]`).check();
    for (const pg of ["home", "detail", "antifake"]) {
      await page.locator(`#preview-tabs input[value="${pg}"]`).check();
      await page.waitForTimeout(300);
      await page.waitForFunction(() => !/** @type {HTMLIFrameElement} */ (document.getElementById("preview")).inert);
      const n = await page.evaluate(() => /** @type {HTMLIFrameElement} */ (document.getElementById("preview")).contentDocument?.querySelectorAll("[data-path]").length ?? 0);
      for (let i = 0; i < n; i += 3) await clickInFrame(page, "[data-path]", i).catch(() => {});
      const frameScripts = await page.evaluate(() => {
        const d = /** @type {HTMLIFrameElement} */ (document.getElementById("preview")).contentDocument;
        return d ? d.querySelectorAll("script, [onerror], [onload], [onclick], iframe, object, embed").length : -1;
      });
      assert.equal(frameScripts, 0, `${layout}/${pg}: markup that could run`);
    }
  }
  await page.waitForTimeout(500);
  assert.deepEqual(dialogs, [], "a payload ran");
  assert.deepEqual(popups, []);
  assert.deepEqual(foreign, [], "a payload loaded something");
  assert.equal(await page.evaluate(() => /** @type {any} */ (window).xss ?? null), null);
  assert.deepEqual(page.errors.filter((e) => !/^Blocked script execution in 'about:srcdoc'|Failed to load resource/.test(e)), []);
  await context.close();
});

test("keystr: a live check-digit hint, and a button that completes 12 or 7 digits with the digit Go computes", async () => {
  const { page } = await visit(env.browser, env.server.url, { viewport: { width: 1366, height: 900 }, locale: "en-US" });
  await page.locator("#samples").selectOption("empty");
  await page.locator("#tab-form").click();
  const code = page.locator('#form [data-key="/keystr"]');
  await code.waitFor();
  await code.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("690193962160");
  // Live, before anything is committed: the digit and the button.
  const hint = page.locator("#form .code-hint").first();
  await page.waitForFunction(() => /which is 8/.test(document.querySelector("#form .code-hint")?.textContent ?? ""));
  const id = await code.getAttribute("id");
  assert.ok((await code.getAttribute("aria-describedby"))?.split(" ").includes(`${id}-c`), "the hint describes the field");
  const complete = page.getByRole("button", { name: "Complete the check digit" });
  assert.equal(await complete.count(), 1);
  await complete.click();
  await waitSaved(page, (t) => (t ?? "").includes('"keystr": "6901939621608"'));
  assert.equal(await code.inputValue(), "6901939621608");
  await page.waitForFunction(() => document.querySelector("#form .code-hint")?.textContent === "");
  // By keyboard: 7 digits under ean8, Tab to the button, Enter.
  const std = page.locator('#form [data-key="/keystandard"]');
  await std.selectOption({ label: "EAN-8 barcode" });
  await waitSaved(page, (t) => (t ?? "").includes('"keystandard": "ean8"'));
  await code.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("6901234");
  await page.waitForFunction(() => /which is 1/.test(document.querySelector("#form .code-hint")?.textContent ?? ""));
  await page.keyboard.press("Tab");
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-key") === "/keystr|complete");
  await page.keyboard.press("Enter");
  await waitSaved(page, (t) => (t ?? "").includes('"keystr": "69012341"'));
  // A wrong 13th digit: the hint says which one is right, no button.
  await code.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("69012340");
  await page.waitForFunction(() => (document.querySelector("#form .code-hint")?.textContent ?? "").length > 0);
  assert.equal(await complete.count(), 0);
  await page.screenshot({ path: screenshotPath("source-keystr-1366") });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("at 390 px: a click on the preview's title focuses the title's form field above it", async () => {
  const { page } = await visit(env.browser, env.server.url, { viewport: { width: 390, height: 844 }, locale: "zh-CN" });
  await pasteAll(page, full);
  await page.locator("#verdict[data-valid='true']").waitFor({ timeout: 15_000 });
  await page.locator("#tab-form").click();
  await page.locator('#form [data-key="/brand_info/base_info/title"]').waitFor();
  await page.locator("#preview").scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !/** @type {HTMLIFrameElement} */ (document.getElementById("preview")).inert);
  assert.equal(await clickInFrame(page, ".hd-title"), "/brand_info/base_info/title");
  await page.waitForFunction(() => /** @type {HTMLElement} */ (document.activeElement)?.dataset.key === "/brand_info/base_info/title");
  // The field is scrolled into the page's view.
  const r = await page.locator('#form [data-key="/brand_info/base_info/title"]').evaluate((e) => { const b = e.getBoundingClientRect(); return [b.top, b.bottom, innerHeight]; });
  assert.ok(r[0] >= 0 && r[1] <= r[2], `the field is at ${r}`);
  assert.equal(await outlined(page), "/brand_info/base_info/title");
  await page.screenshot({ path: screenshotPath("source-click-390") });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
