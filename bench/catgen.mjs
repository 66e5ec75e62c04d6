// catgen.mjs: the generated catalogues the benchmarks share (bench/catgen,
// seed 1), written once per size under build/bench and reused.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { root } from "./inputs.mjs";

/**
 * The folder of the n-document catalogue (files/, catalogue.ndjson,
 * expect.json), generated unless it is there already.
 * @param {number} n
 * @param {(s: string) => void} log
 */
export function generateCatalogue(n, log) {
  const dir = join(root, "build", "bench", `catalogue-${n}`);
  if (!existsSync(join(dir, "expect.json"))) {
    log(`   generating ${n} documents in ${dir}`);
    const r = spawnSync("go", ["run", "./bench/catgen/cmd/catgen", "-n", String(n), "-seed", "1", "-out", dir], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) throw new Error("catgen failed");
  }
  return dir;
}
