// catalogue-cut.js: which files the Catalogue view cuts into pieces (a large
// NDJSON file, so that one file keeps the whole pool busy), shared by the
// pool, which hands such a file to a worker with nothing else in hand, and
// the worker, which cuts it.

/** A large NDJSON file is checked in pieces of about this many bytes, cut at line breaks. */
export const PIECE = 2 << 20;

const LINES = /\.(ndjson|jsonl)$/i;

/** Whether a file is cut into pieces rather than checked whole. @param {{ file: File, name: string }} f */
export const isCut = (f) => LINES.test(f.name) && f.file.size > PIECE;
