// share.js: the document in the URL hash (#doc=…), deflated and base64url
// encoded, so a link carries it without any server.
//
// Reading a link is bounded: the hash is checked for its alphabet and
// length first, the inflate is streamed and stops at the document limit
// (1 MiB of UTF-8, the validator's own), so a link of a few KB that
// inflates to megabytes never reaches the editor or the wasm. A link that
// cannot be read says why (see DecodeError).

/** The validator's document limit: 1 MiB of UTF-8. */
export const maxDocBytes = 1 << 20;
/**
 * The longest hash we read: base64url of a 1 MiB document that does not
 * compress at all (4/3 × 1 MiB plus deflate's framing), rounded up.
 */
export const maxHashChars = 1_500_000;
/**
 * Links up to this many characters are offered as links. Longer ones are
 * cut by chat apps and mail (WeChat, Slack, Outlook cut or refuse links in
 * the 2–8 KB range), so above it the page warns and offers the file.
 */
export const chatLinkChars = 8_000;
/**
 * Chromium refuses URLs over 2 MB (2,097,152 characters): above it no
 * browser opens the link, and the page offers only the file.
 */
export const browserLinkChars = 2_097_152;

/** @param {Uint8Array} bytes */
function toBase64url(bytes) {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * @param {string} s base64url without padding
 * @returns {Uint8Array | null} null when s cannot be base64url (a length of 4n+1)
 */
function fromBase64url(s) {
  if (s.length % 4 === 1) return null;
  const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The hash that carries text.
 * @param {string} text
 */
export async function encodeHash(text) {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const packed = new Uint8Array(await new Response(stream).arrayBuffer());
  return `#doc=${toBase64url(packed)}`;
}

/**
 * Why a link could not be read:
 * - "chars": the hash holds characters base64url never has (e.g. a ")"
 *   or "." a chat app or a Markdown link added at its end); `at` is the
 *   first one's position in the data, `char` the character;
 * - "cut": the data ends before the compressed document does (the link
 *   was cut short);
 * - "corrupt": the data is not a deflated document;
 * - "large": the document is over the 1 MiB limit (or the link is over
 *   maxHashChars), refused before anything reads it;
 * - "utf8": the document is not UTF-8 text.
 * @typedef {{ error: "chars" | "cut" | "corrupt" | "large" | "utf8", at?: number, char?: string }} DecodeError
 */

/**
 * The document a hash carries: { text }, or { error } when the hash is a
 * share link that cannot be read, or null when the hash carries no
 * document at all. Never throws; never holds more than maxDocBytes of the
 * inflated document.
 * @param {string} hash location.hash
 * @returns {Promise<{ text: string } | DecodeError | null>}
 */
export async function decodeHash(hash) {
  if (typeof hash !== "string" || !hash.startsWith("#doc=")) return null;
  const data = hash.slice(5);
  if (data.length > maxHashChars) return { error: "large" };
  const bad = data.search(/[^A-Za-z0-9_-]/);
  if (bad >= 0) return { error: "chars", at: bad, char: String.fromCodePoint(/** @type {number} */ (data.codePointAt(bad))) };
  if (data === "") return { error: "cut" };
  const bytes = fromBase64url(data);
  if (!bytes) return { error: "cut" };
  return inflate(bytes);
}

/**
 * Inflates bytes (deflate-raw) up to maxDocBytes, then decodes UTF-8.
 * @param {Uint8Array} bytes
 * @returns {Promise<{ text: string } | DecodeError>}
 */
async function inflate(bytes) {
  const ds = new DecompressionStream("deflate-raw");
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  // The writes' own promises reject with the stream's error too; the
  // reader reports it, so these are only kept from being unhandled.
  writer.write(bytes).catch(() => {});
  writer.close().catch(() => {});
  /** @type {Uint8Array[]} */
  const parts = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxDocBytes) {
        reader.cancel().catch(() => {});
        return { error: "large" };
      }
      parts.push(value);
    }
  } catch (e) {
    // Chromium and Node say "unexpected end" for input that stops early,
    // and name other damage otherwise.
    return { error: /end|incomplete|truncat|short/i.test(String(/** @type {any} */ (e)?.message)) ? "cut" : "corrupt" };
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(all) };
  } catch {
    return { error: "utf8" };
  }
}
