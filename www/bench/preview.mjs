// sp.preview of the full-features fixture through the real wasm under
// Node: the whole call (validate, render, JSON across the boundary). The
// budget (budgets.md) is ≤ 2 ms median for the home page.
//
//   node www/bench/preview.mjs [runs]      (after make build)
//
// Prints a table, then one JSON line for make bench:
//   {"bench":"preview","fixture":…,"runs":…,"results":[{"page","layout","median_ms","p99_ms"}…],"budget_ms":2}
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { load } from "../scanpage.js";

const fixture = "04-reconstructed-full-features.json";
const text = readFileSync(new URL(`../../schema/testdata/payloads/${fixture}`, import.meta.url), "utf8");
const runs = Number(process.argv[2] ?? 2000);
const sp = await load();

function measure(opts) {
  for (let i = 0; i < 200; i++) sp.preview(text, opts); // warm up: templates parsed, JIT settled
  const times = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = sp.preview(text, opts);
    times[i] = performance.now() - t0;
    if (r.html.length < 1000) throw new Error("preview returned no page");
  }
  times.sort();
  const at = (q) => times[Math.min(runs - 1, Math.floor(q * runs))];
  return { median_ms: +at(0.5).toFixed(3), p99_ms: +at(0.99).toFixed(3) };
}

const results = [];
for (const [page, layout] of [["home", "classic"], ["home", "concept"], ["detail", "classic"], ["antifake", "classic"]]) {
  results.push({ page, layout, ...measure({ page, layout }) });
}

console.log(`sp.preview(${fixture}), ${runs} runs each, wasm under Node ${process.version}`);
console.log("page      layout   median ms  p99 ms");
for (const r of results) {
  console.log(`${r.page.padEnd(9)} ${r.layout.padEnd(8)} ${String(r.median_ms).padStart(9)}  ${String(r.p99_ms).padStart(6)}`);
}
console.log(JSON.stringify({ bench: "preview", fixture, runs, results, budget_ms: 2 }));
// Not sp.dispose(): a Go timer still pending then throws "Go program has
// already exited" in Node (reported to the lead); the numbers are out.
process.exit(0);
