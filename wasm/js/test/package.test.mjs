// The npm package as a consumer installs it: build/scanpage.tgz (make
// package) unpacked into a project's node_modules, then imported by ESM and
// CJS under Node and bundled for the browser by esbuild.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const tgz = fileURLToPath(new URL("../../../build/scanpage.tgz", import.meta.url));
let app;
before(() => {
  app = mkdtempSync(join(tmpdir(), "scanpage-consumer-"));
  mkdirSync(join(app, "node_modules/scanpage"), { recursive: true });
  execFileSync("tar", ["xzf", tgz, "-C", join(app, "node_modules/scanpage"), "--strip-components=1"]);
  writeFileSync(join(app, "package.json"), '{"name": "consumer", "private": true}');
});
after(() => rmSync(app, { recursive: true, force: true }));

test("the manifest names the package, its version, exports and files", () => {
  const pkg = JSON.parse(readFileSync(join(app, "node_modules/scanpage/package.json"), "utf8"));
  assert.equal(pkg.name, "scanpage");
  assert.match(pkg.version, /^\d+\.\d+\.\d+(-[0-9A-Za-z-]+)?$/);
  assert.equal(pkg.type, "module");
  const root = pkg.exports["."];
  assert.deepEqual(Object.keys(root), ["types", "browser", "node", "default"], "browser before node, types first");
  for (const sub of ["./scanpage.wasm", "./wasm_exec.js", "./create-product.schema.json", "./elements"]) assert.ok(pkg.exports[sub], sub);
  for (const f of pkg.files) assert.ok(existsSync(join(app, "node_modules/scanpage", f)), `${f} is in the tarball`);
  const license = readFileSync(join(app, "node_modules/scanpage/LICENSE"), "utf8");
  assert.match(license, /Copyright 2009 The Go Authors/, "Go's licence, for wasm_exec.js");
  assert.equal(pkg.license, "MIT");
  assert.match(license, /under the MIT licence/, "ours");
  assert.match(readFileSync(join(app, "node_modules/scanpage/README.md"), "utf8"), /\| scanpage\.wasm \| [\d.]+ KiB \| [\d.]+ KiB \| [\d.]+ KiB \|/);
});

test("Node: ESM import and CJS require of the installed package work", () => {
  const esm = `import { load } from "scanpage"; const sp = await load(); console.log(sp.validate("[1,]").issues.some((i) => i.code === "syntax.trailing_comma"));`;
  const cjs = `require("scanpage").load().then((sp) => console.log(sp.barcode("4512345678906").svg.includes("<svg")));`;
  writeFileSync(join(app, "esm.mjs"), esm);
  writeFileSync(join(app, "cjs.cjs"), cjs);
  assert.equal(execFileSync("node", ["esm.mjs"], { cwd: app }).toString().trim(), "true");
  assert.equal(execFileSync("node", ["cjs.cjs"], { cwd: app }).toString().trim(), "true");
});

test("a browser bundle takes the browser entry and no node: module", async () => {
  writeFileSync(join(app, "main.js"), `import { load } from "scanpage"; load().then((sp) => console.log(sp.version));`);
  const out = await build({ absWorkingDir: app, entryPoints: ["main.js"], bundle: true, format: "esm", platform: "browser", write: false, metafile: true, logLevel: "silent" });
  const inputs = Object.keys(out.metafile.inputs);
  assert.ok(inputs.includes("node_modules/scanpage/scanpage.js"), inputs.join(" "));
  assert.ok(!inputs.some((i) => i.includes("scanpage-node") || i.startsWith("node:")), inputs.join(" "));
  assert.doesNotMatch(out.outputFiles[0].text, /from\s*"node:|import\("node:/);
});

test("scanpage/elements resolves, imports under Node without a DOM, and is kept by bundlers as a side effect", async () => {
  const pkg = JSON.parse(readFileSync(join(app, "node_modules/scanpage/package.json"), "utf8"));
  assert.deepEqual(pkg.sideEffects, ["./elements.js"], "a bare import \"scanpage/elements\" defines the elements: not to be dropped");
  writeFileSync(join(app, "el.mjs"), `import * as m from "scanpage/elements"; console.log(Object.keys(m).sort().join(" "));`);
  assert.equal(execFileSync("node", ["el.mjs"], { cwd: app }).toString().trim(), "ScanpageBarcode ScanpagePreview useInstance");
  writeFileSync(join(app, "cms.js"), `import "scanpage/elements";`);
  const out = await build({ absWorkingDir: app, entryPoints: ["cms.js"], bundle: true, format: "esm", platform: "browser", write: false, logLevel: "silent" });
  assert.match(out.outputFiles[0].text, /customElements\.define\("scanpage-preview"/);
});
