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
    hole: "第 {line} 行有一个键还没有值：表单只显示已读到的内容，暂不能修改。请先在 JSON 中写上它的值，或删除这个键。",
    item: "第 {n} 项", required: "必填", imageFail: "图片未能加载；", complete: "补全校验位",
  },
  en: {
    add: "Add", remove: "Remove", up: "Move up", down: "Move down", none: "(not set)", fix: "Fix",
    addAction: "Add action", refused: "Cannot add", issues: "{n} issues, see the issues list", noIssues: "No issues",
    fatal: "Line {line} has a syntax error that cannot be stepped over: the form shows what was read, read-only. Fix that line in the JSON first.",
    hole: "Line {line} has a key with no value yet: the form shows what was read, read-only. Write its value, or remove the key, in the JSON first.",
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

  /**
   * The issues found at pointer p, as a list placed by place: rebuilt only
   * when they read differently, and its fix buttons fix the latest report's
   * issue (its edit's offsets follow the text).
   * @param {string} p
   * @param {(ul: HTMLElement) => void} place puts a new list where it belongs
   */
  function issueSlot(p, place) {
    /** @type {HTMLElement | null} */
    let ul = null;
    let sig = "";
    /** @type {Issue[]} */
    let mine = [];
    return {
      get el() {
        return ul;
      },
      update() {
        mine = issues.filter((is) => is.path === p && (is.source ?? "document") === "document");
        const s = mine.map((is) => `${is.severity}\u0000${is.code}\u0000${is.message}\u0000${is.fix?.edit ? 1 : 0}`).join("\u0001");
        if (s === sig) return;
        sig = s;
        /** @type {HTMLElement | null} */
        let next = null;
        if (mine.length) {
          next = el("ul", "form-issues");
          mine.forEach((is, k) => {
            const li = el("li", "sev-" + is.severity, is.message);
            if (is.fix?.edit) {
              const b = button(w("fix"), () => onFix(mine[k]));
              b.dataset.key = p + "|fix|" + is.code;
              li.append(" ", b);
            }
            /** @type {HTMLElement} */ (next).append(li);
          });
        }
        if (ul && next) ul.replaceWith(next);
        else if (ul) ul.remove();
        else if (next) place(next);
        ul = next;
      },
    };
  }

  /**
   * A part of the form: its element, and update(v, parent), which shows a
   * new value in place and answers false when the part's structure no
   * longer fits the value (an action whose type changed): its parent then
   * builds it anew.
   * @typedef {{ el: HTMLElement, update: (v: unknown, parent?: any) => boolean }} Part
   */

  /**
   * Renders the value v of the field pattern f at pointer p.
   * @param {Field} f
   * @param {unknown} v
   * @param {string} p
   * @param {string} scope the action type the field is in ("" outside actions)
   * @param {any} [parent] the value of the object that holds it
   * @returns {Part}
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

  /** The fieldset of an object or array: legend, help, then its issues. */
  function group(/** @type {Field} */ f, /** @type {string} */ p, /** @type {string} */ cls) {
    const fs = el("fieldset", cls);
    fs.dataset.path = p;
    /** @type {HTMLElement | null} */
    let anchor = null;
    if (f.path !== "") {
      fs.append((anchor = legend(f)));
      if (f.help) fs.append((anchor = el("p", "help", f.help)));
    }
    const at = anchor;
    const slot = issueSlot(p, (ul) => (at ? at.after(ul) : fs.prepend(ul)));
    return { fs, slot };
  }

  const objectOf = (/** @type {unknown} */ v) => /** @type {any} */ (v && typeof v === "object" && !Array.isArray(v) ? v : {});

  /** @returns {Part} */
  function renderObject(/** @type {Field} */ f, /** @type {unknown} */ v, /** @type {string} */ p, /** @type {string} */ scope) {
    const isAction = /\/action_list\/\*$/.test(f.path);
    const scopeOf = (/** @type {any} */ obj) => (isAction ? (typeof obj.type === "string" ? obj.type : "") : scope);
    const mine = scopeOf(objectOf(v));
    const { fs, slot } = group(f, p, "form-obj");
    const kids = children(f.path, mine).map((k) => {
      const key = k.path.slice(k.path.lastIndexOf("/") + 1);
      return { k, name: key.replace(/~1/g, "/").replace(/~0/g, "~"), p: p + "/" + key, /** @type {Part | null} */ part: null };
    });
    /** @param {unknown} v */
    function update(v) {
      const obj = objectOf(v);
      // An action of another type has other fields: built anew.
      if (scopeOf(obj) !== mine) return false;
      slot.update();
      for (const c of kids) {
        const cv = obj[c.name];
        if (c.part?.update(cv, obj)) continue;
        const np = render(c.k, cv, c.p, mine, obj);
        if (c.part) c.part.el.replaceWith(np.el);
        else fs.append(np.el);
        c.part = np;
      }
      return true;
    }
    update(v);
    return { el: fs, update };
  }

  /** @returns {Part} */
  function renderArray(/** @type {Field} */ f, /** @type {unknown} */ v, /** @type {string} */ p, /** @type {string} */ scope) {
    const m = /** @type {NonNullable<typeof meta>} */ (meta);
    const item = m.byKey.get(f.path + "/*|" + (f.action ?? ""));
    const { fs, slot } = group(f, p, "form-arr");
    if (!item) {
      slot.update();
      return { el: fs, update: () => (slot.update(), true) };
    }
    const actions = /\/action_list\/\*$/.test(item.path) && item.type === "object";
    const ol = el("ol", "form-items");
    fs.append(ol);
    /** @type {{ li: HTMLElement, name: HTMLElement, up: HTMLButtonElement, down: HTMLButtonElement, rm: HTMLButtonElement, ip: string, body: Part | null }[]} */
    const rows = [];
    // The add control: the action kinds for the action list, else a button
    // present while the list may grow.
    const adder = /\/action_list$/.test(f.path) ? actionAdder(p) : null;
    if (adder) fs.append(adder.el);
    const add = adder ? null : button(`${w("add")}: ${item.label}`, () => change({ op: "insert", path: p, index: -1, value: template(item, scope) }));
    if (add) add.dataset.key = p + "|add";
    /** The controls of item i (its card's bar); its body comes with its value. */
    function row(/** @type {number} */ i) {
      const li = el("li", "form-item");
      const ip = p + "/" + i;
      const bar = el("div", "item-bar");
      const name = el("span", "item-name");
      const up = button("↑", () => change({ op: "move", path: p, index: i, to: i - 1 }));
      up.dataset.key = ip + "|up";
      const down = button("↓", () => change({ op: "move", path: p, index: i, to: i + 1 }));
      down.dataset.key = ip + "|down";
      const rm = button("✕", () => change({ op: "remove", path: ip }));
      rm.dataset.key = ip + "|remove";
      bar.append(name, up, down, rm);
      li.append(bar);
      return { li, name, up, down, rm, ip, body: null };
    }
    /** @param {unknown} v */
    function update(v) {
      const items = Array.isArray(v) ? v : [];
      slot.update();
      // Items are kept by position: item i shows the value now at i.
      while (rows.length > items.length) /** @type {(typeof rows)[number]} */ (rows.pop()).li.remove();
      items.forEach((it, i) => {
        let r = rows[i];
        if (!r) {
          rows.push((r = row(i)));
          ol.append(r.li);
        }
        if (!r.body?.update(it, {})) {
          const b = render(item, it, r.ip, scope);
          if (r.body) r.body.el.replaceWith(b.el);
          else r.li.append(b.el);
          r.body = b;
        }
        const label = actions ? actionLabel(it, i) : `${item.label} ${w("item", { n: i + 1 })}`;
        if (r.name.textContent !== label) {
          r.name.textContent = label;
          r.up.setAttribute("aria-label", `${w("up")}: ${label}`);
          r.down.setAttribute("aria-label", `${w("down")}: ${label}`);
          r.rm.setAttribute("aria-label", `${w("remove")}: ${label}`);
        }
        r.up.disabled = i === 0;
        r.down.disabled = i === items.length - 1;
      });
      if (adder) adder.update(Array.isArray(v) ? v : [v]);
      else if (add) {
        if (f.maxItems && items.length >= f.maxItems) add.remove();
        else if (!add.isConnected) ol.after(add);
      }
      return true;
    }
    update(v);
    return { el: fs, update };
  }

  /**
   * The live hint of a code field: what Go finds in the code being typed
   * (sp.checkCode), and for 12 or 7 digits the check digit Go computes,
   * with a button that completes the code with it. Go is asked again only
   * when the code, its standard or the language changed.
   * @param {HTMLInputElement} inp
   * @param {string} p
   * @param {{ standard: unknown }} at the sibling keystandard, kept current by the field
   */
  function codeHint(inp, p, at) {
    const h = el("div", "code-hint", "", { id: inp.id + "-c", "aria-live": "polite" });
    let asked = "";
    /** @type {Issue[]} */
    let found = [];
    let shown = "";
    const show = () => {
      const sp = getSP();
      const code = inp.value;
      if (!sp || code === "") {
        shown = "";
        return h.replaceChildren();
      }
      const std = typeof at.standard === "string" && ["ean13", "ean8", "qrcode"].includes(at.standard) ? at.standard : "";
      const q = `${code}\u0000${std}\u0000${getLang()}`;
      if (q !== asked) {
        found = sp.checkCode(code, { standard: /** @type {any} */ (std), lang: getLang() });
        asked = q;
      }
      const missing = found.find((is) => is.code === "keystr.missing_check_digit" && is.fix && "text" in is.fix);
      const what = missing ? `c\u0000${missing.message}` : code !== inp.dataset.orig && found.length ? `i\u0000${found[0].severity}\u0000${found[0].message}` : "";
      if (what === shown) return;
      shown = what;
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
      if (what) return h.replaceChildren(el("span", "sev-" + found[0].severity, found[0].message));
      h.replaceChildren();
    };
    inp.addEventListener("input", show);
    return { el: h, show };
  }

  /** An action's card title: its type's label and position. */
  function actionLabel(/** @type {any} */ it, /** @type {number} */ i) {
    const m = /** @type {NonNullable<typeof meta>} */ (meta);
    const tf = m.byKey.get("/brand_info/action_info/action_list/*/type|");
    const c = tf?.enum?.find((e) => e.value === it?.type);
    return `${i + 1}. ${c ? c.label : String(it?.type ?? "?")}`;
  }

  /**
   * The add-an-action control: the kinds the rules still allow, and why the
   * others are refused. Go's answer (sp.actionChoices) depends on the action
   * list alone (schema.ActionChoices reads nothing else of the document), so
   * Go is asked again only when the list, as Go read it, or the language
   * changed: an edit elsewhere costs no call.
   * @param {string} p
   */
  function actionAdder(p) {
    const box = el("div", "action-add");
    const id = "form-add-action";
    const lab = el("label", "", w("addAction"), { for: id });
    const sel = /** @type {HTMLSelectElement} */ (el("select", "", "", { id }));
    sel.dataset.key = p + "|kind";
    /** @type {import("scanpage").ActionChoice[]} */
    let choices = [];
    const add = button(w("add"), () => {
      const c = choices.find((x) => x.kind === sel.value && x.allowed);
      if (c) change({ op: "insert", path: p, index: -1, value: c.item });
    });
    add.dataset.key = p + "|add";
    box.append(lab, sel, add);
    /** @type {HTMLElement | null} */
    let refusals = null;
    let said = "";
    let asked = "";
    /** @param {unknown[]} items the action list's value */
    function update(items) {
      const q = getLang() + JSON.stringify(items);
      if (q === asked) return;
      asked = q;
      const sp = /** @type {Scanpage} */ (getSP());
      choices = sp.actionChoices(drawn, { lang: getLang() });
      if (sel.options.length !== choices.length || choices.some((c, i) => sel.options[i].value !== c.kind)) {
        sel.replaceChildren(...choices.map((c) => el("option", "", "", { value: c.kind })));
      }
      choices.forEach((c, i) => {
        const o = sel.options[i];
        const label = c.allowed ? c.label : `${c.label} — ${w("refused")}`;
        if (o.textContent !== label) o.textContent = label;
        o.disabled = !c.allowed;
      });
      const first = choices.find((c) => c.allowed);
      // The kind chosen stays while it may still be added.
      if (!choices.some((c) => c.kind === sel.value && c.allowed) && first) sel.value = first.kind;
      add.disabled = !first;
      const why = choices.filter((c) => !c.allowed);
      const s = why.map((c) => `${c.kind}\u0000${c.label}\u0000${c.reason}`).join("\u0001");
      if (s === said) return;
      said = s;
      /** @type {HTMLElement | null} */
      let ul = null;
      if (why.length) {
        ul = el("ul", "refusals");
        for (const c of why) {
          const li = el("li", "", `${c.label}: ${c.reason}`);
          li.dataset.kind = c.kind;
          ul.append(li);
        }
      }
      if (refusals && ul) refusals.replaceWith(ul);
      else if (refusals) refusals.remove();
      else if (ul) box.append(ul);
      refusals = ul;
    }
    return { el: box, update };
  }

  let seq = 0;
  /** @returns {Part} */
  function renderScalar(/** @type {Field} */ f, /** @type {unknown} */ v, /** @type {string} */ p, /** @type {any} */ parent) {
    const row = el("div", "form-field");
    row.dataset.path = p;
    const id = "ff-" + ++seq;
    const lab = el("label", "", f.label, { for: id });
    if (f.required) lab.append(el("span", "req", " *", { title: w("required") }));
    row.append(lab);
    // The value shown: present in the document, and its text.
    let present = false;
    let text = "";
    /** @type {HTMLInputElement | HTMLSelectElement} */
    let input;
    /** Shows present and text in the control. */
    let set;
    if (yesNo(f)) {
      // A yes/no the schema spells as an enum ("true"/"false"): a real checkbox.
      const box = /** @type {HTMLInputElement} */ (el("input", "", "", { id, type: "checkbox" }));
      const yes = f.enum?.find((c) => String(c.value) === "true");
      const no = f.enum?.find((c) => String(c.value) === "false");
      set = () => {
        box.checked = present && text === "true";
        // Another value (a slip the rules report): neither yes nor no.
        box.indeterminate = present && text !== "true" && text !== "false";
      };
      box.addEventListener("change", () => change({ op: "set", path: p, value: (box.checked ? yes : no)?.value }));
      input = box;
      row.classList.add("form-check");
    } else if (f.enum?.length) {
      const choices = f.enum;
      const sel = /** @type {HTMLSelectElement} */ (el("select", "", "", { id }));
      sel.append(el("option", "", w("none"), { value: "" }));
      choices.forEach((c, i) => sel.append(el("option", "", c.label, { value: String(i) })));
      /** The document's value when none of the choices: shown as it is. */
      /** @type {HTMLOptionElement | null} */
      let raw = null;
      set = () => {
        const i = present ? choices.findIndex((c) => String(c.value) === text) : -1;
        if (present && i < 0) {
          raw ??= /** @type {HTMLOptionElement} */ (sel.appendChild(el("option", "", "", { value: "raw" })));
          if (raw.textContent !== text) raw.textContent = text;
        } else if (raw) {
          raw.remove();
          raw = null;
        }
        const want = !present ? "" : i >= 0 ? String(i) : "raw";
        if (sel.value !== want) sel.value = want;
      };
      sel.addEventListener("change", () => {
        if (sel.value === "") change({ op: "remove", path: p });
        else if (sel.value !== "raw") change({ op: "set", path: p, value: choices[Number(sel.value)].value });
      });
      input = sel;
    } else {
      const inp = /** @type {HTMLInputElement} */ (el("input", "", "", { id, type: f.format === "url" ? "url" : "text" }));
      inp.spellcheck = false;
      inp.autocomplete = "off";
      set = () => {
        // What the user is typing there and has not committed yet stays,
        // and so does the caret.
        const focused = document.activeElement === inp;
        if (!(focused && inp.value !== inp.dataset.orig) && inp.value !== text) {
          const at = focused ? [inp.selectionStart ?? 0, inp.selectionEnd ?? 0] : null;
          inp.value = text;
          if (at) inp.setSelectionRange(Math.min(at[0], text.length), Math.min(at[1], text.length));
        }
        inp.dataset.orig = text;
      };
      inp.addEventListener("change", () => {
        if (inp.value === "" && !f.required && present) change({ op: "remove", path: p });
        else change({ op: "set", path: p, value: typed(f, inp.value) });
      });
      input = inp;
    }
    input.dataset.key = p;
    if (f.required) input.setAttribute("aria-required", "true");
    row.append(input);
    /** @type {string[]} */
    const described = [];
    let count = () => {};
    if (f.width) {
      const c = el("span", "count", "", { id: id + "-w" });
      count = () => {
        const n = width(/** @type {HTMLInputElement} */ (input).value ?? "");
        const s = `${n} / ${f.width}`;
        if (c.textContent !== s) c.textContent = s;
        c.classList.toggle("over", n > (f.width ?? 0));
      };
      input.addEventListener("input", count);
      row.append(c);
      described.push(c.id);
    }
    const code = { standard: /** @type {unknown} */ (undefined) };
    let hint = () => {};
    if (f.format === "code" && input instanceof HTMLInputElement) {
      const h = codeHint(input, p, code);
      hint = h.show;
      row.append(h.el);
      described.push(h.el.id);
    }
    if (f.help || f.image) {
      // The schema's help usually states the advised size already.
      const h = el("p", "help", f.help || f.image?.advice || "", { id: id + "-h" });
      row.append(h);
      described.push(h.id);
    }
    const slot = issueSlot(p, (ul) => row.append(ul));
    // The image's thumbnail (or why it did not load), before the issues.
    /** @type {HTMLElement | null} */
    let thumb = null;
    /** @type {string | null} */
    let thumbOf = null;
    const showThumb = () => {
      const src = f.image && /^https?:\/\//.test(text) ? text : null;
      if (src === thumbOf) return;
      thumbOf = src;
      /** @type {HTMLElement | null} */
      let next = null;
      if (src) {
        const img = /** @type {HTMLImageElement} */ (el("img", "thumb", "", { alt: "", src, referrerpolicy: "no-referrer" }));
        img.addEventListener("error", () => {
          const fail = el("p", "help", w("imageFail") + (f.image?.advice ?? ""));
          img.replaceWith(fail);
          if (thumb === img) thumb = fail;
        });
        next = img;
      }
      if (thumb && next) thumb.replaceWith(next);
      else if (thumb) thumb.remove();
      else if (next) row.insertBefore(next, slot.el);
      thumb = next;
    };
    /**
     * @param {unknown} v
     * @param {any} [parent]
     */
    function update(v, parent) {
      present = v !== undefined;
      text = v === undefined || v === null ? "" : String(v);
      code.standard = parent?.keystandard;
      set();
      count();
      hint();
      showThumb();
      slot.update();
      const list = slot.el;
      const ids = list ? [...described, (list.id = id + "-i")] : described;
      if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
      if (list) input.setAttribute("aria-invalid", String(list.querySelector(".sev-error") !== null));
      else input.removeAttribute("aria-invalid");
      return true;
    }
    update(v, parent);
    return { el: row, update };
  }

  /**
   * Shows the document. The form is updated in place: values, counters and
   * issues change where they are, and only a part whose structure changed
   * (an item added or removed, an action of another type) is built anew,
   * so the control being used keeps its focus, its caret and what is being
   * typed in it.
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
    // be removed under it). The form is updated once that event is over,
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

  /** What is shown: the top part, for the labels of one language. @type {{ m: NonNullable<typeof meta>, part: Part, fatal: HTMLElement, link: HTMLElement } | null} */
  let shown = null;

  function draw() {
    dirty = false;
    const sp = getSP();
    if (!sp) return;
    const m = loadMeta(sp);
    drawn = getText();
    const { value, fatal, stop } = sp.formValue(drawn);
    const active = /** @type {HTMLElement | null} */ (root.contains(document.activeElement) ? document.activeElement : null);
    const key = active?.dataset.key;
    // Where the focus goes when its control is gone from the form (a fix
    // button the edit made needless): the next control that is still there.
    const after = key === undefined ? [] : [...root.querySelectorAll("[data-key]")].map((e) => /** @type {HTMLElement} */ (e).dataset.key);
    // A checkbox has no selection (its selectionStart is null).
    const sel = active instanceof HTMLInputElement && active.selectionStart !== null ? [active.selectionStart, active.selectionEnd] : null;
    const typing = active instanceof HTMLInputElement && active.value !== active.dataset.orig ? active.value : null;
    if (shown?.m !== m) {
      // The first time, and in another language: built whole.
      const top = /** @type {Field} */ (m.byKey.get("|"));
      const part = render(top, value, "", "");
      const head = el("div", "form-head");
      const bad = el("p", "fatal", "", { role: "alert" });
      const link = el("a", "summary", "", { href: "#issues-h" });
      head.append(bad, link);
      root.replaceChildren(head, part.el);
      shown = { m, part, fatal: bad, link };
    } else {
      shown.part.update(value, {});
    }
    shown.fatal.hidden = !fatal;
    const said = fatal ? w(stop?.code === "syntax.missing_value" ? "hole" : "fatal", { line: stop?.line ?? "?" }) : "";
    if (shown.fatal.textContent !== said) shown.fatal.textContent = said;
    /** @type {HTMLFieldSetElement} */ (shown.part.el).disabled = fatal;
    const n = issues.filter((is) => (is.source ?? "document") === "document").length;
    const count = n ? w("issues", { n }) : w("noIssues");
    if (shown.link.textContent !== count) shown.link.textContent = count;
    if (key && active && !(active.isConnected && !(/** @type {HTMLButtonElement} */ (active).disabled))) {
      const again = /** @type {HTMLElement | null} */ (root.querySelector(`[data-key="${CSS.escape(key)}"]`));
      if (again && !(/** @type {HTMLButtonElement} */ (again).disabled)) {
        again.focus();
        if (typing !== null && again instanceof HTMLInputElement) again.value = typing;
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
