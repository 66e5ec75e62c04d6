// A real consumer of the package: wasm/js/examples/consumer copied to a
// temporary folder, build/scanpage.tgz installed into it by file path
// (offline: the package has no dependencies), then built by Vite 8 and by
// esbuild and served under the strict CSP the README publishes, run by Vite's
// dev server, imported and required by Node, and type-checked by tsc.
// vite, esbuild and typescript are the repository's devDependencies (npm ci).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, openPage, poll } from "../../../testkit/browser.mjs";
import { consumerApp, serveStatic, strictCSP } from "../../../testkit/consumer.mjs";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const STRICT = await strictCSP();

let app, remove, browser;
before(async () => {
  ({ dir: app, remove } = consumerApp());
  browser = await launch();
});
after(async () => {
  await browser?.close();
  remove?.();
});

/**
 * Opens the app at url in a fresh context, waits for its result, and checks
 * what every mode must show: validate, repair, the preview styled in its
 * sandboxed frame, SVG and PNG barcodes, both elements, zero console
 * errors, globalThis unchanged. Returns the app's result.
 */
async function runApp(url, label, { bundlerGlobals = /^$/ } = {}) {
  const page = await openPage(browser, { viewport: { width: 1366, height: 900 } });
  await page.addInitScript(() => { /** @type {any} */ (window).__names = Object.getOwnPropertyNames(globalThis); });
  await page.goto(url);
  await poll(() => page.evaluate(() => document.body?.dataset.result !== undefined), 60_000);
  const r = JSON.parse(await page.evaluate(() => document.body.dataset.result));
  assert.equal(r.error, undefined, `${label}: ${r.error}`);
  assert.ok(r.validate.includes("syntax.trailing_comma"), `${label}: validate ${r.validate}`);
  assert.equal(r.repair, '{"keystandard": "ean13", "keystr": "6901939621608"}', `${label}: repair`);
  assert.equal(r.previewColor, "rgb(255, 255, 255)", `${label}: the preview's stylesheet applied under the strict CSP`);
  assert.ok(r.svg > 100 && r.png > 100, `${label}: barcodes ${r.svg} ${r.png}`);
  assert.deepEqual(r.elements, ["scanpage-preview", "scanpage-barcode", "scanpage-barcode"]);
  const el = await page.evaluate(() => {
    const p = document.querySelector("scanpage-preview");
    const f = p.shadowRoot.querySelector("iframe");
    return { sandbox: f.getAttribute("sandbox"), color: getComputedStyle(f.contentDocument.querySelector("[data-area=header]")).color, links: f.contentDocument.querySelectorAll("a[href]").length };
  });
  assert.deepEqual(el, { sandbox: "allow-same-origin", color: "rgb(255, 255, 255)", links: 0 }, label);
  assert.equal(await page.getByRole("img", { name: "EAN-13 6901939621608" }).count(), 4, `${label}: the app's two images and the elements' two`);
  const added = await page.evaluate(() => {
    const before = new Set(/** @type {any} */ (window).__names);
    // Indices are the window's frames (the app's own preview frame), not globals anyone defined.
    return Object.getOwnPropertyNames(globalThis).filter((n) => !before.has(n) && n !== "__names" && !/^\d+$/.test(n));
  });
  assert.deepEqual(added.filter((n) => !bundlerGlobals.test(n)), [], `${label}: globalThis unchanged`);
  assert.deepEqual(page.errors, [], `${label}: no console error, no CSP violation`);
  await page.context().close();
  return r;
}

/** Loads the app in both modes from a server; the wasm is fetched once in each. */
async function bothModes(dir, label, opts) {
  const s = await serveStatic(dir, STRICT);
  try {
    const results = {};
    for (const worker of [false, true]) {
      s.hits.clear();
      results[worker ? "worker" : "main"] = await runApp(`${s.url}/${worker ? "?worker=1" : ""}`, `${label}, worker: ${worker}`, opts);
      const wasm = [...s.hits].filter(([p]) => p.endsWith(".wasm"));
      assert.equal(wasm.reduce((n, [, c]) => n + c, 0), 1, `${label}, worker: ${worker}: the wasm fetched once (${JSON.stringify(wasm)})`);
    }
    return results;
  } finally {
    s.close();
  }
}

test("Vite 8 production build: ships the wasm and one worker; runs under the strict CSP in both modes", async () => {
  const { build } = await import("vite");
  await build({ root: app, logLevel: "silent", configFile: false });
  const assets = readdirSync(join(app, "dist/assets"));
  assert.equal(assets.filter((f) => f.endsWith(".wasm")).length, 1, assets.join(" "));
  assert.equal(assets.filter((f) => f.startsWith("scanpage-worker")).length, 1, `one worker file: ${assets.join(" ")}`);
  for (const f of assets.filter((f) => f.endsWith(".js"))) {
    assert.doesNotMatch(readFileSync(join(app, "dist/assets", f), "utf8"), /from\s*["']node:|import\(["']node:/, f);
  }
  await bothModes(join(app, "dist"), "vite build");
});

test("Vite 8 dev server: the app (in worker mode) and the elements work", async () => {
  const { createServer: vite } = await import("vite");
  const server = await vite({ root: app, logLevel: "silent", configFile: false, server: { port: 0, host: "127.0.0.1", strictPort: false } });
  await server.listen();
  try {
    const { port } = server.httpServer.address();
    await runApp(`http://127.0.0.1:${port}/?worker=1`, "vite dev, worker: true"); // the worker mode: the main thread's is a subset
  } finally {
    await server.close();
  }
});

test("esbuild bundle (the README's recipe): runs under the strict CSP in both modes", () => {
  execFileSync("node", ["esbuild.mjs", "dist-esbuild"], { cwd: app, stdio: ["ignore", "inherit", "inherit"] });
  return bothModes(join(app, "dist-esbuild"), "esbuild");
});

test("webpack 5 bundle, nothing configured for scanpage: ships the wasm and a worker; runs under the strict CSP in both modes", () => {
  execFileSync("node", ["webpack.mjs", "dist-webpack"], { cwd: app, stdio: ["ignore", "inherit", "inherit"] });
  const files = readdirSync(join(app, "dist-webpack"));
  assert.equal(files.filter((f) => f.endsWith(".wasm")).length, 1, files.join(" "));
  // webpack's own chunk registry (a classic-script bundle's) is the app's bundler's global, not scanpage's.
  return bothModes(join(app, "dist-webpack"), "webpack", { bundlerGlobals: /^webpackChunk/ });
});

test("Node: ESM import and CJS require of the installed package", () => {
  const esm = JSON.parse(execFileSync("node", ["node-esm.mjs"], { cwd: app }).toString());
  assert.deepEqual(esm, { comma: true, svg: true });
  const cjs = JSON.parse(execFileSync("node", ["node-cjs.cjs"], { cwd: app }).toString());
  assert.deepEqual(cjs, { comma: true, png: true });
});

test("TypeScript: check.ts type-checks against the published types (a boolean worker flag included)", () => {
  const tsc = join(root, "node_modules/.bin/tsc");
  try {
    execFileSync(tsc, ["--noEmit", "-p", join(app, "tsconfig.json")], { cwd: app });
  } catch (e) {
    assert.fail(`tsc: ${e.stdout}${e.stderr}`);
  }
  // The check is real: a wrong use is refused.
  writeFileSync(join(app, "check.ts"), readFileSync(join(app, "check.ts"), "utf8") + '\nload({ worker: "yes" });\n');
  assert.throws(() => execFileSync(tsc, ["--noEmit", "-p", join(app, "tsconfig.json")], { cwd: app, stdio: "pipe" }));
});
