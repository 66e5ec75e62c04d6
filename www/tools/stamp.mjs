// stamp.mjs SITE: writes SITE/sw.js from www/src/sw.js with a version that is
// a hash of the files the service worker caches, so every build that changes
// one of them gets a new cache. Those files are read from src/sw.js's own
// SHELL and OPTIONAL lists, so the two cannot drift apart; and since the
// Makefile re-runs this script only when a file of its SHELL_FILES changes,
// that list is checked to name every one of them.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const www = fileURLToPath(new URL("../", import.meta.url));
const site = resolve(process.argv[2] ?? "build/site") + "/";
const src = readFileSync(`${www}src/sw.js`, "utf8");

/**
 * The list of a line `const NAME = [...];` of src/sw.js (plain strings in
 * double quotes, a trailing comma allowed). Anything else stops the build.
 * @param {string} name
 * @returns {string[]}
 */
function swList(name) {
  const m = new RegExp(`^const ${name} = (\\[[^\\]]*\\]);`, "m").exec(src);
  if (!m) throw new Error(`stamp.mjs: src/sw.js has no line "const ${name} = [...];"`);
  let list;
  try {
    list = JSON.parse(m[1].replace(/,\s*\]$/, "]"));
  } catch (e) {
    throw new Error(`stamp.mjs: src/sw.js's ${name} is not a list of strings in double quotes: ${e.message}`);
  }
  if (!list.every((f) => typeof f === "string")) throw new Error(`stamp.mjs: src/sw.js's ${name} holds something other than strings`);
  return list;
}

const shell = swList("SHELL");
if (!shell.length) throw new Error("stamp.mjs: src/sw.js's SHELL is empty");
// "./" is the page itself.
const cached = [...shell, ...swList("OPTIONAL")].map((u) => (u === "./" ? "index.html" : u.replace(/^\.\//, "")));

const makefile = readFileSync(`${www}../Makefile`, "utf8");
const deps = /^SHELL_FILES\s*:=((?:.*\\\n)*.*)$/m.exec(makefile);
if (!deps) throw new Error("stamp.mjs: the Makefile has no SHELL_FILES list");
const listed = new Set(deps[1].replace(/\\\n/g, " ").split(/\s+/).filter(Boolean));
const unlisted = cached.map((f) => `$(SITE)/${f}`).filter((f) => !listed.has(f));
if (unlisted.length) {
  throw new Error(`stamp.mjs: the service worker caches ${unlisted.join(", ")}, missing from the Makefile's SHELL_FILES: a change to it would not make a new sw.js`);
}

const h = createHash("sha256");
for (const f of cached) {
  if (!existsSync(site + f)) continue;
  h.update(f).update("\0").update(readFileSync(site + f)).update("\0");
}
h.update("src/sw.js").update("\0").update(src).update("\0");
const version = h.digest("hex").slice(0, 16);
const line = 'const VERSION = "__VERSION__";';
if (!src.includes(line)) throw new Error(`src/sw.js has no line ${line}`);
writeFileSync(`${site}sw.js`, src.replace(line, `const VERSION = "${version}";`));
