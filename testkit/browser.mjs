// browser.mjs: what the browser tests and benchmarks share: our own server on
// a free port, serving the built site, and Debian's Chromium driven by
// playwright-core (never a downloaded browser). SCANPAGE_CHROMIUM overrides
// the browser's path, here and in the Go tests (testkit.Chromium).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("../", import.meta.url));
export const artifacts = `${root}artifacts`;

/** Starts build/serve on a free port, serving dir (default $SCANPAGE_SITE, else build/site); resolves to { url, close }. */
export function startServer({ dir = process.env.SCANPAGE_SITE || `${root}build/site` } = {}) {
  const bin = `${root}build/serve`;
  if (!existsSync(bin)) throw new Error("build/serve is missing: run `make build` first");
  const proc = spawn(bin, ["-addr", "127.0.0.1:0", "-dir", dir], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    proc.on("error", reject);
    proc.on("exit", (code) => reject(new Error(`serve exited with ${code}`)));
    proc.stdout.once("data", (chunk) => {
      const url = chunk.toString().trim().split("\n")[0];
      resolve({ url, close: () => proc.kill() });
    });
  });
}

/** The Chromium of Debian's chromium package, or $SCANPAGE_CHROMIUM. */
export function chromiumPath() {
  const path = process.env.SCANPAGE_CHROMIUM || "/usr/bin/chromium";
  if (!existsSync(path)) throw new Error(`no Chromium at ${path}: apt-get install chromium (or set SCANPAGE_CHROMIUM)`);
  return path;
}

/** Launches that Chromium, headless and quiet; extraArgs are added to its flags. */
export function launch({ extraArgs = [] } = {}) {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", ...extraArgs],
  });
}

/** Opens a page that records console errors and page errors in page.errors. */
export async function openPage(browser, opts = {}) {
  const context = await browser.newContext(opts);
  const page = await context.newPage();
  page.errors = [];
  page.on("console", (m) => { if (m.type() === "error") page.errors.push(m.text()); });
  page.on("pageerror", (e) => page.errors.push(String(e)));
  return page;
}

/** Waits until an async condition holds (waitForFunction does not await promises). */
export async function poll(cond, ms = 15_000) {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out: ${cond}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Drops files or folders from disk on the element that selector finds,
 * through Chromium's own drag and drop (CDP Input.dispatchDragEvent with
 * their paths): a folder arrives as one, read through webkitGetAsEntry,
 * which a script's DataTransfer cannot hold.
 * @param {import("playwright-core").Page} page
 * @param {string} selector
 * @param {string[]} paths
 */
export async function dropPaths(page, selector, paths) {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not shown`);
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: paths, dragOperationsMask: 1 };
  for (const type of ["dragEnter", "dragOver", "drop"]) await cdp.send("Input.dispatchDragEvent", { type, ...at, data });
  await cdp.detach();
}

export function screenshotPath(name) {
  mkdirSync(artifacts, { recursive: true });
  return `${artifacts}/${name}.png`;
}

/**
 * For a test file: starts our server and a browser before its tests and
 * stops both after them. The returned object holds them as server and
 * browser once the tests run.
 * @returns {{server: {url: string, close: () => void}, browser: import("playwright-core").Browser}}
 */
export function serverAndBrowser() {
  const env = /** @type {any} */ ({});
  before(async () => {
    env.server = await startServer();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}
