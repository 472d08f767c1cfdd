// The service worker: keeps every file of one build in one cache, so that
// after the first visit the calculator opens and works with no network.
//
// scripts/lib/build-sw.mjs replaces the BUILD line below with the build's
// cache name (livermets-<version>-<content hash>@<scope path>) and the list of
// every file of the site.  A new build therefore changes this file, the
// browser installs the new worker next to the old one, and the page offers
// "New version available: reload"; nothing reloads on its own (a clinician
// may be half-way through a case).  Once the new worker takes over, the
// caches of older builds of this same folder are deleted.
//
// Privacy: the cache holds the site's own files, fetched from its own origin,
// and nothing else: never a case, a result or a request to another origin.
/* BUILD */ const BUILD = { version: 'dev', hash: 'dev', assets: [] }; /* END BUILD */

const SCOPE = new URL(self.registration.scope).pathname;
const PREFIX = 'livermets-';
const CACHE = `${PREFIX}${BUILD.version}-${BUILD.hash}@${SCOPE}`;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // cache: 'no-cache' revalidates with the server, so the copy is this
    // build's file (a 304 costs no second download of what the page just loaded)
    await cache.addAll(BUILD.assets.map((a) => new Request(a, { cache: 'no-cache', credentials: 'same-origin' })));
  })());
  // No skipWaiting() here: an update waits for the user's "Reload".
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      // only this folder's older builds: another copy of the tool in another
      // folder of the same site keeps its cache
      if (key !== CACHE && key.startsWith(PREFIX) && key.endsWith('@' + SCOPE)) await caches.delete(key);
    }
    // the first visit's page comes under this worker at once, so it works
    // offline without a second visit
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'livermets:skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // a page may be opened with a query (index.html?embed=1): same file
    const hit = await cache.match(req, { ignoreSearch: req.mode === 'navigate' });
    return hit || fetch(req);
  })());
});
