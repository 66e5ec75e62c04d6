// report.mjs: BENCHMARKS.md from the figures of one run (BENCHMARKS.json).
import { existsSync, readFileSync } from "node:fs";
import { targetRows } from "./targets.mjs";
import { catalogueSection } from "./catalogue.mjs";
import { embedSection } from "./embed.mjs";
import { hostileSection } from "./hostile.mjs";
import { cataloguePageSection } from "./catalogue-page.mjs";
import { bytes, delta, met, ms, pct, rate, table, times } from "./format.mjs";

// The same operation natively (bench/api_test.go) and through the JS API.
const sameOps = [
  ["validate.docSample", "BenchmarkValidate/doc-sample", "validate, API doc sample (fixture 01)"],
  ["validate.large", "BenchmarkValidate/large", "validate, large document"],
  ["repair.docSample", "BenchmarkRepair/doc-sample-verbatim", "repair, API doc sample as published (fixture 00)"],
  ["preview.home04", "BenchmarkPreview/home-04", "preview home, fixture 04 (validate + render)"],
  ["barcode.svg", "BenchmarkBarcode/ean13-svg", "barcode EAN-13 → SVG"],
  ["barcode.png", "BenchmarkBarcode/ean13-png", "barcode EAN-13 → PNG"],
  ["digitalLink.svg", "BenchmarkDigitalLink/svg", "digital link QR → SVG"],
];

const opNames = {
  "validate.docSample": "scanpage validate, doc sample",
  "validate.large": "scanpage validate, large document",
  "repair.docSample": "scanpage repair, doc sample as published",
  "preview.home04": "scanpage preview home, fixture 04",
  "barcode.svg": "scanpage barcode EAN-13 SVG",
  "barcode.png": "scanpage barcode EAN-13 PNG",
  "digitalLink.svg": "scanpage digitalLink QR SVG",
  "ajv.parse+validate.docSample": "Ajv: JSON.parse + validate, doc sample",
  "ajv.validate.docSample": "Ajv: validate only (parsed object), doc sample",
  "ajv.parse+validate.large": "Ajv: JSON.parse + validate, large document",
  "ajv.validate.large": "Ajv: validate only (parsed object), large document",
  "jsbarcode.svg": "JsBarcode EAN-13 → SVG string",
  "bwip.svg": "bwip-js EAN-13 → SVG string",
  "jsbarcode.png": "JsBarcode EAN-13 → canvas → PNG data URL",
  "bwip.png": "bwip-js EAN-13 → canvas → PNG data URL",
};

function goBench(d, name) {
  return d.go?.benchmarks?.find((b) => b.pkg === "scanpage/bench" && b.name === name);
}

function suiteTable(run) {
  return table(["operation", "p50", "p99", "samples × calls", "rate (from p50)"],
    Object.entries(run.results).map(([k, r]) => [opNames[k] ?? k, ms(r.ms.median), ms(r.ms.p99), `${r.ms.n} × ${r.k}`, rate(r.ms.median)]));
}

function ratioTable(run) {
  const r = (k) => run.results[k]?.ms?.median;
  const rows = [];
  for (const doc of ["docSample", "large"]) {
    const ours = r(`validate.${doc}`);
    if (r(`ajv.parse+validate.${doc}`)) {
      rows.push([`validate ${doc === "docSample" ? "doc sample" : "large document"}: scanpage ÷ (JSON.parse + Ajv)`, times(ours, r(`ajv.parse+validate.${doc}`)),
        "time ratio: >1 means scanpage takes longer. scanpage also parses with positions, repairs slips, checks the rules a schema cannot express, and builds bilingual messages"]);
      rows.push([`validate ${doc === "docSample" ? "doc sample" : "large document"}: scanpage ÷ Ajv validate alone`, times(ours, r(`ajv.validate.${doc}`)), "time ratio, Ajv given an already parsed object"]);
    }
  }
  if (run.ajv?.firstCompileMs !== undefined) {
    rows.push(["startup: scanpage load() ÷ Ajv first compile", times(run.loadMs, run.ajv.firstCompileMs),
      `load() ${ms(run.loadMs)} (fetch/compile/instantiate the wasm, Go init, registration) vs Ajv's first compile of our schema ${ms(run.ajv.firstCompileMs)} (later compiles ${ms(median(run.ajv.compileMs))} median)`]);
  }
  rows.push(["EAN-13 SVG: scanpage rate ÷ JsBarcode rate", times(r("jsbarcode.svg"), r("barcode.svg")), "≥ 3× is the target"]);
  rows.push(["EAN-13 SVG: scanpage rate ÷ bwip-js rate", times(r("bwip.svg"), r("barcode.svg")), ""]);
  if (r("jsbarcode.png")) {
    const px = (k) => run.context[k] ? `${run.context[k].width}×${run.context[k].height} px` : "";
    rows.push(["EAN-13 PNG: scanpage rate ÷ JsBarcode rate", times(r("jsbarcode.png"), r("barcode.png")),
      `the peers draw on a canvas and encode with toDataURL (the browser's PNG encoder, + base64); images: scanpage ${px("barcode.png")}, JsBarcode ${px("jsbarcode.png")}, bwip-js ${px("bwip.png")}`]);
    rows.push(["EAN-13 PNG: scanpage rate ÷ bwip-js rate", times(r("bwip.png"), r("barcode.png")), ""]);
  }
  const a = run.asyncPNG?.results;
  if (a?.["bwip.png"]) {
    rows.push(["EAN-13 PNG: scanpage rate ÷ bwip-js rate (toBuffer, awaited)", times(a["bwip.png"].ms.median, a["barcode.png"].ms.median),
      `bwip-js ${ms(a["bwip.png"].ms.median)} p50 (${rate(a["bwip.png"].ms.median)}), scanpage ${ms(a["barcode.png"].ms.median)} (${rate(a["barcode.png"].ms.median)}), ${a["bwip.png"].ms.n} samples each, interleaved, each call awaited (bwip-js deflates on node's thread pool); images ${Object.entries(run.asyncPNG.context).map(([k, v]) => `${k} ${v.width}×${v.height} px ${bytes(v.bytes)}`).join(", ")}`]);
  }
  return table(["comparison (same run)", "ratio", "note"], rows);
}

function median(xs) {
  if (!xs?.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function firstCalls(run) {
  return Object.entries(run.first ?? {}).map(([k, v]) => `${k} ${ms(v)}`).join(", ");
}

function sizeSection(s) {
  const out = [];
  out.push("### The files a visitor may fetch\n");
  out.push("As `make build` leaves them in build/site, the directory the server serves.\n");
  out.push(table(["file", "raw", "gzip -9", "brotli", "served as"], s.files.map((f) => [f.file, bytes(f.raw), bytes(f.gzip), `${bytes(f.brotli)}${f.brotliQuality === 11 ? "" : ` (q${f.brotliQuality})`}`, f.servedAs])));
  out.push("\n### What each named dependency costs\n");
  out.push("Tiny js/wasm programs generated at bench time (hello world plus the smallest real use of each dependency, added one at a time), each built with `-trimpath -ldflags='-s -w'` and compressed like the shipped file (brotli quality 11, window 24). \"Adds\" is the cost of that line over the one above it.\n");
  const rows = [];
  let prev = null;
  for (const v of s.variants) {
    const base = v.adds || v.name === "hello" ? prev : null;
    rows.push([v.name, bytes(v.raw), bytes(v.brotli), base ? delta(v.raw - base.raw) : "", base ? delta(v.brotli - base.brotli) : ""]);
    if (v.adds || v.name === "hello") prev = v;
  }
  out.push(table(["program", "raw", "brotli", "adds (raw)", "adds (brotli)"], rows));
  const all = s.variants.find((v) => v.adds === "gojsonschema");
  const upstream = s.variants.find((v) => v.whatIf === "upstream" && !v.full);
  const spUpstream = s.variants.find((v) => v.whatIf === "upstream" && v.full);
  const sp = s.variants.find((v) => v.full && !v.whatIf);
  if (all && upstream) {
    out.push(`\nThe gojsonschema above is our copy without net/http (third_party/gojsonschema, see README). With upstream v1.2.0, which imports net/http for remote \`$ref\`s and so links crypto/tls, x509, mime and the HTTP client, the same program is ${bytes(upstream.raw)} raw, ${bytes(upstream.brotli)} brotli: ${delta(upstream.brotli - all.brotli)} brotli.`);
  }
  if (sp && spUpstream) out.push(`\nscanpage itself built with upstream gojsonschema: ${bytes(spUpstream.raw)} raw, ${bytes(spUpstream.brotli)} brotli (${delta(spUpstream.brotli - sp.brotli)} brotli against the shipped file).`);
  for (const n of s.notes ?? []) out.push(`\nNote: ${n}.`);
  out.push(`\n### Where scanpage.wasm's bytes go\n`);
  out.push(`./wasm links ${s.packages} packages; net/http ${s.linksNetHTTP ? "**is**" : "is not"} among them. Notable: ${s.notable.map((p) => `\`${p}\``).join(", ")}.\n`);
  const code = s.codeByPackage.reduce((a, [, n]) => a + n, 0);
  out.push(`Sections of a build without \`-s\` (the shipped one drops the name section): code ${bytes(s.sections.code)}, data ${bytes(s.sections.data)}, names ${bytes(s.sections["custom:name"] ?? 0)}. Function bodies by Go package (top 25 of ${s.codeByPackage.length}, ${bytes(code)} in all):\n`);
  out.push(table(["package", "code", "share"], s.codeByPackage.slice(0, 25).map(([p, n]) => [p, bytes(n), `${(n / code * 100).toFixed(1)} %`])));
  return out.join("\n");
}

function transferSection(f) {
  const out = [];
  out.push(`A new browser context (empty cache) loads the page until the first diagnostics show, the network is idle and the service worker${f.serviceWorker ? " is ready" : " (none registered)"}; bytes are headers + body as received (Playwright's request sizes; compressed where the server compressed). Total **${bytes(f.totalBytes)}** in ${f.resources.length} requests: the page's ${bytes(f.pageBytes ?? f.totalBytes)}${f.serviceWorkerBytes ? `, its service worker's ${bytes(f.serviceWorkerBytes)} (precaching)` : ""}.${f.errors?.length ? ` Console errors on the page (external images cannot load here; the sandboxed preview frame reports blocked scripts): ${f.errors.join(" / ")}.` : ""}\n`);
  out.push(table(["resource", "requested by", "status", "encoding", "received"], f.resources.map((r) => [r.url, r.by ?? "page", r.status, r.encoding || "identity", bytes(r.bytes)])));
  out.push(`\nThe wasm was served as \`${f.wasm?.contentType}\`, \`Content-Encoding: ${f.wasm?.contentEncoding || "identity"}\`, \`Cache-Control: ${f.wasm?.cacheControl}\`; compiled with ${f.streaming ? "**streaming compilation** (WebAssembly.compileStreaming/instantiateStreaming)" : f.instantiateFromBuffer ? "WebAssembly.instantiate from a buffer (no streaming)" : "an instantiate call the probe did not see (a worker?)"}. Navigation → first diagnostics on this instrumented load: ${ms(f.firstShownMs)}.`);
  return out.join("\n");
}

function startupSection(st) {
  const labels = { wasmStart: "scanpage.wasm requested (resource timing startTime)", wasmResponseStart: "its first byte (responseStart)", wasmResponseEnd: "scanpage.wasm received, streamed into the compiler (responseEnd)", compiled: "wasm compiled and instantiated", goReady: "Go ready (its functions registered)", firstShown: "first diagnostics shown" };
  const rows = Object.keys(labels).map((k) => [labels[k], st.coldMilestones?.[k] ? ms(st.coldMilestones[k].median) : "not seen", st.repeatMilestones?.[k] ? ms(st.repeatMilestones[k].median) : "not seen"]);
  return [`Measured by ${st.source}: navigation start → each milestone, medians of ${st.cold.n} cold loads (a new context each, empty cache) and ${st.repeat.n} repeat visits (one warm context). Streaming compilation: ${st.streaming ? "yes" : "**no**"}.\n`,
    table(["milestone", "cold", "repeat visit"], rows),
    `\nFirst diagnostics, cold: ${ms(st.cold.median)} median, ${ms(st.cold.min)}–${ms(st.cold.max)}; repeat: ${ms(st.repeat.median)} median, ${ms(st.repeat.min)}–${ms(st.repeat.max)}.`].join("\n");
}

function pageSection(c) {
  const p = c.page;
  if (!p || p.error) return `bench/page.mjs ${p?.error ? `failed: ${p.error}` : c.pageSkipped ?? "is not on this branch yet"}: keystroke figures not measured.`;
  const rows = [];
  const row = (label, k, target) => p[k] && rows.push([label, ms(p[k].median), p[k].p99 !== undefined ? `p99 ${ms(p[k].p99)}` : `${ms(p[k].min)}–${ms(p[k].max)}`, p[k].n, target]);
  row("keystroke → diagnostics shown", "keystroke_diag", "≤ 16 ms p50, ≤ 50 ms p99");
  row("keystroke → preview and barcode updated (srcdoc set)", "keystroke_prev", "≤ 16 ms p50, ≤ 50 ms p99");
  row("keystroke → preview loaded in the frame", "keystroke_loaded", "");
  // The Form view (issue 14): a form edit (the title committed) and a text
  // edit while the form shows, on the API doc sample.
  row("form edit → text changed, diagnostics shown", "form_edit_text", "≤ 16 ms p50");
  row("form edit → diagnostics mark", "form_edit_diag", "");
  row("form edit → preview and barcode updated", "form_edit_prev", "≤ 16 ms p50");
  row("form edit → form updated (after the change event)", "form_edit_form", "");
  row("text edit → form updated, the end of its task", "text_edit_form", "≤ 16 ms p50");
  row("text edit → the form's own update done (sp:form)", "text_edit_form_mark", "");
  if (p.paste_500k) {
    const q = p.paste_500k;
    rows.push(["paste 500 KB random → first frame", ms(q.first_frame), `longest task ${ms(q.longest_task)}, checked in ${ms(q.checked)}`, q.n, "frame ≤ 100 ms, tasks ≤ 50 ms"]);
  }
  row("cold load → first diagnostics (empty cache)", "cold_first_diagnostics", "≤ 400 ms");
  row("repeat visit → first diagnostics", "repeat_first_diagnostics", "≤ 200 ms");
  const out = [`From bench/page.mjs (${p.chromium ?? "Chromium"}):\n`, table(["figure", "median", "p99 / range", "n", "target"], rows)];
  const calls = Object.keys(p).filter((k) => k.startsWith("calls_"));
  if (calls.length) {
    out.push("\nThe calls on the page's main thread and through a worker (page.mjs' own batches):\n");
    out.push(table(["document", "chars", "validate", "preview", "worker validate round trip"], calls.map((k) => [k.slice(6), p[k].bytes, ms(p[k].validate_ms), ms(p[k].preview_ms), ms(p[k].worker_validate_roundtrip_ms)])));
  }
  return out.join("\n");
}

function memorySection(m) {
  const k = ["heapInuse", "heapAlloc", "heapSys", "memoryBytes", "numGC", "mallocs"];
  return [`${m.workload[0].toUpperCase()}${m.workload.slice(1)}. sp.stats() runs a GC first; each figure is the median of three readings in a row. ${m.calls} steps took ${ms(m.ms)} (${ms(m.ms / m.calls)} per validate+preview pair, readings included). Live heap on the way: ${(m.series ?? []).map((p) => `${p.steps} steps ${bytes(p.heapAlloc)}`).join(", ")}.\n`,
    table(["figure", `after ${m.warm} steps`, `after ${m.warm + m.calls} steps`, "growth"],
      k.map((f) => [f, f.endsWith("Bytes") || f.startsWith("heap") ? bytes(m.before[f]) : m.before[f], f.endsWith("Bytes") || f.startsWith("heap") ? bytes(m.after[f]) : m.after[f],
        f === "numGC" || f === "mallocs" ? "" : pct((m.after[f] - m.before[f]) / m.before[f] * 100)]))].join("\n");
}

function initSection(t) {
  return [`${t.runs} cold starts under ${t.env}, each in a fresh process (medians): WebAssembly.compile ${ms(t.compileMs)}, instantiate ${ms(t.instantiateMs)}, go.run → ready ${ms(t.runToReadyMs)}, of which package initialisation ${ms(t.initClockMs)} (\`GODEBUG=inittrace=1\`: the clock includes compiling each function on its first call). What runs at init runs on every start, before the first diagnostics; the top of the list:\n`,
    table(["package", "init clock", "bytes", "allocs"], t.inits.slice(0, 12).map((x) => [x.pkg, ms(x.clockMs), x.bytes, x.allocs]))].join("\n");
}

function section(title, body) {
  return `\n## ${title}\n\n${body}\n`;
}

/** Renders BENCHMARKS.md. */
export function renderReport(d, { root }) {
  const m = d.meta;
  const mach = m.machine;
  const parts = [];
  parts.push(`# Benchmarks\n`);
  parts.push(`Written by \`${m.command}\` (bench/run.mjs${m.quick ? ", **quick mode: a few iterations, figures meaningless**" : ""}). Raw figures: BENCHMARKS.json; raw Go output: bench/go.txt (benchstat reads it).\n`);
  parts.push(table(["", ""], [
    ["date", m.date],
    ["commit", `${mach.commit} (${mach.describe}, branch ${mach.branch})`],
    ["machine", `${mach.cpus} CPUs (nproc ${mach.nproc}), ${mach.cpuModel}, ${mach.memoryGiB} GiB`],
    ["OS", mach.os],
    ["versions", Object.entries(mach.versions).map(([k, v]) => `${k} ${v}`).join(", ")],
    ["load average (1/5/15 min)", `at start ${m.loadavg.start.join(" / ")}, at end ${m.loadavg.end.join(" / ")}`],
    ["duration", `${(m.durationSec / 60).toFixed(1)} min (${Object.entries(m.steps).map(([k, v]) => `${k} ${v.toFixed(0)} s`).join(", ")})`],
  ]));
  parts.push(`\nEvery figure is from this machine and this run only: the machine is shared and noisy, so read medians, and compare with a peer only through the ratios, which come from one interleaved run. Times are per call unless said otherwise; "p50/p99" are over samples, a sample being the mean of k calls timed together (k is chosen so that a sample lasts ≥ ${d.node?.plan?.minBatchMs ?? "2"} ms under node, ≥ ${d.chromium?.micro?.minBatchMs ?? "2"} ms in Chromium; with k = 1 a sample is one call).`);

  parts.push(section("Targets (budgets.md)", table(["figure", "what it measures", "on what", "value", "target", "met?", "why, if missed"],
    targetRows(d).map((r) => [r.figure, r.measures, r.on, r.value, r.target, met(r.met), r.met === false ? (r.why ?? "see Findings") : (r.why ?? "")]))));

  // The same operations, three ways.
  const rows = sameOps.map(([op, goName, label]) => {
    const g = goBench(d, goName);
    const n = d.node?.results?.[op]?.ms?.median;
    const c = d.chromium?.micro?.results?.[op]?.ms?.median;
    const nat = g ? g.median["ns/op"] / 1e6 : undefined;
    return [label, nat === undefined ? "—" : ms(nat), g ? `${g.median["B/op"]} B, ${g.median["allocs/op"]} allocs` : "—", ms(n), ms(c), times(n, nat), times(c, nat)];
  });
  parts.push(section("The same operations: native Go, wasm under node, wasm in Chromium",
    `Native: \`${d.go?.command ?? "not run"}\`, package scanpage/bench (bench/api_test.go: the public Go calls on the very inputs below; medians over the -count runs). Wasm: through the JS API (JSON text in, the result parsed), median per call.\n\n` +
    table(["operation", "native Go", "native allocs/op", "wasm, node", "wasm, Chromium", "node ÷ native", "Chromium ÷ native"], rows)));

  if (d.go?.benchmarks) {
    parts.push(section("Native Go benchmarks (every package)", table(["package", "benchmark", "time/op", "B/op", "allocs/op", "runs"],
      d.go.benchmarks.map((b) => [b.pkg, b.name, ms(b.median["ns/op"] / 1e6), b.median["B/op"] ?? "—", b.median["allocs/op"] ?? "—", b.count]))));
  } else parts.push(section("Native Go benchmarks", `not measured: ${d.go?.error ?? "skipped"}`));

  if (Array.isArray(d.profile)) {
    parts.push(section("Where the native time goes (CPU profiles)", `\`go test -cpuprofile\` of one benchmark each (bench/api_test.go), \`go tool pprof -top\`: the functions with the most time of their own (flat), with their cumulative share. Runtime entries (GC, scheduling, preemption) are the cost of allocating.\n\n` +
      d.profile.map((p) => `**${p.label}** (${p.total} of samples)\n\n${table(["function", "flat", "cum"], p.top.map((t) => [t.fn, `${t.flatPct} %`, `${t.cumPct} %`]))}`).join("\n\n")));
  }

  for (const [title, run] of [["Wasm under node, next to Ajv, JsBarcode and bwip-js (one process, one run)", d.node], ["In Chromium, next to Ajv, JsBarcode and bwip-js (bench page bench/micro.html, one run)", d.chromium?.micro]]) {
    if (!run?.results) { parts.push(section(title, `not measured: ${run?.error ?? "the step did not run"}`)); continue; }
    const env = run.env?.includes("Chrome") ? `${run.env}; cross-origin isolated: ${run.crossOriginIsolated} (timer resolution); CSP bypassed for this bench page only, because Ajv compiles schemas with \`new Function\`, which the app's CSP (no 'unsafe-eval') forbids` : run.env;
    const body = [`On ${env}. Inputs: ${Object.entries(run.files ?? d.node?.files ?? {}).map(([k, v]) => `${k} = ${v ?? "absent"}`).join(", ")}; barcode ${d.node?.code ?? "6901939621608"}. Ajv: \`new Ajv({allErrors: true, strict: false})\` compiling the published schema; JsBarcode: \`{format: "EAN13"}\`${run.env?.includes("Chrome") ? " on a real SVG element, serialised with XMLSerializer" : " through its documented xmlDocument option on a minimal document (bench/peers.mjs), serialised to text"}; bwip-js: \`toSVG({bcid: "ean13", includetext: true})\`. All interleaved, order shuffled every round, after a warm-up.\n`,
      suiteTable(run), "\n", ratioTable(run),
      `\nStartup in this ${run.env?.includes("Chrome") ? "page" : "process"}: scanpage load() ${ms(run.loadMs)}; first calls: ${firstCalls(run)}. Ajv first compile ${ms(run.ajv?.firstCompileMs)}, later compiles ${ms(median(run.ajv?.compileMs))} median (n ${run.ajv?.compileMs?.length ?? 0}).`,
      `\nWhat the calls returned (the work was real): ${Object.entries(run.context).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join("; ")}.`,
      ...(run.notes?.length ? [`\nNotes: ${run.notes.join("; ")}.`] : [])];
    parts.push(section(title, body.join("\n")));
  }

  if (d.chromium && !d.chromium.error) {
    parts.push(section("The page in Chromium: keystrokes, cold load, repeat visit", pageSection(d.chromium)));
    if (d.chromium.startup) parts.push(section("Startup, step by step (Chromium)", startupSection(d.chromium.startup)));
    parts.push(section("First visit: what Chromium downloads", d.chromium.firstVisit ? transferSection(d.chromium.firstVisit) : "not measured"));
  } else parts.push(section("Chromium", `not measured: ${d.chromium?.error ?? "skipped"}`));

  if (d.hostile || d.go) {
    parts.push(section("Hostile inputs: every shape within budget?", d.hostile?.error ? `not measured: ${d.hostile.error}` : hostileSection(d, { ms, table })));
  }
  if (d.catalogue) {
    parts.push(section("A catalogue: scanpage check on a whole account", d.catalogue.error ? `not measured: ${d.catalogue.error}` : catalogueSection(d.catalogue)));
  }
  if (d.embed) {
    parts.push(section("Embedding: a consumer app (Vite 8, Chromium)", embedSection(d.embed, { cold: d.chromium?.startup?.cold, bytes, ms, table })));
  }
  if (d.cataloguePage) {
    parts.push(section("A catalogue in the page (Chromium)", d.cataloguePage.error ? `not measured: ${d.cataloguePage.error}` : cataloguePageSection(d.cataloguePage)));
  }
  parts.push(section("Size: where the bytes go", d.size && !d.size.error ? sizeSection(d.size) : `not measured: ${d.size?.error ?? "skipped"}`));
  parts.push(section("Go start-up, package by package (node)", d.inittrace && !d.inittrace.error ? initSection(d.inittrace) : `not measured: ${d.inittrace?.error ?? "skipped"}`));
  parts.push(section("Memory: wasm heap under use (node)", d.memory && !d.memory.error ? memorySection(d.memory) : `not measured: ${d.memory?.error ?? "skipped"}`));

  for (const [title, file] of [["Findings", "bench/findings.md"], ["History: before and after", "bench/history.md"]]) {
    const p = `${root}${file}`;
    if (existsSync(p)) parts.push(section(title, `${readFileSync(p, "utf8").trim()}\n\n(from ${file}, written by hand)`));
  }
  return parts.join("\n");
}

// `node bench/report.mjs [DIR]`: rewrites DIR/BENCHMARKS.md (default: the
// repository root) from DIR/BENCHMARKS.json, e.g. after editing bench/findings.md.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync } = await import("node:fs");
  const root = new URL("../", import.meta.url).pathname;
  const dir = process.argv[2] ? `${process.argv[2].replace(/\/$/, "")}/` : root;
  const d = JSON.parse(readFileSync(`${dir}BENCHMARKS.json`, "utf8"));
  writeFileSync(`${dir}BENCHMARKS.md`, renderReport(d, { root }) + "\n");
}
