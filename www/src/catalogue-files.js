// catalogue-files.js: the files of a catalogue, from a drop (files and
// folders, folders read recursively through webkitGetAsEntry) or a picker.
// Only File objects are gathered: nothing is read here, nothing is sent
// anywhere. Names are paths relative to what was dropped or picked, as the
// command line names them relative to its argument.

const INPUT = /\.(json|ndjson|jsonl)$/i;

/**
 * @typedef {{ file: File, name: string }} Input
 */

/**
 * The inputs of a drop, in lexical order of their names (the command
 * line's order). Files dropped by name are taken whatever their extension;
 * a folder's files only when .json, .ndjson or .jsonl.
 * @param {DataTransfer} dt
 * @returns {Promise<Input[]>}
 */
export async function fromDrop(dt) {
  const entries = [...dt.items].map((it) => it.webkitGetAsEntry?.()).filter(Boolean);
  /** @type {Input[]} */
  const out = [];
  if (!entries.length) {
    for (const file of dt.files) out.push({ file, name: file.name });
    return sorted(out);
  }
  for (const e of entries) await walk(/** @type {FileSystemEntry} */ (e), "", true, out);
  return sorted(out);
}

/**
 * The inputs picked with <input type=file multiple> or webkitdirectory.
 * @param {FileList} list
 */
export function fromPicker(list) {
  return sorted([...list].filter((f) => !f.webkitRelativePath || INPUT.test(f.name))
    .map((file) => ({ file, name: file.webkitRelativePath || file.name })));
}

/**
 * @param {FileSystemEntry} e
 * @param {string} dir
 * @param {boolean} top
 * @param {Input[]} out
 */
async function walk(e, dir, top, out) {
  const name = dir + e.name;
  if (e.isFile) {
    if (!top && !INPUT.test(e.name)) return;
    const file = await new Promise((res, rej) => /** @type {FileSystemFileEntry} */ (e).file(res, rej));
    out.push({ file, name });
    return;
  }
  const reader = /** @type {FileSystemDirectoryEntry} */ (e).createReader();
  // readEntries answers in slices (100 at a time in Chromium) until empty.
  // Entries are read one after the other. Asked for together, the files
  // of a folder listed sooner (10,000 files: 4.6 s instead of 7.3 s), but
  // their answers came back in tasks of 0.3 to 3 s: a frozen page.
  for (;;) {
    const slice = await new Promise((res, rej) => reader.readEntries(res, rej));
    if (!slice.length) break;
    for (const c of slice) await walk(c, name + "/", false, out);
  }
}

/** @param {Input[]} list */
function sorted(list) {
  return list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
