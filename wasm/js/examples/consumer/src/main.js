// main.js: the app. It uses scanpage through its public entry points only
// ("scanpage" and "scanpage/elements"), as any app would, and writes what it
// saw to document.body.dataset.result (the test reads it). ?worker=1 loads
// the instance in a Web Worker.
import { load } from "scanpage";
import { useInstance } from "scanpage/elements";

const worker = new URLSearchParams(location.search).get("worker") === "1";
const api = /** @type {HTMLElement} */ (document.getElementById("api"));
const out = /** @type {Record<string, unknown>} */ ({ worker });
// When each element has first shown its content (navigation start → its first "report").
const elements = [...document.querySelectorAll("scanpage-preview, scanpage-barcode")];
const rendered = elements.map((el) => new Promise((resolve) => el.addEventListener("report", () => resolve(performance.now()), { once: true })));

try {
  const t0 = performance.now();
  const pending = load({ worker });
  useInstance(pending); // the elements share this instance: the wasm is fetched once
  const sp = await pending;
  out.loadMs = performance.now() - t0;
  out.readyMs = performance.now();
  out.version = sp.version;

  const text = '{"keystandard": "ean13", "keystr": "6901939621608",}';
  out.validate = (await sp.validate(text, { lang: "en" })).issues.map((i) => i.code);
  out.repair = (await sp.repair(text)).text;

  const doc = await (await fetch("/product.json")).json();
  const { html } = await sp.preview(doc, { lang: "en" });
  const frame = document.createElement("iframe");
  frame.setAttribute("sandbox", "allow-same-origin"); // no allow-scripts: nothing in it runs
  frame.title = "preview";
  frame.width = "390";
  frame.height = "600";
  api.append(frame);
  await new Promise((resolve) => { frame.onload = resolve; frame.srcdoc = html; });
  const header = frame.contentDocument?.querySelector("[data-area=header]");
  out.previewColor = header ? getComputedStyle(header).color : null;

  for (const format of /** @type {const} */ (["svg", "png"])) {
    const b = await sp.barcode("6901939621608", { format });
    const blob = format === "svg" ? new Blob([/** @type {string} */ (b.svg)], { type: "image/svg+xml" }) : new Blob([/** @type {Uint8Array} */ (b.png)], { type: "image/png" });
    const img = document.createElement("img");
    img.alt = `EAN-13 ${b.code}`;
    const url = URL.createObjectURL(blob);
    await new Promise((resolve, reject) => { img.onload = resolve; img.onerror = reject; img.src = url; });
    URL.revokeObjectURL(url);
    api.append(img);
    out[format] = img.naturalWidth;
  }

  // The elements (they share the instance): each reports once it shows its document or code.
  out.elementsMs = Math.max(...await Promise.all(rendered));
  out.elements = elements.map((el) => el.localName);
} catch (e) {
  out.error = String(/** @type {Error} */ (e)?.message ?? e);
}
document.body.dataset.result = JSON.stringify(out);
