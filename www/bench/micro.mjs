// micro.mjs: the bench page's script (www/bench/micro.html, never part of the
// app). chromium.mjs bundles suite.mjs and the peers into dist/suite.js,
// serves the page with our server and calls globalThis.runBench.
import { load } from "../scanpage.js";
import { runSuite, plans } from "./dist/suite.js";

globalThis.runBench = async (inputs, planName) => {
  const t0 = performance.now();
  const sp = await load();
  const loadMs = performance.now() - t0;
  const plan = { ...plans[planName], minBatchMs: crossOriginIsolated ? plans[planName].minBatchMs : 10 };
  const out = runSuite(sp, inputs, plan);
  // No dispose(): a timer the Go runtime left pending would fire into the
  // ended program; the page is closed next anyway.
  return { env: navigator.userAgent, crossOriginIsolated, loadMs, minBatchMs: plan.minBatchMs, ...out };
};
document.documentElement.dataset.ready = "true";
