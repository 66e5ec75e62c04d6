// suite.mjs: the micro-benchmarks of scanpage's calls next to its peers, the
// same under node (node.mjs) and in Chromium (micro.html). Everything is
// measured in one interleaved run, so that ratios come from the same run.
import { compileAjv, jsbarcodeSVG, bwipSVG, pngInBrowser, bwipPNGAsync, pngSize } from "./peers.mjs";
import { interleave, interleaveAsync } from "./stats.mjs";

/**
 * @typedef {{docSample: string, large: string, repairInput: string, preview: string, code: string, schema: object | null}} Inputs
 * @typedef {{rounds: number, budgetMs: number, minBatchMs: number, warmupMs: number}} Plan
 */

/** The plans: full for `make bench`, quick for the smoke test. */
export const plans = {
  full: { rounds: 400, budgetMs: 25000, minBatchMs: 2, warmupMs: 150, compiles: 15 },
  quick: { rounds: 6, budgetMs: 300, minBatchMs: 0.5, warmupMs: 5, compiles: 2 },
};

/**
 * Runs the suite on a loaded scanpage instance sp.
 * @param {any} sp
 * @param {Inputs} inputs
 * @param {Plan & {compiles: number}} plan
 */
export function runSuite(sp, inputs, plan) {
  const notes = [];
  const ops = [];
  const context = {};

  // Ours, through the public API: JSON text in, a parsed result out.
  const en = { lang: "en" };
  const checks = {
    "validate.docSample": () => sp.validate(inputs.docSample, en),
    "validate.large": () => sp.validate(inputs.large, en),
    "repair.docSample": () => sp.repair(inputs.repairInput, en),
    "preview.home04": () => sp.preview(inputs.preview, { lang: "en", page: "home" }),
    "barcode.svg": () => sp.barcode(inputs.code),
    "barcode.png": () => sp.barcode(inputs.code, { format: "png" }),
    "digitalLink.svg": () => sp.digitalLink(inputs.code),
  };
  const first = {};
  for (const [name, fn] of Object.entries(checks)) {
    const t0 = performance.now();
    const r = fn();
    first[name] = performance.now() - t0;
    context[name] = describe(name, r);
    ops.push({ name, fn });
  }
  if (!context["barcode.svg"].drawn) notes.push(`scanpage did not draw ${inputs.code} as SVG`);

  // Ajv: the first compile in this process, then fresh compiles.
  const ajv = {};
  if (inputs.schema) {
    const c = compileAjv(inputs.schema);
    ajv.firstCompileMs = c.compileMs;
    const again = [];
    for (let i = 0; i < plan.compiles; i++) again.push(compileAjv(inputs.schema).compileMs);
    ajv.compileMs = again;
    const docSample = JSON.parse(inputs.docSample);
    const large = JSON.parse(inputs.large);
    for (const [key, text, obj] of [["docSample", inputs.docSample, docSample], ["large", inputs.large, large]]) {
      const valid = c.validate(obj);
      context[`ajv.${key}`] = { valid, errors: c.errors().length };
      // What an editor with Ajv does per keystroke: parse the text, validate it.
      ops.push({ name: `ajv.parse+validate.${key}`, fn: () => c.validate(JSON.parse(text)) });
      // Ajv's own share, on an already parsed object.
      ops.push({ name: `ajv.validate.${key}`, fn: () => c.validate(obj) });
    }
  } else {
    notes.push("Ajv not measured: build/package/create-product.schema.json is missing (make build publishes it)");
  }

  const jb = jsbarcodeSVG(inputs.code);
  const bw = bwipSVG(inputs.code);
  context["jsbarcode.svg"] = { bytes: jb.length, rects: (jb.match(/<rect/g) ?? []).length };
  context["bwip.svg"] = { bytes: bw.length };
  ops.push({ name: "jsbarcode.svg", fn: () => jsbarcodeSVG(inputs.code) });
  ops.push({ name: "bwip.svg", fn: () => bwipSVG(inputs.code) });
  if (pngInBrowser) {
    context["jsbarcode.png"] = pngSize(pngInBrowser.jsbarcode(inputs.code));
    context["bwip.png"] = pngSize(pngInBrowser.bwip(inputs.code));
    ops.push({ name: "jsbarcode.png", fn: () => pngInBrowser.jsbarcode(inputs.code) });
    ops.push({ name: "bwip.png", fn: () => pngInBrowser.bwip(inputs.code) });
  } else {
    notes.push("JsBarcode PNG not measured under node: it draws PNG only on a canvas (node-canvas would be a new native dependency)");
  }

  const results = interleave(ops, plan);
  return { results, first, ajv, context, notes };
}

/**
 * Under node, bwip-js's PNG is asynchronous (zlib on the thread pool): it is
 * timed from call to settled Promise, interleaved with sp.barcode PNG timed
 * the same way, apart from the synchronous suite. null in a browser.
 */
export async function runAsyncPNG(sp, inputs, plan) {
  if (!bwipPNGAsync) return null;
  const context = { "barcode.png": pngSize(sp.barcode(inputs.code, { format: "png" }).png), "bwip.png": pngSize(await bwipPNGAsync(inputs.code)) };
  const results = await interleaveAsync([
    { name: "barcode.png", fn: async () => sp.barcode(inputs.code, { format: "png" }) },
    { name: "bwip.png", fn: () => bwipPNGAsync(inputs.code) },
  ], { ...plan, rounds: Math.min(plan.rounds, 150), budgetMs: plan.budgetMs / 4 });
  return { results, context };
}

/** What a result held, so that the report can show the work was real. */
function describe(name, r) {
  if (name === "barcode.png") return { drawn: Boolean(r.png), ...(r.png ? pngSize(r.png) : {}), valid: r.report.valid };
  if (name.startsWith("barcode") || name.startsWith("digitalLink")) return { drawn: Boolean(r.svg || r.png), bytes: r.svg?.length ?? r.png?.length ?? 0, valid: r.report.valid };
  if (name.startsWith("repair")) return { fixes: r.fixes.length, bytes: r.text?.length ?? 0 };
  if (name.startsWith("preview")) return { htmlBytes: r.html.length, issues: r.report.issues.length };
  return { valid: r.valid, issues: r.issues.length };
}
