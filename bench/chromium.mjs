// chromium.mjs: the figures taken in Debian's Chromium (playwright-core,
// never a downloaded browser), on pages served by our own server:
//   - the micro-benchmarks of suite.mjs on a bench-only page (micro.html,
//     set up in build/bench, served from build/ next to build/site);
//   - what a first visit downloads (CDP Network: encoded bytes on the wire);
//   - how the wasm is served and compiled (headers, streaming or not);
//   - cold load and repeat visit, and keystroke → diagnostics + preview:
//     the page engineer's bench/page.mjs when it is there, else a
//     fallback cold/repeat measure of whatever page build/site/index.html is.
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { openPage } from "../testkit/browser.mjs";
import { summary } from "./stats.mjs";

/**
 * Sets up the bench page in build/bench (bench only, never shipped, nothing
 * written into the sources): micro.html and micro.mjs copied, and suite.mjs
 * bundled with Ajv, JsBarcode and bwip-js for the browser. micro.mjs loads
 * the library from ../site/, so build/ is what the bench server serves.
 * Returns the directory.
 */
export async function benchPage(root) {
  const dir = join(root, "build", "bench");
  mkdirSync(dir, { recursive: true });
  for (const f of ["micro.html", "micro.mjs"]) copyFileSync(join(root, "bench", f), join(dir, f));
  await esbuild.build({
    entryPoints: [join(root, "bench", "suite.mjs")],
    outfile: join(dir, "suite.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    logLevel: "warning",
  });
  return dir;
}

/**
 * Runs the micro-benchmarks in a page; server serves build/ (see
 * benchPage). Ajv compiles schemas with new Function, which the app's CSP
 * forbids, so this context bypasses CSP; the page is made cross-origin
 * isolated (COOP/COEP added on the way) so that performance.now() has its
 * fine resolution.
 */
export async function microBench(browser, server, inputs, planName) {
  const page = await openPage(browser, { bypassCSP: true });
  try {
    await page.route("**/bench/micro.html", async (route) => {
      const res = await route.fetch();
      await route.fulfill({
        response: res,
        headers: { ...res.headers(), "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" },
      });
    });
    await page.goto(`${server.url}bench/micro.html`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true");
    const r = await page.evaluate(({ inputs, planName }) => globalThis.runBench(inputs, planName), { inputs, planName });
    if (page.errors.length) r.notes.push(...page.errors.map((e) => `page error: ${e}`));
    return r;
  } finally {
    await page.context().close();
  }
}

// Installed before any page script: records how and when the wasm is
// compiled, when the Go side signals readiness (it calls
// globalThis.__scanpage[id], see scanpage.js), and when the first
// diagnostics appear (the page's sp:first-diagnostics mark, or
// body[data-valid] for a page without marks). Only what runs on the page's
// main thread is seen: a wasm loaded in a worker leaves these null.
const probe = () => {
  const seen = (globalThis.__benchProbe = { streaming: 0, buffer: 0, compiled: null, goReady: null, firstShown: null, wasmStart: null, wasmResponseStart: null, wasmResponseEnd: null });
  const WA = WebAssembly;
  const done = (p) => { p.then(() => { seen.compiled ??= performance.now(); }, () => {}); return p; };
  for (const name of ["instantiateStreaming", "compileStreaming"]) {
    const orig = WA[name];
    if (orig) WA[name] = function (...a) { seen.streaming++; return done(orig.apply(this, a)); };
  }
  for (const name of ["instantiate", "compile"]) {
    const orig = WA[name];
    WA[name] = function (src, ...a) {
      if (src instanceof WA.Module) return orig.call(this, src, ...a);
      seen.buffer++;
      return done(orig.call(this, src, ...a));
    };
  }
  // The loader puts its ready registry on globalThis only while Go starts
  // (and only if the name is free), so the probe watches the assignment
  // through a setter on Object.prototype and wraps what is assigned.
  const wrap = (v) => new Proxy(v, {
    get(t, k) {
      const f = t[k];
      return typeof f !== "function" ? f : (...args) => { seen.goReady ??= performance.now(); return f.apply(t, args); };
    },
  });
  Object.defineProperty(Object.prototype, "__scanpage", {
    configurable: true,
    get: () => undefined,
    set(v) { Object.defineProperty(this, "__scanpage", { value: wrap(v), configurable: true, writable: true, enumerable: true }); },
  });
  const check = () => {
    if (seen.firstShown !== null) return;
    const mark = performance.getEntriesByName("sp:first-diagnostics")[0];
    if (mark) seen.firstShown = mark.startTime;
    else if (document.body && document.body.dataset.valid !== undefined) seen.firstShown = performance.now();
    if (seen.firstShown !== null) {
      const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/scanpage.wasm"));
      seen.wasmStart = wasm ? wasm.startTime : null;
      seen.wasmResponseStart = wasm ? wasm.responseStart : null;
      seen.wasmResponseEnd = wasm ? wasm.responseEnd : null;
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  new PerformanceObserver(check).observe({ type: "mark", buffered: true });
};

async function visit(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => globalThis.__benchProbe?.firstShown != null, null, { timeout: 30000 });
  return page.evaluate(() => globalThis.__benchProbe);
}

/**
 * A cold first visit: what goes over the wire, per request, the page's own
 * and its service worker's (Playwright's request sizes: headers + body as
 * received, compressed where the server compressed), until the first
 * diagnostics show, the network is idle and a service worker, if the page
 * registers one, is ready; how the wasm was served and compiled; navigation
 * → first diagnostics.
 */
export async function firstVisit(browser, server) {
  const page = await openPage(browser);
  const context = page.context();
  try {
    await page.addInitScript(probe);
    const pending = [];
    context.on("requestfinished", (req) => {
      if (/^(blob|data):/.test(req.url())) return;
      pending.push((async () => {
        const [res, sizes] = await Promise.all([req.response(), req.sizes()]);
        const h = res ? await res.allHeaders() : {};
        return {
          url: req.url().replace(server.url, "/"),
          by: req.serviceWorker() ? "service worker" : "page",
          status: res?.status() ?? 0,
          encoding: h["content-encoding"] ?? "",
          bytes: Math.max(0, sizes.responseBodySize) + sizes.responseHeadersSize,
          headers: req.url().endsWith("/scanpage.wasm") && !req.serviceWorker() ? h : undefined,
        };
      })().catch(() => null));
    });
    const probeResult = await visit(page, server.url);
    await page.waitForLoadState("networkidle").catch(() => {});
    const sw = await page.evaluate(async () => {
      const reg = navigator.serviceWorker && await navigator.serviceWorker.getRegistration();
      if (!reg) return false;
      return Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((r) => setTimeout(() => r(false), 15000))]);
    });
    await page.waitForLoadState("networkidle").catch(() => {});
    const resources = (await Promise.all(pending)).filter(Boolean);
    const h = resources.find((r) => r.headers)?.headers;
    for (const r of resources) delete r.headers;
    const sum = (by) => resources.filter((r) => !by || r.by === by).reduce((s, r) => s + r.bytes, 0);
    return {
      firstShownMs: probeResult.firstShown,
      milestones: probeResult,
      streaming: probeResult.streaming > 0,
      instantiateFromBuffer: probeResult.buffer,
      wasm: h && { contentType: h["content-type"], contentEncoding: h["content-encoding"] ?? "", cacheControl: h["cache-control"] ?? "" },
      serviceWorker: sw,
      resources,
      pageBytes: sum("page"),
      serviceWorkerBytes: sum("service worker"),
      totalBytes: sum(),
      errors: [...new Set(page.errors)],
    };
  } finally {
    await context.close();
  }
}

/**
 * Cold loads (a new context each: empty cache) and repeat visits (one warm
 * context), navigation start → first diagnostics, with the milestones the
 * probe saw on the way. page.mjs's figures, when it runs, are the official
 * cold/repeat ones; these give the breakdown (and stand in without it).
 */
export async function coldAndRepeat(browser, server, runs) {
  const cold = [];
  for (let i = 0; i < runs; i++) {
    const page = await openPage(browser);
    await page.addInitScript(probe);
    cold.push(await visit(page, server.url));
    await page.context().close();
  }
  const page = await openPage(browser);
  await page.addInitScript(probe);
  await visit(page, server.url);
  await page.waitForLoadState("networkidle").catch(() => {});
  const repeat = [];
  for (let i = 0; i < runs; i++) repeat.push(await visit(page, server.url));
  await page.context().close();
  const milestones = (xs) => Object.fromEntries(["wasmStart", "wasmResponseStart", "wasmResponseEnd", "compiled", "goReady", "firstShown"]
    .map((k) => [k, xs.every((x) => x[k] != null) ? summary(xs.map((x) => x[k])) : null]));
  return {
    cold: summary(cold.map((x) => x.firstShown)),
    repeat: summary(repeat.map((x) => x.firstShown)),
    coldMilestones: milestones(cold),
    repeatMilestones: milestones(repeat),
    streaming: cold.every((x) => x.streaming > 0),
    source: "chromium.mjs (navigation start → the sp:first-diagnostics mark, or body[data-valid] set)",
  };
}

/** The figures page.mjs printed: its last line that is a JSON object. */
export function parsePageOutput(stdout) {
  const line = stdout.trim().split("\n").reverse().find((l) => l.trim().startsWith("{"));
  if (!line) throw new Error("page.mjs printed no JSON line");
  return JSON.parse(line);
}

/**
 * Runs the page engineer's bench/page.mjs (a script: a table, then one
 * JSON line {"bench":"page",...}) as a child process; null when absent.
 */
export function pageBench(root, { log, env: extra = {}, timeoutMs = 6 * 60 * 1000 }) {
  const script = join(root, "bench", "page.mjs");
  if (!existsSync(script)) return Promise.resolve(null);
  const env = { ...process.env, ...extra };
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [script], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    const timer = setTimeout(() => { p.kill(); err += `\ntimed out after ${timeoutMs / 1000} s`; }, timeoutMs);
    p.stdout.on("data", (d) => { out += d; });
    p.stderr.on("data", (d) => { err += d; });
    p.on("close", (code) => {
      clearTimeout(timer);
      if (code !== 0) {
        log(`  page.mjs failed (exit ${code}): ${err.trim().split("\n").slice(-3).join(" | ")}`);
        return resolve({ error: `page.mjs exit ${code}: ${err.trim().split("\n").slice(-5).join(" ")}` });
      }
      try {
        resolve(parsePageOutput(out));
      } catch (e) {
        resolve({ error: e.message });
      }
    });
  });
}
