// hostile.mjs: the hostile inputs (testkit/hostile.mjs, the shapes of
// schema/hostile) through the wasm under node, as the page's main thread or
// worker runs them: validate, preview (home page, validation included) and
// repair of every shape at 64 KiB and 1 MiB. Each figure is the median of
// three calls. Natively the same shapes are BenchmarkHostile (bench/
// hostile_test.go), in the Go step. Run as a child of run.mjs:
//
//   node bench/hostile.mjs [--quick]     prints one JSON object
import { shapes, sizes } from "../testkit/hostile.mjs";

export async function hostileBench({ quick = false } = {}) {
  const { load } = await import("../build/package/scanpage.js");
  const sp = await load();
  // Warm up: the first calls compile the wasm's functions (cold start is
  // measured in the Chromium step, not here).
  for (const make of Object.values(shapes)) {
    const t = make(4096);
    sp.validate(t);
    sp.preview(t);
    sp.repair(t);
  }
  const runs = quick ? 1 : 3;
  const results = [];
  for (const [name, make] of Object.entries(shapes)) {
    for (const size of quick ? sizes.slice(0, 1) : sizes) {
      const text = make(size);
      const row = { shape: name, size, issues: 0 };
      for (const [step, call] of [
        ["validate", () => sp.validate(text, { lang: "en" })],
        ["preview", () => sp.preview(text, { lang: "en" })],
        ["repair", () => sp.repair(text, { lang: "en" })],
      ]) {
        const ms = [];
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          const out = call();
          ms.push(performance.now() - t0);
          if (step === "validate") row.issues = out.issues.length;
        }
        ms.sort((a, b) => a - b);
        row[step] = ms[ms.length >> 1];
      }
      results.push(row);
    }
  }
  return { env: `node ${process.version}`, runs, results };
}

/** The budgets of issue 13, item 13, for any input within the limits. */
const budget = { native: 200, wasm: 1000 };

/**
 * The report's section: each shape and size natively (BenchmarkHostile in
 * the Go step) and in wasm (this step), against the budgets.
 */
export function hostileSection(d, { ms, table }) {
  const goMs = (shape, size, step) => {
    const b = d.go?.benchmarks?.find((x) => x.pkg === "scanpage/bench" && x.name === `BenchmarkHostile/${shape}/${size >> 10}K/${step}`);
    return b ? b.median["ns/op"] / 1e6 : undefined;
  };
  const steps = ["validate", "preview", "repair"];
  let over = 0;
  const rows = (d.hostile?.results ?? []).map((r) => {
    const native = steps.map((s) => goMs(r.shape, r.size, s));
    const wasm = steps.map((s) => r[s]);
    const ok = native.every((v) => v === undefined || v <= budget.native) && wasm.every((v) => v <= budget.wasm);
    if (!ok) over++;
    return [r.shape, `${r.size >> 10} KiB`, String(r.issues), ...native.map((v) => (v === undefined ? "–" : ms(v))), ...wasm.map((v) => ms(v)), ok ? "yes" : "**no**"];
  });
  const head = `Every shape of \`schema/hostile\` (the inputs that made validate, preview or repair superlinear or unbounded in issues 13 and 15), at 64 KiB and 1 MiB: natively (BenchmarkHostile, median of the Go step's runs) and in wasm under node through the JS API (median of ${d.hostile?.runs ?? "?"} calls; \`preview\` validates too). Budget: ≤ ${budget.native} ms natively and ≤ ${budget.wasm / 1000} s in wasm for any input within the limits. ${over === 0 ? "Every shape is within budget in this run." : `${over} row(s) over budget in this run.`} Issues: what the report lists (the first 1,000, then one summary per code).\n\n`;
  return head + table(["shape", "size", "issues", "native validate", "native preview", "native repair", "wasm validate", "wasm preview", "wasm repair", "within budget"], rows);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await hostileBench({ quick: process.argv.includes("--quick") });
  process.stdout.write(JSON.stringify(r) + "\n");
  process.exit(0);
}
