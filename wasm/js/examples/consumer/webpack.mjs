// webpack.mjs: the webpack 5 recipe. Nothing about scanpage is configured:
// webpack 5 emits new URL("./scanpage.wasm", import.meta.url) as an asset,
// bundles new Worker(new URL("./scanpage-worker.js", import.meta.url)) as a
// worker, and splits import("./wasm_exec.js") into a chunk.
import webpack from "webpack";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const out = resolve(process.argv[2] ?? "dist-webpack");
mkdirSync(out, { recursive: true });
const stats = await new Promise((done, fail) => webpack({
  mode: "production",
  context: process.cwd(),
  entry: "./src/main.js",
  output: { path: out, filename: "main.js", publicPath: "/" },
}, (err, s) => (err ? fail(err) : done(s))));
if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
copyFileSync("public/product.json", `${out}/product.json`);
writeFileSync(`${out}/index.html`, readFileSync("index.html", "utf8").replace('src="/src/main.js"', 'src="/main.js"'));
