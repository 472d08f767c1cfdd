// @ts-check
// Keeps an open page honest about its build, whenever the server can be
// reached: when the page was opened from the offline copy, when it is shown
// again, when the network returns, and every half hour.  It reads
// version.json (written by the build, never cached by the service worker) and
// asks for sw.js:
//   - either answers 404 or 410, or version.json says "withdrawn" (the
//     retirement package, scripts/package --retire): the folder's build has
//     been withdrawn.  The page says so, stops giving results, removes its
//     service worker and its offline copy, so that it cannot come back.
//   - version.json lists this page's rule base under "supersedes": a newer
//     build replaces it, and the page says why updating matters, in the
//     clinical words the newer build carries (deploy/supersedes.json).
//   - offline, or any other answer: nothing changes.
// The service worker asks on the page's behalf when it controls the page, so
// that a check made offline, or cut short by a reload, is no failed request
// of the page's.  Only the site does this (not the single file, not
// embed.html): elsewhere there is no server to ask.

import { h } from './dom.js';
import { isSite, swUrl, reloadIntoNewBuild } from './offline.js';

const CHECK_EVERY_MS = 30 * 60 * 1000;
const WORKER_TIMEOUT_MS = 15000;
const GONE = new Set([404, 410]);

/** {doc: {status, body}, sw: {status}} from the server (either null when unreachable). */
async function askDirectly() {
  const ask = async (url, method) => {
    try {
      const res = await fetch(url, { method, cache: 'no-store', credentials: 'same-origin' });
      return { status: res.status, body: method === 'GET' && res.ok ? await res.text() : null };
    } catch (e) {
      return null;  // offline, or the server is down: no news
    }
  };
  const [doc, sw] = await Promise.all([ask(new URL('../version.json', import.meta.url), 'GET'), ask(swUrl(), 'HEAD')]);
  return { doc, sw };
}

/** The same answer, asked by the controlling service worker (sw.js, "livermets:check-build"). */
function askViaWorker(worker) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve({ doc: null, sw: null }), WORKER_TIMEOUT_MS);
    channel.port1.onmessage = (e) => { clearTimeout(timer); resolve(e.data || { doc: null, sw: null }); };
    worker.postMessage({ type: 'livermets:check-build' }, [channel.port2]);
  });
}

/** Reads the server's answers: {state: 'current'|'withdrawn'|'superseded'|'unknown', ...}. */
export function judgeBuild(version, { doc, sw }) {
  if ((doc && GONE.has(doc.status)) || (sw && GONE.has(sw.status))) return { state: 'withdrawn' };
  if (!doc || doc.status !== 200 || typeof doc.body !== 'string') return { state: 'unknown' };
  let info;
  try { info = JSON.parse(doc.body); } catch (e) { return { state: 'unknown' }; }
  if (!info || typeof info !== 'object') return { state: 'unknown' };
  if (info.withdrawn === true) return { state: 'withdrawn' };
  const entry = Array.isArray(info.supersedes) && info.supersedes.find((e) => e && e.version === version);
  if (entry && typeof info.version === 'string' && typeof entry.why === 'string') {
    return { state: 'superseded', newVersion: info.version, why: entry.why };
  }
  return { state: 'current' };
}

/** What the server says of this build now. */
export async function checkBuild(version) {
  const worker = navigator.serviceWorker && navigator.serviceWorker.controller;
  return judgeBuild(version, await (worker ? askViaWorker(worker) : askDirectly()));
}

async function forgetOfflineCopy() {
  const sw = navigator.serviceWorker;
  const registration = sw && await sw.getRegistration(swUrl().href).catch(() => null);
  const scope = registration ? new URL(registration.scope).pathname : new URL('.', swUrl()).pathname;
  if (registration) await registration.unregister().catch(() => {});
  if (typeof caches === 'object') {
    for (const key of await caches.keys().catch(() => [])) {
      if (key.startsWith('livermets-') && key.endsWith('@' + scope)) await caches.delete(key).catch(() => {});
    }
  }
  document.documentElement.dataset.offline = 'removed';
}

function banner(id, title, text, actions = []) {
  document.getElementById('update-banner')?.remove();
  document.getElementById(id)?.remove();
  // role="alert": a clinical safety notice, read out at once
  const el = h('div', { id, class: 'notice-banner', role: 'alert' },
    h('p', {}, h('strong', {}, title + ' '), text),
    actions.length ? h('div', { class: 'update-actions' }, actions) : null);
  document.body.prepend(el);
}

function showWithdrawn(version, stopResults) {
  if (document.documentElement.dataset.withdrawn === 'true') return;
  document.documentElement.dataset.withdrawn = 'true';
  stopResults();
  banner('notice-banner', 'This version has been withdrawn.',
    `Rule base ${version} of this calculator has been withdrawn by the people who run this site. ` +
    'It gives no more results, and its offline copy has been removed from this device. ' +
    'Ask your IT department or clinical lead for the current version.');
  return forgetOfflineCopy();
}

/** @param {string} version @param {{newVersion?: string, why?: string}} found */
function showSuperseded(version, { newVersion, why }) {
  if (document.documentElement.dataset.superseded === newVersion) return;
  document.documentElement.dataset.superseded = newVersion;
  const reload = h('button', { type: 'button', class: 'update-reload' }, `Use rule base ${newVersion}`);
  reload.addEventListener('click', () => { reloadIntoNewBuild(); });
  banner('notice-banner', `Rule base ${newVersion} replaces ${version}.`,
    `${why} Reload to use rule base ${newVersion}; reloading clears the answers on screen.`, [reload]);
}

/**
 * Watches the server's answer about this build (the site only).  version: the
 * rule base this page runs; stopResults(): called once when it is withdrawn.
 * Returns check() (for the page's own use; it also runs on its own).
 */
export function watchBuild({ version, stopResults }) {
  if (!isSite()) return async () => {};
  let running = null;
  const check = () => {
    if (running || document.documentElement.dataset.withdrawn === 'true') return running;
    running = checkBuild(version).then((found) => {
      if (found.state === 'withdrawn') return showWithdrawn(version, stopResults);
      if (found.state === 'superseded') showSuperseded(version, found);
      return undefined;
    }).finally(() => { running = null; });
    return running;
  };
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') check(); });
  window.addEventListener('online', check);
  setInterval(check, CHECK_EVERY_MS);
  // a page that came from the network is the server's current build; one
  // that came from the offline copy may be withdrawn or superseded
  if (navigator.serviceWorker && navigator.serviceWorker.controller) check();
  return check;
}
