// @ts-check
// Offline use: registers the service worker (sw.js beside index.html) and,
// when a new build has been installed in the background, offers
// "New version available: Reload".  Nothing reloads without the user's
// click: a clinician may be half-way through a case, and a reload clears it.
//
// Degrades quietly: with no manifest link (the single file, embed.html), on
// file://, on plain http other than localhost, or in a browser without
// service workers, it does nothing and the page works as before (online, or
// from the single file).  <html data-offline> says which case applies:
// "unavailable", "installing", "ready" (this page works with the network off),
// "removed" (a withdrawn build removed its offline copy: js/withdrawal.js).

import { h } from './dom.js';

function setState(state) {
  document.documentElement.dataset.offline = state;
}

/**
 * Reloads the page into the newest build on the server: asks the browser to
 * look for it, lets a waiting worker take over, then reloads once it controls
 * the page.  Without a service worker, a plain reload does the same.
 */
export async function reloadIntoNewBuild() {
  const sw = navigator.serviceWorker;
  const registration = sw && await sw.getRegistration(swUrl().href).catch(() => null);
  if (!registration || !sw.controller) { location.reload(); return; }
  await registration.update().catch(() => {});
  const worker = registration.waiting || registration.installing;
  if (!worker) { location.reload(); return; }
  let reloading = false;
  sw.addEventListener('controllerchange', () => {
    if (reloading) return;
    reloading = true;
    location.reload();
  });
  const activate = () => { if (worker.state === 'installed') worker.postMessage({ type: 'livermets:skip-waiting' }); };
  worker.addEventListener('statechange', activate);
  activate();
}

function offerUpdate() {
  // a notice that says why this version must be replaced already offers the reload
  if (document.getElementById('update-banner') || document.getElementById('notice-banner')) return;
  const reload = h('button', { type: 'button', class: 'update-reload' }, 'Reload now');
  const later = h('button', { type: 'button', class: 'update-later' }, 'Later');
  // role="status": announced politely, never steals focus from the form
  const banner = h('div', { id: 'update-banner', class: 'update-banner', role: 'status' },
    h('p', {}, h('strong', {}, 'New version available. '),
      'Reload to use it; reloading clears the answers on screen.'),
    h('div', { class: 'update-actions' }, reload, later));
  reload.addEventListener('click', () => { reloadIntoNewBuild(); });
  later.addEventListener('click', () => banner.remove());
  document.body.prepend(banner);
  document.documentElement.dataset.update = 'available';
}

/** sw.js beside index.html; its folder is the worker's scope. */
export function swUrl() {
  return new URL('../sw.js', import.meta.url);
}

/** Is this the installable site (not the single file, not embed.html, not file://)? */
export function isSite() {
  return !!document.querySelector('link[rel="manifest"]') && /^https?:$/.test(location.protocol);
}

export function startOffline() {
  if (!isSite() || !('serviceWorker' in navigator) || !window.isSecureContext) {
    setState('unavailable');
    return;
  }
  setState('installing');
  navigator.serviceWorker.register(swUrl(), { updateViaCache: 'none' }).then((registration) => {
    // "ready" once a worker with this build's files controls the page
    const markReady = () => { if (navigator.serviceWorker.controller) setState('ready'); };
    navigator.serviceWorker.addEventListener('controllerchange', markReady);
    navigator.serviceWorker.ready.then(markReady);
    // a build installed while an older one controls this page waits for the user
    const watch = (worker) => {
      if (!worker) return;
      const check = () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate();
      };
      worker.addEventListener('statechange', check);
      check();
    };
    if (registration.waiting && navigator.serviceWorker.controller) offerUpdate();
    watch(registration.installing);
    registration.addEventListener('updatefound', () => watch(registration.installing));
    // a tablet left open for days: look for a new build when the page is shown again
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {});
    });
  }).catch(() => setState('unavailable'));
}
