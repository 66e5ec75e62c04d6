// catalogue-table.js: the documents of a run as a virtualized table: only
// the rows in view (and a few around) exist in the DOM, absolutely placed
// in a spacer as tall as every row, so 100,000 rows scroll like 100. A row
// opens with a click, Enter or Space; arrow keys move between rows.

const ROW = 30;
const OVERSCAN = 8;

/**
 * @param {{ root: HTMLElement, cell: (id: number, col: string) => string, onOpen: (id: number) => void,
 *   onSort: (col: string) => void, label: (key: string) => string }} o
 */
export function catalogueTable({ root, cell, onOpen, onSort, label }) {
  const cols = ["keystr", "title", "file", "errors", "warnings", "first"];
  const head = document.createElement("div");
  head.className = "cat-row cat-head";
  head.setAttribute("role", "row");
  const scroller = document.createElement("div");
  scroller.className = "cat-scroll";
  scroller.tabIndex = 0;
  const spacer = document.createElement("div");
  spacer.className = "cat-spacer";
  spacer.setAttribute("role", "rowgroup");
  scroller.append(spacer);
  root.setAttribute("role", "table");
  root.replaceChildren(head, scroller);

  /** @type {Uint32Array} */
  let ids = new Uint32Array(0);
  let sort = { col: "", desc: false };
  let focused = -1; // the position in ids of the focused row
  let frame = 0;

  const heads = cols.map((c) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = `cat-c cat-${c}`;
    b.dataset.col = c;
    b.setAttribute("role", "columnheader");
    if (c !== "first") b.addEventListener("click", () => onSort(c));
    else b.disabled = true;
    head.append(b);
    return b;
  });

  const relabel = () => {
    heads.forEach((b, i) => {
      const c = cols[i];
      const arrow = sort.col === c ? (sort.desc ? " ▼" : " ▲") : "";
      b.textContent = label(`col.${c}`) + arrow;
      b.setAttribute("aria-sort", sort.col === c ? (sort.desc ? "descending" : "ascending") : "none");
    });
  };

  const draw = () => {
    frame = 0;
    const top = scroller.scrollTop;
    const h = scroller.clientHeight || 600;
    const from = Math.max(0, Math.floor(top / ROW) - OVERSCAN);
    const to = Math.min(ids.length, Math.ceil((top + h) / ROW) + OVERSCAN);
    const rows = [];
    for (let k = from; k < to; k++) {
      const id = ids[k];
      const r = document.createElement("div");
      r.className = "cat-row";
      r.setAttribute("role", "row");
      r.setAttribute("aria-rowindex", String(k + 2));
      r.dataset.k = String(k);
      r.dataset.id = String(id);
      r.style.transform = `translateY(${k * ROW}px)`;
      r.tabIndex = k === focused ? 0 : -1;
      for (const c of cols) {
        const d = document.createElement("span");
        d.className = `cat-c cat-${c}`;
        d.setAttribute("role", "cell");
        const v = cell(id, c);
        d.textContent = v;
        if ((c === "errors" || c === "warnings") && v !== "0") d.dataset.n = c;
        if (c === "first" || c === "title") d.title = v;
        r.append(d);
      }
      rows.push(r);
    }
    // Redrawn rows are new elements: the focus moves to the new one.
    const hadFocus = spacer.contains(document.activeElement);
    spacer.replaceChildren(...rows);
    if (hadFocus) /** @type {HTMLElement | null} */ (spacer.querySelector(`[data-k="${focused}"]`))?.focus({ preventScroll: true });
  };
  const redraw = () => { if (!frame) frame = requestAnimationFrame(draw); };
  scroller.addEventListener("scroll", () => {
    head.scrollLeft = scroller.scrollLeft;
    redraw();
  }, { passive: true });
  new ResizeObserver(redraw).observe(scroller);

  spacer.addEventListener("click", (e) => {
    const r = /** @type {HTMLElement} */ (e.target).closest(".cat-row");
    if (r instanceof HTMLElement) onOpen(Number(r.dataset.id));
  });
  scroller.addEventListener("keydown", (e) => {
    if (!ids.length) return;
    const r = /** @type {HTMLElement} */ (e.target).closest?.(".cat-row");
    let k = r instanceof HTMLElement ? Number(r.dataset.k) : focused;
    if ((e.key === "Enter" || e.key === " ") && r instanceof HTMLElement) {
      e.preventDefault();
      onOpen(Number(r.dataset.id));
      return;
    }
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[e.key];
    if (e.key === "Home") k = 0;
    else if (e.key === "End") k = ids.length - 1;
    else if (step) k = Math.max(0, Math.min(ids.length - 1, (k < 0 ? -1 : k) + step));
    else return;
    e.preventDefault();
    focusRow(k);
  });
  const focusRow = (/** @type {number} */ k) => {
    focused = k;
    const top = k * ROW;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + ROW > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = top + ROW - scroller.clientHeight;
    draw();
    /** @type {HTMLElement | null} */ (spacer.querySelector(`[data-k="${k}"]`))?.focus();
  };

  relabel();
  return {
    /** Shows these row ids; keepScroll keeps the position (a new filter starts at the top). */
    show(/** @type {Uint32Array} */ next, keepScroll = false) {
      ids = next;
      root.setAttribute("aria-rowcount", String(ids.length + 1));
      spacer.style.height = `${ids.length * ROW}px`;
      if (!keepScroll) scroller.scrollTop = 0;
      focused = Math.min(focused, ids.length - 1);
      draw();
    },
    setSort(/** @type {{ col: string, desc: boolean }} */ s) {
      sort = s;
      relabel();
    },
    relabel,
    get scrollTop() { return scroller.scrollTop; },
    set scrollTop(v) { scroller.scrollTop = v; draw(); },
    /** The focus back on the row of id (after "Back to list"). */
    focusId(/** @type {number} */ id) {
      const k = ids.indexOf(id);
      if (k < 0) return;
      focused = k;
      draw();
      /** @type {HTMLElement | null} */ (spacer.querySelector(`[data-k="${k}"]`))?.focus({ preventScroll: true });
    },
  };
}
