// stamp.mjs: writes www/sw.js from www/src/sw.js with a version that is a
// hash of the files the service worker caches, so every build that changes
// one of them gets a new cache.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const www = fileURLToPath(new URL("../", import.meta.url));
const files = ["index.html", "dist/boot.js", "dist/app.js", "dist/app.css", "scanpage.js", "scanpage-worker.js",
  "scanpage.wasm", "wasm_exec.js", "favicon.svg", "create-product.schema.json", "src/sw.js"];
const h = createHash("sha256");
for (const f of files) {
  if (!existsSync(www + f)) continue;
  h.update(f).update("\0").update(readFileSync(www + f)).update("\0");
}
const version = h.digest("hex").slice(0, 16);
const src = readFileSync(`${www}src/sw.js`, "utf8");
const line = 'const VERSION = "__VERSION__";';
if (!src.includes(line)) throw new Error(`src/sw.js has no line ${line}`);
writeFileSync(`${www}sw.js`, src.replace(line, `const VERSION = "${version}";`));
