// largedoc.mjs: the "largest realistic document" of budgets.md — 6 banners,
// the 9 action types, 50 recommends, 30 detail rows — built from fixture 04.
// The result is committed as bench/testdata/large.json so that the native Go
// benchmarks and the wasm/Ajv runs measure the very same text:
//
//   node www/bench/largedoc.mjs > bench/testdata/large.json

import { readFileSync } from "node:fs";

/** GS1 mod-10 check digit of the 12 data digits of an EAN-13. */
export function checkDigit(data12) {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(data12[11 - i]) * (i % 2 === 0 ? 3 : 1);
  return String((10 - (sum % 10)) % 10);
}

/** Builds the large document (an object) from fixture 04's text. */
export function largeDocument(fixture04) {
  const doc = JSON.parse(fixture04);
  const info = doc.brand_info;
  const img = (i) => `http://mmbiz.qpic.cn/mmbiz/largeBenchDocument${String(i).padStart(3, "0")}AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/0?wx_fmt=jpeg`;
  info.detail_info.banner_list = Array.from({ length: 6 }, (_, i) => ({ link: img(i), desc: `第${i + 1}张主图` }));
  const titles = ["容量", "产地", "保质期", "规格", "成分", "适用人群"];
  info.detail_info.detail_list = Array.from({ length: 30 }, (_, i) => ({
    title: titles[i % titles.length],
    desc: `第${i + 1}行说明：轻薄不油腻，妆前打底一步到位（${i + 1}/30）`,
  }));
  const rec = info.action_info.action_list.find((a) => a.type === "recommend");
  rec.recommend.recommend_list = Array.from({ length: 50 }, (_, i) => {
    const data = `695449690${String(300 + i).padStart(3, "0")}`;
    return { keystandard: "ean13", keystr: data + checkDigit(data) };
  });
  return doc;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const f04 = readFileSync(new URL("../../schema/testdata/payloads/04-reconstructed-full-features.json", import.meta.url), "utf8");
  process.stdout.write(JSON.stringify(largeDocument(f04), null, 2) + "\n");
}
