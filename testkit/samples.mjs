// samples.mjs: the project's example documents (samples/) and the
// validator's own test data (schema/testdata), read as text. No
// dependencies: the library's tests under node, the page's tests and the
// benchmarks all read their documents through it.
import { readFileSync, readdirSync } from "node:fs";

const root = new URL("../", import.meta.url);

/** An example document of samples/, e.g. "04-reconstructed-full-features.json". */
export const sample = (name) => readFileSync(new URL(`samples/${name}`, root), "utf8");

/** The names of the numbered example documents, in order (00 … 05). */
export const sampleNames = () => readdirSync(new URL("samples/", root)).filter((f) => /^\d\d-/.test(f)).sort();

/** A file of schema/testdata, e.g. "rules.txt". */
export const testdata = (name) => readFileSync(new URL(`schema/testdata/${name}`, root), "utf8");
