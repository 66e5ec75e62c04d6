// timing.js: performance marks the benchmark (bench/page.mjs) reads with a
// PerformanceObserver: sp:diagnostics (issues shown), sp:preview (preview
// and barcode updated), sp:preview-loaded (the frame loaded new HTML),
// sp:form (the Form view, when shown, updated to the text) and
// sp:first-diagnostics (once); at start-up also sp:app-start (the bundle
// runs) and sp:wasm-ready (load() resolved). Old marks are dropped now and
// then, so a long session does not grow the timeline.
let n = 0;

/** @param {string} name */
export function mark(name) {
  performance.mark(name);
  if (++n % 600 === 0) {
    for (const m of ["sp:diagnostics", "sp:preview", "sp:preview-loaded", "sp:form"]) performance.clearMarks(m);
  }
}
