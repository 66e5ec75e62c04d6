// wasmnames.mjs: where the bytes of a Go wasm go. `go tool nm` cannot read
// wasm, so this reads the module itself: the size of every function body
// (code section) named by the "name" custom section of a build without -s,
// summed per Go package, plus the size of each section.

function reader(buf) {
  let pos = 0;
  const u32 = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = buf[pos++];
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
    }
  };
  const name = () => {
    const n = u32();
    const s = new TextDecoder().decode(buf.subarray(pos, pos + n));
    pos += n;
    return s;
  };
  return { u32, name, get pos() { return pos; }, set pos(p) { pos = p; } };
}

const sectionNames = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount"];

/**
 * Returns a function that maps a symbol of the name section to its Go
 * package. Go writes names mangled ("/" as "_", "(*T).M" as "__T_.M",
 * "type:" as "type_"), so they are matched against the mangled import paths
 * of the program (go list -deps), longest first.
 * @param {string[]} importPaths
 */
export function packageMatcher(importPaths) {
  const known = [...importPaths, "main"]
    .map((p) => [p.replaceAll("/", "_") + ".", p])
    .sort((a, b) => b[0].length - a[0].length);
  return (sym) => {
    const s = sym.replace(/^type_\.(eq\.|hash\.)?/, "");
    for (const [prefix, path] of known) if (s.startsWith(prefix)) return path;
    return sym.startsWith("type_") ? "(type metadata functions)" : "(other)";
  };
}

/**
 * @param {Uint8Array} buf a wasm module built without -s (with its name section)
 * @param {(sym: string) => string} packageOf
 * @returns {{sections: Record<string, number>, codeByPackage: [string, number][], named: boolean}}
 */
export function analyse(buf, packageOf) {
  const r = reader(buf);
  r.pos = 8; // magic + version
  const sections = {};
  let imported = 0;
  const bodies = [];
  const names = new Map();
  while (r.pos < buf.length) {
    const id = buf[r.pos];
    r.pos += 1;
    const size = r.u32();
    const start = r.pos;
    const end = start + size;
    let label = sectionNames[id] ?? `id${id}`;
    if (id === 0) {
      const n = r.name();
      label = `custom:${n}`;
      if (n === "name") readNames(r, end, names);
    } else if (id === 2) {
      const count = r.u32();
      for (let i = 0; i < count; i++) {
        r.name(); r.name();
        const kind = buf[r.pos++];
        if (kind === 0) { r.u32(); imported++; }
        else if (kind === 1) { r.pos++; limits(r, buf); }
        else if (kind === 2) limits(r, buf);
        else if (kind === 3) r.pos += 2;
        else throw new Error(`wasm import kind ${kind}`);
      }
    } else if (id === 10) {
      const count = r.u32();
      for (let i = 0; i < count; i++) {
        const n = r.u32();
        bodies.push(n);
        r.pos += n;
      }
    }
    sections[label] = (sections[label] ?? 0) + (end - start) + 1 + lebLength(size);
    r.pos = end;
  }
  const byPkg = new Map();
  bodies.forEach((n, i) => {
    const sym = names.get(imported + i);
    const pkg = sym ? packageOf(sym) : "(unnamed)";
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + n);
  });
  return { sections, codeByPackage: [...byPkg].sort((a, b) => b[1] - a[1]), named: names.size > 0 };
}

function limits(r, buf) {
  const flags = buf[r.pos++];
  r.u32();
  if (flags & 1) r.u32();
}

function lebLength(n) {
  let len = 1;
  while (n >= 0x80) { n = Math.floor(n / 128); len++; }
  return len;
}

export function readNames(r, end, names) {
  while (r.pos < end) {
    const sub = r.u32();
    const size = r.u32();
    const next = r.pos + size;
    if (sub === 1) {
      const count = r.u32();
      for (let i = 0; i < count; i++) {
        const idx = r.u32();
        names.set(idx, r.name());
      }
    }
    r.pos = next;
  }
}
