// bundle.mjs: bundles the page (www/src/main.js and what it imports:
// CodeMirror, the panels, the samples) into www/dist/app.js and app.css.
// scanpage.js stays external: the page loads the public loader at run time.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const www = fileURLToPath(new URL("../", import.meta.url));

const common = {
  absWorkingDir: www,
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: "linked",
  logLevel: "warning",
};

// dist/boot.js: starts the wasm before the big bundle is even compiled.
await build({ ...common, entryPoints: ["src/boot.js"], outfile: "dist/boot.js", external: ["../scanpage.js"] });

await build({
  ...common,
  entryPoints: ["src/main.js"],
  outfile: "dist/app.js",
  external: ["../scanpage.js", "./boot.js"],
  // The samples are embedded byte for byte.
  loader: { ".txt": "text", ".json": "text" },
});
