// catalogue.mjs: a whole account's catalogue, checked three ways on the same
// generated files (bench/catgen, seed 1):
//
//   1. `build/scanpage check` (native Go, -j = the CPUs) over the folder of
//      files and over the NDJSON file: wall time and max RSS of the child
//      (/usr/bin/time -v), median of the runs;
//   2. Ajv (structure only: JSON.parse + validate, our published schema) over
//      the same files in one node process (read included, as the CLI reads);
//   3. a single-document loop through the JS API (sp.validate per file, wasm
//      under node) on the first `--sample` files (a full 100,000 would take
//      minutes); its figure is per document.
//
//   node bench/catalogue.mjs [--n 100000] [--runs 3] [--sample 3000] [--quick]
//
// The catalogue is written once to build/bench/catalogue-N/ (files and
// NDJSON) and reused. Prints one JSON object (run.mjs reads the last line).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { root } from "./inputs.mjs";
import { median } from "./stats.mjs";
import { generateCatalogue } from "./catgen.mjs";

const argv = process.argv.slice(2);
const arg = (name, def) => { const i = argv.indexOf(name); return i >= 0 ? Number(argv[i + 1]) : def; };
const quick = argv.includes("--quick");
const n = arg("--n", Number(process.env.CATALOGUE_N) || (quick ? 300 : 100000));
const runs = arg("--runs", quick ? 1 : 3);
const sample = Math.min(n, arg("--sample", quick ? 100 : 3000));
const log = (s) => process.stderr.write(`${s}\n`);

/** The files of the folder, in the CLI's (lexical) order. */
function listFiles(dir) {
  const out = [];
  for (const sub of readdirSync(dir).sort()) {
    for (const f of readdirSync(join(dir, sub)).sort()) out.push(join(dir, sub, f));
  }
  return out;
}

/** Runs the CLI once under /usr/bin/time -v: wall seconds, max RSS in bytes, exit code. */
function cli(path) {
  return new Promise((resolve, reject) => {
    const hasTime = existsSync("/usr/bin/time");
    const cmd = hasTime ? "/usr/bin/time" : join(root, "build", "scanpage");
    const args = [...(hasTime ? ["-v", join(root, "build", "scanpage")] : []), "check", "-format", "json", path];
    const t0 = performance.now();
    const p = spawn(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let bytes = 0;
    let err = "";
    let tail = "";
    p.stdout.on("data", (d) => { bytes += d.length; tail = (tail + d).slice(-4000); });
    p.stderr.on("data", (d) => { err += d; });
    p.on("error", reject);
    p.on("close", (code) => {
      const wall = (performance.now() - t0) / 1000;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
      const user = /User time \(seconds\): ([\d.]+)/.exec(err);
      const sys = /System time \(seconds\): ([\d.]+)/.exec(err);
      const docs = /"documents":(\d+),"valid":(\d+),"invalid":(\d+)/.exec(tail);
      if (code !== 0 && code !== 1) return reject(new Error(`scanpage check exited ${code}: ${err.slice(-500)}`));
      resolve({ wall, cpu: user && sys ? Number(user[1]) + Number(sys[1]) : null, rss: rss ? Number(rss[1]) * 1024 : null, code, outBytes: bytes, documents: docs ? Number(docs[1]) : null, invalid: docs ? Number(docs[3]) : null });
    });
  });
}

/** Ajv over every file, in a child node process (a fresh heap). */
function ajvChild(files) {
  const script = `
    import { readFileSync } from "node:fs";
    import { compileAjv } from ${JSON.stringify(join(root, "bench", "peers.mjs"))};
    const files = JSON.parse(readFileSync(0, "utf8"));
    const schema = JSON.parse(readFileSync(${JSON.stringify(join(root, "build", "package", "create-product.schema.json"))}, "utf8"));
    const { validate } = compileAjv(schema);
    const t0 = performance.now();
    let invalid = 0;
    for (const f of files) {
      let ok = false;
      try { ok = validate(JSON.parse(readFileSync(f, "utf8"))); } catch { ok = false; }
      if (!ok) invalid++;
    }
    process.stdout.write(JSON.stringify({ seconds: (performance.now() - t0) / 1000, invalid, rss: process.resourceUsage().maxRSS * 1024 }) + "\\n");
  `;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { input: JSON.stringify(files), cwd: root, maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`ajv loop: ${r.stderr}`);
  return JSON.parse(String(r.stdout).trim().split("\n").pop());
}

/** sp.validate on each of files, one document at a time, in a child. */
function apiChild(files) {
  const script = `
    import { readFileSync } from "node:fs";
    import { load } from ${JSON.stringify(join(root, "build", "package", "scanpage.js"))};
    const files = JSON.parse(readFileSync(0, "utf8"));
    const sp = await load();
    sp.validate(readFileSync(files[0], "utf8")); // the schema compiles on the first call
    const t0 = performance.now();
    let invalid = 0;
    for (const f of files) if (!sp.validate(readFileSync(f, "utf8")).valid) invalid++;
    process.stdout.write(JSON.stringify({ seconds: (performance.now() - t0) / 1000, invalid }) + "\\n");
    process.exit(0);
  `;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { input: JSON.stringify(files), cwd: root, maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`API loop: ${r.stderr}`);
  return JSON.parse(String(r.stdout).trim().split("\n").pop());
}

export async function catalogueBench() {
  if (!existsSync(join(root, "build", "scanpage"))) throw new Error("build/scanpage is missing: run make build");
  const dir = generateCatalogue(n, log);
  const expect = JSON.parse(readFileSync(join(dir, "expect.json"), "utf8"));
  const files = listFiles(join(dir, "files"));
  const out = { n, runs, sample, cpus: (await import("node:os")).cpus().length, expect, files: {}, ndjson: {}, ajv: {}, api: {} };
  const runsOf = async (path) => {
    const rs = [];
    for (let i = 0; i < runs; i++) {
      rs.push(await cli(path));
      log(`   scanpage check ${path.replace(root, "")}: ${rs.at(-1).wall.toFixed(2)} s wall, ${rs.at(-1).cpu?.toFixed(2)} s CPU, ${(rs.at(-1).rss / 2 ** 20).toFixed(0)} MiB`);
    }
    return { wallSec: median(rs.map((r) => r.wall)), walls: rs.map((r) => r.wall), cpuSec: median(rs.map((r) => r.cpu ?? NaN)), rssBytes: median(rs.map((r) => r.rss ?? NaN)), rss: rs.map((r) => r.rss), documents: rs[0].documents, invalid: rs[0].invalid, outBytes: rs[0].outBytes };
  };
  out.files = await runsOf(join(dir, "files"));
  out.ndjson = await runsOf(join(dir, "catalogue.ndjson"));
  const ajv = [];
  for (let i = 0; i < runs; i++) {
    ajv.push(ajvChild(files));
    log(`   Ajv over ${files.length} files: ${ajv.at(-1).seconds.toFixed(2)} s`);
  }
  out.ajv = { seconds: median(ajv.map((r) => r.seconds)), all: ajv.map((r) => r.seconds), invalid: ajv[0].invalid, rssBytes: ajv[0].rss };
  const api = [];
  for (let i = 0; i < runs; i++) {
    api.push(apiChild(files.slice(0, sample)));
    log(`   sp.validate loop over ${sample} files: ${api.at(-1).seconds.toFixed(2)} s`);
  }
  out.api = { seconds: median(api.map((r) => r.seconds)), all: api.map((r) => r.seconds), documents: sample, invalid: api[0].invalid };
  // Ratios within this run. Per document, since the API loop ran on a sample.
  out.ratio = {
    cliFilesOverAjv: out.files.wallSec / out.ajv.seconds,
    apiLoopPerDocOverCliPerDoc: (out.api.seconds / sample) / (out.files.wallSec / n),
  };
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await catalogueBench();
  process.stdout.write(JSON.stringify(r) + "\n");
}

/** The BENCHMARKS.md section of a catalogue run (report.mjs). */
export function catalogueSection(c) {
  const s = (x) => (x === undefined || Number.isNaN(x) ? "—" : `${x.toFixed(2)} s`);
  const mb = (x) => (x ? `${(x / 2 ** 20).toFixed(0)} MiB` : "—");
  const cpu = (x) => (x === undefined || Number.isNaN(x) ? "" : `; CPU ${x.toFixed(1)} s (user + system)`);
  const rows = [
    [`scanpage check, ${c.n} files (folder)${cpu(c.files.cpuSec)}`, s(c.files.wallSec), c.files.walls.map((w) => w.toFixed(2)).join(" / "), mb(c.files.rssBytes), "≤ 10 s, ≤ 500 MB", `${c.files.documents} documents, ${c.files.invalid} invalid`],
    [`scanpage check, the same as one NDJSON file${cpu(c.ndjson.cpuSec)}`, s(c.ndjson.wallSec), c.ndjson.walls.map((w) => w.toFixed(2)).join(" / "), mb(c.ndjson.rssBytes), "≤ 10 s, ≤ 500 MB", `${c.ndjson.documents} documents, ${c.ndjson.invalid} invalid`],
    [`Ajv (structure only: read + JSON.parse + validate), ${c.n} files, one node process`, s(c.ajv.seconds), c.ajv.all.map((w) => w.toFixed(2)).join(" / "), mb(c.ajv.rssBytes), "", `${c.ajv.invalid} invalid by the schema alone`],
    [`sp.validate one file at a time (wasm under node), first ${c.api.documents} files`, s(c.api.seconds), c.api.all.map((w) => w.toFixed(2)).join(" / "), "—", "", `${((c.api.seconds / c.api.documents) * 1000).toFixed(2)} ms per document`],
  ];
  const head = `Generated catalogue (bench/catgen, seed 1: ${JSON.stringify(c.expect)}), \`build/scanpage check -format json\` with -j = ${c.cpus} CPUs, wall and max RSS of the process (/usr/bin/time -v), median of ${c.runs}. Ratios within this run: the CLI over the folder takes **${c.ratio.cliFilesOverAjv.toFixed(1)}×** Ajv's structure-only time on the same files (Ajv checks the schema only: no positions, rules, messages or cross-document rules); one \`sp.validate\` per document through the JS API costs **${c.ratio.apiLoopPerDocOverCliPerDoc.toFixed(1)}×** the CLI's wall time per document.\n`;
  const tbl = ["| run | median | runs | max RSS | target | outcome |", "|---|---|---|---|---|---|", ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
  return head + "\n" + tbl;
}
