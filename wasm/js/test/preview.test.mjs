// The mock homepage through the real wasm: its structure under Node, and
// its safety and layout in Chromium, whose HTML parser is the real one.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { load } from "./lib.mjs";
import { launch, poll, screenshotPath } from "../../../testkit/browser.mjs";
import { sample, sampleNames } from "../../../testkit/samples.mjs";

const fixtures = Object.fromEntries(sampleNames().map((f) => [f.slice(0, 2), sample(f)]));
const xss = JSON.parse(readFileSync(new URL("../../../preview/testdata/xss.json", import.meta.url), "utf8"));
const pages = ["home", "detail", "antifake"];
const layouts = ["classic", "concept"];
const sp = await load();

const areas = (html) => [...html.matchAll(/data-area="([a-z-]+)"/g)].map((m) => m[1]);

test("preview of every fixture × page × layout × lang: a document, the report, the areas", () => {
  for (const [num, text] of Object.entries(fixtures)) {
    const report = sp.validate(text);
    for (const page of pages) {
      for (const layout of layouts) {
        for (const lang of ["zh", "en"]) {
          const name = `${num}-${page}-${layout}-${lang}`;
          const r = sp.preview(text, { page, layout, lang });
          assert.match(r.html, /^<!doctype html>\n<html lang="(zh-CN|en)"( class="modal")?>/, name);
          assert.match(r.html, /<\/html>\n$/, name);
          assert.doesNotMatch(r.html, /<script/i, name);
          assert.equal(typeof r.report.valid, "boolean", name);
          assert.equal(r.report.issues.length, sp.validate(text, { lang }).issues.length, name);
          assert.equal(r.report.valid, report.valid, name);
          const got = areas(r.html);
          const want = page === "detail" ? ["detail-nav", "attributes"]
            : ["header", "purchase", ...(layout === "concept" ? ["actions", "stock", "live"] : [])];
          for (const a of want) assert.ok(got.includes(a), `${name}: no ${a} in ${got}`);
          if (page === "antifake") {
            // Only 03 has native_show "true".
            assert.equal(got.includes("antifake-popup"), num === "03", `${name}: ${got}`);
            assert.equal(got.includes("antifake-none"), num !== "03", `${name}: ${got}`);
          }
        }
      }
    }
  }
});

test("preview accepts an object and reports unknown options", () => {
  const r = sp.preview(JSON.parse(fixtures["05"]), { page: "gallery", lang: "en" });
  assert.ok(areas(r.html).includes("header"));
  assert.ok(r.report.issues.some((i) => i.code === "preview.page" && i.path === "/page" && i.severity === "warning"));
});

/** The fixture with payload in every string value (and, with types, in the action and module types). */
function poisoned(text, payload, types) {
  const walk = (v, key) => {
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    if (typeof v === "string" && (types || key !== "type")) return payload;
    return v;
  };
  return JSON.stringify(walk(JSON.parse(text), ""));
}

// Every poisoned document, each page and layout: 45 payloads × 2 × 6.
const poisonedPages = [];
for (const payload of xss) {
  for (const types of [false, true]) {
    const doc = poisoned(fixtures["04"], payload, types);
    for (const page of pages) {
      for (const layout of layouts) {
        poisonedPages.push({ payload, types, page, layout, html: sp.preview(doc, { page, layout }).html });
      }
    }
  }
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A page that is offline, as the author's images often are; page.seen lists every request it made. */
async function offlinePage(opts = {}) {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, offline: true, ...opts });
  const page = await context.newPage();
  page.seen = [];
  context.on("request", (r) => page.seen.push({ url: r.url(), type: r.resourceType() }));
  page.dialogs = [];
  page.popups = [];
  page.on("dialog", (d) => { page.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on("popup", (p) => page.popups.push(p.url()));
  return page;
}

test("XSS corpus: Chromium's parser finds nothing that runs, loads or navigates", async () => {
  const page = await offlinePage();
  await page.setContent("<!doctype html><title>parser</title>");
  const results = await page.evaluate((docs) => {
    const http = /^\s*https?:\/\//i;
    const banned = "script,iframe,frame,frameset,object,embed,applet,form,input,button,textarea,select,base,link,"
      + "meta[http-equiv]:not([http-equiv='Content-Security-Policy']),svg a,svg use,svg foreignObject,svg animate,svg set,svg script,template,portal";
    const urlAttrs = ["href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background", "data", "ping", "codebase", "cite", "longdesc", "lowsrc", "dynsrc"];
    return docs.map(({ html, payload }) => {
      const d = new DOMParser().parseFromString(html, "text/html");
      const bad = [];
      for (const el of d.querySelectorAll(banned)) bad.push(`<${el.localName}>`);
      for (const el of d.querySelectorAll("*")) {
        for (const a of el.attributes) {
          const n = a.name.toLowerCase();
          if (n.startsWith("on")) bad.push(`${n} on <${el.localName}>`);
          if (n === "srcdoc") bad.push(`srcdoc on <${el.localName}>`);
          if (urlAttrs.includes(n) && !http.test(a.value)) bad.push(`${n}=${JSON.stringify(a.value)} on <${el.localName}>`);
          if (n === "style" && !/^background-color:#[0-9A-F]{6};color:#[0-9A-F]{6}$/i.test(a.value)) bad.push(`style=${JSON.stringify(a.value)}`);
        }
      }
      for (const s of d.querySelectorAll("style")) {
        if (/url\s*\(|@import|expression\s*\(|javascript:/i.test(s.textContent)) bad.push("a stylesheet that loads or runs something");
      }
      if (d.querySelectorAll("style").length !== 1) bad.push(`${d.querySelectorAll("style").length} style elements`);
      // The payload is shown as text, not dropped (its marker is in the page's text).
      const marker = payload.match(/XSS-\d+/)?.[0];
      const shown = !marker || d.body.textContent.includes(marker) || [...d.querySelectorAll("[title]")].some((e) => e.title.includes(marker));
      return { bad, shown };
    });
  }, poisonedPages.map(({ html, payload }) => ({ html, payload })));
  const msgs = [];
  results.forEach((r, i) => {
    const p = poisonedPages[i];
    if (r.bad.length) msgs.push(`${JSON.stringify(p.payload)} types=${p.types} ${p.page}/${p.layout}: ${r.bad.join(", ")}`);
    if (p.page !== "detail" && !r.shown) assert.fail(`${JSON.stringify(p.payload)} ${p.page}/${p.layout}: the payload is not shown as text`);
  });
  assert.deepEqual(msgs.slice(0, 10), []); // unsafe markup, the first 10 pages listed
  assert.equal(results.length, xss.length * 2 * pages.length * layouts.length);
});

test("XSS corpus: loaded without the sandbox and without the CSP, nothing runs, loads or navigates", async () => {
  // The weakest embedding: plain same-origin iframes, the CSP meta removed.
  const page = await offlinePage();
  await page.setContent("<!doctype html><title>host</title>");
  const navigations = [];
  page.on("framenavigated", (f) => { if (f === page.mainFrame()) navigations.push(f.url()); });
  const noCSP = (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
  // Every page kind once per payload (the parser test above covers all):
  // the concept home (a superset of the classic one), detail and the
  // popup page, and the home page with the payload in the types too.
  const live = poisonedPages.filter((p) => p.types
    ? p.page === "home" && p.layout === "classic"
    : (p.page === "home") === (p.layout === "concept"));
  assert.equal(live.length, xss.length * 4);
  for (let i = 0; i < live.length; i += 20) {
    const batch = live.slice(i, i + 20).map((p) => noCSP(p.html));
    const count = await page.evaluate((docs) => new Promise((resolve) => {
      document.body.replaceChildren();
      let loaded = 0;
      for (const html of docs) {
        const f = document.createElement("iframe");
        f.width = 375;
        f.height = 600;
        f.onload = () => { if (++loaded === docs.length) setTimeout(() => resolve(document.querySelectorAll("iframe").length), 50); };
        f.srcdoc = html;
        document.body.append(f);
      }
    }), batch);
    assert.equal(count, batch.length);
  }
  assert.deepEqual(page.dialogs, [], "a payload ran");
  assert.deepEqual(navigations, [], "a payload navigated the page");
  assert.deepEqual(page.popups, [], "a payload opened a window");
  const notImages = page.seen.filter((r) => r.type !== "image");
  assert.deepEqual(notImages, [], "a payload loaded something other than an image");
  assert.ok(page.seen.every((r) => /^https?:\/\//i.test(r.url)));
  await page.context().close();
});

test("in the page's sandbox, tapping every link leaves the preview where it is", async () => {
  // "allow-same-origin" is the page's own frame (no scripts, no popups).
  for (const sandbox of ["", "allow-same-origin", "allow-popups"]) {
    const page = await offlinePage();
    await page.setContent("<!doctype html><title>host</title>");
    const html = sp.preview(fixtures["04"], { layout: "concept" }).html;
    await page.evaluate(([h, s]) => new Promise((resolve) => {
      const f = document.createElement("iframe");
      f.setAttribute("sandbox", s);
      f.width = 375;
      f.height = 2400;
      f.onload = resolve;
      f.srcdoc = h;
      document.body.append(f);
    }), [html, sandbox]);
    const frame = page.frames()[1];
    const links = frame.locator("a[href]");
    const n = await links.count();
    assert.ok(n >= 4, `only ${n} links`); // store, media, link, anti-fake
    const hrefs = [];
    for (let i = 0; i < n; i++) {
      hrefs.push(await links.nth(i).getAttribute("href"));
      await links.nth(i).click({ noWaitAfter: true });
    }
    await page.waitForTimeout(200);
    assert.equal(frame.url(), "about:srcdoc", "a link navigated the preview frame");
    assert.deepEqual(page.dialogs, []);
    const opened = page.seen.filter((r) => r.type === "document").map((r) => r.url);
    if (!sandbox.includes("allow-popups")) {
      assert.deepEqual(page.popups, [], "sandbox without allow-popups opened a window");
      assert.deepEqual(opened, []);
    } else {
      // Each link opens its own http(s) URL in a new window, nothing else.
      // Windows open asynchronously: on a busy machine give them time.
      await poll(() => page.popups.length >= n, 10_000);
      assert.equal(page.popups.length, n);
      assert.deepEqual(opened.map((u) => new URL(u).href).sort(), hrefs.map((u) => new URL(u).href).sort());
    }
    await page.context().close();
  }
});

test("offline images keep the layout: fixed boxes of the recommended size, labelled", async () => {
  const page = await offlinePage({ deviceScaleFactor: 2 });
  for (const [num, opts, shot] of [["04", {}, "04-home-classic-zh"], ["04", { layout: "concept", lang: "en" }, "04-home-concept-en"],
    ["02", { page: "detail" }, "02-detail-classic-zh"], ["03", { page: "antifake" }, "03-antifake-classic-zh"]]) {
    await page.setContent(sp.preview(fixtures[num], opts).html, { waitUntil: "load" });
    const boxes = await page.evaluate(() => [...document.querySelectorAll(".box")].map((b) => {
      const r = b.getBoundingClientRect();
      const img = b.querySelector("img");
      return { kind: b.className, w: r.width, h: r.height, label: b.querySelector(".size").textContent, loaded: img ? img.naturalWidth > 0 : null };
    }));
    assert.ok(boxes.length > 0, shot);
    const ratio = { "box box-thumb": 1, "box box-banner": 640 / 320, "box box-cover": 690 / 320 };
    for (const b of boxes) {
      assert.ok(b.w > 30 && Math.abs(b.w / b.h - ratio[b.kind]) < 0.02, `${shot}: ${JSON.stringify(b)}`);
      assert.match(b.label, /^(180×180|640×320|690×320)/, shot);
      assert.equal(b.loaded, false, `${shot}: an image loaded although the test is offline`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= 375, `${shot}: ${overflow}px wide at 375`);
    await page.screenshot({ path: screenshotPath(`preview-${shot}`), fullPage: true });
  }
  await page.context().close();
});
