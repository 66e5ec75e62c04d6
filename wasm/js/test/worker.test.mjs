// scanpage-worker.js's message handler, run under Node: the test plays the
// page, posting messages to the real worker module (with the real wasm) and
// reading its replies. Every message gets a reply; only the API's own calls
// are answered.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { declared } from "./lib.mjs";

const pkg = new URL("../../../build/package/", import.meta.url);
const replies = [];
// The worker's global scope, as far as the handler uses it.
globalThis.self = { postMessage: (m) => replies.push(m) };
await import(new URL("scanpage-worker.js", pkg));
const worker = globalThis.self;

/** Posts data and returns the replies it caused. */
async function post(data) {
  const from = replies.length;
  await worker.onmessage({ data });
  return replies.slice(from);
}

test("the worker loads from a compiled module the page sends", async () => {
  const module = await WebAssembly.compile(await readFile(new URL("scanpage.wasm", pkg)));
  const [r] = await post({ init: { module } });
  assert.equal(r.ready, true, JSON.stringify(r));
  // The page builds its async API from the calls the worker names: those the types declare.
  assert.deepEqual(r.methods, (await declared("AsyncScanpage")).filter((m) => m !== "dispose"));
  const [v] = await post({ id: 1, method: "validate", args: ["{,}", { lang: "en" }] });
  assert.equal(v.id, 1);
  assert.equal(v.result.valid, false);
});

test("a message that is not {id, method, args} gets an error reply, never a throw", async () => {
  const shape = /^scanpage: a message must be \{id, method, args\}, not /;
  const unknown = /^scanpage: unknown method "undefined" \(known: validate, /;
  const args = /^scanpage: validate: args must be an array$/;
  for (const [data, why] of [[null, shape], [undefined, shape], [42, shape], ["validate", shape], [[], unknown], [{}, unknown],
    [{ id: 3 }, unknown], [{ id: 4, method: "validate" }, args], [{ id: 5, method: "validate", args: "{}" }, args]]) {
    const out = await post(data);
    assert.equal(out.length, 1, `${JSON.stringify(data)}: ${JSON.stringify(out)}`);
    assert.ok(out[0].error, `${JSON.stringify(data)}: ${JSON.stringify(out)}`);
    assert.match(out[0].error.message, why, "the reply names what was wrong");
    if (data && typeof data === "object" && "id" in data) assert.equal(out[0].id, data.id);
  }
});

test("only the API's own methods are callable", async () => {
  for (const method of ["toString", "constructor", "dispose", "__proto__", "hasOwnProperty", "valueOf", "version", "oversize"]) {
    const [r] = await post({ id: 9, method, args: [] });
    assert.equal(r.error?.name, "TypeError", `${method}: ${JSON.stringify(r)}`);
    assert.match(r.error.message, /unknown method/);
  }
  const [ok] = await post({ id: 10, method: "stats", args: [] });
  assert.equal(typeof ok.result.heapAlloc, "number", "the instance still answers (dispose was refused)");
});
