// manifest.mjs SRC DEST VERSION: writes the package's package.json with its
// version taken from `git describe` (v1.2.3 → 1.2.3; anything else, such as
// an untagged commit, becomes a pre-release of 0.0.0: npm wants semver).
import { readFileSync, writeFileSync } from "node:fs";

const [src, dest, describe = "dev"] = process.argv.slice(2);
const pkg = JSON.parse(readFileSync(src, "utf8"));
const tagged = /^v?(\d+\.\d+\.\d+)(-.*)?$/.exec(describe);
const safe = (s) => s.replace(/[^0-9A-Za-z-]+/g, "-").replace(/^-+|-+$/g, "") || "dev";
pkg.version = tagged ? tagged[1] + (tagged[2] ? "-" + safe(tagged[2].slice(1)) : "") : `0.0.0-${safe(describe)}`;
writeFileSync(dest, JSON.stringify(pkg, null, 2) + "\n");
