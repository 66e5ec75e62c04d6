// scanpage.cjs: the package for require() (the "require" condition of its
// Node exports). load() is asynchronous anyway, so it imports the ES module.
"use strict";
exports.load = (...args) => import("./scanpage-node.js").then((m) => m.load(...args));
exports.wasmModule = (...args) => import("./scanpage-node.js").then((m) => m.wasmModule(...args));
