// sw.js: keeps the page working offline. Written into build/site/sw.js by
// `make build` (tools/stamp.mjs), which replaces __VERSION__ by a hash of the
// files below: a new build is a new cache, and the old one is dropped.
//
// - The app shell (the bundle, the loader, the wasm, samples and schema) is
//   served cache-first: it only changes with a build, and a build changes
//   this file.
// - The page itself ("./" or index.html) is network-first, falling back to
//   the cache, and is stored under "./" only when it is the page: other
//   navigations in scope are never stored as it.
// - Anything else (the preview's images on other hosts) is left alone.
//
// Bodies are stored decoded: the server's .br/.gz encoding is undone by
// fetch, so Content-Encoding and Content-Length are dropped when storing.
// Developing: open the page with ?nosw to remove the worker, or tick
// "Update on reload" in DevTools › Application › Service workers.

const VERSION = "__VERSION__";
const CACHE = `scanpage-${VERSION}`;
const SHELL = [
  "./", "dist/boot.js", "dist/app.js", "dist/app.css", "dist/catalogue-worker.js", "scanpage.js", "scanpage-worker.js",
  "scanpage.wasm", "wasm_exec.js", "favicon.svg",
];
// Present in some builds only; their absence does not stop the install.
const OPTIONAL = ["create-product.schema.json"];

/** A copy of a response fit for the cache: decoded body, honest headers. */
async function storable(res) {
  const headers = new Headers(res.headers);
  headers.delete("content-encoding");
  headers.delete("content-length");
  return new Response(await res.arrayBuffer(), { status: res.status, statusText: res.statusText, headers });
}

async function put(cache, url) {
  // "no-cache" revalidates instead of downloading again: on a first visit
  // the page has just fetched these files (the wasm is most of the bytes),
  // the server answers 304 and the body comes from the HTTP cache; a file
  // of a new build has a new ETag and comes fresh.
  const res = await fetch(new Request(url, { cache: "no-cache" }));
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  await cache.put(url, await storable(res));
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(SHELL.map((u) => put(cache, u)));
    await Promise.all(OPTIONAL.map((u) => put(cache, u).catch(() => {})));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("scanpage-") && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  if (!url.pathname.startsWith(scope.pathname)) return;
  const path = url.pathname.slice(scope.pathname.length);
  // Only the app's own page is stored as the page: any other navigation in
  // scope (a visit to /favicon.svg, say) is served like any other file and
  // never becomes what "/" shows offline.
  if (path === "" || path === "index.html") {
    event.respondWith(networkFirst(req));
    return;
  }
  event.respondWith(cacheFirst(req));
});

/** The page: fresh when the network answers, the cached one when it does not. */
async function networkFirst(req) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(req);
    const html = (res.headers.get("content-type") ?? "").startsWith("text/html");
    if (res.ok && html && !res.redirected) await cache.put("./", await storable(res.clone()));
    return res;
  } catch (e) {
    const hit = await cache.match("./");
    if (hit) return hit;
    throw e;
  }
}

/** The shell: from the cache, else from the network. */
async function cacheFirst(req) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(req, { ignoreSearch: true });
  if (hit) return hit;
  return fetch(req);
}
