// The validator's rule cases (schema/testdata/rules.txt) through the real
// scanpage.wasm under Node, and the published JSON Schema in Ajv: it must
// judge every case and fixture the way the validator's schema rules do.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import { load } from "./lib.mjs";
import { sample, sampleNames, testdata } from "../../../testkit/samples.mjs";

const sp = await load();

/** Reads rules.txt (its format is described at its top). */
function readCases() {
  let base = "";
  const cases = [];
  let cur = null;
  let section = "";
  let buf = [];
  const flush = () => {
    const text = buf.join("\n").replace(/\n+$/, "");
    buf = [];
    if (section === "base") base = text;
    else if (cur && section === "body") {
      if (/^\s*[[{]/.test(text)) cur.doc = text;
      else cur.edits.push(...text.split("\n").filter((l) => l.trim() !== ""));
    } else if (cur && section === "merchant") cur.merchant = text;
  };
  testdata("rules.txt").split("\n").forEach((line, i) => {
    if (line.startsWith("#") && !["body", "merchant", "base"].includes(section)) return;
    if (line === "== base") { flush(); section = "base"; return; }
    if (line.startsWith("== ")) {
      flush();
      if (cur) cases.push(cur);
      cur = { name: line.slice(3), line: i + 1, doc: "", edits: [], merchant: "", issues: [] };
      section = "body";
      return;
    }
    if (line === "-- merchant") { flush(); section = "merchant"; return; }
    if (line === "-- issues") { flush(); section = "issues"; return; }
    if (section === "issues") {
      if (line.trim() !== "" && !line.startsWith("#")) cur.issues.push(line);
      return;
    }
    buf.push(line);
  });
  flush();
  if (cur) cases.push(cur);
  return { base, cases };
}

const unescape = (tok) => tok.replaceAll("~1", "/").replaceAll("~0", "~");

/** Applies one edit line (set/add/del/rename) to value v. */
function edit(v, line) {
  const [op, ptr, ...rest] = line.split(" ");
  const arg = rest.join(" ");
  const toks = ptr.split("/").slice(1).map(unescape);
  const last = toks.pop();
  const parent = toks.reduce((p, t) => p[t], v);
  switch (op) {
    case "set": parent[last] = JSON.parse(arg); break;
    case "add": parent.push(JSON.parse(arg)); break;
    case "del": if (Array.isArray(parent)) parent.splice(Number(last), 1); else delete parent[last]; break;
    case "rename": {
      // A JS object cannot hold a duplicate key: such cases are the Go
      // test's alone.
      if (arg in parent) return false;
      const entries = Object.entries(parent);
      for (const k of Object.keys(parent)) delete parent[k];
      for (const [k, val] of entries) parent[k === last ? arg : k] = val;
      break;
    }
    default: throw new Error(`bad edit ${line}`);
  }
  return true;
}

const { base, cases } = readCases();
/** The case's text, built as the Go test builds it; null if JS cannot. */
const textOf = (c) => {
  if (c.doc) return c.doc;
  const v = JSON.parse(base);
  return c.edits.every((e) => edit(v, e)) ? JSON.stringify(v, null, 2) : null;
};
const buildable = (c) => textOf(c) !== null;

const issueLine = (is) => {
  let s = `${is.severity} ${is.code} ${is.errcode ?? "-"} ${is.path === "" ? "-" : is.path} ${is.line}`;
  if (is.source === "merchant") s += " merchant";
  if (is.fix) s += "text" in is.fix ? ` fix=text:${JSON.stringify(is.fix.text)}` : ` fix=${JSON.stringify(is.fix.value)}`;
  return s;
};

test("rules.txt has its cases", () => {
  assert.ok(cases.length >= 190, `${cases.length} cases`);
  assert.equal(JSON.stringify(JSON.parse(base), null, 2), base, "the base is printed as JSON.stringify prints it");
});

test("every rule case gives the same report in the wasm as natively", () => {
  let ran = 0;
  for (const c of cases.filter(buildable)) {
    const text = textOf(c);
    const opts = { lang: "en" };
    if (c.merchant) opts.merchant = c.merchant;
    const r = sp.validate(text, opts);
    assert.deepEqual(r.issues.map(issueLine), c.issues, `rules.txt line ${c.line}: ${c.name}\n${text}`);
    assert.equal(r.valid, !c.issues.some((l) => l.startsWith("error ")), c.name);
    for (const is of r.issues.filter((i) => i.source !== "merchant")) {
      assert.ok(is.offset >= 0 && is.offset + is.length <= text.length, `${c.name}: ${is.code} outside the text`);
    }
    ran++;
  }
  assert.ok(ran >= cases.length - 2, `ran ${ran} of ${cases.length}`);
});

test("the merchant option takes an object as well as its JSON text", () => {
  const c = cases.find((x) => x.name === "keystr under none of the merchant's firm codes");
  const r = sp.validate(textOf(c), { lang: "zh", merchant: JSON.parse(c.merchant) });
  const is = r.issues.find((i) => i.code === "keystr.firm_code");
  assert.ok(is, JSON.stringify(r.issues));
  assert.equal(is.errcode, 61323);
  assert.match(is.message, /号段/);
});

test("the doc sample: its slips, then after repair its check digit, fales and anti_fake_url with fixes", () => {
  const text = sample("00-doc-sample-verbatim.json.txt");
  const { text: fixed, fixes } = sp.repair(text);
  assert.deepEqual(fixes.map((f) => f.code), Array(3).fill("syntax.trailing_comma"));
  const r = sp.validate(fixed, { lang: "en" });
  const by = Object.fromEntries(r.issues.map((i) => [i.code, i]));
  // Each value fix comes with its edit of the text, computed by Go: applied
  // as it is, it sets exactly that value.
  for (const is of Object.values(by).filter((i) => i.fix && "path" in i.fix)) {
    const { offset, length, text } = is.fix.edit;
    const after = JSON.parse(fixed.slice(0, offset) + text + fixed.slice(offset + length));
    const at = is.fix.path.split("/").slice(1).reduce((v, k) => v[k], after);
    assert.deepEqual(at, is.fix.value, is.code);
    delete is.fix.edit;
  }
  assert.deepEqual(by["keystr.check_digit"].fix, { path: "/keystr", value: "6900000000007" });
  assert.equal(by["keystr.check_digit"].errcode, 61305);
  assert.deepEqual(by["module.native_show.value"].fix, { path: "/brand_info/module_info/module_list/0/native_show", value: "false" });
  assert.deepEqual(by["module.anti_fake_url.scheme"].fix, { path: "/brand_info/module_info/module_list/0/anti_fake_url", value: "http://weixin.qq.com" });
  assert.equal(r.valid, false);
});

// Which of the validator's issues the JSON Schema itself makes: the errors
// mapped from schema errors, minus the ones Go adds on values the schema
// accepts (a price written as a number with 3 decimals), plus the keystr
// faults the schema's keystr patterns see (length and characters, never
// the check digit or the prefix).
const schemaSuffix = /\.(missing|type|value|format|empty|too_many|negative|scheme|host)$/;
const keystrPattern = /^keystr\.(chars|chars\.invalid|length|gtin12|missing_check_digit|gtin14|gtin14\.packaging|gtin14\.variable|empty|qrcode\.chars|qrcode\.length)$/;
function at(doc, path) {
  let v = doc;
  for (const tok of path.split("/").slice(1)) v = v?.[unescape(tok)];
  return v;
}
function fromSchema(is, doc) {
  if (is.severity !== "error" || is.source === "merchant") return false;
  if (is.code === "detail_info.empty" || is.code === "document.not_object" || is.code.startsWith("base.color.")) return true;
  if (keystrPattern.test(is.code)) return ["ean13", "ean8", "qrcode"].includes(doc.keystandard);
  if (/^(recommend\.)?keystr\./.test(is.code)) return /\.(missing|type)$/.test(is.code);
  if (/\.(retail_price|sale_price)\.format$/.test(is.code) && typeof at(doc, is.path) === "number") return false;
  return schemaSuffix.test(is.code);
}

test("Ajv judges every case and fixture as the validator's schema rules do", () => {
  const schema = JSON.parse(readFileSync(new URL("../../../build/package/create-product.schema.json", import.meta.url), "utf8"));
  assert.deepEqual(schema, JSON.parse(readFileSync(new URL("../../../schema/create-product.schema.json", import.meta.url), "utf8")), "make build copies the schema");
  const warnings = [];
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, logger: { log() {}, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) } });
  const check = ajv.compile(schema);
  assert.deepEqual(warnings, [], "Ajv's strict mode has no complaint");
  const docs = cases.filter((c) => buildable(c) && !c.merchant).map((c) => [c.name, textOf(c)]);
  for (const f of [...sampleNames(), "large.json"].filter((f) => f.endsWith(".json"))) docs.push([f, sample(f)]);
  let invalid = 0;
  for (const [name, text] of docs) {
    const doc = JSON.parse(text);
    const ajvValid = check(doc);
    const ours = sp.validate(text, { lang: "en" }).issues.filter((is) => fromSchema(is, doc));
    assert.equal(ajvValid, ours.length === 0, `${name}: Ajv says ${ajvValid ? "valid" : JSON.stringify(check.errors)}, the validator ${JSON.stringify(ours.map((i) => i.code))}`);
    if (!ajvValid) invalid++;
  }
  assert.ok(invalid >= 80, `only ${invalid} documents invalid in Ajv`);
});
