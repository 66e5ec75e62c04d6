// inittrace.mjs: what the Go side does before it is ready, under node: the
// wasm compiled, then the runtime started with GODEBUG=inittrace=1, which
// prints one line per package init (clock time, bytes, allocations) — the
// work a package-level var or init() puts on every start. The loader keeps
// its environment to itself, so this starts the instance the way scanpage.js
// does (wasm_exec.js, the __scanpage readiness callback) with GODEBUG added.
//
//   node bench/inittrace.mjs     one cold start; prints one JSON object
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { median } from "./stats.mjs";

const wasmPath = fileURLToPath(new URL("../build/package/scanpage.wasm", import.meta.url));

/** One start: compile, instantiate, run until Go signals readiness. */
async function start() {
  await import("../build/package/wasm_exec.js");
  const lines = [];
  const write = globalThis.fs.writeSync;
  const decoder = new TextDecoder();
  let pending = "";
  globalThis.fs.writeSync = (fd, buf) => {
    if (fd !== 1 && fd !== 2) return write(fd, buf);
    pending += decoder.decode(buf);
    const parts = pending.split("\n");
    pending = parts.pop();
    lines.push(...parts);
    return buf.length;
  };
  const go = new globalThis.Go();
  const id = `trace${Math.random().toString(36).slice(2)}`;
  const t0 = performance.now();
  const ready = new Promise((resolve) => { (globalThis.__scanpage ??= {})[id] = () => resolve(performance.now()); });
  go.env = { SCANPAGE_ID: id, GODEBUG: "inittrace=1" };
  go.argv = ["scanpage"];
  const module = await WebAssembly.compile(readFileSync(wasmPath));
  const compiled = performance.now();
  const instance = await WebAssembly.instantiate(module, go.importObject);
  const instantiated = performance.now();
  go.run(instance);
  const readyAt = await ready;
  globalThis.fs.writeSync = write;
  const inits = [];
  for (const l of lines) {
    const m = /^init (\S+) @([\d.]+) ms, ([\d.]+) ms clock, (\d+) bytes, (\d+) allocs/.exec(l);
    if (m) inits.push({ pkg: m[1], atMs: Number(m[2]), clockMs: Number(m[3]), bytes: Number(m[4]), allocs: Number(m[5]) });
  }
  return { compileMs: compiled - t0, instantiateMs: instantiated - compiled, runToReadyMs: readyAt - instantiated, inits };
}

/**
 * Merges the starts of several processes (each a cold start: V8 reuses the
 * compiled code of identical wasm within one process, so only the first
 * start of a process is cold): medians per figure and per package.
 */
export function mergeStarts(all) {
  const pkgs = [...new Set(all.flatMap((r) => r.inits.map((x) => x.pkg)))];
  const perPkg = pkgs.map((pkg) => {
    const xs = all.map((r) => r.inits.find((x) => x.pkg === pkg)).filter(Boolean);
    return { pkg, clockMs: median(xs.map((x) => x.clockMs)), bytes: xs[0].bytes, allocs: xs[0].allocs };
  }).sort((a, b) => b.clockMs - a.clockMs);
  return {
    env: `node ${process.version}`,
    runs: all.length,
    compileMs: median(all.map((r) => r.compileMs)),
    instantiateMs: median(all.map((r) => r.instantiateMs)),
    runToReadyMs: median(all.map((r) => r.runToReadyMs)),
    initClockMs: median(all.map((r) => r.inits.reduce((s, x) => s + x.clockMs, 0))),
    inits: perPkg,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(JSON.stringify(await start()) + "\n");
  process.exit(0);
}
