// size.mjs: where the bytes go. The shipped files (build/site) raw, gzip and
// brotli, the wasm's code per Go package, and what each named dependency
// costs: tiny js/wasm
// programs generated in a temporary directory (never committed), each built
// like the real one (-trimpath -ldflags='-s -w') and compressed like it
// (www/tools/compress.mjs: brotli quality 11, window 24; gzip -9).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createHash } from "node:crypto";
import { brotliCompress, gzip, constants } from "node:zlib";
import { analyse, packageMatcher } from "./wasmnames.mjs";

const run = promisify(execFile);
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Compressed sizes as compress.mjs makes them (quick: a fast brotli, marked as such). */
export async function compressed(data, { quick = false } = {}) {
  const [br, g] = await Promise.all([
    brotli(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: quick ? 5 : 11,
        [constants.BROTLI_PARAM_LGWIN]: 24,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gz(data, { level: 9 }),
  ]);
  return { raw: data.length, gzip: g.length, brotli: br.length, brotliQuality: quick ? 5 : 11 };
}

// Brotli at quality 11 takes about a second per MB; the variants' binaries
// rarely change between runs, so their sizes are kept by content hash in
// build/ (never committed; `make clean` drops it).
let cache = null;
async function cachedCompressed(data, { quick, cacheFile }) {
  cache ??= existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, "utf8")) : {};
  const key = `${createHash("sha256").update(data).digest("hex")}-q${quick ? 5 : 11}`;
  cache[key] ??= await compressed(data, { quick });
  return cache[key];
}
function saveCache(cacheFile) {
  if (!cache) return;
  mkdirSync(join(cacheFile, ".."), { recursive: true });
  writeFileSync(cacheFile, JSON.stringify(cache));
}

// Each variant is hello world plus the smallest real use of one dependency,
// so that the linker keeps what a real use keeps; inputs come from os.Args
// so that nothing is constant-folded away. The order is the one the
// cumulative chain adds them in: gojsonschema, the big one, last, so that
// only two variants are big (and slow to compress at quality 11).
const uses = {
  safejs: {
    imports: ['"github.com/hack-pad/safejs"'],
    body: `f, _ := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any { return len(args) })
	_ = safejs.Global().Set("f", f.Value())`,
  },
  "encoding/json": {
    imports: ['"encoding/json"'],
    body: `var v map[string]any
	_ = json.Unmarshal([]byte(os.Args[0]), &v)
	b, _ := json.Marshal(v)
	fmt.Println(len(b))`,
  },
  "html/template": {
    imports: ['"html/template"'],
    body: `t := template.Must(template.New("t").Parse(os.Args[0]))
	_ = t.Execute(os.Stdout, os.Args)`,
  },
  "image/png": {
    imports: ['"image"', '"image/png"'],
    body: `_ = png.Encode(os.Stdout, image.NewGray(image.Rect(0, 0, len(os.Args[0]), 8)))`,
  },
  "boombuler ean+qr": {
    imports: ['"github.com/boombuler/barcode/ean"', '"github.com/boombuler/barcode/qr"'],
    body: `if b, err := ean.Encode(os.Args[0]); err == nil {
		fmt.Println(b.Bounds())
	}
	if q, err := qr.Encode(os.Args[0], qr.M, qr.Auto); err == nil {
		fmt.Println(q.Bounds())
	}`,
  },
  gojsonschema: {
    imports: ['"github.com/xeipuuv/gojsonschema"'],
    body: `s, err := gojsonschema.NewSchema(gojsonschema.NewStringLoader(os.Args[0]))
	if err == nil {
		r, _ := s.Validate(gojsonschema.NewStringLoader(os.Args[0]))
		fmt.Println(r != nil && r.Valid())
	}`,
  },
};

function program(names) {
  const imports = new Set(['"fmt"', '"os"']);
  const bodies = [];
  for (const n of names) {
    for (const i of uses[n].imports) imports.add(i);
    bodies.push(uses[n].body);
  }
  return `package main

import (
	${[...imports].join("\n\t")}
)

func main() {
	fmt.Println("hello", len(os.Args))
	${bodies.join("\n\t")}
}
`;
}

/**
 * The variants: hello world, then the dependencies added one at a time (the
 * marginal cost of each, in the order of `uses`), and gojsonschema alone
 * (it dwarfs the rest). Every one is compressed at brotli quality 11, which
 * is most of the time this step takes.
 */
export function variants(quick) {
  if (quick) return [{ name: "hello", deps: [] }, { name: "hello + safejs", deps: ["safejs"], adds: "safejs" }];
  const deps = Object.keys(uses);
  const out = [{ name: "hello", deps: [] }];
  for (let i = 1; i <= deps.length; i++) out.push({ name: `+ ${deps[i - 1]}`, deps: deps.slice(0, i), adds: deps[i - 1] });
  out.push({ name: "hello + gojsonschema alone", deps: ["gojsonschema"], alone: "gojsonschema" });
  return out;
}

const env = { ...process.env, GOOS: "js", GOARCH: "wasm", GOFLAGS: "-mod=mod", GOPROXY: "off" };

const ldflags = "-s -w";

/**
 * Writes a module in dir that requires scanpage's own dependency versions;
 * a relative replace (the patched gojsonschema in third_party/) is made
 * absolute, so that the copy finds it. upstream drops our replace of
 * gojsonschema: the build then links upstream v1.2.0, net/http and all.
 */
function writeModule(root, dir, name, { upstream = false } = {}) {
  mkdirSync(dir, { recursive: true });
  let mod = readFileSync(join(root, "go.mod"), "utf8").replace(/^module .*$/m, `module ${name}`)
    .replace(/=> \.\//g, `=> ${root.replace(/\/+$/, "")}/`); // no "//": go.mod reads it as a comment
  if (upstream) mod = mod.replace(/^replace github\.com\/xeipuuv\/gojsonschema .*$/m, "");
  writeFileSync(join(dir, "go.mod"), mod);
  writeFileSync(join(dir, "go.sum"), readFileSync(join(root, "go.sum")));
}

/** Builds the programs (one go build, which links them in parallel); returns their bytes. */
async function buildPrograms(dir, programs) {
  const dirs = programs.map((src, i) => {
    const d = `p${String(i).padStart(2, "0")}`; // not vNN: go build would read it as a major version suffix
    mkdirSync(join(dir, d));
    writeFileSync(join(dir, d, "main.go"), src);
    return d;
  });
  mkdirSync(join(dir, "out"));
  await run("go", ["build", "-trimpath", `-ldflags=${ldflags}`, "-o", join(dir, "out") + "/", ...dirs.map((d) => `./${d}`)], { cwd: dir, env, maxBuffer: 1 << 24 });
  return dirs.map((d) => readFileSync(join(dir, "out", d)));
}

/**
 * The variants, and what upstream gojsonschema would cost instead of our
 * copy without net/http (third_party/gojsonschema): the dependencies alone,
 * and scanpage itself.
 */
async function buildVariants(root, list, { quick, log }) {
  const dir = mkdtempSync(join(tmpdir(), "scanpage-size-"));
  try {
    writeModule(root, join(dir, "variants"), "sizebench");
    log(`  building ${list.length} variants in ${dir}`);
    const bins = await buildPrograms(join(dir, "variants"), list.map((v) => program(v.deps)));
    const out = list.map((v, i) => ({ ...v, bin: bins[i] }));
    if (quick) return { built: out, whatIf: [] };
    const whatIf = [];
    writeModule(root, join(dir, "upstream"), "sizebench", { upstream: true });
    const [all] = await buildPrograms(join(dir, "upstream"), [program(Object.keys(uses))]);
    whatIf.push({ name: "hello + every dependency, upstream gojsonschema (net/http)", deps: Object.keys(uses), whatIf: "upstream", bin: all });
    writeModule(root, join(dir, "scanpage"), "scanpage", { upstream: true });
    const wasm = join(dir, "scanpage-upstream.wasm");
    // The tag leaves out schema/patterns_hook.go, which needs the patch's hook.
    await run("go", ["build", `-modfile=${join(dir, "scanpage", "go.mod")}`, "-tags=upstream_gojsonschema", "-trimpath", `-ldflags=${ldflags}`, "-o", wasm, "./wasm"],
      { cwd: root, env: { ...env, GOFLAGS: "-mod=mod" } });
    whatIf.push({ name: "scanpage with upstream gojsonschema (net/http)", deps: ["all"], whatIf: "upstream", full: true, bin: readFileSync(wasm) });
    return { built: out, whatIf };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The shipped wasm's row of size.files. Files are labelled by their path in
 * the site (build/site); runs before the build moved to build/ said
 * www/scanpage.wasm, so an old BENCHMARKS.json still renders.
 */
export function shippedWasm(files) {
  return files?.find((f) => f.file === "scanpage.wasm" || f.file === "www/scanpage.wasm");
}

/** Sizes of the files a visitor's browser may fetch from build/site (served precompressed when a twin exists). */
function shippedFiles(root) {
  const site = join(root, "build", "site");
  const files = ["scanpage.wasm", "wasm_exec.js", "scanpage.js", "scanpage-worker.js", "index.html", "sw.js", "create-product.schema.json", "favicon.svg"];
  if (existsSync(join(site, "dist"))) {
    for (const f of readdirSync(join(site, "dist"))) if (!/\.(br|gz|map)$/.test(f) && !f.startsWith(".")) files.push(`dist/${f}`);
  }
  return files.filter((f) => existsSync(join(site, f)) && statSync(join(site, f)).isFile()).map((f) => ({
    file: f,
    path: join(site, f),
    servedAs: existsSync(join(site, `${f}.br`)) ? "br" : existsSync(join(site, `${f}.gz`)) ? "gzip" : "identity",
  }));
}

/**
 * @param {{root: string, quick: boolean, log: (s: string) => void, cacheFile?: string}} o
 */
export async function sizeBench({ root, quick, log, cacheFile = join(root, "build", "bench-size-cache.json") }) {
  const out = { files: [], variants: [], codeByPackage: [], sections: {} };
  for (const f of shippedFiles(root)) {
    const data = readFileSync(f.path);
    const c = f.file === "scanpage.wasm" && existsSync(`${f.path}.br`)
      ? { raw: data.length, gzip: statSync(`${f.path}.gz`).size, brotli: statSync(`${f.path}.br`).size, brotliQuality: 11 }
      : await compressed(data, { quick });
    out.files.push({ file: f.file, servedAs: f.servedAs, ...c });
  }
  log(`  shipped files: ${out.files.map((f) => `${f.file} ${f.raw}`).join(", ")}`);

  // What ./wasm links, and its code by package from a build that keeps the name section.
  const jsEnv = { ...process.env, GOOS: "js", GOARCH: "wasm" };
  const pkgs = (await run("go", ["list", "-deps", "./wasm"], { cwd: root, env: jsEnv })).stdout.trim().split("\n");
  out.packages = pkgs.length;
  out.linksNetHTTP = pkgs.includes("net/http");
  out.notable = pkgs.filter((p) => /^(net\/http|net$|crypto\/tls|crypto\/x509|text\/template|html\/template|regexp|net\/url|github\.com\/)/.test(p));
  const dir = mkdtempSync(join(tmpdir(), "scanpage-names-"));
  try {
    const wasm = join(dir, "scanpage.wasm");
    await run("go", ["build", "-trimpath", "-o", wasm, "./wasm"], { cwd: root, env: jsEnv });
    const a = analyse(readFileSync(wasm), packageMatcher(pkgs));
    out.sections = a.sections;
    out.codeByPackage = a.codeByPackage;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const { built, whatIf } = await buildVariants(root, variants(quick), { quick, log });
  const all = [...built, ...whatIf];
  const sizes = await Promise.all(all.map((v) => cachedCompressed(v.bin, { quick, cacheFile })));
  saveCache(cacheFile);
  out.variants = all.map(({ bin, ...v }, i) => ({ ...v, ...sizes[i] }));
  const full = shippedWasm(out.files);
  if (full) out.variants.push({ name: "scanpage (build/site/scanpage.wasm, as built)", deps: ["all"], full: true, ...full });
  return out;
}
