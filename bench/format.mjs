// format.mjs: how figures are written in BENCHMARKS.md.

/** Milliseconds, in µs below 1 ms, three significant digits. */
export function ms(x) {
  if (x === undefined || x === null || Number.isNaN(x)) return "—";
  if (x < 1) return `${(x * 1000).toPrecision(3)} µs`;
  if (x >= 1000) return `${(x / 1000).toPrecision(3)} s`;
  return `${x.toPrecision(3)} ms`;
}

/** Calls per second from a time per call in ms. */
export function rate(msPerCall) {
  if (!msPerCall) return "—";
  const r = 1000 / msPerCall;
  return r >= 10000 ? `${(r / 1000).toFixed(0)}k/s` : r >= 1000 ? `${(r / 1000).toFixed(1)}k/s` : `${r.toFixed(0)}/s`;
}

/** Bytes as decimal MB/kB (as budgets.md writes them), with the exact count. */
export function bytes(n) {
  if (n === undefined || n === null) return "—";
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} kB`;
  return `${n} B`;
}

/** A signed byte difference. */
export function delta(n) {
  return `${n >= 0 ? "+" : "−"}${bytes(Math.abs(n))}`;
}

/** A ratio a/b as "×N". */
export function times(a, b) {
  if (!a || !b) return "—";
  const r = a / b;
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toFixed(2)}×`;
}

export function pct(x) {
  if (x === undefined || Number.isNaN(x)) return "—";
  return `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(1)} %`;
}

export function met(v) {
  return v === true ? "yes" : v === false ? "**no**" : "not measured";
}

/** A markdown table from a header and rows (cells are strings; | is escaped). */
export function table(head, rows) {
  const cell = (c) => String(c ?? "").replaceAll("|", "\\|").replaceAll("\n", " ");
  return [
    `| ${head.map(cell).join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ].join("\n");
}
