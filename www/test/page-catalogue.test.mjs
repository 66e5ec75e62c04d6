// The Catalogue view in Chromium: 1,000 generated files dropped on the
// page, checked by its pool of workers; the table, its filters and sort; a
// row opened in the editor and the way back (filter, sort and scroll
// kept; the user's own document never overwritten); the CSV export equal
// to `scanpage check -format csv` on the same files; the barcode zip
// unzipped, and a sample of its symbols decoded by zbarimg to their keystr;
// a real folder dropped through the browser's drag and drop.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { dropPaths, serverAndBrowser, screenshotPath } from "../../testkit/browser.mjs";
import { openApp, savedDoc, waitSaved } from "./page-helpers.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const env = serverAndBrowser();
const N = 1000;
let dir;
let filesDir;
/** @type {string[]} */
let names;
/** The command line's JSON report on the same files, the page's reference. */
let cli;

before(() => {
  dir = mkdtempSync(join(tmpdir(), "scanpage-page-cat-"));
  execFileSync("go", ["run", "./bench/catgen/cmd/catgen", "-n", String(N), "-seed", "11", "-out", dir], { cwd: root, stdio: "pipe" });
  filesDir = join(dir, "files", "000");
  names = readdirSync(filesDir).sort();
  assert.equal(names.length, N);
  cli = JSON.parse(check("json"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** scanpage check on the same files, named as the page names dropped files (their base names). */
function check(format) {
  const r = spawnSync(join(root, "build/scanpage"), ["check", "-lang", "en", "-format", format, ...names], { cwd: filesDir, encoding: "utf8", maxBuffer: 1 << 28 });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return r.stdout;
}

/** Drops the files on the Catalogue view, as a drag from the desktop does. */
async function drop(page) {
  const files = names.map((n) => [n, readFileSync(join(filesDir, n), "utf8")]);
  await page.locator(".cat-drop").evaluate((el, files) => {
    const dt = new DataTransfer();
    for (const [name, text] of files) dt.items.add(new File([text], name, { type: "application/json" }));
    el.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    el.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

const shown = (page) => page.locator(".cat-shown").textContent();
const rowsShown = (page) => page.locator(".cat-spacer .cat-row").evaluateAll((rs) => rs.map((r) => ({
  k: Number(r.dataset.k), cells: [...r.children].map((c) => c.textContent),
})).sort((a, b) => a.k - b.k));
const count = (n) => n.toLocaleString("en");

/** Opens the page with ?workers=2; waits generously (the machine is shared: its load varies). */
async function visit(browser, url, opts) {
  const page = await openApp(browser, url, opts);
  page.setDefaultTimeout(60_000);
  await page.goto(url);
  await page.locator("#verdict[data-valid]").waitFor({ timeout: 60_000 });
  return { page };
}

test("1,000 dropped files: table, filter, sort, open a row and come back, CSV and barcode exports", { timeout: 240_000 }, async () => {
  const { page } = await visit(env.browser, env.server.url + "?workers=2", { viewport: { width: 1366, height: 900 }, locale: "en-US", acceptDownloads: true });
  // The user's own document: edited here, so the page saved it as this
  // tab's document (an untouched first-visit sample is never saved).
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("\n");
  const own = await waitSaved(page, (t) => t !== null && t.endsWith("\n"));

  await page.locator("#view-catalogue").click();
  await drop(page);
  await page.locator("#catalogue[data-state=done]").waitFor({ timeout: 150_000 });
  assert.equal(await page.locator("#catalogue").getAttribute("data-workers"), "2");
  assert.equal(await shown(page), `${count(N)} of ${count(N)} shown`);

  // The summary is Go's: the same counts as the command line's.
  const sum = await page.locator(".cat-counts div").evaluateAll((ds) => Object.fromEntries(ds.map((d) => [d.querySelector("dt").textContent, d.querySelector("dd").textContent])));
  assert.equal(sum.Documents, count(cli.documents));
  assert.equal(sum.Valid, count(cli.valid));
  assert.equal(sum["With errors"], count(cli.invalid));
  assert.equal(sum.Errors, count(cli.errors));
  assert.equal(sum.Warnings, count(cli.warnings));
  assert.ok(cli.invalid > 0 && cli.valid > 0);
  await page.screenshot({ path: screenshotPath("catalogue-1366") });

  // The first rows: the first files in order, with their keystr.
  let rows = await rowsShown(page);
  assert.ok(rows.length >= 10 && rows.length < 80, `${rows.length} rows in the DOM`); // virtualized
  assert.equal(rows[0].cells[2], `${names[0]}:1`);
  assert.equal(rows[0].cells[0], names[0].replace(/^\d+-|\.json$/g, ""));

  // Filter by severity: the documents with an error are the CLI's invalid ones.
  await page.locator("select[name=severity]").selectOption("error");
  assert.equal(await shown(page), `${count(cli.invalid)} of ${count(N)} shown`);
  // By code: the documents with a duplicate keystr.
  const dups = new Set(cli.catalogue.filter((c) => c.issue.code === "catalogue.keystr.duplicate").map((c) => `${c.name}:${c.line}`));
  assert.ok(dups.size > 0);
  await page.locator("select[name=code]").selectOption("catalogue.keystr.duplicate");
  assert.equal(await shown(page), `${count(dups.size)} of ${count(N)} shown`);
  rows = await rowsShown(page);
  for (const r of rows) assert.ok(dups.has(r.cells[2]), r.cells[2]);
  // By text: a keystr finds its document (and its duplicate, if any).
  await page.locator("select[name=code]").selectOption("");
  await page.locator("select[name=severity]").selectOption("");
  const code = names[5].replace(/^\d+-|\.json$/g, "");
  await page.locator("input[name=text]").fill(code);
  await page.waitForFunction((n) => !document.querySelector(".cat-shown")?.textContent?.startsWith(n), count(N));
  rows = await rowsShown(page);
  assert.ok(rows.length >= 1 && rows.every((r) => r.cells[0] === code), JSON.stringify(rows));
  await page.locator("input[name=text]").fill("");
  await page.waitForFunction((n) => document.querySelector(".cat-shown")?.textContent?.startsWith(n), count(N));

  // Sort by errors, most first; the table then holds the invalid first.
  await page.locator(".cat-head [data-col=errors]").click();
  rows = await rowsShown(page);
  const errs = rows.map((r) => Number(r.cells[3]));
  assert.deepEqual(errs, [...errs].sort((a, b) => b - a));
  assert.ok(errs[0] > 0);
  // Filter with errors, then scroll down and open a row.
  await page.locator("select[name=severity]").selectOption("error");
  const scroller = page.locator(".cat-scroll");
  const top = Math.floor((await scroller.evaluate((s) => s.scrollHeight - s.clientHeight)) / 2);
  assert.ok(top > 30, `scroll range ${top * 2}`);
  await scroller.evaluate((s, t) => { s.scrollTop = t; }, top);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // A row a little below the top of the view (rows are 30 px).
  const row = page.locator(`.cat-spacer .cat-row[data-k="${Math.ceil(top / 30) + 1}"]`);
  const [key, , where, rowErrors, , first] = await row.locator(".cat-c").allTextContents();
  await row.click();
  await page.locator(".cat-bar:not([hidden])").waitFor();
  assert.equal(await page.locator(".cat-where").textContent(), `${where} · ${key}`);
  // The editor holds that document, checked with its issues and preview.
  await page.waitForFunction((k) => document.getElementById("editor").shadowRoot.querySelector(".cm-content")?.textContent?.includes(`"keystr": "${k}"`), key);
  assert.equal(await page.locator("#editor").isVisible(), true);
  // The row's first message is the editor's (checked after the switch) or the bar's.
  await page.waitForFunction((m) => document.querySelector("#issues")?.textContent?.includes(m) || document.querySelector(".cat-cross")?.textContent?.includes(m), first);
  // The row's errors are the editor's (the document alone) and the bar's
  // (across documents).
  const ownErrors = await page.locator("#issues li.issue[data-severity=error]").count();
  const across = await page.locator(".cat-cross li[data-severity=error]").count();
  assert.equal(ownErrors + across, Number(rowErrors));
  assert.ok(await page.locator("#preview").getAttribute("srcdoc"));
  // The user's document was saved before and is never overwritten.
  assert.equal(await savedDoc(page), own);
  await page.locator(".cm-content").click();
  await page.keyboard.type(" ");
  assert.equal(await savedDoc(page), own);
  await page.screenshot({ path: screenshotPath("catalogue-open-1366") });

  // Back to the list: the same filter, sort and scroll; the focus on the row.
  await page.locator(".cat-back").click();
  await page.locator("#catalogue:not([hidden])").waitFor();
  assert.equal(await page.locator("select[name=severity]").inputValue(), "error");
  assert.equal(await page.locator(".cat-head [data-col=errors]").getAttribute("aria-sort"), "descending");
  assert.equal(await scroller.evaluate((s) => s.scrollTop), top);
  assert.equal(await page.evaluate(() => document.activeElement?.querySelector(".cat-keystr")?.textContent), key);

  // Restore my own document: the editor's text comes back, stored as before.
  // The row that has the focus opens with Enter (a click on "the first row"
  // could land on a row the virtual table was replacing as it scrolled).
  await page.keyboard.press("Enter");
  await page.locator(".cat-bar:not([hidden])").waitFor();
  await page.locator(".cat-restore").click();
  const ownKey = /"keystr":\s*"([^"]*)"/.exec(own)?.[1];
  assert.ok(ownKey);
  await page.waitForFunction((k) => document.getElementById("editor").shadowRoot.querySelector(".cm-content")?.textContent?.includes(`"keystr": "${k}"`), ownKey);
  assert.equal(await savedDoc(page), own);
  assert.equal(await page.locator(".cat-bar").isHidden(), true);

  // CSV: what scanpage check -format csv writes on the same files.
  await page.locator("#view-catalogue").click();
  const [csv] = await Promise.all([page.waitForEvent("download"), page.locator("[data-export=csv]").click()]);
  assert.equal(csv.suggestedFilename(), "scanpage-report.csv");
  const csvText = readFileSync(await csv.path(), "utf8");
  assert.equal(csvText, check("csv"));
  assert.ok(csvText.split("\n").length > N / 2);

  // The barcodes: a zip of SVG symbols named by keystr.
  const [zipDl] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.locator("[data-export=zip]").click()]);
  const zip = join(dir, "codes.zip");
  writeFileSync(zip, readFileSync(await zipDl.path()));
  const listed = JSON.parse(execFileSync("python3", ["-c", "import sys,zipfile,json; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(json.dumps(z.namelist()))", zip], { encoding: "utf8" }));
  const svgs = listed.filter((n) => n.endsWith(".svg"));
  const codes = new Set(cli.files.length ? names.map((n) => n.replace(/^\d+-|\.json$/g, "")) : []);
  assert.ok(svgs.length > N * 0.9, `${svgs.length} symbols`);
  for (const n of svgs) assert.ok(codes.has(n.slice(0, -4)), n);
  // A sample decodes with zbarimg to its name.
  const shot = await env.browser.newPage();
  for (const n of [svgs[0], svgs[Math.floor(svgs.length / 2)], svgs.at(-1)]) {
    const svg = execFileSync("unzip", ["-p", zip, n]);
    await shot.setContent(`<body style="margin:0;background:#fff"><img style="width:600px;margin:40px" src="data:image/svg+xml;base64,${svg.toString("base64")}"></body>`);
    await shot.locator("img").evaluate((img) => img.decode());
    const png = join(dir, "sym.png");
    await shot.screenshot({ path: png, fullPage: true });
    const out = execFileSync("zbarimg", ["--quiet", "--raw", png], { encoding: "utf8" }).trim();
    assert.equal(out, n.slice(0, -4));
  }
  await shot.close();
  assert.deepEqual(page.errors, []);
});

test("a dropped folder is read recursively, its JSON files only, named as scanpage check names them; its JSON report equal to the command line's", { timeout: 240_000 }, async () => {
  // A folder as a user drags it from the desktop: 150 files in one
  // subfolder (Chromium lists a folder 100 entries at a time), one two
  // levels down, and files that are not documents.
  const tree = join(dir, "tree");
  mkdirSync(join(tree, "many"), { recursive: true });
  mkdirSync(join(tree, "nested", "deep"), { recursive: true });
  for (const n of names.slice(0, 150)) copyFileSync(join(filesDir, n), join(tree, "many", n));
  copyFileSync(join(filesDir, names[150]), join(tree, "nested", "deep", "one.json"));
  writeFileSync(join(tree, "notes.txt"), "not a document\n");
  writeFileSync(join(tree, "nested", "export.csv"), "keystr\n");
  const { page } = await visit(env.browser, env.server.url + "?workers=2", { viewport: { width: 1366, height: 900 }, locale: "en-US", acceptDownloads: true });
  await page.locator("#view-catalogue").click();
  await dropPaths(page, ".cat-drop", [tree]);
  await page.locator("#catalogue[data-state=done]").waitFor({ timeout: 150_000 });
  assert.equal(await shown(page), "151 of 151 shown");
  const [dl] = await Promise.all([page.waitForEvent("download"), page.locator("[data-export=json]").click()]);
  const r = spawnSync(join(root, "build/scanpage"), ["check", "-lang", "en", "-format", "json", "tree"], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 28 });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const report = JSON.parse(readFileSync(await dl.path(), "utf8"));
  assert.equal(report.files.length, 151);
  assert.ok(report.files.some((f) => f.name === "tree/nested/deep/one.json"), "the file two levels down, named from the dropped folder");
  assert.ok(!report.files.some((f) => /\.(txt|csv)$/.test(f.name)), "only JSON files are taken from a folder");
  assert.equal(readFileSync(await dl.path(), "utf8"), r.stdout);
  assert.deepEqual(page.errors, []);
});

test("a picked folder of 1,000 files: every document checked, its JSON report equal to the command line's; the pick's own task stays short", { timeout: 240_000 }, async () => {
  // Chromium answers the first size of a picked file with a synchronous
  // stat (0.2–0.9 ms): the page read every size at the pick, a long task of
  // 0.15 s per 1,000 files. A large pick's sizes are now paid batch by
  // batch, as each is posted to a worker.
  const { page } = await visit(env.browser, env.server.url + "?workers=2", { viewport: { width: 1366, height: 900 }, locale: "en-US", acceptDownloads: true });
  await page.locator("#view-catalogue").click();
  await page.locator(".cat-pick input[webkitdirectory]").setInputFiles(filesDir);
  await page.locator("#catalogue[data-state=done]").waitFor({ timeout: 150_000 });
  assert.equal(await shown(page), `${count(N)} of ${count(N)} shown`);
  const at = await page.locator("#catalogue").evaluate((v) => [v.dataset.longestAt, Number(v.dataset.longestMs)]);
  assert.ok(at[0] !== "start" || at[1] < 50, `the pick's task took ${at[1]} ms`);
  const [dl] = await Promise.all([page.waitForEvent("download"), page.locator("[data-export=json]").click()]);
  const r = spawnSync(join(root, "build/scanpage"), ["check", "-lang", "en", "-format", "json", "000"], { cwd: join(dir, "files"), encoding: "utf8", maxBuffer: 1 << 28 });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  assert.equal(readFileSync(await dl.path(), "utf8"), r.stdout);
  assert.deepEqual(page.errors, []);
});

test("one large NDJSON file: cut in pieces, checked across the pool, its JSON report equal to scanpage check's", { timeout: 240_000 }, async () => {
  const { page } = await visit(env.browser, env.server.url + "?workers=2", { viewport: { width: 1366, height: 900 }, locale: "en-US", acceptDownloads: true });
  await page.locator("#view-catalogue").click();
  const nd = join(dir, "catalogue.ndjson");
  assert.ok(statSync(nd).size > 2 << 20, "the file is cut (over one piece of 2 MiB)");
  await page.locator(".cat-pick input[multiple]:not([webkitdirectory])").setInputFiles(nd);
  await page.locator("#catalogue[data-state=done]").waitFor({ timeout: 150_000 });
  assert.equal(await shown(page), `${count(N)} of ${count(N)} shown`);
  const rows = await rowsShown(page);
  assert.equal(rows[0].cells[2], "catalogue.ndjson:1");
  assert.equal(rows[1].cells[2], "catalogue.ndjson:2");
  const [dl] = await Promise.all([page.waitForEvent("download"), page.locator("[data-export=json]").click()]);
  const r = spawnSync(join(root, "build/scanpage"), ["check", "-lang", "en", "-format", "json", "catalogue.ndjson"], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 28 });
  assert.equal(readFileSync(await dl.path(), "utf8"), r.stdout);
  // A second export: the documents lent to the worker for the first came back.
  const [sarif] = await Promise.all([page.waitForEvent("download"), page.locator("[data-export=sarif]").click()]);
  const rs = spawnSync(join(root, "build/scanpage"), ["check", "-lang", "en", "-format", "sarif", "catalogue.ndjson"], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 28 });
  assert.equal(readFileSync(await sarif.path(), "utf8"), rs.stdout);
  // A row of the second piece opens its own line of the file.
  await page.locator("input[name=text]").fill(names[900].replace(/^\d+-|\.json$/g, ""));
  await page.waitForFunction((n) => !document.querySelector(".cat-shown")?.textContent?.startsWith(n), count(N));
  const row = page.locator(".cat-spacer .cat-row").first();
  const where = await row.locator(".cat-file").textContent();
  const line = Number(where.split(":")[1]);
  assert.ok(line > 500, where);
  await row.click();
  const want = readFileSync(nd, "utf8").split("\n")[line - 1];
  const key = /"keystr":\s*"([^"]*)"/.exec(want)[1];
  await page.waitForFunction((k) => document.getElementById("editor").shadowRoot.querySelector(".cm-content")?.textContent?.includes(`"keystr":"${k}"`) || document.getElementById("editor").shadowRoot.querySelector(".cm-content")?.textContent?.includes(`"keystr": "${k}"`), key);
  assert.deepEqual(page.errors, []);
});

test("Cancel during the cross-document pass ends the run, and the next run works", { timeout: 240_000 }, async () => {
  const { page } = await visit(env.browser, env.server.url + "?workers=2", { viewport: { width: 1366, height: 900 }, locale: "en-US" });
  await page.locator("#view-catalogue").click();
  // Opening the view warms the workers' shared wasm: one worker checks the samples and ends.
  await page.locator("#catalogue[data-warm=done]").waitFor({ timeout: 30_000 });
  // Click Cancel the moment the view says the cross pass has begun (before its answer can come).
  await page.evaluate(() => {
    const rate = /** @type {HTMLElement} */ (document.querySelector(".cat-rate"));
    const cross = () => rate.textContent === "Checking across documents…";
    new MutationObserver((_, o) => {
      if (cross() && /** @type {HTMLElement} */ (document.querySelector("#catalogue")).dataset.state === "running") {
        o.disconnect();
        /** @type {HTMLElement} */ (document.querySelector(".cat-cancel")).click();
      }
    }).observe(rate, { childList: true, characterData: true, subtree: true });
  });
  await drop(page);
  await page.locator("#catalogue[data-state=cancelled]").waitFor({ timeout: 120_000 });
  assert.match(await page.locator(".cat-note").textContent(), /Cancelled: 1,000/);
  assert.equal(await page.locator("[data-export=csv]").isDisabled(), true);
  await drop(page);
  await page.locator("#catalogue[data-state=done]").waitFor({ timeout: 120_000 });
  assert.equal(await shown(page), `${count(N)} of ${count(N)} shown`);
  assert.deepEqual(page.errors, []);
});

test("two large NDJSON files with one worker: each is cut and checked, none waits for ever", { timeout: 240_000 }, async () => {
  const { page } = await visit(env.browser, env.server.url + "?workers=1", { viewport: { width: 1366, height: 900 }, locale: "en-US" });
  await page.locator("#view-catalogue").click();
  const two = mkdtempSync(join(tmpdir(), "scanpage-page-cat-two-"));
  try {
    for (const name of ["a.ndjson", "b.ndjson"]) copyFileSync(join(dir, "catalogue.ndjson"), join(two, name));
    assert.ok(statSync(join(two, "a.ndjson")).size > 2 << 20, "each file is cut (over one piece of 2 MiB)");
    await page.locator(".cat-pick input[multiple]:not([webkitdirectory])").setInputFiles([join(two, "a.ndjson"), join(two, "b.ndjson")]);
    await page.locator("#catalogue[data-state=done]").waitFor({ timeout: 120_000 });
    assert.equal(await shown(page), `${count(2 * N)} of ${count(2 * N)} shown`);
  } finally {
    rmSync(two, { recursive: true, force: true });
  }
  assert.deepEqual(page.errors, []);
});

test("Cancel stops a run at once: no row comes after it", { timeout: 240_000 }, async () => {
  const { page } = await visit(env.browser, env.server.url + "?workers=2", { viewport: { width: 1366, height: 900 }, locale: "en-US" });
  await page.locator("#view-catalogue").click();
  await drop(page);
  await page.waitForFunction(() => /^[1-9]/.test(document.querySelector(".cat-rate")?.textContent ?? ""), null, { timeout: 120_000 });
  await page.locator(".cat-cancel").click();
  await page.locator("#catalogue[data-state=cancelled]").waitFor({ timeout: 2_000 });
  const note = await page.locator(".cat-note").textContent();
  const done = Number(/Cancelled: ([\d,]+)/.exec(note)[1].replace(/,/g, ""));
  assert.ok(done > 0 && done < N, note);
  await page.waitForTimeout(1500);
  assert.equal(await shown(page), `${count(done)} of ${count(done)} shown`);
  assert.equal(await page.locator("[data-export=csv]").isDisabled(), true);
  // The view follows the language switch.
  await page.locator("button[data-lang=zh]").click();
  assert.equal(await shown(page), `显示 ${count(done)} / ${count(done)} 条`);
  assert.equal(await page.locator("#view-catalogue").textContent(), "批量检查");
  assert.deepEqual(page.errors, []);
});
