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
