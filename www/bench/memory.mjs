// memory.mjs: does the wasm heap stay flat under use? One instance under
// node: `warm` validate+preview calls, sp.stats(); then `calls` more,
// sp.stats() again. stats() collects garbage first, so the figures are the
// live heap. Run as a child of run.mjs:
//
//   node www/bench/memory.mjs [--quick]     prints one JSON object
import { load } from "../scanpage.js";
import { readInputs } from "./inputs.mjs";

export async function memoryBench({ warm = 100, calls = 10000 } = {}) {
  const inputs = readInputs();
  const sp = await load();
  const docs = [inputs.docSample, inputs.large, inputs.preview];
  let i = 0;
  const step = () => {
    const doc = docs[i++ % docs.length];
    sp.validate(doc, { lang: "en" });
    sp.preview(doc, { page: "home" });
  };
  for (let n = 0; n < warm; n++) step();
  const before = sp.stats();
  const t0 = performance.now();
  for (let n = 0; n < calls; n++) step();
  const ms = performance.now() - t0;
  const after = sp.stats();
  // No sp.dispose(): a timer the Go runtime left pending would fire into the
  // ended program. The process exits right after.
  const growth = (k) => (after[k] - before[k]) / before[k] * 100;
  return {
    env: `node ${process.version}`,
    warm, calls, ms,
    workload: "each step: validate + preview (home) of one of fixture 01, the large document, fixture 04, in turn",
    before, after,
    growthPct: { heapInuse: growth("heapInuse"), heapAlloc: growth("heapAlloc"), memoryBytes: growth("memoryBytes") },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes("--quick");
  const r = await memoryBench(quick ? { warm: 10, calls: 100 } : {});
  process.stdout.write(JSON.stringify(r) + "\n");
  process.exit(0);
}
