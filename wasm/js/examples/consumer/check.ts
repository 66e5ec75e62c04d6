// check.ts: type-checked against the published types (tsc --noEmit), as an
// app written in TypeScript would use them.
import { load, type Scanpage, type AsyncScanpage, type Report, type LoadOptions } from "scanpage";
import { useInstance, ScanpagePreview, ScanpageBarcode } from "scanpage/elements";

export async function main(flag: boolean): Promise<void> {
  const sync: Scanpage = await load();
  const report: Report = sync.validate("{}", { lang: "en" });
  const bytes: Uint8Array | undefined = sync.barcode("6901939621608", { format: "png", moduleWidth: 2 }).png;

  const inWorker: AsyncScanpage = await load({ worker: true });
  const later: Report = await inWorker.validate({ keystandard: "ean13" });

  // A worker flag known only at run time.
  const either = await load({ worker: flag });
  const r: Report = await either.validate("{}");
  const opts: LoadOptions = { worker: flag, wasmURL: new URL("/scanpage.wasm", "https://example.com") };
  await load(opts);

  useInstance(load({ worker: flag }));
  const preview = document.createElement("scanpage-preview");
  const p: ScanpagePreview = preview;
  p.doc = { keystandard: "ean13" };
  p.addEventListener("report", (e) => console.log(e.detail.valid, e.detail.issues.length));
  const barcode: ScanpageBarcode | null = document.querySelector("scanpage-barcode");
  console.log(report.valid, bytes?.length, later.valid, r.valid, barcode?.report?.valid);
}
