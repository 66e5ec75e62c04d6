// consumer.mjs: a real consumer of the npm package, for the consumer test
// (wasm/js/test/consumer.test.mjs) and the embedding benchmark
// (bench/embed.mjs): wasm/js/examples/consumer copied to a temporary
// folder with build/scanpage.tgz installed by path, offline, and a static
// server that serves a build as a host would, under a given CSP.
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync, rmSync, mkdtempSync, existsSync, statSync, symlinkSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, extname, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));

/**
 * Copies the example app to a temporary folder and installs the packed
 * package into it by file path, offline (the package has no dependencies).
 * Its build tools, esbuild and webpack, are linked from the repository's node_modules, as
 * its devDependency would be installed. Returns { dir, remove }.
 */
export function consumerApp() {
  const tgz = join(root, "build/scanpage.tgz");
  if (!existsSync(tgz)) throw new Error("build/scanpage.tgz is missing: run `make package` first");
  const dir = mkdtempSync(join(tmpdir(), "scanpage-app-"));
  cpSync(join(root, "wasm/js/examples/consumer"), dir, { recursive: true, filter: (src) => !/[/\\](node_modules|dist|dist-esbuild|dist-webpack)$/.test(src) });
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  pkg.dependencies.scanpage = `file:${tgz}`;
  writeFileSync(join(dir, "package.json"), JSON.stringify(pkg, null, 2));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
  for (const name of ["esbuild", "@esbuild", "webpack"]) symlinkSync(join(root, "node_modules", name), join(dir, "node_modules", name));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".svg": "image/svg+xml", ".css": "text/css" };

/**
 * A static server for dir, as a host would serve a build: every answer
 * under csp, nothing cached. It counts the requests per path (a worker's
 * fetch included). Resolves to { url, hits, close }.
 */
export function serveStatic(dir, csp) {
  const hits = new Map();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    hits.set(path, (hits.get(path) ?? 0) + 1);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-security-policy": csp, "cache-control": "no-store" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${server.address().port}`, hits, close: () => server.close() })));
}

/** The strict policy the README publishes for hosts (no 'unsafe-inline' anywhere). */
export async function strictCSP() {
  const { createHash } = await import("node:crypto");
  const css = readFileSync(join(root, "preview/templates/page.css"));
  const hash = `'sha256-${createHash("sha256").update(css).digest("base64")}'`;
  return `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' ${hash}; img-src 'self' data: blob: http: https:`;
}
