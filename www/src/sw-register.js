// sw-register.js: registers the service worker that keeps the page working
// offline (sw.js). Opening the page with ?nosw removes it instead — handy
// while developing against `make serve`.

/**
 * @param {{ onUpdate?: () => void }} [hooks]
 */
export async function registerServiceWorker(hooks = {}) {
  if (!("serviceWorker" in navigator)) return;
  const url = new URL("../sw.js", import.meta.url);
  if (new URLSearchParams(location.search).has("nosw")) {
    for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
    return;
  }
  const hadController = !!navigator.serviceWorker.controller;
  let reg;
  try {
    reg = await navigator.serviceWorker.register(url, { scope: new URL("../", import.meta.url).pathname });
  } catch {
    return; // no service worker (an http origin other than localhost, a private mode…): the page still works online
  }
  // Look for a new build on every visit (one small request), not only when
  // the browser gets round to it.
  if (navigator.onLine && reg?.active) reg.update().catch(() => {});
  // A new version took over this page: its files are cached; a reload uses them.
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (hadController) hooks.onUpdate?.();
  });
}
