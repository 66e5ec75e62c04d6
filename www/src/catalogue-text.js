// catalogue-text.js: the Catalogue view's own strings, 中文 and English
// (kept apart from i18n.js so that the view is one self-contained part).
import { getLang } from "./i18n.js";

const strings = {
  zh: {
    "nav": "视图",
    "nav.editor": "编辑器",
    "nav.catalogue": "批量检查",
    "drop": "把商品 JSON 文件或文件夹拖到这里（.json、.ndjson、.jsonl、数组文件）。文件只在本机读取，不会上传。",
    "pick.files": "选择文件…",
    "pick.folder": "选择文件夹…",
    "cancel": "取消",
    "progress": "{done} 条商品 · {rate} 条/秒 · 剩余约 {left}",
    "progress.start": "正在启动 {n} 个检查线程…",
    "cross": "正在做跨商品检查…",
    "cancelled": "已取消：已检查 {done} 条，未做跨商品检查，无法导出。",
    "failed": "检查失败：{message}",
    "none": "所选内容中没有 .json、.ndjson 或 .jsonl 文件。",
    "done": "{n} 条商品，用时 {s} 秒，{w} 个线程。",
    "sum.documents": "商品",
    "sum.valid": "通过",
    "sum.invalid": "有错误",
    "sum.errors": "错误",
    "sum.warnings": "警告",
    "sum.infos": "提示",
    "sum.codes": "最常见的问题",
    "sum.firms": "厂商识别代码",
    "sum.unverified": "不在已认证厂商识别代码下：{n} 条",
    "sum.categories": "类目",
    "sum.nocat": "（无）",
    "sum.verified": "已认证",
    "filter.severity": "显示",
    "filter.all": "全部",
    "filter.error": "有错误",
    "filter.warning": "有警告",
    "filter.valid": "通过",
    "filter.code": "问题代码",
    "filter.anycode": "任意代码",
    "filter.text": "搜索",
    "filter.placeholder": "keystr、标题、文件或消息",
    "shown": "显示 {n} / {total} 条",
    "export": "导出",
    "export.csv": "CSV",
    "export.json": "JSON",
    "export.sarif": "SARIF",
    "export.zip": "全部条码（zip）",
    "export.busy": "正在生成…",
    "export.done": "已生成 {name}",
    "col.keystr": "keystr",
    "col.title": "标题",
    "col.file": "文件:行",
    "col.errors": "错误",
    "col.warnings": "警告",
    "col.first": "第一条消息",
    "bar.from": "来自批量检查：",
    "bar.back": "返回列表",
    "bar.restore": "恢复我自己的文档",
    "bar.download": "下载此文档",
    "bar.edited": "已修改（保存在本标签页内存中，刷新后丢失；请下载）",
    "bar.own": "你自己的文档已保存，随时可以恢复。",
    "bar.cross": "跨商品问题：",
    "open.failed": "无法读取该文档：{message}",
  },
  en: {
    "nav": "View",
    "nav.editor": "Editor",
    "nav.catalogue": "Catalogue",
    "drop": "Drop product JSON files or folders here (.json, .ndjson, .jsonl, array files). They are read on this device only; nothing is uploaded.",
    "pick.files": "Choose files…",
    "pick.folder": "Choose a folder…",
    "cancel": "Cancel",
    "progress": "{done} documents · {rate}/s · about {left} left",
    "progress.start": "Starting {n} checking workers…",
    "cross": "Checking across documents…",
    "cancelled": "Cancelled: {done} documents checked, without the cross-document rules; nothing to export.",
    "failed": "The check failed: {message}",
    "none": "No .json, .ndjson or .jsonl file in what was chosen.",
    "done": "{n} documents in {s} s, {w} workers.",
    "sum.documents": "Documents",
    "sum.valid": "Valid",
    "sum.invalid": "With errors",
    "sum.errors": "Errors",
    "sum.warnings": "Warnings",
    "sum.infos": "Infos",
    "sum.codes": "Top issues",
    "sum.firms": "Firm codes",
    "sum.unverified": "Under no verified firm code: {n}",
    "sum.categories": "Categories",
    "sum.nocat": "(none)",
    "sum.verified": "verified",
    "filter.severity": "Show",
    "filter.all": "All",
    "filter.error": "With errors",
    "filter.warning": "With warnings",
    "filter.valid": "Valid",
    "filter.code": "Issue code",
    "filter.anycode": "Any code",
    "filter.text": "Search",
    "filter.placeholder": "keystr, title, file or message",
    "shown": "{n} of {total} shown",
    "export": "Export",
    "export.csv": "CSV",
    "export.json": "JSON",
    "export.sarif": "SARIF",
    "export.zip": "All barcodes (zip)",
    "export.busy": "Writing…",
    "export.done": "Wrote {name}",
    "col.keystr": "keystr",
    "col.title": "Title",
    "col.file": "File:line",
    "col.errors": "Errors",
    "col.warnings": "Warnings",
    "col.first": "First message",
    "bar.from": "From the catalogue:",
    "bar.back": "Back to list",
    "bar.restore": "Restore my own document",
    "bar.download": "Download this document",
    "bar.edited": "edited (kept in this tab's memory until it is closed; download it to keep it)",
    "bar.own": "Your own document is kept; restore it at any time.",
    "bar.cross": "Across documents:",
    "open.failed": "Could not read that document: {message}",
  },
};

/**
 * @param {string} key
 * @param {Record<string, string | number>} [vars]
 */
export function ct(key, vars) {
  /** @type {string} */
  let s = strings[getLang()][key] ?? strings.en[key] ?? key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
  return s;
}

/** Numbers as the language writes them. */
export function num(/** @type {number} */ n) {
  return n.toLocaleString(getLang() === "zh" ? "zh-CN" : "en");
}

/** Fills [data-ct] elements under root (text, or the attribute named by data-ct-attr). */
export function fill(/** @type {ParentNode} */ root) {
  for (const el of root.querySelectorAll("[data-ct]")) {
    const h = /** @type {HTMLElement} */ (el);
    const key = /** @type {string} */ (h.dataset.ct);
    if (h.dataset.ctAttr) h.setAttribute(h.dataset.ctAttr, ct(key));
    else h.textContent = ct(key);
  }
}
