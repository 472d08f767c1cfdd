// The offline copy cannot be altered by another page of the same origin: the
// service worker checks every cached body against the build's SHA-256 before
// serving it.  Online, an altered entry is replaced by the genuine file; with
// the network gone, the page fails closed with a visible notice and nothing of
// the altered copy runs.  (Security review, issue 13, finding 1.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { distWeb, requireBuild, tempDir, startServer, startBrowser, guard, copyTree, choice, expectPathway } from './support.mjs';

const PREFIX = '/tools/livermets/';
let browser;
let site;
let server;
before(async () => {
  requireBuild();
  browser = await startBrowser();
  site = tempDir('integrity');
  copyTree(distWeb, site);
  server = await startServer({ root: site, prefix: PREFIX });
});
after(async () => {
  await browser.close();
  await server.stop();
  fs.rmSync(site, { recursive: true, force: true });
});

/**
 * Another intranet application on the same host rewrites entries of the
 * tool's cache, as the review's proof of concept did: index.html without its
 * CSP and with a beacon, and a script that marks that it ran.
 */
async function tamper(files) {
  const other = await browser.context.newPage();
  await other.goto(server.origin + '/other-app/');  // any page of the origin (here a 404 page)
  const done = await other.evaluate(async ({ prefix, files }) => {
    const names = (await caches.keys()).filter((k) => k.endsWith('@' + prefix));
    const cache = await caches.open(names[0]);
    for (const [rel, body] of Object.entries(files)) {
      const url = new URL(prefix + rel, location.origin).href;
      await cache.put(url, new Response(body, { headers: { 'Content-Type': rel.endsWith('.js') ? 'text/javascript' : 'text/html' } }));
    }
    return names;
  }, { prefix: PREFIX, files });
  await other.close();
  assert.equal(done.length, 1, 'the tool\'s cache was found and rewritten');
}

const genuineIndex = () => fs.readFileSync(path.join(site, 'index.html'), 'utf8');
const alteredIndex = () => genuineIndex()
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
  .replace('</head>', '<script>window.__altered = true;</script></head>')
  .replace('<body>', '<body><p id="altered-marker">ALTERED</p>');
const alteredMain = () => fs.readFileSync(path.join(site, 'js/main.js'), 'utf8') + '\nwindow.__altered = true;\n';

async function cachedText(page, rel) {
  return page.evaluate(async (url) => {
    for (const k of await caches.keys()) {
      const hit = await (await caches.open(k)).match(url);
      if (hit) return hit.text();
    }
    return null;
  }, new URL(rel, server.url).href);
}

test('an altered cached index.html is replaced by the genuine page on the next visit', async () => {
  const page = await guard(await browser.context.newPage());
  await page.goto(server.url);
  await page.waitForSelector('html[data-offline="ready"]');
  await tamper({ '': alteredIndex(), 'index.html': alteredIndex(), 'js/main.js': alteredMain() });
  assert.match(await cachedText(page, 'index.html'), /ALTERED/, 'the cache really holds the altered page now');

  const res = await page.goto(server.url);
  assert.ok(res.fromServiceWorker(), 'the service worker answered the visit');
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.locator('#altered-marker').count(), 0, 'the genuine page is shown');
  assert.equal(await page.evaluate(() => window.__altered), undefined, 'no altered script ran');
  assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').count(), 1, 'with its CSP');
  assert.match(res.headers()['content-security-policy'] || '', /frame-ancestors 'none'/, 'and the build\'s own headers');
  await choice(page, 'Primary tumour', 'Breast').check();
  await expectPathway(page, 'BREAST_SYSTEMIC_FIRST');
  // the wrong entries were replaced by the genuine files
  assert.equal(await cachedText(page, 'index.html'), genuineIndex());
  assert.doesNotMatch(await cachedText(page, 'js/main.js'), /__altered/);
  await page.checkGuards();
  await page.close();
});

test('offline, an altered copy fails closed: a visible notice, and nothing of it runs', async () => {
  const page = await guard(await browser.context.newPage());
  await page.goto(server.url);
  await page.waitForSelector('html[data-offline="ready"]');
  await tamper({ 'js/main.js': alteredMain() });
  await browser.context.setOffline(true);
  try {
    const res = await page.goto(server.url);
    assert.equal(res.status(), 503);
    await page.waitForSelector('html[data-livermets="altered"]');
    assert.match(await page.locator('h1').textContent(), /offline copy of this calculator has been altered/);
    assert.match(await page.locator('body').textContent(), /Connect this device to the network and reload/);
    assert.equal(await page.evaluate(() => window.__altered), undefined, 'the altered script never ran');
    assert.equal(await page.locator('#questions').count(), 0, 'no calculator, so no result');
  } finally {
    await browser.context.setOffline(false);
  }
  // back online, the next visit fetches the genuine file again
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.evaluate(() => window.__altered), undefined);
  assert.doesNotMatch(await cachedText(page, 'js/main.js'), /__altered/);
  await page.close();
});
