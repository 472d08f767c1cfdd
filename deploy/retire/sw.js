// The retiring service worker (scripts/package --retire puts it where the
// withdrawn build's sw.js was).  Browsers that kept the old build look for a
// new sw.js at least once a day and whenever the page is opened online; they
// find this one, which takes over at once, deletes this folder's offline
// copies of the tool, unregisters itself and reloads every open page of the
// folder, which then shows the withdrawal notice (index.html beside it).
// From then on nothing of the withdrawn build is left on the device.
const SCOPE = new URL(self.registration.scope).pathname;

self.addEventListener('install', () => { self.skipWaiting(); });

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('livermets-') && key.endsWith('@' + SCOPE)) await caches.delete(key);
    }
    await self.clients.claim();
    await self.registration.unregister();
    for (const client of await self.clients.matchAll({ type: 'window' })) {
      client.navigate(client.url).catch(() => {});
    }
  })());
});
// No fetch handler: every request goes to the server.
