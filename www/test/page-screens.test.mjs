// Screenshots of the main states at a laptop's and a phone's size, written
// to artifacts/ to be looked at. Each also checks the layout: side by side
// on the laptop, stacked on the phone, nothing wider than the screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, screenshotPath } from "../../testkit/browser.mjs";
import { randomBytes } from "node:crypto";
import { visit, pasteAll, waitSaved, sample } from "./page-helpers.mjs";

const env = serverAndBrowser();

const sizes = { laptop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } };

/** Boxes of the main regions. */
function boxes(page) {
  return page.evaluate(() => Object.fromEntries(["#editor", "#issues", "#preview", "#barcode", "#merchant-box"].map((sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return [sel, { x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height) }];
  })));
}

for (const [name, viewport] of Object.entries(sizes)) {
  test(`${name} ${viewport.width}×${viewport.height}: first visit, the doc sample with its issues, 中文`, async () => {
    const phone = name === "phone";
    const { page } = await visit(env.browser, env.server.url, { viewport, locale: "en-US", isMobile: phone, hasTouch: phone, deviceScaleFactor: phone ? 2 : 1 });
    await page.locator("#barcode .ean img[src^='blob:']").waitFor();
    const b = await boxes(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.equal(overflow, 0, "nothing wider than the screen");
    if (phone) {
      // On a phone the samples and Recent menus share a row, each at least
      // 120 px wide (the toolbar wraps; on a laptop they take their text's width).
      const menus = await page.evaluate(() => ["#samples", "#recent"].map((s) => Math.round(document.querySelector(s).getBoundingClientRect().width)));
      assert.ok(menus.every((w) => w >= 120), `menus ${menus} px wide`);
    }
    if (phone) {
      assert.ok(b["#editor"].w >= viewport.width - 40, "the editor takes the width");
      assert.ok(b["#editor"].h >= 300, "the editor is tall enough to work in");
      assert.ok(b["#preview"].y > b["#issues"].y, "stacked: the preview below the issues");
      assert.ok(b["#barcode"].y > b["#preview"].y);
    } else {
      assert.ok(b["#preview"].x > b["#editor"].x + b["#editor"].w, "side by side");
      assert.ok(b["#barcode"].x > b["#preview"].x);
      for (const sel of ["#editor", "#preview", "#barcode"]) {
        assert.ok(b[sel].y + b[sel].h <= viewport.height, `${sel} fits the window`);
      }
    }
    await page.screenshot({ path: screenshotPath(`page-${name}-first-visit`) });
    if (phone) {
      // Chromium leaves iframes out of full-page shots: one shot per region instead.
      await page.locator(".preview").scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`page-${name}-preview`) });
      await page.locator("#barcode").scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`page-${name}-barcode`) });
      await page.evaluate(() => scrollTo(0, 0));
    }

    await pasteAll(page, sample("00-doc-sample-verbatim.json.txt"));
    await page.locator('#issues li[data-code="syntax.trailing_comma"]').first().waitFor();
    await page.locator('#issues li[data-code="syntax.trailing_comma"] button.jump').first().click();
    await page.locator(".cm-lintRange-error").filter({ hasText: /^,$/ }).first().hover();
    await page.locator(".cm-tooltip-lint").waitFor();
    await page.screenshot({ path: screenshotPath(`page-${name}-doc-sample`) });
    if (phone) {
      await page.locator("#issues").scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`page-${name}-issues`) });
    }

    await page.locator('button[data-lang="zh"]').click();
    await page.locator("#samples").selectOption("full");
    await page.locator('#preview-tabs input[value="concept"]').check();
    await page.locator("summary").click();
    await page.locator("#merchant").fill('{"brand_tag_list": ["稚优泉"], "verified_list": [{"verified_firm_code": 6954496, "verified_cate_list": [{"verified_cate_id": 538112978, "verified_cate_name": "美妆"}]}]}');
    await page.locator("#verdict[data-valid]").waitFor();
    // The concept layout's action bar (关注 · 入库 · 收藏 · 分享), in Chinese.
    await page.frameLocator("#preview").locator("body", { hasText: "入库" }).waitFor();
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath(`page-${name}-zh`) });
    if (phone) {
      await page.locator("#merchant").scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`page-${name}-zh-merchant`) });
    }
    assert.deepEqual(page.errors, []);
  });
}

for (const [name, viewport] of Object.entries(sizes)) {
  test(`${name} ${viewport.width}×${viewport.height}: the notice (another tab saved), Recent, a long share link`, async () => {
    const phone = name === "phone";
    const { page } = await visit(env.browser, env.server.url, { viewport, locale: "en-US", isMobile: phone, hasTouch: phone, deviceScaleFactor: phone ? 2 : 1 });
    const titled = (title) => JSON.stringify({ keystandard: "ean13", keystr: "6901939621608", brand_info: { base_info: { title } } }, null, 2);
    await pasteAll(page, titled("Mine"));
    await waitSaved(page, (t) => t?.includes("Mine"));
    const id = await page.evaluate(() => sessionStorage.getItem("scanpage:tab"));
    const other = await page.context().newPage();
    await other.goto(env.server.url + "favicon.svg");
    await other.evaluate(([id, text]) => {
      localStorage.setItem(`scanpage:doc:${id}`, text);
      localStorage.setItem(`scanpage:meta:${id}`, JSON.stringify({ saved: Date.now(), by: "elsewhere", rev: 9 }));
    }, [id, titled("Theirs")]);
    await page.locator('#notice[data-kind="conflict"]').waitFor();
    await page.evaluate(() => scrollTo(0, 0));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.equal(overflow, 0, "nothing wider than the screen");
    for (const b of await page.locator("#notice button").all()) {
      const r = await b.boundingBox();
      assert.ok(r.x >= 0 && r.x + r.width <= viewport.width, "the notice's buttons are on the screen");
    }
    await page.screenshot({ path: screenshotPath(`page-${name}-notice-conflict`) });
    await page.locator('#notice button[data-action="conflict.theirs"]').click();
    await page.waitForFunction(() => /Theirs/.test(document.getElementById("editor").shadowRoot.querySelector(".cm-content").textContent));
    await page.waitForFunction(() => document.querySelectorAll("#recent option").length >= 2);
    const options = await page.locator("#recent option").allTextContents();
    assert.ok(options.some((o) => /Theirs|Mine/.test(o)), JSON.stringify(options));
    // A link longer than chat apps carry: the warning and the file.
    await pasteAll(page, JSON.stringify({ keystr: "6901939621608", note: randomBytes(22_000).toString("base64") }));
    await page.locator("#share").click();
    await page.locator("#share-warn").waitFor();
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath(`page-${name}-share-long`) });
    assert.deepEqual(page.errors, []);
    await other.close();
    await page.context().close();
  });
}
