// stats.mjs: the statistics and the timing loop shared by every benchmark,
// under node and in the browser (no node: imports here).

/** The q-quantile (0..1) of numbers, by the nearest-rank method. */
export function quantile(xs, q) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil(q * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

/** The median of xs (the mean of the middle two for an even count). */
export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median, p99, min, max and the sample count of xs (in the unit of xs). */
export function summary(xs) {
  return {
    n: xs.length,
    median: median(xs),
    p99: quantile(xs, 0.99),
    min: xs.length ? Math.min(...xs) : NaN,
    max: xs.length ? Math.max(...xs) : NaN,
  };
}

/** A small seeded PRNG (mulberry32), so that rotations are reproducible. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(xs, rnd) {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

// Results are folded into this so that no engine can drop a call as dead code.
let sink = 0;
export function consume(v) {
  sink = (sink + (typeof v === "string" ? v.length : v ? 1 : 0)) | 0;
  return sink;
}

/**
 * Measures ops side by side. Every op is warmed up, then given a batch size k
 * so that one batch lasts at least minBatchMs (timer resolution: browsers
 * coarsen performance.now()); then, round after round, each op runs one
 * batch, in an order shuffled every round, so that the noise of a shared
 * machine falls on all of them alike. A sample is the mean time of one call
 * within a batch (with k = 1, one call).
 *
 * @param {{name: string, fn: () => any}[]} ops
 * @param {{rounds: number, minRounds?: number, budgetMs: number, minBatchMs: number, warmupMs: number, seed?: number}} o
 * @returns {Record<string, {k: number, ms: ReturnType<typeof summary>}>}
 */
export function interleave(ops, o) {
  const now = () => performance.now();
  const rnd = prng(o.seed ?? 1);
  const state = ops.map((op) => ({ op, k: 1, samples: [] }));
  for (const s of state) {
    const end = now() + o.warmupMs;
    let calls = 0;
    do { consume(s.op.fn()); calls++; } while (now() < end || calls < 2);
    for (;;) {
      const t0 = now();
      for (let i = 0; i < s.k; i++) consume(s.op.fn());
      if (now() - t0 >= o.minBatchMs || s.k >= 1 << 16) break;
      s.k *= 2;
    }
  }
  const start = now();
  const minRounds = o.minRounds ?? Math.min(o.rounds, 5);
  for (let r = 0; r < o.rounds; r++) {
    if (r >= minRounds && now() - start > o.budgetMs) break;
    for (const s of shuffle([...state], rnd)) {
      const t0 = now();
      for (let i = 0; i < s.k; i++) consume(s.op.fn());
      s.samples.push((now() - t0) / s.k);
    }
  }
  return Object.fromEntries(state.map((s) => [s.op.name, { k: s.k, ms: summary(s.samples) }]));
}

/**
 * interleave() for calls that return Promises: each call is awaited before
 * the next, so a sample is the time from the call to its settling.
 * @param {{name: string, fn: () => any}[]} ops
 */
export async function interleaveAsync(ops, o) {
  const now = () => performance.now();
  const rnd = prng(o.seed ?? 2);
  const state = ops.map((op) => ({ op, k: 1, samples: [] }));
  for (const s of state) {
    const end = now() + o.warmupMs;
    let calls = 0;
    do { consume(await s.op.fn()); calls++; } while (now() < end || calls < 2);
    for (;;) {
      const t0 = now();
      for (let i = 0; i < s.k; i++) consume(await s.op.fn());
      if (now() - t0 >= o.minBatchMs || s.k >= 1 << 12) break;
      s.k *= 2;
    }
  }
  const start = now();
  const minRounds = o.minRounds ?? Math.min(o.rounds, 5);
  for (let r = 0; r < o.rounds; r++) {
    if (r >= minRounds && now() - start > o.budgetMs) break;
    for (const s of shuffle([...state], rnd)) {
      const t0 = now();
      for (let i = 0; i < s.k; i++) consume(await s.op.fn());
      s.samples.push((now() - t0) / s.k);
    }
  }
  return Object.fromEntries(state.map((s) => [s.op.name, { k: s.k, ms: summary(s.samples) }]));
}
