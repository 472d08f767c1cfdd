// @ts-check
// The service worker: keeps every file of one build in one cache, so that
// after the first visit the calculator opens and works with no network.
//
// scripts/lib/build-sw.mjs replaces the BUILD line below with the build's
// cache name (livermets-<version>-<content hash>@<scope path>), every file of
// the site with its SHA-256 and Content-Type, and the headers to serve them
// with.  A new build therefore changes this file, the browser installs the
// new worker next to the old one, and the page offers "New version available:
// reload"; nothing reloads on its own (a clinician may be half-way through a
// case).  Once the new worker takes over, the caches of older builds of this
// same folder are deleted.
//
// Integrity: any page of the same origin can open this cache and rewrite an
// entry (an altered index.html could drop the CSP and send answers away).  So
// every body is checked against the build's SHA-256 before it is served.  A
// wrong one is deleted and fetched again from the server; when that cannot be
// done (offline), the page fails closed: it shows that the offline copy was
// altered and runs nothing.  A navigation checks every file of the build, so
// an altered script is caught before the page that would load it is served.
// Responses are rebuilt from the checked body with the build's own headers:
// an entry's stored headers are never trusted either.
//
// Privacy: the cache holds the site's own files, fetched from its own origin,
// and nothing else: never a case, a result or a request to another origin.
// The worker's own scope, typed for the check (tsconfig.sw.json; `self` is typed as a plain worker).
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

/* BUILD */ const BUILD = { version: 'dev', hash: 'dev', assets: [], files: {}, headers: {} }; /* END BUILD */

const SCOPE = new URL(sw.registration.scope).pathname;
const PREFIX = 'livermets-';
const CACHE = `${PREFIX}${BUILD.version}-${BUILD.hash}@${SCOPE}`;
// absolute URL -> {sha256, type}
const FILES = new Map(Object.entries(BUILD.files).map(([rel, f]) => [new URL(rel, sw.registration.scope).href, f]));

async function sha256Hex(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

function responseFor(url, body) {
  return new Response(body, { status: 200, headers: { ...BUILD.headers, 'Content-Type': FILES.get(url).type } });
}

/** The cached body of url if it is this build's, else null (a wrong entry is deleted). */
async function fromCache(cache, url) {
  const hit = await cache.match(url);
  if (!hit) return null;
  const body = await hit.arrayBuffer().catch(() => null);
  if (body && await sha256Hex(body) === FILES.get(url).sha256) return body;
  await cache.delete(url);
  return null;
}

/**
 * Fetches url from the server.  {body} when it is this build's file (stored
 * in the cache again); {other: response} when the server now holds another
 * build (served as is, never cached); null when the server cannot be reached.
 */
async function fromServer(cache, url) {
  let res;
  try {
    // cache: 'no-cache' revalidates with the server (a 304 costs no download)
    res = await fetch(new Request(url, { cache: 'no-cache', credentials: 'same-origin' }));
  } catch (e) {
    return null;
  }
  if (!res.ok) return null;
  const body = await res.clone().arrayBuffer();
  if (await sha256Hex(body) !== FILES.get(url).sha256) return { other: res };
  await cache.put(url, responseFor(url, body));
  return { body };
}

async function genuine(cache, url) {
  const body = await fromCache(cache, url);
  return body ? { body } : fromServer(cache, url);
}

// Shown instead of the page when a file of the offline copy is wrong and the
// genuine one cannot be fetched.  Nothing of the altered copy runs.
function altered() {
  const html = '<!doctype html><html lang="en" data-livermets="altered"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Liver metastases calculator: offline copy altered</title></head><body>' +
    '<h1>The offline copy of this calculator has been altered</h1>' +
    '<p>A file that this device keeps for offline use is not the one the calculator was built with, ' +
    'so it has not been used and no result is shown.</p>' +
    '<p>Connect this device to the network and reload the page: the genuine files are then fetched again. ' +
    'If this page comes back, tell your IT department.</p></body></html>';
  return new Response(html, {
    status: 503,
    headers: { ...BUILD.headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'" },
  });
}

/**
 * The body of one of urls as the browser's HTTP cache holds it from the page's
 * own load (no request is made), if it is this build's file; else null.  The
 * page fetched most files a moment ago: the first visit then costs no second
 * download of them.  Credentials: the page fetches the wasm and scripts with
 * them and its data files without, and a cache may keep the two apart.
 */
async function fromHttpCache(urls, sha256) {
  for (const url of urls) {
    for (const credentials of /** @type {RequestCredentials[]} */ (['same-origin', 'omit'])) {
      try {
        const res = await fetch(new Request(url, { cache: 'only-if-cached', mode: 'same-origin', credentials }));
        if (!res.ok) continue;
        const body = await res.arrayBuffer();
        if (await sha256Hex(body) === sha256) return body;
      } catch (e) {
        // not in the cache (or an engine without only-if-cached): ask the server
      }
    }
  }
  return null;
}

sw.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // every file, checked: a cache that is not exactly this build fails the
    // install.  URLs with the same bytes ('./' and 'index.html') are one file.
    const groups = new Map();
    for (const [url, f] of FILES) groups.set(f.sha256, [...(groups.get(f.sha256) || []), url]);
    await Promise.all([...groups].map(async ([sha256, urls]) => {
      const missing = [];
      let body = null;
      for (const url of urls) {
        const cached = await fromCache(cache, url);
        if (cached) body = cached; else missing.push(url);
      }
      if (!missing.length) return;
      body = body || await fromHttpCache(urls, sha256);
      if (!body) {
        const got = await fromServer(cache, missing[0]);
        if (!got || !got.body) throw new Error(`${missing[0]}: not this build's file`);
        body = got.body;
      }
      await Promise.all(missing.map((url) => cache.put(url, responseFor(url, body))));
    }));
  })());
  // No skipWaiting() here: an update waits for the user's "Reload".
});

sw.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      // only this folder's older builds: another copy of the tool in another
      // folder of the same site keeps its cache
      if (key !== CACHE && key.startsWith(PREFIX) && key.endsWith('@' + SCOPE)) await caches.delete(key);
    }
    // the first visit's page comes under this worker at once, so it works
    // offline without a second visit
    await sw.clients.claim();
  })());
});

// Asks the server about this folder's build for a page (js/withdrawal.js):
// version.json's status and text, and sw.js's status.  A failure here (offline)
// is no failed request of the page's.
async function askServer(rel, method) {
  try {
    const res = await fetch(new URL(rel, sw.registration.scope), { method, cache: 'no-store', credentials: 'same-origin' });
    const body = method === 'GET' && res.ok ? (await res.text()).slice(0, 65536) : null;
    return { status: res.status, body };
  } catch (e) {
    return null;
  }
}

sw.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'livermets:skip-waiting') sw.skipWaiting();
  if (type === 'livermets:check-build' && event.ports[0]) {
    event.waitUntil((async () => {
      const [doc, sw] = await Promise.all([askServer('version.json', 'GET'), askServer('sw.js', 'HEAD')]);
      event.ports[0].postMessage({ doc, sw });
    })());
  }
});

async function serveNavigation(url) {
  const cache = await caches.open(CACHE);
  const urls = [...FILES.keys()];
  const all = await Promise.all(urls.map((u) => genuine(cache, u)));
  const page = all[urls.indexOf(url)];
  if (page && page.other) return page.other;            // the server holds a newer build
  if (all.some((got) => !got)) return altered();         // a file is wrong, and offline
  return page.body ? responseFor(url, page.body) : page.other;
}

async function serveFile(url) {
  const got = await genuine(await caches.open(CACHE), url);
  if (!got) return new Response('', { status: 503, headers: { ...BUILD.headers, 'Content-Type': 'text/plain' } });
  return got.body ? responseFor(url, got.body) : got.other;
}

sw.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== sw.location.origin || !url.pathname.startsWith(SCOPE)) return;
  // a page may be opened with a query (index.html?embed=1): same file
  if (req.mode === 'navigate') url.search = '';
  url.hash = '';
  // not a file of this build (version.json, sw.js, embed.html): the server's
  if (!FILES.has(url.href)) return;
  event.respondWith(req.mode === 'navigate' ? serveNavigation(url.href) : serveFile(url.href));
});
