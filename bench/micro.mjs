// micro.mjs: the bench page's script (micro.html, never part of the app).
// It runs from build/bench, where chromium.mjs copies it next to suite.js
// (suite.mjs and the peers, bundled); the library is the site's own copy in
// build/site, served precompressed as the page gets it. chromium.mjs serves
// build/ with our server and calls globalThis.runBench.
import { load } from "../site/scanpage.js";
import { runSuite, plans } from "./suite.js";

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
