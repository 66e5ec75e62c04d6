// The Form view in Chromium: a document built from the empty template by
// keyboard alone, form edits undone in the text byte for byte, a text edit
// shown in the form, two actions reordered, a refused action with its
// reason, a text edit shown in place while a field is being typed in, and
// screenshots at a laptop's and a phone's size.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, screenshotPath } from "../../testkit/browser.mjs";
import { visit, sample, savedDoc, waitSaved, pasteAll } from "./page-helpers.mjs";

const env = serverAndBrowser();

// The document: as the page saved it, or the first visit's sample.
const text = async (page) => (await savedDoc(page)) ?? sample("04-reconstructed-full-features.json");
const control = (page, key) => page.locator(`#form [data-key="${key}"]`);

/** Types into the form control at pointer key, then Tab commits it (a change event). */
async function fill(page, key, value) {
  const c = control(page, key);
  await c.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(value);
  await page.keyboard.press("Tab");
  await page.waitForFunction(([k, v]) => document.querySelector(`#form [data-key="${k}"]`)?.value === v, [key, value]);
}

/** Presses a form button by keyboard. */
async function press(page, key) {
  await control(page, key).focus();
  await page.keyboard.press("Enter");
}

const L = "/brand_info/action_info/action_list";

test("keyboard alone builds a valid document from the empty template", async () => {
  const { page } = await visit(env.browser, env.server.url, { viewport: { width: 1366, height: 900 }, locale: "en-US" });
  await page.locator("#samples").selectOption("empty");
  await page.locator("#tab-json").focus();
  await page.keyboard.press("ArrowRight"); // to the Form tab
  await page.locator("#form fieldset").first().waitFor();

  await fill(page, "/keystr", "6901939621608");
  // Tab moved on to the next control, re-rendered and kept.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.key), "/brand_info/base_info/title");
  await fill(page, "/brand_info/base_info/title", "西湖龙井");
  await fill(page, "/brand_info/base_info/thumb_url", "https://img.example/t.jpg");
  await fill(page, "/brand_info/base_info/brand_tag", "龙井");
  await fill(page, "/brand_info/base_info/category_id", "538112978");
  for (const [i, t, d] of [[0, "产地", "杭州"], [1, "净含量", "250g"]]) {
    await press(page, "/brand_info/detail_info/detail_list|add");
    await fill(page, `/brand_info/detail_info/detail_list/${i}/title`, t);
    await fill(page, `/brand_info/detail_info/detail_list/${i}/desc`, d);
  }
  // Actions: the kind by type-ahead in the select, then the Add button.
  for (const kind of ["Retail", "Link", "Official"]) {
    await control(page, `${L}|kind`).focus();
    await page.keyboard.type(kind);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForFunction((k) => document.querySelectorAll(`#form [data-key^="${k}/"][data-key$="|remove"]`).length > 0, L);
  }
  await page.locator(`#form [data-key="${L}/2|remove"]`).waitFor();
  await fill(page, `${L}/0/retail_price`, "28.00");
  await fill(page, `${L}/1/name`, "官网");
  await fill(page, `${L}/1/link`, "https://example.com/");
  await fill(page, `${L}/2/appid`, "wx0123456789abcdef");
  await press(page, "/brand_info/module_info/module_list|add");
  const ns = control(page, "/brand_info/module_info/module_list/0/native_show");
  // native_show is a real yes/no: a checkbox, toggled with Space.
  assert.equal(await ns.getAttribute("type"), "checkbox");
  await ns.focus();
  const states = [];
  for (let i = 0; i < 2; i++) {
    const was = await control(page, "/brand_info/module_info/module_list/0/native_show").isChecked();
    await page.keyboard.press("Space");
    const want = `"native_show": "${!was}"`;
    await waitSaved(page, (t, w) => (t ?? "").includes(w), want);
    states.push(!was);
  }
  if (!states[1]) {
    await page.keyboard.press("Space");
    await waitSaved(page, (t) => (t ?? "").includes('"native_show": "true"'));
  }

  assert.equal(await text(page), `{
  "keystandard": "ean13",
  "keystr": "6901939621608",
  "brand_info": {
    "base_info": {
      "title": "西湖龙井",
      "thumb_url": "https://img.example/t.jpg",
      "brand_tag": "龙井",
      "category_id": 538112978
    },
    "detail_info": {
      "detail_list": [
        {
          "title": "产地",
          "desc": "杭州"
        },
        {
          "title": "净含量",
          "desc": "250g"
        }
      ]
    },
    "action_info": {
      "action_list": [
        {
          "type": "price",
          "retail_price": "28.00"
        },
        {
          "type": "link",
          "name": "官网",
          "link": "https://example.com/"
        },
        {
          "type": "user",
          "appid": "wx0123456789abcdef"
        }
      ]
    },
    "module_info": {
      "module_list": [
        {
          "type": "anti_fake",
          "native_show": "true"
        }
      ]
    }
  }
}
`);
  await page.locator('#verdict[data-valid="true"]').waitFor();
  assert.deepEqual(page.errors, []);
});

test("a form edit is undone in the text byte for byte; a text edit shows in the form", async () => {
  const { page } = await visit(env.browser, env.server.url, { viewport: { width: 1366, height: 900 }, locale: "en-US" });
  const before = await text(page);
  await page.locator("#tab-form").click();
  await fill(page, "/brand_info/base_info/title", "新名字");
  const after = await text(page);
  assert.notEqual(after, before);
  assert.equal(after, before.replace('"稚优泉隔离霜50ml"', '"新名字"'), "one minimal edit");
  await page.locator("#tab-json").click();
  await page.locator(".cm-content").focus();
  await page.keyboard.press("ControlOrMeta+Z");
  await waitSaved(page, (t, b) => t === b, before);

  // Typing in the text: the form shows it.
  await page.locator(".cm-line", { hasText: '"title": "稚优泉隔离霜50ml"' }).click();
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.type("X");
  await page.locator("#tab-form").click();
  assert.equal(await control(page, "/brand_info/base_info/title").inputValue(), "稚优泉隔离霜50mlX");
  assert.deepEqual(page.errors, []);
});

test("reordering two actions moves exactly those two items; a second text is refused with its reason", async () => {
  const { page } = await visit(env.browser, env.server.url, { viewport: { width: 1366, height: 900 }, locale: "en-US" });
  const before = await text(page);
  await page.locator("#tab-form").click();
  const text4 = before.split("\n").find((l) => l.includes('"type": "text"')).trim().replace(/,$/, "");
  const link5 = before.split("\n").find((l) => l.includes('"type": "link"')).trim().replace(/,$/, "");
  await press(page, `${L}/4|down`);
  await waitSaved(page, (t, b) => t !== null && t !== b, before);
  assert.equal(await text(page), before.replace(text4, "\u0000").replace(link5, text4).replace("\u0000", link5));
  // The focus stays on the same button, now the fifth card's.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.key), `${L}/4|down`);

  const opt = page.locator(`#form [data-key="${L}|kind"] option[value="text"]`);
  assert.equal(await opt.isDisabled(), true);
  assert.match(await page.locator('#form .refusals li[data-kind="text"]').innerText(), /second text action/);
  assert.deepEqual(page.errors, []);
});

test("Tab onto a fix that the commit makes go away lands on the next control, not the page", async () => {
  const { page } = await visit(env.browser, env.server.url, { viewport: { width: 1366, height: 900 }, locale: "en-US" });
  await page.locator("#samples").selectOption("doc-fixed"); // keystr 6900000000000: a wrong check digit, with a fix
  await page.locator("#tab-form").click();
  await control(page, "/keystr|fix|keystr.check_digit").waitFor();
  await control(page, "/keystr").focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("6900000000007");
  await page.keyboard.press("Tab"); // onto the fix button, which the commit removes
  await waitSaved(page, (t) => (t ?? "").includes('"6900000000007"'));
  await page.waitForFunction(() => !document.querySelector('#form [data-key="/keystr|fix|keystr.check_digit"]'));
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.key), "/brand_info/base_info/title");
  assert.deepEqual(page.errors, []);
});

test("Tab out of an edited field lands on the next control, as in any form", async () => {
  const { page } = await visit(env.browser, env.server.url, { viewport: { width: 1366, height: 900 }, locale: "en-US" });
  await page.locator("#tab-form").click();
  const title = "/brand_info/base_info/title";
  await control(page, title).waitFor();
  // The control after each field in the form's order: where Tab goes.
  const after = (key) => page.evaluate((k) => {
    const all = [...document.querySelectorAll("#form input, #form select, #form button")].filter((e) => !(/** @type {HTMLInputElement} */ (e).disabled));
    return /** @type {HTMLElement} */ (all[all.findIndex((e) => /** @type {HTMLElement} */ (e).dataset.key === k) + 1])?.dataset.key;
  }, key);
  // The code first, one digit too many; then the title. Each commit redraws
  // the form while Tab is moving the focus.
  for (const key of ["/keystr", title]) {
    const next = await after(key);
    assert.ok(next, `a control follows ${key}`);
    await control(page, key).focus();
    await page.keyboard.press("End");
    await page.keyboard.type("7");
    await page.keyboard.press("Tab");
    await page.waitForTimeout(500); // the check and the redraws after the Tab
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.key ?? document.activeElement?.tagName), next, `Tab out of ${key}`);
  }
  assert.deepEqual(page.errors, []);
});

test("a text edit updates the form in place: the field being typed in keeps its element, focus, caret and uncommitted text", async () => {
  const { page } = await visit(env.browser, env.server.url, { viewport: { width: 1366, height: 900 }, locale: "en-US" });
  await page.locator("#tab-form").click();
  const title = control(page, "/brand_info/base_info/title");
  await title.waitFor();
  // Elements are marked; a form rebuilt whole would lose the marks.
  const tag = (key) => page.evaluate((k) => { /** @type {any} */ (document.querySelector(`#form [data-key="${CSS.escape(k)}"]`)).kept = k; }, key);
  const kept = (key) => page.evaluate((k) => /** @type {any} */ (document.querySelector(`#form [data-key="${CSS.escape(k)}"]`))?.kept === k, key);
  for (const k of ["/brand_info/base_info/title", "/brand_info/base_info/brand_tag", "/brand_info/detail_info/detail_list/0/title", `${L}/4|down`]) await tag(k);
  // Typing in the title, not committed, the caret after the third character.
  await title.focus();
  await page.keyboard.press("End");
  await page.keyboard.type("ABC");
  await page.evaluate(() => /** @type {HTMLInputElement} */ (document.activeElement).setSelectionRange(3, 3));
  // Meanwhile the text changes elsewhere: the brand tag, and a fourth detail row.
  const edit = (from, to) => page.evaluate(([a, b]) => {
    const view = /** @type {any} */ (document.getElementById("editor").shadowRoot.querySelector(".cm-content")).cmTile.root.view;
    const text = view.state.doc.toString();
    const at = text.indexOf(a);
    if (at < 0) throw new Error(`not in the text: ${a}`);
    view.dispatch({ changes: { from: at, to: at + a.length, insert: b }, userEvent: "input.type" });
  }, [from, to]);
  await edit('"brand_tag": "稚优泉"', '"brand_tag": "新品牌"');
  await page.waitForFunction(() => /** @type {HTMLInputElement} */ (document.querySelector('#form [data-key="/brand_info/base_info/brand_tag"]'))?.value === "新品牌");
  await edit('"desc": "50ml"', '"desc": "60ml"');
  await page.waitForFunction(() => /** @type {HTMLInputElement} */ (document.querySelector('#form [data-key="/brand_info/detail_info/detail_list/0/desc"]'))?.value === "60ml");
  const doc = await page.evaluate(() => /** @type {any} */ (document.getElementById("editor").shadowRoot.querySelector(".cm-content")).cmTile.root.view.state.doc.toString());
  const lastRow = doc.slice(doc.indexOf('"detail_list"')).match(/\{\s*"title": "[^"]*",\s*"desc": "[^"]*"\s*\}(?=\s*\])/)[0];
  await edit(lastRow, `${lastRow}, { "title": "产地", "desc": "上海" }`);
  await control(page, "/brand_info/detail_info/detail_list/3/desc").waitFor();
  assert.equal(await control(page, "/brand_info/detail_info/detail_list/3/desc").inputValue(), "上海");

  // An action's type changed in the text: its card's fields are built anew
  // for the new type (its bar stays), and the kinds one may add follow (a second text
  // action was refused; with no text action left, it is allowed).
  const kindText = page.locator(`#form [data-key="${L}|kind"] option[value="text"]`);
  assert.equal(await kindText.isDisabled(), true);
  await edit('"type": "text"', '"type": "link"');
  await page.waitForFunction((k) => document.querySelector(`#form [data-key="${k}/4/link"]`) !== null, L);
  await page.waitForFunction((k) => !document.querySelector(`#form [data-key="${k}|kind"] option[value="text"]`)?.disabled, L);

  const state = await page.evaluate(() => {
    const a = /** @type {HTMLInputElement} */ (document.activeElement);
    return { key: a.dataset.key, value: a.value, caret: [a.selectionStart, a.selectionEnd] };
  });
  assert.deepEqual(state, { key: "/brand_info/base_info/title", value: "稚优泉隔离霜50mlABC", caret: [3, 3] });
  for (const k of ["/brand_info/base_info/title", "/brand_info/base_info/brand_tag", "/brand_info/detail_info/detail_list/0/title", `${L}/4|down`]) assert.ok(await kept(k), `${k} is the same element`);
  // The uncommitted text is committed by Tab, as before: one edit of the title.
  await page.keyboard.press("Tab");
  await waitSaved(page, (t) => (t ?? "").includes('"title": "稚优泉隔离霜50mlABC"'));
  assert.ok((await text(page)).includes('"brand_tag": "新品牌"'));
  assert.ok(await kept("/brand_info/base_info/title"), "the title is still the same element after its commit");
  assert.deepEqual(page.errors, []);
});

test("a text the form cannot edit shows read-only, naming the line and why; fixed, it is editable again", async () => {
  const { page } = await visit(env.browser, env.server.url, { viewport: { width: 1366, height: 900 }, locale: "en-US" });
  const doc = JSON.parse(sample("04-reconstructed-full-features.json"));
  const lines = JSON.stringify(doc, null, 2).split("\n");
  // A slip Repair fixes on line 2 (single quotes), then on line 3 a key still without its value.
  lines[1] = lines[1].replace(/^  "(\w+)"/, "  '$1'");
  lines.splice(2, 0, '  "note": ,');
  await pasteAll(page, lines.join("\n"));
  await page.locator("#tab-form").click();
  const fatal = page.locator("#form .fatal");
  await fatal.waitFor();
  assert.match(await fatal.textContent(), /^Line 3 has a key with no value/);
  assert.equal(await page.locator("#form fieldset").first().evaluate((f) => f.disabled), true, "read-only");
  assert.equal(await control(page, "/brand_info/base_info/title").inputValue(), doc.brand_info.base_info.title, "what was read is shown");
  // A text the parser cannot read past: its own words.
  await page.locator("#tab-json").click();
  await pasteAll(page, '{"keystr": "6901939621608",\n  "a": ?}');
  await page.locator("#tab-form").click();
  await page.locator("#form .fatal", { hasText: /^Line 2 has a syntax error that cannot be stepped over/ }).waitFor();
  // Fixed: editable again.
  await page.locator("#tab-json").click();
  await pasteAll(page, sample("04-reconstructed-full-features.json"));
  await page.locator("#tab-form").click();
  await fatal.waitFor({ state: "hidden" });
  assert.equal(await page.locator("#form fieldset").first().evaluate((f) => f.disabled), false);
  assert.deepEqual(page.errors, []);
});

test("screenshots of the form at 1366 and 390 px", async () => {
  for (const [name, viewport] of [["laptop", { width: 1366, height: 900 }], ["phone", { width: 390, height: 844 }]]) {
    const phone = name === "phone";
    const { page } = await visit(env.browser, env.server.url, { viewport, locale: "zh-CN", isMobile: phone, hasTouch: phone, deviceScaleFactor: phone ? 2 : 1 });
    await page.locator("#tab-form").click();
    await page.locator("#form .action-add").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.equal(overflow, 0, "nothing wider than the screen");
    await page.screenshot({ path: screenshotPath(`form-${name}`) });
    await page.locator("#form .action-add").scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath(`form-${name}-actions`) });
    assert.deepEqual(page.errors, []);
  }
});
