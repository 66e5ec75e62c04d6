// gobench.mjs: the native Go benchmarks, run with `go test -bench` and kept
// as raw text (benchstat reads it), parsed into medians per benchmark.
import { spawn } from "node:child_process";
import { median } from "./stats.mjs";

/**
 * Runs go test -bench over pkgs; resolves to { command, raw, benchmarks }.
 * @param {{root: string, pkgs: string[], count: number, benchtime: string, log: (s: string) => void}} o
 */
export function runGoBench(o) {
  const args = ["test", "-run", "^$", "-bench", ".", "-benchmem", "-count", String(o.count), "-benchtime", o.benchtime, ...o.pkgs];
  const command = `go ${args.map((a) => (/[\s^$]/.test(a) ? `'${a}'` : a)).join(" ")}`;
  return new Promise((resolve, reject) => {
    const p = spawn("go", args, { cwd: o.root, stdio: ["ignore", "pipe", "pipe"] });
    let raw = "";
    let err = "";
    p.stdout.on("data", (d) => {
      raw += d;
      for (const line of String(d).split("\n")) if (/^Benchmark.*ns\/op/.test(line)) o.log(`  ${line.trim()}`);
    });
    p.stderr.on("data", (d) => { err += d; });
    p.on("error", reject);
    p.on("close", (code) => {
      if (code !== 0) return reject(new Error(`${command} failed (${code}):\n${raw}\n${err}`));
      resolve({ command, raw, benchmarks: parseGoBench(raw) });
    });
  });
}

/**
 * Parses `go test -bench` output: per benchmark (pkg + name without the
 * -GOMAXPROCS suffix), the median of every unit over the -count runs.
 */
export function parseGoBench(raw) {
  const runs = new Map();
  let pkg = "";
  for (const line of raw.split("\n")) {
    const m = /^pkg: (\S+)/.exec(line);
    if (m) { pkg = m[1]; continue; }
    const b = /^(Benchmark\S+?)(?:-\d+)?\s+(\d+)\s+(.*)$/.exec(line);
    if (!b) continue;
    const key = `${pkg} ${b[1]}`;
    const values = {};
    const fields = b[3].trim().split(/\s+/);
    for (let i = 0; i + 1 < fields.length; i += 2) values[fields[i + 1]] = Number(fields[i]);
    if (!runs.has(key)) runs.set(key, { pkg, name: b[1], runs: [] });
    runs.get(key).runs.push(values);
  }
  return [...runs.values()].map(({ pkg, name, runs: rs }) => {
    const units = [...new Set(rs.flatMap((r) => Object.keys(r)))];
    const med = Object.fromEntries(units.map((u) => [u, median(rs.map((r) => r[u]).filter((x) => x !== undefined))]));
    return { pkg, name, count: rs.length, median: med };
  });
}

/**
 * A CPU profile of one benchmark (go test -cpuprofile), summarised by
 * `go tool pprof -top`: the functions with the most time of their own.
 * @returns {Promise<{bench: string, total: string, top: {flatPct: number, cumPct: number, fn: string}[]}>}
 */
export async function profileGoBench({ root, pkg, bench, benchtime, nodes = 12 }) {
  const { mkdtempSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(`${tmpdir()}/scanpage-prof-`);
  const run = (cmd, args) => new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    p.stdout.on("data", (d) => { out += d; });
    p.stderr.on("data", (d) => { err += d; });
    p.on("error", reject);
    p.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(" ")}: ${err || out}`))));
  });
  try {
    await run("go", ["test", "-run", "^$", "-bench", bench, "-benchtime", benchtime, "-cpuprofile", `${dir}/cpu.prof`, "-o", `${dir}/test.bin`, pkg]);
    const out = await run("go", ["tool", "pprof", "-top", `-nodecount=${nodes}`, `${dir}/test.bin`, `${dir}/cpu.prof`]);
    const total = /Total samples = (\S+)/.exec(out)?.[1] ?? "";
    const top = [];
    for (const line of out.split("\n")) {
      const m = /^\s*\S+\s+([\d.]+)%\s+[\d.]+%\s+\S+\s+([\d.]+)%\s+(.+)$/.exec(line);
      if (m) top.push({ flatPct: Number(m[1]), cumPct: Number(m[2]), fn: m[3].trim() });
    }
    return { bench, pkg, total, top };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
