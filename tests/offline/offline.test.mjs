// The installable, offline site: served from a sub-folder, it registers its
// service worker, precaches every file of the build under a cache named for
// the build, keeps working with the network gone, and offers a new build
// without reloading on its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildServiceWorker } from '../../scripts/lib/build-sw.mjs';
import { axeSource } from '../../scripts/lib/chromium.mjs';
import {
  distWeb, requireBuild, tempDir, startServer, startBrowser, guard, choice,
  completeColorectalCase, expectPathway, copyTree,
} from './support.mjs';

const PREFIX = '/tools/livermets/';
let browser;
before(async () => { requireBuild(); browser = await startBrowser(); });
after(async () => { await browser.close(); });

function builtAssets(site) {
  const src = fs.readFileSync(path.join(site, 'sw.js'), 'utf8');
  return JSON.parse(src.match(/const BUILD = (\{.*?\}); \/\* END BUILD \*\//)[1]);
}

async function cacheReport(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const key of await caches.keys()) {
      const c = await caches.open(key);
      out[key] = (await c.keys()).map((r) => r.url);
    }
    return out;
  });
}

test('served from /tools/livermets/: every request stays in the folder, manifest and icons resolve, a case completes', async () => {
  const server = await startServer({ root: distWeb, prefix: PREFIX });
  try {
    const page = await guard(await browser.context.newPage());
    await page.goto(server.url);
    await page.waitForSelector('html[data-ready="true"]');
    await completeColorectalCase(page);
    await page.waitForSelector('html[data-offline="ready"]');
    // the service worker's scope is the folder, not the site's root
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
    assert.equal(scope, server.url);
    // the manifest (relative URLs throughout) and each icon it names
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]').href;
      const m = await (await fetch(href)).json();
      const icons = [];
      for (const icon of m.icons) {
        const res = await fetch(new URL(icon.src, href));
        icons.push([icon.src, res.status, res.headers.get('content-type'), (await res.arrayBuffer()).byteLength > 100]);
      }
      return { href, start: new URL(m.start_url, href).href, scope: new URL(m.scope, href).href, icons, display: m.display };
    });
    assert.equal(manifest.start, server.url);
    assert.equal(manifest.scope, server.url);
    assert.equal(manifest.display, 'standalone');
    assert.ok(manifest.icons.some(([src]) => src.endsWith('512.png')));
    for (const [src, status, type, big] of manifest.icons) {
      assert.equal(status, 200, src);
      assert.match(type, /^image\/(png|svg\+xml)$/, src);
      assert.ok(big, `${src} is a real image`);
    }
    // Chromium's own verdict: installable as an app (manifest, icons, service worker)
    const cdp = await browser.context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], 'Chromium finds the site installable');
    await cdp.detach();
    const outside = server.requests.filter((p) => !p.startsWith(PREFIX));
    assert.deepEqual(outside, [], 'no request outside /tools/livermets/');
    await page.checkGuards();
    await page.close();
  } finally {
    await server.stop();
  }
});

test('after the first visit the page reloads and completes a case with the network off', async () => {
  const site = tempDir('offline');
  copyTree(distWeb, site);
  const build = builtAssets(site);
  const server = await startServer({ root: site, prefix: PREFIX });
  const page = await guard(await browser.context.newPage());
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready="true"]');
  // the worker has installed (every file cached) and controls this page
  await page.waitForSelector('html[data-offline="ready"]');
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller));
  const cached = await cacheReport(page);
  const name = `livermets-${build.version}-${build.hash}@${PREFIX}`;
  assert.deepEqual(Object.keys(cached), [name], 'one cache, named for the build and the folder');
  assert.match(build.hash, /^[0-9a-f]{12}$/);
  const expected = build.assets.map((a) => new URL(a, server.url).href).sort();
  assert.deepEqual([...cached[name]].sort(), expected, 'every file of the build is precached, nothing else');
  assert.ok(expected.includes(new URL('livermets.wasm', server.url).href));
  assert.ok(expected.includes(new URL('index.html', server.url).href));
  assert.ok(!expected.includes(new URL('embed.html', server.url).href), 'embed.html (sandboxed frames only) is not precached');
  assert.ok(cached[name].every((u) => !u.includes('?')), 'no query string (no case data) in the cache');

  // the network goes away: the browser is offline and the server is gone
  await browser.context.setOffline(true);
  await server.stop();
  try {
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]');
    await completeColorectalCase(page);
    // a teaching example (examples.json) loads from the cache too
    await page.selectOption('#example', 'net-active');
    await page.click('#load-example');
    await expectPathway(page, 'NET_MEDICAL_AND_LIVER_DIRECTED');
    // and a new tab opened on the folder
    const tab = await guard(await browser.context.newPage());
    await tab.goto(server.url);
    await tab.waitForSelector('html[data-ready="true"]');
    await choice(tab, 'Primary tumour', 'Breast').check();
    await expectPathway(tab, 'BREAST_SYSTEMIC_FIRST');
    await tab.checkGuards();
    await tab.close();
    await page.checkGuards();
  } finally {
    await browser.context.setOffline(false);
    await page.close();
    fs.rmSync(site, { recursive: true, force: true });
  }
});

test('a new build is detected and offered; nothing reloads until the user asks; the old cache goes', async () => {
  const siteA = tempDir('build-a');
  const siteB = tempDir('build-b');
  copyTree(distWeb, siteA);
  copyTree(distWeb, siteB);
  // build B: one file changed, the service worker rebuilt by the real step
  fs.appendFileSync(path.join(siteB, 'css/offline.css'), '\n/* build B */\n');
  const a = builtAssets(siteA);
  const b = await buildServiceWorker(siteB, { version: a.version });
  assert.notEqual(b.hash, a.hash, 'a changed file gives a new cache name');
  const server = await startServer({ root: siteA, prefix: PREFIX });
  try {
    const page = await guard(await browser.context.newPage());
    await page.goto(server.url);
    await page.waitForSelector('html[data-offline="ready"]');
    assert.deepEqual(Object.keys(await cacheReport(page)), [`livermets-${a.version}-${a.hash}@${PREFIX}`]);
    // a case is half-way through
    await choice(page, 'Primary tumour', 'Colorectal').check();
    await choice(page, 'Presentation', 'Synchronous').check();
    await page.evaluate(() => { window.__sameDocument = true; });

    server.setRoot(siteB);
    // another tab opens the tool: the browser checks sw.js and installs build B
    const other = await guard(await browser.context.newPage());
    await other.goto(server.url);
    await other.waitForSelector('html[data-ready="true"]');

    // the half-way page offers the new version, politely, and keeps the case
    await page.waitForSelector('html[data-update="available"]');
    const banner = page.locator('#update-banner');
    assert.equal(await banner.getAttribute('role'), 'status');
    assert.match(await banner.textContent(), /New version available/);
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.closest('#update-banner')), null,
      'the banner does not take the focus');
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload on its own');
    assert.equal(await choice(page, 'Presentation', 'Synchronous').isChecked(), true, 'the answers are still there');
    // while both builds exist, the old one still serves this page
    const waiting = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { waiting: !!r.waiting, active: !!r.active };
    });
    assert.deepEqual(waiting, { waiting: true, active: true });
    // the banner passes axe (WCAG 2.2 A/AA) and its buttons are 44 px targets
    await page.evaluate(axeSource());
    const axe = await page.evaluate(() => window.axe.run(document.getElementById('update-banner'), {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'],
    }));
    assert.deepEqual(axe.violations.map((v) => v.id), []);
    for (const h of await page.locator('#update-banner button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) {
      assert.ok(h >= 44, `button height ${h}`);
    }

    // the user chooses to reload
    await Promise.all([
      page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() }),
      page.getByRole('button', { name: 'Reload now' }).click(),
    ]);
    await page.waitForSelector('html[data-ready="true"]');
    assert.equal(await page.evaluate(() => window.__sameDocument), undefined, 'reloaded after the click');
    assert.equal(await page.locator('#update-banner').count(), 0);
    const cachesNow = await cacheReport(page);
    assert.deepEqual(Object.keys(cachesNow), [`livermets-${b.version}-${b.hash}@${PREFIX}`], 'only build B\'s cache is left');
    const css = await page.evaluate(async () => (await fetch('css/offline.css')).text());
    assert.match(css, /build B/, 'build B is served');
    await page.checkGuards();
    await other.checkGuards();
    await other.close();
    await page.close();
  } finally {
    await server.stop();
    fs.rmSync(siteA, { recursive: true, force: true });
    fs.rmSync(siteB, { recursive: true, force: true });
  }
});
