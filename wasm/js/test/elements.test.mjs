// The custom elements (scanpage/elements) in Chromium, from the built
// package as a static site serves it, on a CMS-like page: a module script
// and the tags, under the strict CSP the README publishes (no
// 'unsafe-inline' anywhere).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { startServer, launch, openPage, poll, screenshotPath } from "../../../testkit/browser.mjs";
import { strictCSP } from "./lib.mjs";

const pkg = fileURLToPath(new URL("../../../build/package", import.meta.url));
const STRICT = await strictCSP();

/** A document with a coloured header and a link (no picture: nothing leaves the machine). */
const DOC = {
  keystandard: "ean13", keystr: "6901939621608",
  brand_info: {
    base_info: { title: "Red tea", color: "C8102E" },
    action_info: { action_list: [{ type: "link", name: "Shop", link: "https://example.com/shop", showtype: "banner" }, { type: "text", text: "hello" }] },
  },
};

let server, browser;
before(async () => {
  server = await startServer({ dir: pkg });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

/**
 * Opens body (the inside of <body>) as /cms.html under STRICT, with
 * /product.json and the module scripts of modules ({path: source}). It
 * records globalThis's names before any script of the page, the "report"
 * events, and the wasm requests.
 */
async function cms(body, modules = {}, { width = 1366 } = {}) {
  const page = await openPage(browser, { viewport: { width, height: 900 } });
  page.wasm = 0;
  // Routed on the context, so that a worker's fetch is counted too.
  await page.context().route("**/*.wasm", (r) => { page.wasm++; return r.continue(); });
  await page.addInitScript(() => {
    const w = /** @type {any} */ (window);
    w.__names = Object.getOwnPropertyNames(globalThis);
    w.__reports = [];
    document.addEventListener("report", (e) => w.__reports.push(e.target.localName));
  });
  await page.route("**/cms.html", (r) => r.fulfill({ contentType: "text/html", headers: { "content-security-policy": STRICT },
    body: `<!doctype html><html lang="en"><meta charset="utf-8"><title>cms</title><body>${body}</body></html>` }));
  await page.route("**/product.json", (r) => r.fulfill({ contentType: "application/json", body: JSON.stringify(DOC) }));
  for (const [path, source] of Object.entries(modules)) {
    await page.route(`**${path}`, (r) => r.fulfill({ contentType: "text/javascript", body: source }));
  }
  await page.goto(`${server.url}/cms.html`);
  return page;
}

/** Waits until n report events fired. */
const reports = (page, n) => poll(async () => (await page.evaluate(() => /** @type {any} */ (window).__reports.length)) >= n, 60_000);

/** The names globalThis gained since the page started (the probe's own left out). */
const added = (page) => page.evaluate(() => {
  const before = new Set(/** @type {any} */ (window).__names);
  return Object.getOwnPropertyNames(globalThis).filter((n) => !before.has(n) && n !== "__names" && n !== "__reports");
});

test("a CMS page: both elements render under the strict CSP, share one instance, leak nothing", async () => {
  const page = await cms(`<script type="module" src="/elements.js"></script>
<h1>Red tea</h1>
<scanpage-preview page="home"><script type="application/json">${JSON.stringify(DOC)}</script></scanpage-preview>
<p><scanpage-barcode code="6901939621608"></scanpage-barcode>
<scanpage-barcode code="6901939621608" format="png" module-width="2"></scanpage-barcode>
<scanpage-barcode code="6901939621609"></scanpage-barcode></p>`);
  await reports(page, 4);
  // The preview: a sandboxed frame without scripts, styled by the hashed stylesheet, its links inert.
  const frame = await page.evaluate(() => {
    const f = document.querySelector("scanpage-preview").shadowRoot.querySelector("iframe");
    const h = f.contentDocument.querySelector("[data-area=header]");
    return {
      sandbox: f.getAttribute("sandbox"), title: f.title, height: f.getBoundingClientRect().height,
      color: getComputedStyle(h).color, fill: h.querySelector("rect")?.getAttribute("fill"),
      links: f.contentDocument.querySelectorAll("a[href]").length, inert: f.contentDocument.querySelectorAll("a[data-href]").length,
      valid: document.querySelector("scanpage-preview").report.valid,
      lang: document.querySelector("scanpage-preview").report.issues[0].message,
    };
  });
  assert.equal(frame.sandbox, "allow-same-origin", "no allow-scripts");
  assert.equal(frame.title, "Red tea");
  assert.equal(frame.color, "rgb(255, 255, 255)", "the preview's stylesheet applied");
  assert.equal(frame.fill, "#C8102E");
  assert.equal(frame.links, 0, "no link keeps its href");
  assert.ok(frame.inert >= 1, "the link is there, disarmed");
  assert.ok(frame.height > 300, `the frame is as tall as the page: ${frame.height}`);
  assert.equal(frame.valid, false);
  assert.match(frame.lang, /^[\x20-\x7e]+$/, "English messages, from the page's lang");
  // The barcodes: labelled with the digits, SVG inline and PNG through a blob: URL.
  const svg = page.getByRole("img", { name: "EAN-13 6901939621608" });
  assert.equal(await svg.count(), 2);
  const img = await page.evaluate(() => {
    const i = document.querySelectorAll("scanpage-barcode")[1].shadowRoot.querySelector("img");
    return { src: i.src, w: i.naturalWidth, alt: i.alt };
  });
  assert.match(img.src, /^blob:/);
  assert.ok(img.w > 100, `the PNG decoded: ${img.w}px`);
  const first = await page.evaluate(() => {
    const s = document.querySelector("scanpage-barcode").shadowRoot.querySelector("svg");
    return { w: s.getBoundingClientRect().width, bars: s.querySelectorAll("path").length };
  });
  assert.ok(first.w > 100 && first.bars > 0, JSON.stringify(first));
  const refused = await page.evaluate(() => document.querySelectorAll("scanpage-barcode")[2].shadowRoot.querySelector("[role=alert]")?.textContent);
  assert.match(refused, /check digit/i, "a refused code shows why, in English");
  await page.screenshot({ path: screenshotPath("elements-1366"), fullPage: true });
  assert.equal(page.wasm, 1, "one instance for all the elements");
  // An app's instance handed over after the elements loaded their own: they render again with it
  // (theirs is disposed).
  await page.evaluate(async () => {
    const { load } = await import("/scanpage.js");
    const { useInstance } = await import("/elements.js");
    useInstance(await load({ worker: true }));
  });
  await reports(page, 8);
  assert.equal(await page.getByRole("img", { name: "EAN-13 6901939621608" }).count(), 2);
  assert.deepEqual(await added(page), [], "nothing added to globalThis");
  assert.deepEqual(page.errors, [], "no CSP violation, no error");
  await page.context().close();
});

test("the document from src, from the doc property, and a changed page attribute render again", async () => {
  const page = await cms(`<script type="module" src="/elements.js"></script>
<scanpage-preview id="a" src="/product.json" lang="zh"></scanpage-preview>
<scanpage-preview id="b"></scanpage-preview>`, {}, { width: 390 });
  await reports(page, 1);
  await page.evaluate((doc) => { document.querySelector("#b").doc = { ...doc, brand_info: { ...doc.brand_info, base_info: { title: "Green tea", color: "2E7D32" } } }; }, DOC);
  await reports(page, 2);
  const r = await page.evaluate(() => ({
    a: document.querySelector("#a").shadowRoot.querySelector("iframe").title,
    zh: document.querySelector("#a").report.issues[0].message,
    b: document.querySelector("#b").shadowRoot.querySelector("iframe").contentDocument.querySelector("[data-area=header] rect")?.getAttribute("fill"),
  }));
  assert.equal(r.a, "Red tea");
  assert.match(r.zh, /[\u4e00-\u9fff]/, "lang=zh on the element wins over the page's");
  assert.equal(r.b, "#2E7D32");
  await page.evaluate(() => document.querySelector("#a").setAttribute("page", "detail"));
  await reports(page, 3);
  const detail = await page.evaluate(() => document.querySelector("#a").shadowRoot.querySelector("iframe").contentDocument.body.outerHTML.length);
  assert.ok(detail > 0);
  await page.screenshot({ path: screenshotPath("elements-390"), fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("useInstance shares an app's instance (main thread or worker): the wasm is fetched once", async () => {
  for (const worker of [false, true]) {
    const app = `import { load } from "/scanpage.js";
import { useInstance } from "/elements.js";
const sp = load({ worker: ${worker} });
useInstance(sp);
(await sp).validate("[1,]");
document.body.dataset.app = "ready";`;
    const page = await cms(`<script type="module" src="/app.js"></script>
<scanpage-preview src="/product.json"></scanpage-preview><scanpage-barcode code="6901939621608"></scanpage-barcode>`, { "/app.js": app });
    await reports(page, 2);
    assert.equal(page.wasm, 1, `worker: ${worker}: the wasm fetched once`);

    assert.deepEqual(await added(page), []);
    assert.deepEqual(page.errors, [], `worker: ${worker}`);
    await page.context().close();
  }
});

test("a doc set before the elements are defined is taken over at the upgrade", async () => {
  const first = `document.querySelector("scanpage-preview").doc = { keystandard: "ean13", keystr: "6901939621608", brand_info: { base_info: { title: "Early tea" } } };`;
  const page = await cms(`<scanpage-preview></scanpage-preview>
<script type="module" src="/first.js"></script><script type="module" src="/elements.js"></script>`, { "/first.js": first });
  await reports(page, 1);
  assert.equal(await page.evaluate(() => document.querySelector("scanpage-preview").shadowRoot.querySelector("iframe").title), "Early tea");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a src that cannot be fetched is shown in the element, with an error event", async () => {
  const page = await cms(`<script type="module" src="/elements.js"></script>
<scanpage-preview src="/missing.json"></scanpage-preview>`);
  const alert = page.locator("scanpage-preview [role=alert]");
  await alert.waitFor({ timeout: 60_000 });
  assert.match(await alert.textContent(), /src http:\/\/127\.0\.0\.1:\d+\/missing\.json answered HTTP 404/);
  assert.equal(await page.evaluate(() => document.querySelector("scanpage-preview").report), null);
  assert.equal(page.wasm, 0, "lazy: no document, no instance");
  await page.context().close();
});
