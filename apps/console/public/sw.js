/*
 * The console's service worker: it keeps the console's own files (the static shell), so the console
 * opens without a network and can show the last known bed board (kept by the page itself, see
 * src/offline/kept-board.ts). It never touches the API: GraphQL, exports and the configuration go
 * to the network as they are, so nothing is answered from a cache, queued or sent again later — a
 * placement, a noodbed or an answer to an offer made offline fails at once, as without a worker.
 *
 * Served from the console's origin at /sw.js, always revalidated (serve-console.ts), so a new
 * version is picked up at the next visit. Plain JavaScript: Vite copies public/ as it is.
 */
const SHELL_CACHE = 'opvangplek-shell-v1';
/** The API's own paths (libs/platform/src/http/console/console-files.ts): always the network's. */
const API_PATHS = ['/graphql', '/health', '/ready', '/export/', '/console/'];
const SHELL_FILES = ['/', '/favicon.svg', '/icon.svg', '/icon-maskable.svg', '/manifest.webmanifest'];

function isApiPath(path) {
  return API_PATHS.some((prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`));
}

/** The hashed scripts and styles index.html names: what the console needs to start. */
function assetsOf(html) {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
}

async function cacheShell() {
  const cache = await caches.open(SHELL_CACHE);
  await cache.addAll(SHELL_FILES);
  const index = await cache.match('/');
  await cache.addAll(assetsOf(await index.text()));
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  // Older shells go; the page's own kept board (another cache) stays.
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith('opvangplek-shell-') && key !== SHELL_CACHE).map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** A page of the console: the network's index.html (kept for next time), else the kept one. */
async function page(request) {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put('/', response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match('/');
    if (kept) return kept;
    throw error;
  }
}

/** A hashed asset never changes: the kept copy, else the network's (kept for next time). */
async function asset(request) {
  const cache = await caches.open(SHELL_CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/** The icons and the manifest: the network's when there is one, else the kept copy. */
async function shellFile(request) {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  // Not answered here (the browser's own fetch): other origins, anything but GET, and the API.
  if (request.method !== 'GET' || url.origin !== self.location.origin || isApiPath(url.pathname)) return;
  if (request.mode === 'navigate') return event.respondWith(page(request));
  if (url.pathname.startsWith('/assets/')) return event.respondWith(asset(request));
  if (SHELL_FILES.includes(url.pathname)) return event.respondWith(shellFile(request));
});
