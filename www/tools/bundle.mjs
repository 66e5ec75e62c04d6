// bundle.mjs OUTDIR: bundles the page (www/src/main.js and what it imports:
// CodeMirror, the panels, the samples) into OUTDIR/app.js and app.css, and
// the start-up script into OUTDIR/boot.js.
//
// The page imports the library as any consumer does, by its package name
// ("scanpage"). The library is not bundled: the site serves the package's own
// files beside the page (the "plain static files" way of embedding it), so
// "scanpage" resolves to ../scanpage.js at run time.
import { build } from "esbuild";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const www = fileURLToPath(new URL("../", import.meta.url));
const outdir = resolve(process.argv[2] ?? "build/site/dist");

/** @type {import("esbuild").Plugin} */
const library = {
  name: "scanpage-library",
  setup(b) {
    b.onResolve({ filter: /^scanpage$/ }, () => ({ path: "../scanpage.js", external: true }));
  },
};

const common = {
  absWorkingDir: www,
  bundle: true,
  format: /** @type {const} */ ("esm"),
  target: "es2022",
  minify: true,
  logLevel: /** @type {const} */ ("warning"),
  plugins: [library],
};

// boot.js: starts the wasm before the big bundle is even compiled.
await build({ ...common, entryPoints: ["src/boot.js"], outfile: `${outdir}/boot.js` });

// catalogue-worker.js: a worker of the Catalogue view's pool.
await build({ ...common, entryPoints: ["src/catalogue-worker.js"], outfile: `${outdir}/catalogue-worker.js` });

await build({
  ...common,
  entryPoints: ["src/main.js"],
  outfile: `${outdir}/app.js`,
  external: ["./boot.js"],
  // The samples are embedded byte for byte.
  loader: { ".txt": "text", ".json": "text" },
});
