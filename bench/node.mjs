// node.mjs: the wasm under node next to Ajv, JsBarcode and bwip-js, in one
// process. Run as a child of run.mjs (a fresh heap each time):
//
//   node bench/node.mjs [--quick]     prints one JSON object
import { load } from "../build/package/scanpage.js";
import { readInputs } from "./inputs.mjs";
import { runSuite, runAsyncPNG, plans } from "./suite.mjs";

export async function nodeBench({ quick = false } = {}) {
  const inputs = readInputs();
  const t0 = performance.now();
  const sp = await load();
  const loadMs = performance.now() - t0;
  const plan = quick ? plans.quick : plans.full;
  const out = runSuite(sp, inputs, plan);
  out.asyncPNG = await runAsyncPNG(sp, inputs, plan);
  // No sp.dispose(): a timer the Go runtime left pending would fire into the
  // ended program. The process exits right after.
  return { env: `node ${process.version}`, loadMs, files: inputs.files, ...out };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await nodeBench({ quick: process.argv.includes("--quick") });
  process.stdout.write(JSON.stringify(r) + "\n");
  process.exit(0);
}
