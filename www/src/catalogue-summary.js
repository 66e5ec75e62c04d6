// catalogue-summary.js: the summary of a run as Go's catalogue pass wrote
// it (schema.Summary): counts, the top issue codes, firm codes, categories.
import { ct, num } from "./catalogue-text.js";

/**
 * @param {HTMLElement} root
 * @param {import("scanpage").CatalogueSummary} s
 */
export function showSummary(root, s) {
  const el = (/** @type {string} */ tag, /** @type {string} */ cls, /** @type {string} */ text = "") => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  };
  const counts = el("dl", "cat-counts");
  const sev = s.severities ?? {};
  for (const [key, n, kind] of /** @type {[string, number, string][]} */ ([
    ["sum.documents", s.documents, ""], ["sum.valid", s.valid, "valid"], ["sum.invalid", s.invalid, "error"],
    ["sum.errors", sev.error ?? 0, "error"], ["sum.warnings", sev.warning ?? 0, "warning"], ["sum.infos", sev.info ?? 0, ""],
  ])) {
    const d = el("div", "");
    if (kind && n) d.dataset.kind = kind;
    d.append(el("dt", "", ct(key)), el("dd", "", num(n)));
    counts.append(d);
  }
  const list = (/** @type {string} */ title, /** @type {[string, number][]} */ items, /** @type {string} */ cls) => {
    const box = el("section", `cat-list ${cls}`);
    box.append(el("h3", "", title));
    const ol = el("ol", "");
    for (const [name, n] of items) {
      const li = el("li", "");
      li.append(el("span", "cat-name", name), el("span", "cat-n", num(n)));
      ol.append(li);
    }
    box.append(ol);
    return box;
  };
  const codes = Object.entries(s.codes ?? {}).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const firms = list(ct("sum.firms"), (s.firmCodes ?? []).slice(0, 10).map((f) => [f.firmCode + (f.verified ? ` (${ct("sum.verified")})` : ""), f.documents]), "cat-firms");
  if (s.unverified) firms.append(el("p", "cat-unverified", ct("sum.unverified", { n: num(s.unverified) })));
  root.replaceChildren(
    counts,
    list(ct("sum.codes"), codes.slice(0, 10), "cat-codes"),
    firms,
    list(ct("sum.categories"), (s.categories ?? []).slice(0, 10).map((c) => [c.category || ct("sum.nocat"), c.documents]), "cat-cats"),
  );
  return codes.map(([c]) => c);
}
