// esbuild.mjs: the esbuild recipe. esbuild bundles the app and the worker
// (a second entry point, so that it lands next to the app as
// scanpage-worker.js) with code splitting; it does not emit assets for
// new URL(…, import.meta.url), so scanpage.wasm is copied beside them.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const out = process.argv[2] ?? "dist-esbuild";
mkdirSync(out, { recursive: true });
await build({
  entryPoints: ["src/main.js", "node_modules/scanpage/scanpage-worker.js"],
  entryNames: "[name]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  outdir: out,
  minify: true,
  logLevel: "warning",
});
copyFileSync("node_modules/scanpage/scanpage.wasm", `${out}/scanpage.wasm`);
copyFileSync("public/product.json", `${out}/product.json`);
writeFileSync(`${out}/index.html`, readFileSync("index.html", "utf8").replace('src="/src/main.js"', 'src="/main.js"'));
