// barcode-panel.js: the EAN symbol of keystr (SVG), its downloads as SVG
// and PNG with a size choice, and the GS1 Digital Link QR.
import { t } from "./i18n.js";

/** @typedef {import("scanpage").Scanpage} Scanpage */
/** @typedef {import("scanpage").Issue} Issue */

/**
 * Offers bytes as a file download.
 * @param {BlobPart} data
 * @param {string} type
 * @param {string} name
 */
function download(data, type, name) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Shows an SVG string in an <img> (never as markup in the page).
 * @param {HTMLImageElement} img
 * @param {string | undefined} svg
 */
function showSVG(img, svg) {
  if (img.dataset.url) URL.revokeObjectURL(img.dataset.url);
  delete img.dataset.url;
  if (!svg) {
    img.removeAttribute("src");
    img.hidden = true;
    return;
  }
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  img.dataset.url = url;
  img.src = url;
  img.hidden = false;
}

/**
 * @param {HTMLElement} list
 * @param {Issue[]} issues
 */
function showIssues(list, issues) {
  list.replaceChildren(...issues.map((is) => {
    const li = document.createElement("li");
    li.className = `sev-${is.severity}`;
    li.dataset.code = is.code;
    li.textContent = is.message;
    return li;
  }));
}

/**
 * @param {{ root: HTMLElement, getSP: () => Scanpage | null, getLang: () => "zh" | "en",
 *           onOptions: (o: { xdim: string, ppm: string }) => void }} opts
 */
export function barcodePanel({ root, getSP, getLang, onOptions }) {
  const $ = (/** @type {string} */ sel) => /** @type {HTMLElement} */ (root.querySelector(sel));
  const img = /** @type {HTMLImageElement} */ ($(".ean img"));
  const caption = $(".ean figcaption");
  const issues = $(".ean-issues");
  const qrFigure = $(".qr");
  const qrImg = /** @type {HTMLImageElement} */ ($(".qr img"));
  const qrCaption = $(".qr .uri");
  const qrIssues = $(".qr-issues");
  const xdim = /** @type {HTMLSelectElement} */ ($("select[name=xdim]"));
  const ppm = /** @type {HTMLSelectElement} */ ($("select[name=ppm]"));
  const buttons = /** @type {HTMLButtonElement[]} */ ([...root.querySelectorAll("button[data-download]")]);
  let code = "";
  let kind = "";
  let key = "";

  const options = () => ({ xdim: xdim.value, ppm: ppm.value });
  xdim.addEventListener("change", () => onOptions(options()));
  ppm.addEventListener("change", () => onOptions(options()));

  root.addEventListener("click", (e) => {
    const btn = /** @type {HTMLElement} */ (e.target).closest("button[data-download]");
    const sp = getSP();
    if (!btn || !sp || !kind) return;
    const lang = getLang();
    const what = /** @type {HTMLElement} */ (btn).dataset.download;
    if (what === "svg") {
      const r = sp.barcode(code, { xdim: Number(xdim.value), lang });
      if (r.svg) download(r.svg, "image/svg+xml", `${code}-${kind}-${xdim.value}mm.svg`);
    } else if (what === "png") {
      const r = sp.barcode(code, { format: "png", moduleWidth: Number(ppm.value), lang });
      if (r.png) download(r.png, "image/png", `${code}-${kind}-${ppm.value}px.png`);
    } else if (what === "qr") {
      const r = sp.digitalLink(code, { lang });
      if (r.svg) download(r.svg, "image/svg+xml", `${code}-digital-link.svg`);
    }
  });

  return {
    /** @param {{ xdim?: string | null, ppm?: string | null }} o */
    setOptions(o) {
      if (o.xdim && [...xdim.options].some((x) => x.value === o.xdim)) xdim.value = o.xdim;
      if (o.ppm && [...ppm.options].some((x) => x.value === o.ppm)) ppm.value = o.ppm;
    },
    /**
     * Draws the symbols of a code (skipped when nothing changed).
     * @param {unknown} keystr the document's keystr
     * @param {unknown} keystandard the document's keystandard
     */
    update(keystr, keystandard) {
      const sp = getSP();
      if (!sp) return;
      const lang = getLang();
      const k = JSON.stringify([keystr, keystandard, lang, xdim.value]);
      if (k === key) return;
      key = k;
      code = typeof keystr === "string" ? keystr : "";
      kind = "";
      /** @type {Issue[]} */
      let found = [];
      let svg;
      if (keystandard === "qrcode") {
        caption.textContent = t("barcode.qrcode");
      } else if (!code) {
        caption.textContent = t("barcode.none");
      } else {
        const r = sp.barcode(code, { xdim: Number(xdim.value), lang });
        svg = r.svg;
        found = r.report.issues;
        if (svg) kind = r.kind;
        caption.textContent = svg ? `${r.kind === "ean8" ? "EAN-8" : "EAN-13"} ${code}` : code;
        img.alt = svg ? t("barcode.alt", { kind: r.kind === "ean8" ? "EAN-8" : "EAN-13", code }) : "";
      }
      showSVG(img, svg);
      showIssues(issues, found);
      for (const b of buttons) if (b.dataset.download !== "qr") b.disabled = !kind;
      // The Digital Link QR (GS1 Digital Link URI of the GTIN).
      /** @type {Issue[]} */
      let qrFound = [];
      let qrSVG;
      let uri = "";
      if (kind) {
        const d = sp.digitalLink(code, { lang });
        qrSVG = d.svg;
        uri = d.uri || "";
        qrFound = d.report.issues;
      }
      showSVG(qrImg, qrSVG);
      qrFigure.hidden = !qrSVG;
      qrImg.alt = qrSVG ? t("barcode.dl.alt", { uri }) : "";
      qrCaption.textContent = uri;
      qrCaption.title = uri;
      showIssues(qrIssues, qrFound);
      const qrButton = buttons.find((b) => b.dataset.download === "qr");
      if (qrButton) qrButton.disabled = !qrSVG;
    },
  };
}
