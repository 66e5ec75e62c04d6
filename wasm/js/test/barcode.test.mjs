// barcode() and digitalLink() through the real wasm under Node, every image
// read back by a real decoder (zbarimg from Debian's zbar-tools).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "./lib.mjs";

const sp = await load();
const dir = mkdtempSync(join(tmpdir(), "scanpage-barcode-"));

/** Decodes a PNG with zbarimg; "" when it finds nothing (exit 4). */
function zbar(png, name) {
  const file = join(dir, `${name}.png`);
  writeFileSync(file, png);
  try {
    return execFileSync("zbarimg", ["-q", "--raw", "--nodbus", file], { encoding: "utf8" }).trim();
  } catch (e) {
    if (e.status === 4) return "";
    throw new Error(`zbarimg failed (install zbar-tools): ${e.message}`);
  }
}

test("EAN-13 and EAN-8 PNGs from the wasm decode to exactly their digits", () => {
  for (const code of ["6901939621608", "4512345678906", "0036000291452", "96385074", "95012346", "6954496900556"]) {
    const r = sp.barcode(code, { format: "png", moduleWidth: 2 });
    assert.ok(r.png instanceof Uint8Array, `${code}: no PNG (${JSON.stringify(r.report.issues)})`);
    assert.equal(r.kind, code.length === 13 ? "ean13" : "ean8");
    assert.equal(zbar(r.png, code), code);
  }
});

test("SVG is the default format and carries a physical size in mm", () => {
  const r = sp.barcode("6901939621608");
  assert.equal(r.png, undefined);
  assert.match(r.svg, /^(<\?xml[^>]*>\s*)?<svg[^>]* width="37\.29mm"/);
  assert.match(r.svg, /viewBox="0 0 113 /);
});

test("a code that is not a valid EAN gives an error report and no image", () => {
  for (const [code, codeWanted, fix] of [
    ["6900000000000", "keystr.check_digit", "6900000000007"],
    ["036000291452", "keystr.gtin12", "0036000291452"],
    ["2112345678900", "keystr.prefix.restricted", undefined],
    ["69019396216", "keystr.length", undefined],
  ]) {
    const r = sp.barcode(code, { format: "png", lang: "en" });
    assert.equal(r.png, undefined, code);
    assert.equal(r.svg, undefined, code);
    assert.equal(r.report.valid, false, code);
    const is = r.report.issues.find((i) => i.code === codeWanted);
    assert.ok(is, `${code}: ${JSON.stringify(r.report.issues)}`);
    if (fix) assert.deepEqual(is.fix, { text: fix, edit: { offset: 0, length: code.length, text: fix } });
  }
});

test("the digital link QR decodes to the GS1 Digital Link URI", () => {
  const r = sp.digitalLink("6901939621608", { format: "png" });
  assert.equal(r.uri, "https://id.gs1.org/01/06901939621608");
  assert.ok(r.png instanceof Uint8Array, JSON.stringify(r.report));
  assert.equal(zbar(r.png, "dl").toLowerCase(), r.uri.toLowerCase());
  const bad = sp.digitalLink("6900000000000");
  assert.equal(bad.uri, "");
  assert.equal(bad.report.valid, false);
});

test("bad options are issues, not throws; wrong option types throw", () => {
  const r = sp.barcode("6901939621608", { xdim: 2, lang: "en" });
  assert.equal(r.svg, undefined);
  assert.ok(r.report.issues.some((i) => i.code === "barcode.xdim"));
  assert.throws(() => sp.barcode("6901939621608", { moduleWidth: "big" }), TypeError);
});
