// catalogue-cut.js: which files the Catalogue view cuts into pieces (a large
// NDJSON file, so that one file keeps the whole pool busy), shared by the
// pool, which hands such a file to a worker with nothing else in hand, and
// the worker, which cuts it.

/** A large NDJSON file is checked in pieces of about this many bytes, cut at line breaks. */
export const PIECE = 2 << 20;

/** The bytes of whole files a batch holds at most (a larger file goes alone), and that a worker asks for ahead of checking them. */
export const BATCH_BYTES = 256 << 10;

const LINES = /\.(ndjson|jsonl)$/i;

/** Whether a file is cut into pieces rather than checked whole. @param {{ file: File, name: string }} f */
export const isCut = (f) => LINES.test(f.name) && f.file.size > PIECE;

/**
 * The UTF-16 length of bytes decoded as TextDecoder("utf-8") decodes them
 * (each ill-formed subsequence one U+FFFD, by the WHATWG decoder's rules),
 * counted without making the text: the reader measures each piece to place
 * the next, and decoding 2 MB of Chinese text only to take its length was
 * the reader's largest cost.
 * @param {Uint8Array} bytes
 */
export function utf16Length(bytes) {
  let units = 0;
  let needed = 0; // continuation bytes still expected
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (needed === 0) {
      if (b < 0x80) units++;
      else if (b >= 0xc2 && b <= 0xdf) needed = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        else if (b === 0xed) upper = 0x9f;
        needed = 2;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        else if (b === 0xf4) upper = 0x8f;
        needed = 3;
      } else units++; // not a lead byte: U+FFFD
      continue;
    }
    if (b < lower || b > upper) {
      // The sequence ends ill-formed: one U+FFFD, and b is read again.
      units++;
      needed = seen = 0;
      lower = 0x80;
      upper = 0xbf;
      i--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    if (++seen === needed) {
      units += needed === 3 ? 2 : 1; // four bytes: past U+FFFF, a surrogate pair
      needed = seen = 0;
    }
  }
  return needed ? units + 1 : units;
}
