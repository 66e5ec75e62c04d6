// The form's calls through the real scanpage.wasm under Node: the field
// metadata, form edits as text edits, and the action kinds one may add.
import { test } from "node:test";
import assert from "node:assert/strict";
import { load } from "./lib.mjs";
import { sample } from "../../../testkit/samples.mjs";

const sp = await load();

/** Applies an edit as an editor does (UTF-16 offsets). */
const apply = (text, e) => text.slice(0, e.offset) + e.text + text.slice(e.offset + e.length);

test("form lists every field with labels in the asked language", () => {
  const zh = sp.form();
  const en = sp.form({ lang: "en" });
  assert.equal(zh.fields.length, en.fields.length);
  const title = en.fields.find((f) => f.path === "/brand_info/base_info/title");
  assert.deepEqual([title.label, title.required, title.width, title.widthSeverity], ["Product name", true, 15, "warning"]);
  const vendor = zh.fields.find((f) => f.path === "/brand_info/base_info/store_vendorid_list/*");
  assert.deepEqual(vendor.enum.find((c) => c.value === 4).label, "京东");
  const thumb = zh.fields.find((f) => f.path === "/brand_info/base_info/thumb_url");
  assert.equal(thumb.image.advice, "推荐 180×180 像素，不超过 50 KB");
  assert.ok(en.wide.length > 50 && en.wide.every(([a, b]) => a <= b));
});

test("formEdit inserts an action keeping its key order, in the text's indentation", () => {
  const text = '{\n  "brand_info": {\n    "action_info": {\n      "action_list": [\n        {"type": "price", "retail_price": "1.00"}\n      ]\n    }\n  }\n}';
  const r = sp.formEdit(text, { op: "insert", path: "/brand_info/action_info/action_list", index: 0, value: { type: "text", text: "茶 😀" } });
  assert.ok(r.edit, JSON.stringify(r));
  const out = apply(text, r.edit);
  assert.equal(out, '{\n  "brand_info": {\n    "action_info": {\n      "action_list": [\n        {\n          "type": "text",\n          "text": "茶 😀"\n        },\n        {"type": "price", "retail_price": "1.00"}\n      ]\n    }\n  }\n}');
  // The next edit, after the astral character, lands in UTF-16 units.
  const r2 = sp.formEdit(out, { op: "set", path: "/brand_info/action_info/action_list/1/retail_price", value: "2.00" });
  assert.equal(apply(out, r2.edit), out.replace('"1.00"', '"2.00"'));
});

test("formEdit moves two actions of a sample: only those two items move", () => {
  const text = sample("04-reconstructed-full-features.json");
  const list = JSON.parse(text).brand_info.action_info.action_list;
  const r = sp.formEdit(text, { op: "move", path: "/brand_info/action_info/action_list", index: 0, to: 1 });
  const out = apply(text, r.edit);
  const moved = JSON.parse(out).brand_info.action_info.action_list;
  assert.deepEqual(moved, [list[1], list[0], ...list.slice(2)]);
  assert.equal(out.slice(0, r.edit.offset), text.slice(0, r.edit.offset));
  assert.equal(out.length, text.length);
});

test("formEdit refuses with a reason, in the asked language", () => {
  const r = sp.formEdit('{"a": 1 ?', { op: "set", path: "/a", value: 2, lang: "en" });
  assert.equal(r.error.code, "form.text.fatal");
  assert.match(r.error.message, /syntax error/);
  const m = sp.formEdit("{}", { op: "remove", path: "/nope" });
  assert.equal(m.error.code, "form.path.missing");
  assert.throws(() => sp.formEdit(42, { op: "set" }), TypeError);
});

test("actionChoices refuses a second text action and says why", () => {
  const text = '{"brand_info": {"action_info": {"action_list": [{"type": "text", "text": "a"}]}}}';
  const cs = sp.actionChoices(text, { lang: "en" });
  const text2 = cs.find((c) => c.kind === "text");
  assert.equal(text2.allowed, false);
  assert.equal(text2.code, "action.text.duplicate");
  assert.match(text2.reason, /second text action/);
  assert.ok(cs.find((c) => c.kind === "price").allowed);
  assert.deepEqual(Object.keys(cs.find((c) => c.kind === "banner").item), ["type", "showtype", "link", "image"]);
});

test("formValue reads the text as the validator does", () => {
  assert.deepEqual(sp.formValue("{'a': 1, 'a': 2,}"), { value: { a: 2 }, fatal: false });
  assert.deepEqual(sp.formValue('{"a": 1, "b": ?'), { value: { a: 1 }, fatal: true, stop: { code: "syntax.unexpected", line: 1 } });
  assert.deepEqual(sp.formValue("{'a': 1,\n \"b\": }").stop, { code: "syntax.missing_value", line: 2 });
});

test("valueSpans places each value in UTF-16 units, the last of duplicate keys", () => {
  const text = '{"t": "😀茶", "a": 1, "a": [2]}';
  const spans = sp.valueSpans(text);
  assert.deepEqual(spans.map((s) => s.path), ["", "/t", "/a", "/a/0"]);
  const at = (p) => spans.find((s) => s.path === p);
  assert.equal(text.slice(at("/t").offset, at("/t").offset + at("/t").length), '"😀茶"');
  assert.equal(text.slice(at("/a").key, at("/a").key + 3), '"a"');
  assert.equal(text.slice(at("/a").offset, at("/a").offset + at("/a").length), "[2]");
  assert.equal(at("/a/0").key, -1);
  assert.deepEqual(sp.valueSpans("?"), []);
  assert.throws(() => sp.valueSpans(1), TypeError);
});

test("checkCode gives the missing check digit of 12 or 7 digits as a fix", () => {
  const [is] = sp.checkCode("690193962160", { standard: "ean13", lang: "en" });
  assert.equal(is.code, "keystr.missing_check_digit");
  assert.equal(is.fix.text, "6901939621608");
  assert.match(is.message, /which is 8/);
  assert.equal(sp.checkCode("6901234", { standard: "ean8" })[0].fix.text, "69012341");
  assert.deepEqual(sp.checkCode("6901939621608", { standard: "ean13" }), []);
  assert.deepEqual(sp.checkCode("abc_1", { standard: "qrcode" }), []);
  assert.equal(sp.checkCode("1".repeat(100))[0].code, "barcode.too_long");
});
