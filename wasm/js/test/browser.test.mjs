// The loader in Chromium, under a strict CSP, from the built package as the
// site serves it: nothing left on globalThis, a non-wasm answer named, a
// failed worker explained.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, openPage } from "../../../testkit/browser.mjs";

const env = serverAndBrowser();
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";

/** A blank page of the site's origin under CSP; routes adds more routes first. */
async function blank(routes = async () => {}) {
  const page = await openPage(env.browser);
  await routes(page);
  await page.route("**/blank.html", (r) => r.fulfill({ contentType: "text/html", headers: { "content-security-policy": CSP }, body: "<!doctype html><title>blank</title>" }));
  await page.goto(`${env.server.url}/blank.html`);
  return page;
}

test("load() leaves globalThis as it found it, in both modes", async () => {
  const page = await blank();
  const r = await page.evaluate(async () => {
    const names = () => Object.getOwnPropertyNames(globalThis);
    const before = new Set(names());
    const { load } = await import("/scanpage.js");
    const sp = await load();
    const comma = sp.validate("[1,]").issues.find((i) => i.code === "syntax.trailing_comma")?.code;
    const afterMain = names().filter((n) => !before.has(n));
    const w = await load({ worker: true });
    const wcomma = (await w.validate("[1,]")).issues.find((i) => i.code === "syntax.trailing_comma")?.code;
    const two = await load(); // a second instance starts as well, with the runtime loaded once
    two.dispose();
    w.dispose();
    return { comma, wcomma, added: names().filter((n) => !before.has(n)), afterMain, process: typeof process };
  });
  assert.equal(r.comma, "syntax.trailing_comma");
  assert.equal(r.wcomma, "syntax.trailing_comma");
  assert.deepEqual(r.afterMain, []);
  assert.deepEqual(r.added, []);
  assert.equal(r.process, "undefined", "never a fake process");
  assert.deepEqual(page.errors, []);
});

test("a wasm URL that answers HTML is named as such", async () => {
  const page = await blank();
  const msg = await page.evaluate(async () => {
    const { load } = await import("/scanpage.js");
    return load({ wasmURL: "/blank.html" }).then(() => "loaded", (e) => e.message);
  });
  assert.match(msg, /scanpage\.wasm answered text\/html \(an HTML page, not wasm\)/);
  assert.match(msg, /blank\.html/);
});

test("a worker that cannot start says why", async () => {
  const page = await blank((p) => p.route("**/scanpage-worker.js", (r) => r.fulfill({ status: 404, body: "no" })));
  const msg = await page.evaluate(async () => {
    const { load } = await import("/scanpage.js");
    return load({ worker: true }).then(() => "loaded", (e) => e.message);
  });
  assert.match(msg, /the worker failed: .*scanpage-worker\.js could not be started/);
  assert.doesNotMatch(msg, /undefined/);
});

test("the preview is styled under a strict host CSP with the published hash, with no violation", async () => {
  const { createHash } = await import("node:crypto");
  const { readFileSync } = await import("node:fs");
  const css = readFileSync(new URL("../../../preview/templates/page.css", import.meta.url));
  const hash = `'sha256-${createHash("sha256").update(css).digest("base64")}'`;
  const strict = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' ${hash}; img-src 'self' data: blob: http: https:`;
  const page = await openPage(env.browser);
  await page.route("**/strict.html", (r) => r.fulfill({ contentType: "text/html", headers: { "content-security-policy": strict }, body: "<!doctype html><title>strict</title>" }));
  await page.goto(`${env.server.url}/strict.html`);
  await page.evaluate(async () => {
    const { load } = await import("/scanpage.js");
    const sp = await load();
    const { html } = sp.preview({ keystandard: "ean13", keystr: "6901939621608", brand_info: { base_info: { title: "红色", color: "C8102E" } } });
    const f = document.createElement("iframe");
    f.setAttribute("sandbox", "");
    f.width = "390";
    f.height = "600";
    document.body.append(f);
    await new Promise((r) => { f.onload = r; f.srcdoc = html; });
  });
  const frame = page.frames().find((f) => f !== page.mainFrame());
  const hd = await frame.evaluate(() => {
    const h = document.querySelector("[data-area=header]");
    const r = h.querySelector(".hd-bg").getBoundingClientRect();
    return { color: getComputedStyle(h).color, display: getComputedStyle(document.body).margin, bg: [r.width, r.height], fill: h.querySelector("rect").getAttribute("fill"), box: h.getBoundingClientRect().height };
  });
  assert.equal(hd.color, "rgb(255, 255, 255)", "the stylesheet applied (white text on the red header)");
  assert.equal(hd.fill, "#C8102E");
  assert.ok(hd.bg[0] > 300 && Math.abs(hd.bg[1] - hd.box) < 1, `the colour fills the header: ${JSON.stringify(hd)}`);
  await page.screenshot({ path: (await import("../../../testkit/browser.mjs")).screenshotPath("preview-strict-csp") });
  assert.deepEqual(page.errors, [], "no CSP violation and no error");
});
