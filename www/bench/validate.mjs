// Times sp.validate on the API doc's sample and on the largest realistic
// document, through the real scanpage.wasm under Node. Prints a table, then
// one JSON line (for make bench): {"bench":"validate",...} with medians and
// p99s in milliseconds.
//
//   node www/bench/validate.mjs [--runs N]
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { load } from "../scanpage.js";

const arg = process.argv.indexOf("--runs");
const runs = arg > 0 ? Number(process.argv[arg + 1]) : 2000;
const testdata = (name) => readFileSync(new URL(`../../schema/testdata/${name}`, import.meta.url), "utf8");
const docs = {
  docSample: testdata("payloads/00-doc-sample-verbatim.json.txt"),
  large: testdata("large.json"),
};

const t0 = performance.now();
const sp = await load();
const loadMs = performance.now() - t0;
const t1 = performance.now();
sp.validate(docs.docSample); // the first call compiles the JSON Schema
const firstMs = performance.now() - t1;

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const result = { bench: "validate", runtime: `node ${process.versions.node}`, runs, loadMs: +loadMs.toFixed(1), firstValidateMs: +firstMs.toFixed(2) };
for (const [name, text] of Object.entries(docs)) {
  for (let i = 0; i < 200; i++) sp.validate(text); // warm up
  const times = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    sp.validate(text);
    times[i] = performance.now() - s;
  }
  times.sort();
  result[name] = { bytes: Buffer.byteLength(text), medianMs: +quantile(times, 0.5).toFixed(3), p99Ms: +quantile(times, 0.99).toFixed(3) };
  console.log(`${name.padEnd(10)} ${String(result[name].bytes).padStart(6)} B  median ${result[name].medianMs.toFixed(3)} ms  p99 ${result[name].p99Ms.toFixed(3)} ms`);
}
console.log(`load ${result.loadMs} ms, first validate (schema compile) ${result.firstValidateMs} ms`);
sp.dispose();
console.log(JSON.stringify(result));
