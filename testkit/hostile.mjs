// hostile.mjs: the hostile inputs of schema/hostile (hostile.go), written
// the same way in JavaScript for what times the wasm through the JS API: the
// budget test (wasm/js/test/hostile.test.mjs) and the benchmark
// (bench/hostile.mjs). Each shape, given n, returns a document of at most n
// UTF-8 bytes (the test asserts it comes within 64 bytes of n).

/** open, then unit(i) for i = 0, 1, … while it all fits in size UTF-8 bytes with close. */
function fill(size, open, close, unit) {
  const parts = [open];
  let bytes = Buffer.byteLength(open) + Buffer.byteLength(close);
  for (let i = 0; ; i++) {
    const u = unit(i);
    const n = Buffer.byteLength(u);
    if (bytes + n > size) break;
    parts.push(u);
    bytes += n;
  }
  parts.push(close);
  return parts.join("");
}
const sep = (i, s) => (i > 0 ? s : "");
const misspelt = ["titel", "thumb_ur", "category_di", "store_mgr_typ", "color_", "retail_prize", "barnd_tag"];

/** The shapes of schema/hostile/hostile.go, in its order. */
export const shapes = {
  "fullwidth-members": (n) => fill(n, "{", "}", (i) => `${sep(i, "，")}"k${i}"：1`),
  "unknown-keys": (n) =>
    fill(n, '{"keystandard": "ean13", "keystr": "6901939621608", "brand_info": {"base_info": {', "}}}",
      (i) => `${sep(i, ", ")}"${misspelt[i % misspelt.length]}${i}": 1`),
  members: (n) => fill(n, "{", "}", (i) => `${sep(i, ",")}"m${i % 10}":0`),
  "single-quotes": (n) => fill(n, '{"a": [', "]}", (i) => `${sep(i, ",")}'x'`),
  "fullwidth-object": (n) => fill(n, "｛", "｝", (i) => `${sep(i, "，")}"k${i}"：［1，2］`),
  ones: (n) => fill(n, "[", "]", (i) => `${sep(i, " ")}1`),
  "trailing-commas": (n) => fill(n, "[", "]", (i) => `${sep(i, ",")}[1,]`),
  "distinct-keys": (n) => fill(n, "{", "}", (i) => `${sep(i, ",")}"${i}":0`),
  recommends: (n) =>
    fill(n, '{"keystandard": "ean13", "keystr": "6901939621608", "brand_info": {"base_info": {"title": "推荐", ' +
      '"thumb_url": "https://example.com/t.jpg", "brand_tag": "b", "category_id": 200531967}, "detail_info": {"detail_list": ' +
      '[{"title": "t", "desc": "d"}]}, "action_info": {"action_list": [{"type": "price", "retail_price": "1.00"}, ' +
      '{"type": "recommend", "recommend": {"recommend_type": "appointed", "recommend_list": [', "]}}]}}}",
      (i) => `${sep(i, ",")}{"keystandard":"ean13","keystr":"${ean13(690000000000 + i)}"}`),
};

/** The 12 digits of n with their GS1 check digit. */
function ean13(n) {
  const s = String(n);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(s[i]) * (i % 2 ? 3 : 1);
  return s + ((10 - (sum % 10)) % 10);
}

/** The sizes every shape is measured at (hostile.Sizes). */
export const sizes = [64 << 10, 1 << 20];
