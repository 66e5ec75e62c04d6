// The validator's test data (schema/testdata), read as text. No
// dependencies: the API tests under Node, the page tests and the
// benchmarks all read their documents through it.
import { readFileSync } from "node:fs";

/** A file of schema/testdata, e.g. "rules.txt" or "payloads/…". */
export const testdata = (name) => readFileSync(new URL(`../../schema/testdata/${name}`, import.meta.url), "utf8");

/** A payload of schema/testdata/payloads. */
export const fixture = (name) => testdata(`payloads/${name}`);
