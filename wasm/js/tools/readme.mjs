// readme.mjs SRC DEST PKGDIR: writes the package's README with the table of
// what a consumer ships (raw, gzip, brotli) measured on the built files.
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const [src, dest, dir] = process.argv.slice(2);
const files = ["scanpage.wasm", "wasm_exec.js", "scanpage.js", "scanpage-worker.js", "elements.js"];
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
let rows = "| file | raw | gzip -9 | brotli -11 |\n|---|---:|---:|---:|\n";
const total = [0, 0, 0];
for (const f of files) {
  const b = readFileSync(`${dir}/${f}`);
  const sizes = [b.length, gzipSync(b, { level: 9 }).length,
    brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length];
  sizes.forEach((n, i) => { total[i] += n; });
  rows += `| ${f} | ${sizes.map(kb).join(" | ")} |\n`;
}
rows += `| **total** | ${total.map(kb).join(" | ")} |\n`;
writeFileSync(dest, readFileSync(src, "utf8").replace("{{SIZES}}", rows));
