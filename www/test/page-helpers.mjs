// Helpers of the page tests: waiting for the checker, pasting, reading what
// the page shows. They only use what a user sees or does, plus the
// page's storage (what it saved).
import { openPage } from "../../testkit/browser.mjs";

export { sample } from "../../testkit/samples.mjs";

/** Waits until the page has shown its first diagnostics. */
export async function ready(page) {
  await page.locator("#verdict[data-valid]").waitFor({ timeout: 30_000 });
}

/** Pastes text over the whole document, the way a user does: select all, paste. */
export async function pasteAll(page, text) {
  const content = page.locator(".cm-content");
  await content.click();
  await page.keyboard.press("ControlOrMeta+A");
  await content.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData("text/plain", t);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Pastes text where the cursor is (no closing brackets or quotes are added, as when typing). */
export async function pasteHere(page, text) {
  await page.locator(".cm-content").evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData("text/plain", t);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** The document as the page saved it: this tab's own (see www/src/documents.js); null when none. */
export function savedDoc(page) {
  return page.evaluate(() => localStorage.getItem("scanpage:doc:" + sessionStorage.getItem("scanpage:tab")));
}

/**
 * Waits until this tab's saved document satisfies ok(text, arg), and
 * resolves to that text. Saving waits for a check, which can take seconds
 * under load: up to 30 s.
 * @param {import("playwright-core").Page} page
 * @param {(text: string | null, arg?: any) => boolean} ok
 * @param {any} [arg]
 */
export async function waitSaved(page, ok, arg) {
  const end = Date.now() + 30_000;
  for (;;) {
    const text = await savedDoc(page);
    if (ok(text, arg)) return text;
    if (Date.now() > end) throw new Error(`waitSaved timed out: ${ok}; saved: ${JSON.stringify(text)?.slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The rows of the issues panel: { severity, code, line, text }. */
export function issueRows(page) {
  return page.locator("#issues li.issue").evaluateAll((lis) => lis.map((li) => ({
    severity: li.dataset.severity, code: li.dataset.code, line: Number(li.dataset.line), text: li.textContent,
  })));
}

/**
 * The editor line numbers (from the gutter) where elements are drawn: a CSS
 * selector, or a Playwright locator.
 */
export async function linesOf(page, what) {
  const find = (els) => {
    const gutter = [...document.getElementById("editor").shadowRoot.querySelectorAll(".cm-lineNumbers .cm-gutterElement")]
      .map((el) => ({ n: Number(el.textContent), r: el.getBoundingClientRect() }))
      .filter((g) => g.n > 0 && g.r.height > 0);
    return els.map((el) => {
      const r = el.getBoundingClientRect();
      const y = r.top + Math.min(r.height, 8) / 2;
      return gutter.find((g) => y >= g.r.top && y < g.r.bottom)?.n ?? -1;
    });
  };
  if (typeof what !== "string") return what.evaluateAll(find);
  return page.evaluate(`(${find})([...document.getElementById("editor").shadowRoot.querySelectorAll(${JSON.stringify(what)})])`);
}

/** Places the cursor at the end of a short editor line (1-based), with a click and End. */
export async function endOfLine(page, n) {
  await page.locator(".cm-line").nth(n - 1).click();
  await page.keyboard.press("End");
}

// A 1×1 PNG for the preview's images: tests never reach other hosts.
const pixel = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==", "base64");

/**
 * Opens a page of the app (see openPage): the preview's images on other
 * hosts are answered with a pixel, so no test depends on the Internet.
 * Routes cannot see what goes through a service worker, so the worker is
 * blocked unless { serviceWorkers: "allow" } is asked for; then the images
 * fail (no Internet here) and page.foreignErrors collects those failures
 * apart from page.errors. { route: false } leaves other hosts alone.
 */
export async function openApp(browser, url, opts = {}, { route = true } = {}) {
  const page = await openPage(browser, { serviceWorkers: "block", ...opts });
  page.setDefaultTimeout(10_000);
  // A page load (the wasm's compile) takes seconds on a loaded machine.
  page.setDefaultNavigationTimeout(30_000);
  const origin = new URL(url).origin;
  page.foreignErrors = [];
  page.on("console", (m) => {
    const at = m.location()?.url ?? "";
    if (m.type() === "error" && /^https?:/.test(at) && new URL(at).origin !== origin && /^Failed to load resource/.test(m.text())) {
      page.foreignErrors.push(`${m.text()} ${at}`);
      const i = page.errors.lastIndexOf(m.text());
      if (i >= 0) page.errors.splice(i, 1);
    }
  });
  if (route) await page.context().route((u) => u.origin !== origin, (r) => r.fulfill({ status: 200, contentType: "image/png", body: pixel }));
  return page;
}

/**
 * Opens the app (see openApp), goes to url and waits for the first
 * diagnostics. Resolves to the page and the response of its navigation.
 */
export async function visit(browser, url, opts) {
  const page = await openApp(browser, url, opts);
  // A first load compiles the wasm: on a loaded machine that takes more
  // than the 10 s every other wait gets.
  const res = await page.goto(url, { timeout: 60_000 });
  await ready(page);
  return { page, res };
}
