// run.mjs: `make bench`. Runs every benchmark on this machine, in one run,
// and writes BENCHMARKS.md, BENCHMARKS.json and bench/go.txt:
//
//   1. native Go (go test -bench) on scanpage/bench, schema and preview, and
//      CPU profiles of the calls with targets;
//   2. the wasm under node next to Ajv, JsBarcode and bwip-js (node.mjs);
//   3. the wasm heap after 100 vs 10,100 validate+preview steps (memory.mjs),
//      and the Go side's start, package by package (inittrace.mjs);
//   4. Chromium: the same micro-benchmarks on a bench page, what a first
//      visit downloads, and the page figures (page.mjs) (chromium.mjs);
//   5. sizes: shipped files, dependency variants, the wasm by package (size.mjs).
//   5b. hostile inputs: every shape of schema/hostile at 64 KiB and 1 MiB,
//      validate, preview and repair in wasm under node (hostile.mjs; natively
//      BenchmarkHostile in step 1).
//   6. a catalogue: scanpage check on 100,000 generated documents (CATALOGUE_N
//      to change it), next to Ajv and a loop through the JS API (catalogue.mjs).
//   7. embedding: the consumer app built by Vite 8, load() and the elements'
//      first render in Chromium, what the build ships (embed.mjs; not in --quick).
//   8. the page's Catalogue view in Chromium on 10,000 generated documents
//      (CATALOGUE_PAGE_N, CATALOGUE_PAGE_WORKERS): run time, tab memory,
//      long tasks (catalogue-page.mjs).
//
//   node bench/run.mjs            the full run (3–5 minutes on 2 cores)
//   node bench/run.mjs --quick    a few iterations of everything, for the smoke
//                                 test (bench/test/harness.test.mjs): figures are meaningless
//   --out DIR                     where to write (default: the repository root;
//                                 with --quick, build/bench-quick)
//   --only go,profile,node,hostile,memory,inittrace,chromium,size,catalogue,embed,cataloguepage   run only these steps
//
// It reads the build (make build): build/package for node, build/site for
// the page; what it generates itself goes to build/bench.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runGoBench } from "./gobench.mjs";
import { root, readInputs } from "./inputs.mjs";
import { machine, loadavg } from "./machine.mjs";
import { renderReport } from "./report.mjs";
import { plans } from "./suite.mjs";

const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const arg = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const outDir = arg("--out") ?? (quick ? join(root, "build", "bench-quick") : root);
const only = arg("--only")?.split(",");
const want = (step) => !only || only.includes(step);

const started = performance.now();
const log = (s) => process.stdout.write(`${s}\n`);
const steps = {};
let failed = 0;

/** Runs one step; a failure is recorded in the report and fails the run at the end. */
async function step(name, fn) {
  if (!want(name)) return undefined;
  log(`== ${name} (${((performance.now() - started) / 1000).toFixed(0)} s in, load ${loadavg().join(" ")})`);
  const t0 = performance.now();
  try {
    return await fn();
  } catch (e) {
    failed++;
    log(`!! ${name} failed: ${e.stack ?? e}`);
    return { error: String(e.message ?? e).split("\n").slice(0, 3).join(" ") };
  } finally {
    steps[name] = (performance.now() - t0) / 1000;
    log(`   ${name}: ${steps[name].toFixed(1)} s`);
  }
}

/** Runs a bench script as a child (a fresh V8 heap each) and parses its one JSON line. */
function child(script, args) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [join(root, "bench", script), ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    p.stdout.on("data", (d) => { out += d; });
    p.stderr.on("data", (d) => { err += d; });
    p.on("error", reject);
    p.on("close", (code) => {
      const line = out.trim().split("\n").pop();
      if (code !== 0 || !line) return reject(new Error(`${script} exited with ${code}: ${err.trim().split("\n").slice(-5).join(" | ")}`));
      resolve(JSON.parse(line));
    });
  });
}

const d = { meta: {}, go: null, profile: null, node: null, memory: null, inittrace: null, chromium: null, size: null };
const startLoad = loadavg();

d.go = await step("go", async () => {
  const r = await runGoBench({
    root,
    pkgs: quick ? ["./bench/"] : ["./bench/", "./schema/...", "./preview/..."],
    count: quick ? 1 : 6,
    benchtime: quick ? "3x" : "400ms",
    log,
  });
  mkdirSync(join(outDir, "bench"), { recursive: true });
  writeFileSync(join(outDir, "bench", "go.txt"), r.raw);
  return { command: r.command, benchmarks: r.benchmarks };
});

// Where the native time goes, for the calls with targets.
d.profile = await step("profile", async () => {
  const { profileGoBench } = await import("./gobench.mjs");
  const benches = [
    ["^BenchmarkValidate$/^large$", "validate, large document"],
    ["^BenchmarkPreview$/^home-04$", "preview home, fixture 04"],
    ["^BenchmarkBarcode$/^ean13-png$", "barcode EAN-13 → PNG"],
    ["^BenchmarkDigitalLink$/^svg$", "digital link QR → SVG"],
  ];
  const out = [];
  for (const [bench, label] of quick ? benches.slice(0, 1) : benches) {
    out.push({ label, ...await profileGoBench({ root, pkg: "./bench/", bench, benchtime: quick ? "300ms" : "1500ms" }) });
    log(`   ${label}: ${out.at(-1).top.slice(0, 3).map((t) => `${t.fn} ${t.flatPct} %`).join(", ")}`);
  }
  return out;
});

d.node = await step("node", async () => {
  const r = await child("node.mjs", quick ? ["--quick"] : []);
  for (const [k, v] of Object.entries(r.results)) log(`   ${k.padEnd(32)} p50 ${(v.ms.median * 1000).toFixed(1).padStart(9)} µs  (${v.ms.n} × ${v.k})`);
  return { ...r, plan: quick ? plans.quick : plans.full, code: readInputs().code };
});

d.hostile = await step("hostile", async () => {
  const r = await child("hostile.mjs", quick ? ["--quick"] : []);
  const worst = r.results.reduce((w, x) => Math.max(w, x.validate, x.preview, x.repair), 0);
  log(`   ${r.results.length} shape × size, slowest call ${worst.toFixed(0)} ms`);
  return r;
});

d.memory = await step("memory", async () => {
  const r = await child("memory.mjs", quick ? ["--quick"] : []);
  log(`   heapInuse ${r.growthPct.heapInuse.toFixed(1)} %, heapAlloc ${r.growthPct.heapAlloc.toFixed(1)} %, memory ${r.growthPct.memoryBytes.toFixed(1)} %`);
  return r;
});

d.inittrace = await step("inittrace", async () => {
  const { mergeStarts } = await import("./inittrace.mjs");
  const starts = [];
  for (let i = 0; i < (quick ? 1 : 5); i++) starts.push(await child("inittrace.mjs", []));
  const r = mergeStarts(starts);
  log(`   compile ${r.compileMs.toFixed(0)} ms, run to ready ${r.runToReadyMs.toFixed(0)} ms, inits ${r.initClockMs.toFixed(1)} ms: ${r.inits.slice(0, 4).map((x) => `${x.pkg} ${x.clockMs} ms`).join(", ")}`);
  return r;
});

let chromiumPath = "";
d.chromium = await step("chromium", async () => {
  const { startServer, launch, chromiumPath: cp } = await import("../testkit/browser.mjs");
  const { benchPage, microBench, firstVisit, coldAndRepeat, pageBench } = await import("./chromium.mjs");
  chromiumPath = cp();
  const benchDir = await benchPage(root);
  const { files, ...inputs } = readInputs();
  // The bench page is served from build/ (it loads the site's library from
  // ../site/), the page itself from build/site as always.
  const benchServer = await startServer({ dir: join(benchDir, "..") });
  const server = await startServer();
  const browser = await launch();
  const out = {};
  try {
    out.micro = await microBench(browser, benchServer, inputs, quick ? "quick" : "full");
    out.micro.files = files;
    for (const [k, v] of Object.entries(out.micro.results)) log(`   ${k.padEnd(32)} p50 ${(v.ms.median * 1000).toFixed(1).padStart(9)} µs  (${v.ms.n} × ${v.k})`);
    out.firstVisit = await firstVisit(browser, server);
    log(`   first visit: ${out.firstVisit.totalBytes} bytes, streaming ${out.firstVisit.streaming}, wasm ${JSON.stringify(out.firstVisit.wasm)}`);
  } finally {
    await browser.close();
    server.close();
    benchServer.close();
  }
  // page.mjs starts its own server and browser. The smoke test leaves it
  // out (it types for a while); parsePageOutput has a test of its own.
  if (quick) out.pageSkipped = "is skipped in quick mode";
  else out.page = await pageBench(root, { log });
  const server2 = await startServer();
  const browser2 = await launch();
  try {
    out.startup = await coldAndRepeat(browser2, server2, quick ? 1 : 7);
  } finally {
    await browser2.close();
    server2.close();
  }
  if (out.page?.error) failed++;
  log(`   page: ${out.pageSkipped ? "page.mjs skipped (quick)" : out.page ? (out.page.error ?? "measured") : "page.mjs absent"}; startup cold ${out.startup.cold.median.toFixed(0)} ms, repeat ${out.startup.repeat.median.toFixed(0)} ms`);
  return out;
});

d.size = await step("size", async () => {
  const { sizeBench } = await import("./size.mjs");
  return sizeBench({ root, quick, log });
});

d.catalogue = await step("catalogue", async () => {
  const r = await child("catalogue.mjs", quick ? ["--quick"] : []);
  log(`   ${r.n} documents: files ${r.files.wallSec.toFixed(2)} s ${(r.files.rssBytes / 2 ** 20).toFixed(0)} MiB, NDJSON ${r.ndjson.wallSec.toFixed(2)} s; ÷ Ajv ${r.ratio.cliFilesOverAjv.toFixed(1)}×`);
  return r;
});

d.embed = await step("embed", async () => {
  // A Vite build and 28 page loads: not for the smoke test.
  if (quick) return { skipped: "is skipped in quick mode" };
  const { embedBench } = await import("./embed.mjs");
  return embedBench({ root, log });
});

d.cataloguePage = await step("cataloguepage", async () => {
  if (quick) process.env.CATALOGUE_PAGE_N ||= "100";
  const r = await child("catalogue-page.mjs", []);
  for (const k of ["folder", "dropped", "ndjson"].filter((k) => r[k])) log(`   ${k}: ${r[k].pageSec.toFixed(1)} s, tab ${(r[k].rendererBytes / 2 ** 20).toFixed(0)} MiB, ${r[k].workers} workers, ${r[k].longTasks} long tasks`);
  return r;
});

d.meta = {
  date: new Date().toISOString(),
  command: quick ? "node bench/run.mjs --quick" : process.env.MAKELEVEL ? "make bench" : `node bench/run.mjs ${argv.join(" ")}`.trim(),
  quick,
  machine: machine(root, chromiumPath || process.env.SCANPAGE_CHROMIUM || "/usr/bin/chromium"),
  loadavg: { start: startLoad, end: loadavg() },
  steps,
  durationSec: (performance.now() - started) / 1000,
};

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "BENCHMARKS.json"), JSON.stringify(d, null, 1) + "\n");
writeFileSync(join(outDir, "BENCHMARKS.md"), renderReport(d, { root }) + "\n");
log(`wrote ${join(outDir, "BENCHMARKS.md")} and BENCHMARKS.json in ${(d.meta.durationSec / 60).toFixed(1)} min${failed ? `; ${failed} step(s) FAILED` : ""}`);
process.exit(failed ? 1 : 0);
