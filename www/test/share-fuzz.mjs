// share-fuzz.mjs [SECONDS]: fuzzes share-link decoding (www/src/share.js)
// under Node for SECONDS (default $SHARE_FUZZTIME, else 20). `make fuzz`
// runs it. Inputs: random strings, random base64url, real links mutated
// (cut, extended, bytes flipped, characters appended), and deflate bombs.
// Every decode must settle (no throw, no rejection), within 5 s, with
// either null, { text } of at most 1 MiB of UTF-8, or { error } of a known
// kind. A failing input is written to build/fuzz/share-<n>.txt.
import { mkdirSync, writeFileSync } from "node:fs";
import { decodeHash, encodeHash, maxDocBytes } from "../src/share.js";
import { sample } from "../../testkit/samples.mjs";

const seconds = Number(process.argv[2] ?? process.env.SHARE_FUZZTIME ?? 20);
const end = Date.now() + seconds * 1000;
const kinds = new Set(["chars", "cut", "corrupt", "large", "utf8"]);
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const junk = [")", ".", ",", "]", ">", "%20", " ", "=", "+", "/", "#", "\u00a0", "）", "😀"];

let seed = Number(process.env.SHARE_FUZZSEED ?? Date.now() % 2 ** 31);
const firstSeed = seed;
/** xorshift32: reproducible with SHARE_FUZZSEED. */
function rand(n) {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
}
const pick = (a) => a[rand(a.length)];
const randomB64 = (n) => Array.from({ length: n }, () => alphabet[rand(64)]).join("");

const corpus = [];
for (const name of ["00-doc-sample-verbatim.json.txt", "04-reconstructed-full-features.json", "05-reconstructed-ean8-minimal.json"]) {
  corpus.push(await encodeHash(sample(name)));
}
corpus.push(await encodeHash(" ".repeat(4_700_000))); // a bomb: 4.7 MB of spaces
corpus.push(await encodeHash("1,".repeat(600_000))); // just over the limit
corpus.push(await encodeHash("x".repeat(maxDocBytes))); // exactly at it

/** One input. */
function input() {
  const base = pick(corpus);
  switch (rand(8)) {
    case 0: return "#doc=" + randomB64(rand(4000));
    case 1: return base.slice(0, 5 + rand(base.length - 4)); // cut
    case 2: return base + pick(junk); // appended
    case 3: { // characters flipped
      const a = base.split("");
      for (let k = 1 + rand(8); k > 0; k--) a[5 + rand(a.length - 5)] = alphabet[rand(64)];
      return a.join("");
    }
    case 4: { // a span repeated or removed
      const i = 5 + rand(base.length - 5), j = i + rand(200);
      return rand(2) ? base.slice(0, j) + base.slice(i) : base.slice(0, i) + base.slice(j);
    }
    case 5: return Array.from({ length: rand(300) }, () => String.fromCharCode(rand(0x3000))).join("");
    case 6: return "#doc=" + pick(junk) + base.slice(5);
    default: return base;
  }
}

let n = 0;
let failures = 0;
function fail(hash, why) {
  failures++;
  mkdirSync("build/fuzz", { recursive: true });
  const file = `build/fuzz/share-${failures}.txt`;
  writeFileSync(file, hash);
  console.error(`FAIL (${why}): input in ${file} (${hash.length} chars, seed ${firstSeed})`);
}

while (Date.now() < end && failures < 5) {
  const hash = input();
  n++;
  let timer;
  const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve("timeout"), 5000); });
  let out;
  try {
    out = await Promise.race([decodeHash(hash), timeout]);
  } catch (e) {
    fail(hash, `threw ${e}`);
    continue;
  } finally {
    clearTimeout(timer);
  }
  if (out === "timeout") fail(hash, "did not settle in 5 s");
  else if (out === null) { if (hash.startsWith("#doc=")) fail(hash, "a #doc= hash gave null"); }
  else if ("text" in out) {
    if (typeof out.text !== "string" || Buffer.byteLength(out.text) > maxDocBytes) fail(hash, "text over the limit");
  } else if (!kinds.has(out.error)) fail(hash, `unknown error ${out.error}`);
}
console.log(`share-link fuzz: ${n} inputs in ${seconds} s, ${failures} failures (seed ${firstSeed})`);
process.exit(failures ? 1 : 0);
