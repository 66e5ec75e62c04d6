// Renders every fixture × page × layout × language through the real wasm
// and screenshots each at 375 px in Debian's Chromium, offline (as the
// author's images often are outside WeChat), into
// artifacts/preview/<fixture>-<page>-<layout>-<lang>.png.
//
//   node testkit/preview-shots.mjs [filter]   (after make build)
//
// The optional filter is a substring of the file name ("04-", "-detail-").
import { mkdirSync } from "node:fs";
import { load } from "../build/package/scanpage.js";
import { launch, artifacts } from "./browser.mjs";
import { sample, sampleNames } from "./samples.mjs";

const filter = process.argv[2] ?? "";
const out = `${artifacts}/preview`;
mkdirSync(out, { recursive: true });

const sp = await load();
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, offline: true });
const page = await context.newPage();
let n = 0;
for (const file of sampleNames()) {
  const text = sample(file);
  for (const p of ["home", "detail", "antifake"]) {
    for (const layout of ["classic", "concept"]) {
      for (const lang of ["zh", "en"]) {
        const name = `${file.slice(0, 2)}-${p}-${layout}-${lang}`;
        if (!name.includes(filter)) continue;
        const { html } = sp.preview(text, { page: p, layout, lang });
        await page.setContent(html, { waitUntil: "load" });
        await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
        n++;
      }
    }
  }
}
await browser.close();
sp.dispose();
console.log(`${n} screenshots in ${out}`);
