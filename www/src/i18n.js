// i18n.js: the page's own strings in 中文 and English. The validator's
// messages come from the wasm in the chosen language (its `lang` option).

/** @typedef {"zh" | "en"} Lang */

const strings = {
  zh: {
    "title": "scanpage — 扫一扫商品主页检查",
    "tagline": "扫一扫商品主页 · 检查与预览",
    "skip": "跳到编辑器",
    "toolbar": "文档操作",
    "samples": "示例",
    "samples.pick": "载入示例…",
    "sample.doc": "API 文档示例（原样，含错误）",
    "sample.doc-fixed": "API 文档示例（可解析）",
    "sample.real": "真实商品：稚优泉",
    "sample.sdk": "SDK 测试商品",
    "sample.full": "全功能商品",
    "sample.ean8": "最小 EAN-8 商品",
    "sample.empty": "空白模板",
    "format": "格式化",
    "format.title": "重新缩进（Shift+Alt+F）；数字和字符串保持原样",
    "repair": "修复语法",
    "repair.title": "修正结尾逗号、注释、全角标点、单引号等常见笔误",
    "share": "分享链接",
    "share.title": "把文档压缩进链接（# 之后，不经过服务器）",
    "lang": "语言",
    "editor": "商品 JSON（scan/product/create）",
    "editor.label": "商品 JSON 编辑器",
    "issues": "问题",
    "issues.none": "没有问题。",
    "issues.more": "…还有 {n} 条",
    "issues.loading": "正在加载检查器…",
    "sev.error": "错误",
    "sev.warning": "警告",
    "sev.info": "提示",
    "count.error": "{n} 个错误",
    "count.warning": "{n} 个警告",
    "count.info": "{n} 条提示",
    "merchant.tag": "商户",
    "fix.to": "改为「{text}」",
    "fix.delete": "删除「{text}」",
    "fix.insert": "插入「{text}」",
    "completion.required": "必填",
    "fix.none": "此修复已无法定位，请手动修改。",
    "fix.gone": "文档已改动，这个问题已不存在，未做修改。",
    "preview": "预览",
    "preview.page": "页面",
    "preview.layout": "版式",
    "page.home": "主页",
    "page.detail": "详情",
    "page.antifake": "防伪",
    "layout.classic": "经典",
    "layout.concept": "2024 概念",
    "preview.frame": "商品主页预览",
    "barcode": "条码",
    "barcode.none": "keystr 中没有可绘制的条码。",
    "barcode.qrcode": "keystandard 为 qrcode：没有 EAN 条码。",
    "barcode.alt": "{kind} 条码 {code}",
    "barcode.xdim": "X 尺寸",
    "barcode.ppm": "每模块像素",
    "barcode.svg": "下载 SVG",
    "barcode.png": "下载 PNG",
    "barcode.dl": "GS1 数字链接二维码",
    "barcode.qrsvg": "下载二维码 SVG",
    "barcode.dl.alt": "GS1 数字链接二维码 {uri}",
    "merchant": "商户信息",
    "merchant.hint": "粘贴 merchantinfo/get 的响应（新旧两种格式均可）；检查器会据此核对厂商识别代码、类目和品牌标签。只保存在本机。",
    "merchant.label": "merchantinfo/get 响应 JSON",
    "merchant.clear": "清空",
    "status.loading": "正在加载检查器…",
    "status.ready": "检查器 {version} 已就绪",
    "status.failed": "检查器加载失败：{message}",
    "status.valid": "有效：API 会接受这份文档",
    "status.invalid": "无效：{n} 个错误",
    "status.format.bad": "文档还不是合法 JSON，无法格式化：请先点「修复语法」或修正错误。",
    "status.format.deep": "文档嵌套超过 64 层（检查器也拒绝它），不做格式化。",
    "status.format.done": "已格式化。",
    "status.repair.none": "没有可自动修复的语法问题。",
    "status.repair.done": "已修复 {n} 处（Ctrl+Z 撤销）。",
    "status.repair.left": "已修复 {n} 处；仍有无法自动修复的语法错误。",
    "status.sample": "已载入「{name}」（Ctrl+Z 可撤销）。",
    "status.shared": "已打开分享链接中的文档。",
    "status.share.copied": "链接已复制到剪贴板。",
    "status.share.ready": "链接已生成，可复制。",
    "status.savefail": "无法保存到本机（存储已满或被禁用）：请用「分享链接」或复制文档保存。",
    "status.saved": "已重新保存到本机。",
    "status.update": "新版本已就绪，刷新页面即可使用。",
    "share.label": "分享链接",
    "share.copy": "复制",
    "share.close": "关闭",
    "share.note": "文档在链接的 # 之后，不会发送到任何服务器。",
  },
  en: {
    "title": "scanpage — WeChat scan product page checker",
    "tagline": "WeChat scan product page · check & preview",
    "skip": "Skip to the editor",
    "toolbar": "Document actions",
    "samples": "Samples",
    "samples.pick": "Load a sample…",
    "sample.doc": "API doc sample (verbatim, with its faults)",
    "sample.doc-fixed": "API doc sample (parseable)",
    "sample.real": "Real product: 稚优泉",
    "sample.sdk": "SDK test product",
    "sample.full": "Full-featured product",
    "sample.ean8": "Minimal EAN-8 product",
    "sample.empty": "Empty template",
    "format": "Format",
    "format.title": "Re-indent (Shift+Alt+F); numbers and strings stay as written",
    "repair": "Repair",
    "repair.title": "Fix trailing commas, comments, full-width punctuation, single quotes and other usual slips",
    "share": "Share link",
    "share.title": "Put the document, compressed, in a link (after the #, never sent to a server)",
    "lang": "Language",
    "editor": "Product JSON (scan/product/create)",
    "editor.label": "Product JSON editor",
    "issues": "Issues",
    "issues.none": "No issues.",
    "issues.more": "…and {n} more",
    "issues.loading": "Loading the checker…",
    "sev.error": "Error",
    "sev.warning": "Warning",
    "sev.info": "Info",
    "count.error": { one: "{n} error", other: "{n} errors" },
    "count.warning": { one: "{n} warning", other: "{n} warnings" },
    "count.info": { one: "{n} note", other: "{n} notes" },
    "merchant.tag": "merchant",
    "fix.to": "Change to “{text}”",
    "fix.delete": "Delete “{text}”",
    "fix.insert": "Insert “{text}”",
    "completion.required": "required",
    "fix.none": "This fix cannot be placed any more; please edit by hand.",
    "fix.gone": "The document has changed and this issue is gone; nothing was changed.",
    "preview": "Preview",
    "preview.page": "Page",
    "preview.layout": "Layout",
    "page.home": "Home",
    "page.detail": "Detail",
    "page.antifake": "Anti-fake",
    "layout.classic": "Classic",
    "layout.concept": "2024 concept",
    "preview.frame": "Product homepage preview",
    "barcode": "Barcode",
    "barcode.none": "keystr holds no barcode to draw.",
    "barcode.qrcode": "keystandard is qrcode: there is no EAN symbol.",
    "barcode.alt": "{kind} barcode {code}",
    "barcode.xdim": "X-dimension",
    "barcode.ppm": "px per module",
    "barcode.svg": "Download SVG",
    "barcode.png": "Download PNG",
    "barcode.dl": "GS1 Digital Link QR",
    "barcode.qrsvg": "Download QR SVG",
    "barcode.dl.alt": "GS1 Digital Link QR code {uri}",
    "merchant": "Merchant context",
    "merchant.hint": "Paste the merchantinfo/get response (old or new shape); the checker then verifies the firm code, category and brand tag. Kept on this device only.",
    "merchant.label": "merchantinfo/get response JSON",
    "merchant.clear": "Clear",
    "status.loading": "Loading the checker…",
    "status.ready": "Checker {version} ready",
    "status.failed": "The checker failed to load: {message}",
    "status.valid": "Valid: the API would accept this document",
    "status.invalid": { one: "Invalid: {n} error", other: "Invalid: {n} errors" },
    "status.format.bad": "The document is not JSON yet, so it cannot be formatted: press Repair or fix the errors first.",
    "status.format.deep": "The document nests deeper than 64 levels (the checker refuses it too), so it is not formatted.",
    "status.format.done": "Formatted.",
    "status.repair.none": "No syntax slips to repair.",
    "status.repair.done": { one: "Repaired {n} place (Ctrl+Z undoes).", other: "Repaired {n} places (Ctrl+Z undoes)." },
    "status.repair.left": { one: "Repaired {n} place; some syntax errors need a hand.", other: "Repaired {n} places; some syntax errors need a hand." },
    "status.sample": "Loaded “{name}” (Ctrl+Z undoes).",
    "status.shared": "Opened the document from the shared link.",
    "status.share.copied": "Link copied to the clipboard.",
    "status.share.ready": "The link is ready to copy.",
    "status.savefail": "Could not save on this device (storage full or off): keep the document with Share link or a copy.",
    "status.saved": "Saved on this device again.",
    "status.update": "A new version is ready: reload the page to use it.",
    "share.label": "Share link",
    "share.copy": "Copy",
    "share.close": "Close",
    "share.note": "The document is after the # of the link and is never sent to a server.",
  },
};

/** @type {Lang} */
let lang = "zh";

/** The language the browser prefers, as far as we speak it. */
export function browserLang() {
  const prefs = navigator.languages?.length ? navigator.languages : [navigator.language || "en"];
  for (const p of prefs) {
    if (/^zh\b/i.test(p)) return "zh";
    if (/^en\b/i.test(p)) return "en";
  }
  return "en";
}

export function getLang() {
  return lang;
}

/** @param {Lang} l */
export function setLang(l) {
  lang = l === "en" ? "en" : "zh";
}

/** @type {Record<Lang, Intl.PluralRules>} */
const plurals = { zh: new Intl.PluralRules("zh"), en: new Intl.PluralRules("en") };

/**
 * A UI string with {name} placeholders filled. A string with plural forms
 * ({one, other}, CLDR categories) takes the form of vars.n: "1 error",
 * "0 errors" (Chinese has one form).
 * @param {string} key
 * @param {Record<string, string | number>} [vars]
 */
export function t(key, vars) {
  /** @type {any} */
  let s = strings[lang][key] ?? strings.en[key] ?? key;
  if (typeof s === "object") s = s[plurals[lang].select(Number(vars?.n))] ?? s.other;
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
  return s;
}

/**
 * Fills the document's marked elements: data-i18n (text) and
 * data-i18n-<attr> (attributes: title, aria-label, placeholder…).
 * @param {ParentNode} root
 */
export function translate(root = document) {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.title = t("title");
  for (const el of root.querySelectorAll("*")) {
    if (!(el instanceof HTMLElement)) continue;
    for (const [name, key] of Object.entries(el.dataset)) {
      if (name === "i18n") el.textContent = t(key);
      else if (name.startsWith("i18n")) {
        const attr = name.slice(4).replace(/[A-Z]/g, (c) => "-" + c.toLowerCase()).replace(/^-/, "");
        el.setAttribute(attr, t(key));
      }
    }
  }
}

/**
 * Adds strings (a module's own, kept beside it); existing keys stay.
 * @param {{ zh: Record<string, string>, en: Record<string, string> }} more
 */
export function addStrings(more) {
  for (const l of /** @type {Lang[]} */ (["zh", "en"])) {
    for (const [k, v] of Object.entries(more[l])) strings[l][k] ??= v;
  }
}
