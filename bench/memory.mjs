// memory.mjs: does the wasm heap stay flat under use? One instance under
// node: `warm` validate+preview steps, sp.stats(); then `calls` more steps,
// with readings on the way, and sp.stats() again. stats() collects garbage
// first, so the figures are the live heap. Run as a child of run.mjs:
//
//   node bench/memory.mjs [--quick]     prints one JSON object
import { load } from "../build/package/scanpage.js";
import { readInputs } from "./inputs.mjs";
import { median } from "./stats.mjs";

/**
 * Three sp.stats() readings in a row (each after its own GC): the first
 * may still count what sync.Pools kept over one collection; the median of
 * the three is the live heap.
 */
function reading(sp) {
  const rs = [sp.stats(), sp.stats(), sp.stats()];
  const out = {};
  for (const k of Object.keys(rs[0])) out[k] = median(rs.map((r) => r[k]));
  out.readings = { heapAlloc: rs.map((r) => r.heapAlloc), heapInuse: rs.map((r) => r.heapInuse) };
  return out;
}

export async function memoryBench({ warm = 100, calls = 10000, checkpoints = [1000, 3000] } = {}) {
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
  const before = reading(sp);
  const series = [{ steps: warm, heapAlloc: before.heapAlloc, heapInuse: before.heapInuse }];
  const t0 = performance.now();
  let done = 0;
  for (const target of [...checkpoints.filter((c) => c < calls), calls]) {
    for (; done < target; done++) step();
    if (target === calls) break;
    const r = reading(sp);
    series.push({ steps: warm + target, heapAlloc: r.heapAlloc, heapInuse: r.heapInuse });
  }
  const ms = performance.now() - t0;
  const after = reading(sp);
  series.push({ steps: warm + calls, heapAlloc: after.heapAlloc, heapInuse: after.heapInuse });
  // No sp.dispose(): the process exits right after.
  const growth = (k) => (after[k] - before[k]) / before[k] * 100;
  return {
    env: `node ${process.version}`,
    warm, calls, ms,
    workload: "each step: validate + preview (home) of one of fixture 01, the large document, fixture 04, in turn",
    before, after, series,
    growthPct: { heapInuse: growth("heapInuse"), heapAlloc: growth("heapAlloc"), memoryBytes: growth("memoryBytes") },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes("--quick");
  const r = await memoryBench(quick ? { warm: 10, calls: 100, checkpoints: [50] } : {});
  process.stdout.write(JSON.stringify(r) + "\n");
  process.exit(0);
}
