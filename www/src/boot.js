// boot.js: starts loading the wasm as soon as the page is parsed, before the
// larger bundle (CodeMirror, the panels) has been compiled and run. Bundled
// on its own into dist/boot.js; index.html runs it first, and main.js
// imports it (external, so both share one module instance and one load()).
import { load } from "scanpage";

/** The instance, loading. */
export const loading = load();
