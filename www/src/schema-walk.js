// schema-walk.js: what a draft-07 JSON Schema allows at a place in a
// document: the keys of an object and the values of a member. It follows
// local $refs, allOf/anyOf/oneOf and if/then/else, and narrows oneOf
// branches by the values already present (an action's "type").

/** @typedef {Record<string, any>} Schema */
/** @typedef {Map<string, unknown>} Present  the primitive members of an object */

/**
 * Follows a local $ref ("#/definitions/x", "#/$defs/x").
 * @param {Schema} s
 * @param {Schema} root
 */
function deref(s, root) {
  for (let hops = 0; s && typeof s === "object" && typeof s.$ref === "string" && hops < 32; hops++) {
    if (!s.$ref.startsWith("#")) return {};
    let t = root;
    for (const seg of s.$ref.slice(1).split("/").filter(Boolean)) {
      t = t?.[decodeURIComponent(seg).replace(/~1/g, "/").replace(/~0/g, "~")];
    }
    s = t;
  }
  return s && typeof s === "object" ? s : {};
}

/**
 * Whether what is present in an object can still match s (const and enum of
 * its properties, and its required keys when asked).
 * @param {Schema} s
 * @param {Schema} root
 * @param {Present} present
 * @param {boolean} [needRequired]
 */
function fits(s, root, present, needRequired = false) {
  s = deref(s, root);
  for (const [k, p0] of Object.entries(s.properties ?? {})) {
    if (!present.has(k)) continue;
    const p = deref(p0, root);
    const v = present.get(k);
    if ("const" in p && p.const !== v) return false;
    if (Array.isArray(p.enum) && !p.enum.includes(v)) return false;
  }
  if (needRequired && Array.isArray(s.required) && !s.required.every((k) => present.has(k))) return false;
  return true;
}

/**
 * The schemas that apply at a place, with combinators flattened.
 * @param {Schema} s
 * @param {Schema} root
 * @param {Present | null} present the object's members, to narrow branches
 * @param {number} [depth]
 * @returns {Schema[]}
 */
function expand(s, root, present, depth = 0) {
  s = deref(s, root);
  if (depth > 16) return [s];
  /** @type {Schema[]} */
  const out = [s];
  for (const a of s.allOf ?? []) out.push(...expand(a, root, present, depth + 1));
  for (const key of ["anyOf", "oneOf"]) {
    const branches = s[key];
    if (!Array.isArray(branches)) continue;
    let pick = branches;
    if (present) {
      const narrowed = branches.filter((b) => fits(b, root, present));
      if (narrowed.length) pick = narrowed;
    }
    for (const b of pick) out.push(...expand(b, root, present, depth + 1));
  }
  if (s.if && (s.then || s.else)) {
    const known = present && fits(s.if, root, present, true);
    if ((known || !present) && s.then) out.push(...expand(s.then, root, present, depth + 1));
    if ((!known || !present) && s.else) out.push(...expand(s.else, root, present, depth + 1));
  }
  return out;
}

/**
 * The schemas of a member (a key or an array index) of any of the given schemas.
 * @param {Schema[]} schemas
 * @param {string | number} seg
 * @param {Schema} root
 */
function child(schemas, seg, root) {
  /** @type {Schema[]} */
  const out = [];
  for (const s of schemas) {
    if (typeof seg === "number" || /^\d+$/.test(String(seg))) {
      if (Array.isArray(s.items)) { if (s.items[Number(seg)]) out.push(s.items[Number(seg)]); }
      else if (s.items && typeof s.items === "object") out.push(s.items);
    }
    if (typeof seg === "number") continue;
    if (s.properties && Object.hasOwn(s.properties, seg)) { out.push(s.properties[seg]); continue; }
    let matched = false;
    for (const [re, p] of Object.entries(s.patternProperties ?? {})) {
      try {
        if (new RegExp(re, "u").test(seg)) { out.push(p); matched = true; }
      } catch { /* a pattern JS cannot read */ }
    }
    if (!matched && s.additionalProperties && typeof s.additionalProperties === "object") out.push(s.additionalProperties);
  }
  return out;
}

/**
 * The schemas at a path. present narrows the branches of the last object.
 * @param {Schema} root
 * @param {(string|number)[]} path
 * @param {Present | null} [present]
 */
function schemasAt(root, path, present = null) {
  let cur = expand(root, root, path.length ? null : present);
  path.forEach((seg, i) => {
    const last = i === path.length - 1;
    cur = child(cur, seg, root).flatMap((s) => expand(s, root, last ? present : null));
  });
  return cur;
}

/**
 * @typedef {{ name: string, schema: Schema, required: boolean, title?: string, description?: string }} KeyOption
 */

/**
 * The keys an object at path may have, in schema order, required ones marked.
 * @param {Schema} root
 * @param {(string|number)[]} path
 * @param {Present | null} present
 * @returns {KeyOption[]}
 */
export function keysAt(root, path, present) {
  /** @type {Map<string, KeyOption>} */
  const keys = new Map();
  const schemas = schemasAt(root, path, present);
  const required = new Set(schemas.flatMap((s) => (Array.isArray(s.required) ? s.required : [])));
  for (const s of schemas) {
    for (const [name, p] of Object.entries(s.properties ?? {})) {
      const prop = expand(p, root, null);
      const description = prop.map((x) => x.description).find((d) => typeof d === "string");
      const title = prop.map((x) => x.title).find((d) => typeof d === "string");
      const known = keys.get(name);
      if (!known) keys.set(name, { name, schema: mergeTypes(prop), required: required.has(name), title, description });
      else {
        known.description ??= description;
        known.title ??= title;
      }
    }
  }
  return [...keys.values()];
}

/**
 * The type and enum of a set of alternatives, merged.
 * @param {Schema[]} schemas
 */
function mergeTypes(schemas) {
  const types = new Set();
  /** @type {unknown[]} */
  const values = [];
  for (const s of schemas) {
    for (const t of [s.type].flat()) if (typeof t === "string") types.add(t);
    if ("const" in s) values.push(s.const);
    if (Array.isArray(s.enum)) values.push(...s.enum);
  }
  return { type: [...types], values: [...new Set(values)] };
}

/**
 * The values a member at path may take: its enum and const values, and
 * true/false for a boolean.
 * @param {Schema} root
 * @param {(string|number)[]} path
 * @param {Present | null} present the members of the object holding it
 * @returns {{ value: unknown, description?: string }[]}
 */
export function valuesAt(root, path, present) {
  if (!path.length) return [];
  const parent = schemasAt(root, path.slice(0, -1), present);
  const here = child(parent, path[path.length - 1], root).flatMap((s) => expand(s, root, null));
  // A schema may also accept a tolerated spelling of a value ("2" for 2, true
  // for "true"); the first one listed is the canonical one, and the only
  // one offered.
  /** @type {Map<string, { value: unknown, description?: string }>} */
  const out = new Map();
  const add = (value, description) => { const k = String(value); if (!out.has(k)) out.set(k, { value, description }); };
  for (const s of here) {
    if ("const" in s) add(s.const, s.description);
    if (Array.isArray(s.enum)) for (const v of s.enum) add(v, undefined);
  }
  if (!out.size && here.some((s) => [s.type].flat().includes("boolean"))) { add(true); add(false); }
  return [...out.values()];
}
