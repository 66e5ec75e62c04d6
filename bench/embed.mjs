// embed.mjs: what embedding scanpage costs an app (a step of `make bench`,
// left out of --quick). The consumer app of the tests
// (wasm/js/examples/consumer, the packed tarball installed by path) is built
// by Vite 8 and served under the strict CSP; a fresh Chromium context each
// run (an empty cache) opens it with the instance on the main thread and in
// a worker. Figures:
//
//   - load(): the app's own measure, from the call to the resolved instance;
//   - the elements' first render: navigation start → the three elements
//     (<scanpage-preview> from a src URL, two <scanpage-barcode>) have each
//     fired "report" (their content is on screen), the app's instance
//     shared; next to navigation start → the instance ready;
//   - what the build ships: every file of dist/, raw, gzip -9, brotli 11.
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, poll } from "../testkit/browser.mjs";
import { consumerApp, serveStatic, strictCSP } from "../testkit/consumer.mjs";
import { compressed } from "./size.mjs";
import { summary } from "./stats.mjs";

/**
 * @param {{ root: string, runs?: number, log?: (s: string) => void }} o
 */
export async function embedBench({ root, runs = 5, log = () => {} }) {
  const app = consumerApp();
  try {
    const { build } = await import("vite");
    const t0 = performance.now();
    await build({ root: app.dir, logLevel: "silent", configFile: false });
    const buildMs = performance.now() - t0;
    const dist = join(app.dir, "dist");
    const files = await shipped(root, dist);
    log(`   vite build ${buildMs.toFixed(0)} ms: ${files.map((f) => `${f.file} ${f.raw}`).join(", ")}`);

    const server = await serveStatic(dist, await strictCSP());
    const browser = await launch();
    const modes = {};
    try {
      for (const worker of [false, true]) {
        const load = [];
        const elements = [];
        const ready = [];
        for (let i = 0; i < runs; i++) {
          const page = await openPage(browser);
          await page.goto(`${server.url}/${worker ? "?worker=1" : ""}`);
          await poll(() => page.evaluate(() => document.body?.dataset.result !== undefined), 60_000);
          const r = JSON.parse(await page.evaluate(() => document.body.dataset.result));
          await page.context().close();
          if (r.error) throw new Error(`the app failed (worker: ${worker}): ${r.error}`);
          if (page.errors.length) throw new Error(`console errors (worker: ${worker}): ${page.errors.join(" / ")}`);
          load.push(r.loadMs);
          elements.push(r.elementsMs);
          ready.push(r.readyMs);
        }
        modes[worker ? "worker" : "main"] = { loadMs: summary(load), readyMs: summary(ready), elementsMs: summary(elements) };
        log(`   worker: ${worker}: load() ${modes[worker ? "worker" : "main"].loadMs.median.toFixed(0)} ms, elements rendered at ${modes[worker ? "worker" : "main"].elementsMs.median.toFixed(0)} ms`);
      }
    } finally {
      await browser.close();
      server.close();
    }
    return { bundler: "vite 8 (production build, no config)", buildMs, files, runs, ...modes };
  } finally {
    app.remove();
  }
}

/**
 * The files of a build with their compressed sizes. The wasm is the
 * package's, byte for byte: its sizes come from the site's precompressed
 * twins (make build), as the size step does, rather than an 11 MB brotli.
 */
async function shipped(root, dist) {
  const site = join(root, "build/site/scanpage.wasm");
  const siteWasm = existsSync(site) ? readFileSync(site) : null;
  const out = [];
  for (const rel of readdirSync(dist, { recursive: true }).map(String).sort()) {
    const path = join(dist, rel);
    if (!statSync(path).isFile()) continue;
    const data = readFileSync(path);
    const twin = siteWasm && rel.endsWith(".wasm") && data.equals(siteWasm) && existsSync(`${site}.br`) && existsSync(`${site}.gz`);
    const c = twin ? { raw: data.length, gzip: statSync(`${site}.gz`).size, brotli: statSync(`${site}.br`).size } : await compressed(data);
    out.push({ file: rel, kind: kindOf(rel), raw: c.raw, gzip: c.gzip, brotli: c.brotli });
  }
  return out;
}

/** What a file of the build is (Vite names them after their source, with a hash). */
function kindOf(rel) {
  if (rel.endsWith(".wasm")) return "the wasm";
  if (/(^|\/)scanpage-worker-[\w-]+\.js$/.test(rel)) return "the worker (the loader and wasm_exec.js bundled in)";
  if (/(^|\/)wasm_exec-[\w-]+\.js$/.test(rel)) return "Go's wasm_exec.js (loaded on first load())";
  if (/(^|\/)index-[\w-]+\.js$/.test(rel)) return "the app with the loader and the elements";
  if (rel.endsWith(".html")) return "the app's page";
  return "the app's own file";
}

/** The section of BENCHMARKS.md. */
export function embedSection(e, { cold, bytes, ms, table }) {
  if (!e) return "not measured: the step did not run";
  if (e.skipped) return `not measured: ${e.skipped}`;
  if (e.error) return `not measured: ${e.error}`;
  const out = [];
  out.push(`The consumer app of the tests (wasm/js/examples/consumer: \`scanpage\` and \`scanpage/elements\`, the packed tarball installed by path) built by ${e.bundler} in ${ms(e.buildMs)}, served under the strict CSP without compression or caching by a plain static server, opened ${e.runs} times per mode in a fresh Chromium context (empty cache).\n`);
  const row = (label, s, note) => [label, ms(s.median), `${ms(s.min)}–${ms(s.max)}`, s.n, note];
  out.push(table(["figure", "median", "range", "runs", "note"], [
    row("load(), main thread", e.main.loadMs, "the app's own measure: the call → the instance answers"),
    row("load({ worker: true })", e.worker.loadMs, "the same, the instance in a worker"),
    row("the instance ready, main thread", e.main.readyMs, "navigation start → load() resolved"),
    row("the instance ready, worker", e.worker.readyMs, "the same, in a worker"),
    row("elements' first render, main thread", e.main.elementsMs, "navigation start → <scanpage-preview> (src URL) and two <scanpage-barcode> shown and reported, the app's instance shared (its own calls run meanwhile)"),
    row("elements' first render, worker", e.worker.elementsMs, "the same with the worker's instance"),
    ...(cold ? [row("the page's cold start (for comparison)", cold, "navigation start → first diagnostics on the scanpage page, served compressed by build/serve (Startup, above)")] : []),
  ]));
  out.push("\nWhat the build ships:\n");
  const total = e.files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  out.push(table(["file", "what", "raw", "gzip -9", "brotli 11"], [
    ...e.files.map((f) => [f.file, f.kind, bytes(f.raw), bytes(f.gzip), bytes(f.brotli)]),
    ["**total**", "", bytes(total.raw), bytes(total.gzip), bytes(total.brotli)],
  ]));
  return out.join("\n");
}
