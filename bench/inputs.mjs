// inputs.mjs: the documents every benchmark uses, read from the repository
// (node only; the browser gets them from chromium.mjs). bench/api_test.go
// reads the same files for the native figures.
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../", import.meta.url));

export const files = {
  docSample: "samples/01-doc-demo-ean13.json",
  large: "samples/large.json", // 6 banners, every action type, 50 recommends, 30 detail rows
  repairInput: "samples/00-doc-sample-verbatim.json.txt",
  preview: "samples/04-reconstructed-full-features.json",
  schema: "build/package/create-product.schema.json", // the published copy, as the package ships it
};

/** The code drawn by every barcode benchmark (a valid China EAN-13). */
export const code = "6901939621608";

/** @returns {import("./suite.mjs").Inputs & {files: typeof files}} */
export function readInputs() {
  const read = (p) => readFileSync(root + p, "utf8");
  const schemaPath = process.env.BENCH_SCHEMA || root + files.schema;
  return {
    docSample: read(files.docSample),
    large: read(files.large),
    repairInput: read(files.repairInput),
    preview: read(files.preview),
    code,
    schema: existsSync(schemaPath) ? JSON.parse(readFileSync(schemaPath, "utf8")) : null,
    files: { ...files, schema: existsSync(schemaPath) ? schemaPath.replace(root, "") : null },
  };
}
