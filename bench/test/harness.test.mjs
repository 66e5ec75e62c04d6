// The benchmark harness must not rot: `make bench` is no test, but its quick
// mode runs every step (a few iterations each) and must write a complete
// report. The figures of a quick run mean nothing and are not checked.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parsePageOutput } from "../chromium.mjs";
import { parseGoBench } from "../gobench.mjs";
import { shippedWasm } from "../size.mjs";
import { summary } from "../stats.mjs";
import { packageMatcher } from "../wasmnames.mjs";

const run = fileURLToPath(new URL("../run.mjs", import.meta.url));

test("run.mjs --quick writes a report with every section", { timeout: 320000 }, () => {
  const out = mkdtempSync(join(tmpdir(), "bench-smoke-"));
  try {
    const r = spawnSync(process.execPath, [run, "--quick", "--out", out], { encoding: "utf8", timeout: 300000 });
    assert.equal(r.status, 0, `run.mjs --quick failed:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
    const md = readFileSync(join(out, "BENCHMARKS.md"), "utf8");
    for (const heading of ["## Targets (budgets.md)", "## The same operations: native Go, wasm under node, wasm in Chromium",
      "## Wasm under node", "## In Chromium", "## First visit: what Chromium downloads", "## Startup, step by step (Chromium)",
      "## Where the native time goes (CPU profiles)", "## Go start-up, package by package (node)", "## Size: where the bytes go",
      "### What each named dependency costs", "### Where scanpage.wasm's bytes go", "## Memory: wasm heap under use (node)",
      "## A catalogue: scanpage check on a whole account", "## Embedding: a consumer app (Vite 8, Chromium)", "## Hostile inputs: every shape within budget?",
      "## A catalogue in the page (Chromium)"]) {
      assert.ok(md.includes(heading), `BENCHMARKS.md lacks ${heading}`);
    }
    const d = JSON.parse(readFileSync(join(out, "BENCHMARKS.json"), "utf8"));
    assert.ok(d.go.benchmarks.some((b) => b.name === "BenchmarkValidate/doc-sample" && b.median["ns/op"] > 0));
    for (const op of ["validate.docSample", "validate.large", "repair.docSample", "preview.home04", "barcode.svg", "barcode.png", "digitalLink.svg", "jsbarcode.svg", "bwip.svg"]) {
      assert.ok(d.node.results[op].ms.median > 0, `node ${op}`);
      assert.ok(d.chromium.micro.results[op].ms.median > 0, `chromium ${op}`);
    }
    for (const op of ["jsbarcode.png", "bwip.png"]) assert.ok(d.chromium.micro.results[op].ms.median > 0, `chromium ${op}`);
    assert.ok(d.node.asyncPNG.results["bwip.png"].ms.median > 0, "bwip-js PNG under node");
    assert.ok(d.chromium.firstVisit.totalBytes > shippedWasm(d.size.files).brotli);
    assert.ok(d.size.codeByPackage.some(([p]) => p === "runtime"));
    assert.ok(d.profile[0].top.length > 0, "the CPU profile has a top");
    assert.ok(d.inittrace.inits.some((x) => x.pkg === "runtime"), "inittrace saw the runtime's init");
    assert.ok(d.chromium.startup.cold.median > 0);
    assert.ok(d.size.variants.find((v) => v.name === "hello").raw > 1e6);
    assert.ok(d.memory.after.heapInuse > 0);
    assert.ok(readFileSync(join(out, "bench", "go.txt"), "utf8").includes("BenchmarkValidate"));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("go test -bench output parses into medians per benchmark", () => {
  const raw = "goos: linux\npkg: scanpage/bench\nBenchmarkValidate/large-2   \t  100\t  50 ns/op\t 10 B/op\t 1 allocs/op\n" +
    "BenchmarkValidate/large-2   \t  100\t  70 ns/op\t 10 B/op\t 1 allocs/op\nBenchmarkValidate/large-2 \t 100\t 60 ns/op\t 12 B/op\t 1 allocs/op\n";
  assert.deepEqual(parseGoBench(raw), [{ pkg: "scanpage/bench", name: "BenchmarkValidate/large", count: 3, median: { "ns/op": 60, "B/op": 10, "allocs/op": 1 } }]);
});

test("page.mjs's output: its last JSON line", () => {
  const out = "| figure | median |\n|---|---|\n{\"bench\":\"page\",\"keystroke_diag\":{\"median\":3,\"p99\":9,\"n\":200}}\n";
  assert.equal(parsePageOutput(out).keystroke_diag.p99, 9);
  assert.throws(() => parsePageOutput("no json here"));
});

test("summary: median of an even count, nearest-rank p99", () => {
  const s = summary([4, 1, 3, 2]);
  assert.equal(s.median, 2.5);
  assert.equal(s.p99, 4);
  assert.equal(s.n, 4);
});

// Subpackages (scanpage/preview/barcode next to scanpage/preview) and
// namesakes (boombuler's barcode) must each be their own row of the size
// section: names are matched to the longest mangled import path.
test("wasm names: each package, subpackages included, is its own row", () => {
  const of = packageMatcher(["scanpage/preview", "scanpage/preview/barcode", "github.com/boombuler/barcode", "github.com/boombuler/barcode/utils"]);
  assert.equal(of("scanpage_preview.Render"), "scanpage/preview");
  assert.equal(of("scanpage_preview_barcode.EAN.func1"), "scanpage/preview/barcode");
  assert.equal(of("scanpage_preview_barcode.__pngBuffers_.Get"), "scanpage/preview/barcode");
  assert.equal(of("type_.eq.scanpage_preview_barcode.glyphOp"), "scanpage/preview/barcode");
  assert.equal(of("github.com_boombuler_barcode.init"), "github.com/boombuler/barcode");
  assert.equal(of("github.com_boombuler_barcode_utils.__base1DCode_.Content"), "github.com/boombuler/barcode/utils");
});

test("the embedding section: load(), the elements' first render next to the page's cold start, the shipped files with a total", async () => {
  const { embedSection } = await import("../embed.mjs");
  const { bytes, ms, table } = await import("../format.mjs");
  const s = (m) => ({ n: 5, median: m, p99: m, min: m, max: m });
  const e = { bundler: "vite 8", buildMs: 3000, runs: 5,
    main: { loadMs: s(900), readyMs: s(1000), elementsMs: s(1200) }, worker: { loadMs: s(950), readyMs: s(1050), elementsMs: s(1300) },
    files: [{ file: "assets/a.wasm", kind: "the wasm", raw: 1e7, gzip: 3e6, brotli: 2e6 }, { file: "assets/index.js", kind: "the app", raw: 2e4, gzip: 7e3, brotli: 6e3 }] };
  const md = embedSection(e, { cold: s(1500), bytes, ms, table });
  assert.match(md, /\| load\(\), main thread \| 900 ms \|/);
  assert.match(md, /\| elements' first render, worker \| 1\.30 s \|/);
  assert.match(md, /the page's cold start \(for comparison\) \| 1\.50 s/);
  assert.match(md, /\| \*\*total\*\* \|  \| 10\.02 MB \| 3\.01 MB \| 2\.01 MB \|/);
  assert.equal(embedSection({ skipped: "is skipped in quick mode" }, { bytes, ms, table }), "not measured: is skipped in quick mode");
});
