// form.js: the Form view, a second view of the one document. It is
// generated from the field metadata Go gives (sp.form): no field is written
// here. It shows the document's value as Go reads it (sp.formValue), and
// every change it makes is one text edit Go computes (sp.formEdit), applied
// to the editor by the page as one undoable transaction. JavaScript never
// reads or writes JSON text here.

import { mark } from "./timing.js";

/** @typedef {import("scanpage").Scanpage} Scanpage */
/** @typedef {import("scanpage").Field} Field */
/** @typedef {import("scanpage").Issue} Issue */
/** @typedef {import("scanpage").Edit} Edit */

const words = {
  zh: {
    add: "添加", remove: "删除", up: "上移", down: "下移", none: "（未填）", fix: "修复",
    addAction: "添加服务栏", refused: "不能添加", issues: "{n} 个问题，见问题列表", noIssues: "没有问题",
    fatal: "第 {line} 行有无法跳过的语法错误：表单只显示已读到的内容，暂不能修改。请先在 JSON 中修正这一行。",
    item: "第 {n} 项", required: "必填", imageFail: "图片未能加载；", complete: "补全校验位",
  },
  en: {
    add: "Add", remove: "Remove", up: "Move up", down: "Move down", none: "(not set)", fix: "Fix",
    addAction: "Add action", refused: "Cannot add", issues: "{n} issues, see the issues list", noIssues: "No issues",
    fatal: "Line {line} has a syntax error that cannot be stepped over: the form shows what was read, read-only. Fix that line in the JSON first.",
    item: "item {n}", required: "required", imageFail: "The image did not load; ", complete: "Complete the check digit",
  },
};

/**
 * @param {{
 *   root: HTMLElement,
 *   getSP: () => Scanpage | null,
 *   getLang: () => "zh" | "en",
 *   getText: () => string,
 *   apply: (edit: Edit) => void,
 *   onFix: (is: Issue) => void,
 *   onStatus?: (message: string) => void,
 * }} o
 */
export function formPanel({ root, getSP, getLang, getText, apply, onFix, onStatus = () => {} }) {
  /** @type {{ lang: string, byKey: Map<string, Field>, kids: Map<string, Field[]>, wide: [number, number][] } | null} */
  let meta = null;
  /** @type {Issue[]} */
  let issues = [];
  let dirty = true;
  /** The text the form shows; a check may come later than a tab switch. */
  let drawn = "";

  const w = (/** @type {string} */ k, /** @type {Record<string, any>} */ v = {}) =>
    words[getLang()][k].replace(/\{(\w+)\}/g, (_, n) => String(v[n]));

  function loadMeta(/** @type {Scanpage} */ sp) {
    const lang = getLang();
    if (meta?.lang === lang) return meta;
    const f = sp.form({ lang });
    const byKey = new Map();
    const kids = new Map();
    for (const fd of f.fields) {
      byKey.set(fd.path + "|" + (fd.action ?? ""), fd);
      if (fd.path === "") continue;
      const parent = fd.path.slice(0, fd.path.lastIndexOf("/"));
      const k = parent + "|" + (fd.action ?? "");
      if (!kids.has(k)) kids.set(k, []);
      kids.get(k)?.push(fd);
    }
    meta = { lang, byKey, kids, wide: f.wide };
    return meta;
  }

  /** The display width of s, by the validator's rule (Go's table). */
  function width(/** @type {string} */ s) {
    let halves = 0;
    for (const ch of s) {
      const c = /** @type {number} */ (ch.codePointAt(0));
      halves += meta?.wide.some(([a, b]) => c >= a && c <= b) ? 2 : 1;
    }
    return halves / 2;
  }

  /**
   * Asks Go for the edit of one form change and applies it.
   * @param {import("scanpage").FormOp} op
   */
  function change(op) {
    const sp = getSP();
    if (!sp) return;
    const r = sp.formEdit(getText(), { ...op, lang: getLang() });
    if (!("edit" in r)) return onStatus(r.error.message);
    applying = true;
    try {
      apply(r.edit);
    } finally {
      applying = false;
    }
  }
  /** A form edit is being applied: the check it starts must not redraw the form at once. */
  let applying = false;

  /**
   * The value an input's text stands for, by the field's type.
   * @param {Field} f
   * @param {string} s
   */
  function typed(f, s) {
    if ((f.type === "integer" && /^-?\d+$/.test(s)) || (f.type === "number" && s.trim() !== "" && Number.isFinite(Number(s)))) return Number(s);
    return s;
  }

  /** The item a new array element starts as: required members empty. */
  function template(/** @type {Field} */ item, /** @type {string} */ scope) {
    if (item.type === "object") {
      /** @type {Record<string, unknown>} */
      const o = {};
      for (const k of children(item.path, scope)) if (k.required) o[k.path.slice(k.path.lastIndexOf("/") + 1)] = template(k, scope);
      return o;
    }
    if (item.type === "array") return [];
    if (item.enum?.length) return item.enum[0].value;
    return item.type === "integer" || item.type === "number" ? 0 : "";
  }

  /** The fields under path, for an action of type scope. */
  function children(/** @type {string} */ path, /** @type {string} */ scope) {
    const m = /** @type {NonNullable<typeof meta>} */ (meta);
    const out = [...(m.kids.get(path + "|") ?? [])];
    if (scope) out.push(...(m.kids.get(path + "|" + scope) ?? []));
    return out;
  }

  /** The element for issues found at pointer p. */
  function issueList(/** @type {string} */ p) {
    const mine = issues.filter((is) => is.path === p && (is.source ?? "document") === "document");
    if (!mine.length) return null;
    const ul = el("ul", "form-issues");
    for (const is of mine) {
      const li = el("li", "sev-" + is.severity, is.message);
      if (is.fix?.edit) {
        const b = button(w("fix"), () => onFix(is));
        b.dataset.key = p + "|fix|" + is.code;
        li.append(" ", b);
      }
      ul.append(li);
    }
    return ul;
  }

  /**
   * Renders the value v of the field pattern f at pointer p.
   * @param {Field} f
   * @param {unknown} v
   * @param {string} p
   * @param {string} scope the action type the field is in ("" outside actions)
   * @param {any} [parent] the value of the object that holds it
   * @returns {HTMLElement}
   */
  function render(f, v, p, scope, parent = {}) {
    if (f.type === "object") return renderObject(f, v, p, scope);
    if (f.type === "array") return renderArray(f, v, p, scope);
    return renderScalar(f, v, p, parent);
  }

  function legend(/** @type {Field} */ f, /** @type {string} */ extra = "") {
    const lg = el("legend", "", f.label + extra);
    if (f.required) lg.append(el("span", "req", " *", { title: w("required") }));
    return lg;
  }

  function renderObject(/** @type {Field} */ f, /** @type {any} */ v, /** @type {string} */ p, /** @type {string} */ scope) {
    const obj = v && typeof v === "object" && !Array.isArray(v) ? v : {};
    const isAction = /\/action_list\/\*$/.test(f.path);
    if (isAction) scope = typeof obj.type === "string" ? obj.type : "";
    const fs = el("fieldset", "form-obj");
    fs.dataset.path = p;
    if (f.path !== "") {
      fs.append(legend(f));
      if (f.help) fs.append(el("p", "help", f.help));
    }
    const list = issueList(p);
    if (list) fs.append(list);
    for (const k of children(f.path, scope)) {
      const key = k.path.slice(k.path.lastIndexOf("/") + 1);
      fs.append(render(k, obj[key.replace(/~1/g, "/").replace(/~0/g, "~")], p + "/" + key, scope, obj));
    }
    return fs;
  }

  function renderArray(/** @type {Field} */ f, /** @type {any} */ v, /** @type {string} */ p, /** @type {string} */ scope) {
    const items = Array.isArray(v) ? v : [];
    const m = /** @type {NonNullable<typeof meta>} */ (meta);
    const item = m.byKey.get(f.path + "/*|" + (f.action ?? ""));
    const fs = el("fieldset", "form-arr");
    fs.dataset.path = p;
    fs.append(legend(f));
    if (f.help) fs.append(el("p", "help", f.help));
    const list = issueList(p);
    if (list) fs.append(list);
    if (!item) return fs;
    const ol = el("ol", "form-items");
    items.forEach((it, i) => {
      const li = el("li", "form-item");
      const ip = p + "/" + i;
      const body = render(item, it, ip, scope);
      const label = item.type === "object" && /\/action_list\/\*$/.test(item.path)
        ? actionLabel(it, i) : `${item.label} ${w("item", { n: i + 1 })}`;
      const bar = el("div", "item-bar");
      bar.append(el("span", "item-name", label));
      const up = button("↑", () => change({ op: "move", path: p, index: i, to: i - 1 }), `${w("up")}: ${label}`);
      up.disabled = i === 0;
      up.dataset.key = ip + "|up";
      const down = button("↓", () => change({ op: "move", path: p, index: i, to: i + 1 }), `${w("down")}: ${label}`);
      down.disabled = i === items.length - 1;
      down.dataset.key = ip + "|down";
      const rm = button("✕", () => change({ op: "remove", path: ip }), `${w("remove")}: ${label}`);
      rm.dataset.key = ip + "|remove";
      bar.append(up, down, rm);
      li.append(bar, body);
      ol.append(li);
    });
    fs.append(ol);
    if (/\/action_list$/.test(f.path)) fs.append(actionAdder(p));
    else if (!f.maxItems || items.length < f.maxItems) {
      const add = button(`${w("add")}: ${item.label}`, () => change({ op: "insert", path: p, index: -1, value: template(item, scope) }));
      add.dataset.key = p + "|add";
      fs.append(add);
    }
    return fs;
  }

  /**
   * The live hint of a code field: what Go finds in the code being typed
   * (sp.checkCode), and for 12 or 7 digits the check digit Go computes,
   * with a button that completes the code with it.
   * @param {HTMLInputElement} inp
   * @param {string} p
   * @param {unknown} standard the sibling keystandard
   */
  function codeHint(inp, p, standard) {
    const h = el("div", "code-hint", "", { id: inp.id + "-c", "aria-live": "polite" });
    const show = () => {
      const sp = getSP();
      const code = inp.value;
      if (!sp || code === "") return h.replaceChildren();
      const std = typeof standard === "string" && ["ean13", "ean8", "qrcode"].includes(standard) ? standard : "";
      const found = sp.checkCode(code, { standard: /** @type {any} */ (std), lang: getLang() });
      const missing = found.find((is) => is.code === "keystr.missing_check_digit" && is.fix && "text" in is.fix);
      if (missing) {
        const full = /** @type {{ text: string }} */ (missing.fix).text;
        const b = button(w("complete"), () => {
          inp.value = full; // what the form redraws with: never the digits without it
          change({ op: "set", path: p, value: full });
        });
        b.dataset.key = p + "|complete";
        // A click keeps the focus in the field: its change event would
        // commit the code without the digit first, and redraw the form
        // under the click.
        b.addEventListener("mousedown", (e) => e.preventDefault());
        return h.replaceChildren(el("span", "", missing.message), " ", b);
      }
      if (code !== inp.dataset.orig && found.length) return h.replaceChildren(el("span", "sev-" + found[0].severity, found[0].message));
      h.replaceChildren();
    };
    show();
    inp.addEventListener("input", show);
    return h;
  }

  /** An action's card title: its type's label and position. */
  function actionLabel(/** @type {any} */ it, /** @type {number} */ i) {
    const m = /** @type {NonNullable<typeof meta>} */ (meta);
    const tf = m.byKey.get("/brand_info/action_info/action_list/*/type|");
    const c = tf?.enum?.find((e) => e.value === it?.type);
    return `${i + 1}. ${c ? c.label : String(it?.type ?? "?")}`;
  }

  /** The add-an-action control: the kinds the rules still allow, and why the others are refused. */
  function actionAdder(/** @type {string} */ p) {
    const sp = /** @type {Scanpage} */ (getSP());
    const choices = sp.actionChoices(getText(), { lang: getLang() });
    const box = el("div", "action-add");
    const id = "form-add-action";
    const lab = el("label", "", w("addAction"), { for: id });
    const sel = /** @type {HTMLSelectElement} */ (el("select", "", "", { id }));
    sel.dataset.key = p + "|kind";
    for (const c of choices) {
      const o = /** @type {HTMLOptionElement} */ (el("option", "", c.label, { value: c.kind }));
      if (!c.allowed) {
        o.disabled = true;
        o.textContent = `${c.label} — ${w("refused")}`;
      }
      sel.append(o);
    }
    const first = choices.find((c) => c.allowed);
    if (first) sel.value = first.kind;
    const add = button(w("add"), () => {
      const c = choices.find((x) => x.kind === sel.value && x.allowed);
      if (c) change({ op: "insert", path: p, index: -1, value: c.item });
    });
    add.dataset.key = p + "|add";
    add.disabled = !first;
    box.append(lab, sel, add);
    const why = choices.filter((c) => !c.allowed);
    if (why.length) {
      const ul = el("ul", "refusals");
      for (const c of why) {
        const li = el("li", "", `${c.label}: ${c.reason}`);
        li.dataset.kind = c.kind;
        ul.append(li);
      }
      box.append(ul);
    }
    return box;
  }

  let seq = 0;
  function renderScalar(/** @type {Field} */ f, /** @type {unknown} */ v, /** @type {string} */ p, /** @type {any} */ parent) {
    const row = el("div", "form-field");
    row.dataset.path = p;
    const id = "ff-" + ++seq;
    const lab = el("label", "", f.label, { for: id });
    if (f.required) lab.append(el("span", "req", " *", { title: w("required") }));
    row.append(lab);
    const present = v !== undefined;
    const text = v === undefined || v === null ? "" : String(v);
    /** @type {HTMLInputElement | HTMLSelectElement} */
    let input;
    if (yesNo(f)) {
      // A yes/no the schema spells as an enum ("true"/"false"): a real checkbox.
      const box = /** @type {HTMLInputElement} */ (el("input", "", "", { id, type: "checkbox" }));
      const yes = f.enum?.find((c) => String(c.value) === "true");
      const no = f.enum?.find((c) => String(c.value) === "false");
      box.checked = present && text === "true";
      // Another value (a slip the rules report): neither yes nor no.
      box.indeterminate = present && text !== "true" && text !== "false";
      box.addEventListener("change", () => change({ op: "set", path: p, value: (box.checked ? yes : no)?.value }));
      input = box;
      row.classList.add("form-check");
    } else if (f.enum?.length) {
      const sel = /** @type {HTMLSelectElement} */ (el("select", "", "", { id }));
      sel.append(el("option", "", w("none"), { value: "" }));
      let found = false;
      f.enum.forEach((c, i) => {
        const o = el("option", "", c.label, { value: String(i) });
        if (present && String(c.value) === text) {
          o.setAttribute("selected", "");
          found = true;
        }
        sel.append(o);
      });
      if (present && !found) sel.append(el("option", "", text, { value: "raw", selected: "" }));
      sel.addEventListener("change", () => {
        if (sel.value === "") change({ op: "remove", path: p });
        else if (sel.value !== "raw") change({ op: "set", path: p, value: f.enum?.[Number(sel.value)].value });
      });
      input = sel;
    } else {
      const inp = /** @type {HTMLInputElement} */ (el("input", "", "", { id, type: f.format === "url" ? "url" : "text", value: text }));
      inp.dataset.orig = text;
      inp.spellcheck = false;
      inp.autocomplete = "off";
      inp.addEventListener("change", () => {
        if (inp.value === "" && !f.required && present) change({ op: "remove", path: p });
        else change({ op: "set", path: p, value: typed(f, inp.value) });
      });
      input = inp;
    }
    input.dataset.key = p;
    if (f.required) input.setAttribute("aria-required", "true");
    const described = [];
    row.append(input);
    if (f.width) {
      const c = el("span", "count", "", { id: id + "-w" });
      const show = () => {
        const n = width(/** @type {HTMLInputElement} */ (input).value ?? "");
        c.textContent = `${n} / ${f.width}`;
        c.classList.toggle("over", n > (f.width ?? 0));
      };
      show();
      input.addEventListener("input", show);
      row.append(c);
      described.push(c.id);
    }
    if (f.format === "code" && input instanceof HTMLInputElement) {
      const h = codeHint(input, p, parent?.keystandard);
      row.append(h);
      described.push(h.id);
    }
    if (f.help || f.image) {
      // The schema's help usually states the advised size already.
      const h = el("p", "help", f.help || f.image?.advice || "", { id: id + "-h" });
      row.append(h);
      described.push(h.id);
    }
    if (f.image && /^https?:\/\//.test(text)) {
      const img = /** @type {HTMLImageElement} */ (el("img", "thumb", "", { alt: "", src: text, referrerpolicy: "no-referrer" }));
      img.addEventListener("error", () => img.replaceWith(el("p", "help", w("imageFail") + (f.image?.advice ?? ""))));
      row.append(img);
    }
    const list = issueList(p);
    if (list) {
      list.id = id + "-i";
      described.push(list.id);
      row.append(list);
      input.setAttribute("aria-invalid", String(list.querySelector(".sev-error") !== null));
    }
    if (described.length) input.setAttribute("aria-describedby", described.join(" "));
    return row;
  }

  /**
   * Shows the document: rebuilt from its value, the focus kept on the same
   * control (by its pointer).
   * @param {import("scanpage").Report | null} report
   */
  function update(report) {
    issues = report?.issues ?? issues;
    if (root.hidden) {
      dirty = true;
      return;
    }
    // The change came from the form, in the middle of an event (a Tab that
    // commits a field and moves on: while its change event runs, the focus
    // is on no control at all, and the control Tab is heading for must not
    // be replaced under it). The form is rebuilt once that event is over,
    // so that the focus has landed where the user sent it, and is kept there.
    if (applying || root.contains(document.activeElement)) {
      clearTimeout(later);
      later = setTimeout(draw, 0);
      return;
    }
    draw();
  }

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let later;

  function draw() {
    dirty = false;
    const sp = getSP();
    if (!sp) return;
    const m = loadMeta(sp);
    drawn = getText();
    const { value, fatal } = sp.formValue(drawn);
    const active = /** @type {HTMLElement | null} */ (root.contains(document.activeElement) ? document.activeElement : null);
    const key = active?.dataset.key;
    // Where the focus goes when its control is gone from the new form (a
    // fix button the edit made needless): the next control that is still there.
    const after = key === undefined ? [] : [...root.querySelectorAll("[data-key]")].map((e) => /** @type {HTMLElement} */ (e).dataset.key);
    // A checkbox has no selection (its selectionStart is null).
    const sel = active instanceof HTMLInputElement && active.selectionStart !== null ? [active.selectionStart, active.selectionEnd] : null;
    seq = 0;
    const top = /** @type {Field} */ (m.byKey.get("|"));
    const body = render(top, value, "", "");
    const head = el("div", "form-head");
    if (fatal) {
      const bad = issues.find((is) => is.code.startsWith("syntax.") && is.severity === "error");
      head.append(el("p", "fatal", w("fatal", { line: bad?.line ?? "?" }), { role: "alert" }));
      /** @type {HTMLFieldSetElement} */ (body).disabled = true;
    }
    const n = issues.filter((is) => (is.source ?? "document") === "document").length;
    const link = el("a", "summary", n ? w("issues", { n }) : w("noIssues"), { href: "#issues-h" });
    head.append(link);
    root.replaceChildren(head, body);
    if (key) {
      const again = /** @type {HTMLElement | null} */ (root.querySelector(`[data-key="${CSS.escape(key)}"]`));
      if (again && !(/** @type {HTMLButtonElement} */ (again).disabled)) {
        again.focus();
        // What the user typed there and has not committed yet stays.
        if (active instanceof HTMLInputElement && again instanceof HTMLInputElement && active.value !== active.dataset.orig) again.value = active.value;
        if (sel && again instanceof HTMLInputElement) again.setSelectionRange(sel[0], sel[1]);
      } else {
        for (const k of after.slice(after.indexOf(key) + 1)) {
          const next = /** @type {HTMLButtonElement | null} */ (root.querySelector(`[data-key="${CSS.escape(/** @type {string} */ (k))}"]`));
          if (next && !next.disabled) {
            next.focus();
            break;
          }
        }
      }
    }
    mark("sp:form");
  }

  return {
    update,
    /** Shows the panel's latest state when it becomes visible. */
    shown() {
      if (dirty || getText() !== drawn) update(null);
    },
    /** The language changed: labels come again from Go. */
    relabel() {
      meta = null;
      update(null);
    },
  };
}

/** A field whose only values are yes and no ("true"/"false", as strings or booleans). */
function yesNo(/** @type {Field} */ f) {
  const vals = new Set(f.enum?.map((c) => String(c.value)));
  return vals.size === 2 && vals.has("true") && vals.has("false");
}

/**
 * @param {string} tag
 * @param {string} cls
 * @param {string} [text]
 * @param {Record<string, string>} [attrs]
 */
function el(tag, cls, text = "", attrs = {}) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "value") /** @type {HTMLInputElement} */ (e).value = v;
    else e.setAttribute(k, v);
  }
  return e;
}

/**
 * @param {string} text
 * @param {() => void} onClick
 * @param {string} [label] the accessible name, when the text is a symbol
 */
function button(text, onClick, label) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  if (label) b.setAttribute("aria-label", label);
  b.addEventListener("click", onClick);
  return b;
}
