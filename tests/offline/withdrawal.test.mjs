// A withdrawn build does not run on: an open page whose folder is gone (404)
// or replaced by the retirement package (scripts/package --retire) says so,
// gives no more results and leaves nothing behind; a page of a superseded
// rule base says why updating matters, in the words the newer build carries.
// (Security review, issue 13, finding 2.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildServiceWorker } from '../../scripts/lib/build-sw.mjs';
import {
  repoRoot, distWeb, requireBuild, tempDir, startServer, startBrowser, guard, copyTree, choice, expectPathway,
} from './support.mjs';

const PREFIX = '/tools/livermets/';
let browser;
const dirs = [];
before(async () => { requireBuild(); browser = await startBrowser(); });
after(async () => {
  await browser.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function site(name) {
  const d = tempDir(name);
  dirs.push(d);
  copyTree(distWeb, d);
  return d;
}

/** The page of build A, controlled by its service worker, with a case on screen. */
async function openWithCase(server) {
  const page = await guard(await browser.context.newPage());
  await page.goto(server.url);
  await page.waitForSelector('html[data-offline="ready"]');
  await choice(page, 'Primary tumour', 'Breast').check();
  await expectPathway(page, 'BREAST_SYSTEMIC_FIRST');
  return page;
}

/** What is left on the device for the folder: service worker registrations and caches. */
async function leftBehind(page) {
  return page.evaluate(async (prefix) => ({
    registrations: (await navigator.serviceWorker.getRegistrations()).map((r) => new URL(r.scope).pathname).filter((p) => p === prefix),
    caches: (await caches.keys()).filter((k) => k.endsWith('@' + prefix)),
  }), PREFIX);
}

// the page looks again when it is shown again (a tablet woken up)
const showAgain = (page) => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));

test('a deleted folder: the open page says the version is withdrawn, gives no result and removes its offline copy', async () => {
  const server = await startServer({ root: site('withdraw-a'), prefix: PREFIX });
  try {
    const page = await openWithCase(server);
    const version = await page.locator('[data-version]').first().textContent();
    const empty = tempDir('withdrawn-empty');
    dirs.push(empty);
    server.setRoot(empty);  // every file, sw.js and version.json among them, now answers 404
    await showAgain(page);
    await page.waitForSelector('html[data-withdrawn="true"]');
    const banner = page.locator('#notice-banner');
    assert.equal(await banner.getAttribute('role'), 'alert');
    assert.match(await banner.textContent(), /This version has been withdrawn\./);
    assert.match(await banner.textContent(), new RegExp(`Rule base ${version.replace(/\./g, '\\.')} of this calculator has been withdrawn`));
    // no result any more, and the form takes no answer
    assert.equal(await page.locator('#pathway').count(), 0, 'the result is gone');
    assert.match(await page.locator('#result-body').textContent(), /No result: this version has been withdrawn/);
    assert.equal(await page.evaluate(() => document.getElementById('case-form').inert), true);
    await page.waitForSelector('html[data-offline="removed"]');
    assert.deepEqual(await leftBehind(page), { registrations: [], caches: [] }, 'nothing of the withdrawn build is left');
    await page.checkGuards();
    // with the network gone, the withdrawn build cannot come back
    await browser.context.setOffline(true);
    try {
      await assert.rejects(page.goto(server.url), /ERR_INTERNET_DISCONNECTED/);
    } finally {
      await browser.context.setOffline(false);
    }
    await page.close();
  } finally {
    await server.stop();
  }
});

test('the retirement package: its service worker deletes the offline copy, unregisters, and open pages show the notice', async () => {
  const out = tempDir('retire-zip');
  dirs.push(out);
  const r = spawnSync(path.join(repoRoot, 'scripts/package'), ['--retire', '--out', out], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(spawnSync('unzip', ['-q', path.join(out, 'livermets-retire.zip'), '-d', out]).status, 0);
  const server = await startServer({ root: site('retire-a'), prefix: PREFIX });
  try {
    const page = await openWithCase(server);
    server.setRoot(path.join(out, 'livermets-retire/web'));  // the folder now holds the retirement package
    // the browser's own check for a new sw.js (at least daily, and on visits) finds the retiring worker
    await Promise.all([
      page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() }),
      page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update()),
    ]);
    // which reloads every open page of the folder into the notice
    await page.waitForSelector('html[data-livermets="withdrawn"]');
    assert.match(await page.locator('h1').textContent(), /This version has been withdrawn/);
    assert.deepEqual(await leftBehind(page), { registrations: [], caches: [] });
    // a later visit gets the notice from the server, and nothing installs again
    const other = await browser.context.newPage();
    await other.goto(server.url);
    await other.waitForSelector('html[data-livermets="withdrawn"]');
    assert.deepEqual(await leftBehind(other), { registrations: [], caches: [] });
    await other.close();
    await page.close();
  } finally {
    await server.stop();
  }
});

test('a newer build that supersedes this rule base: the open page says why updating matters, and updates when asked', async () => {
  const siteA = site('supersede-a');
  const siteB = site('supersede-b');
  const a = JSON.parse(fs.readFileSync(path.join(siteA, 'version.json'), 'utf8'));
  // build B: a newer rule base whose build declares that it supersedes A's,
  // with a reason in clinical words (as deploy/supersedes.json gives them)
  const newer = a.version.replace(/^(\d+)\.(\d+)\..*$/, (m, x, y) => `${x}.${Number(y) + 1}.0`);
  const why = `Rule base ${a.version} contradicts the guideline for some patients (test reason, G10, G36).`;
  fs.appendFileSync(path.join(siteB, 'css/offline.css'), '\n/* build B */\n');
  const b = await buildServiceWorker(siteB, { version: newer, supersedes: [{ version: a.version, why }] });
  assert.deepEqual(b.supersedes, [{ version: a.version, why }]);
  const server = await startServer({ root: siteA, prefix: PREFIX });
  try {
    const page = await openWithCase(server);
    await page.evaluate(() => { window.__sameDocument = true; });
    server.setRoot(siteB);
    await showAgain(page);
    await page.waitForSelector(`html[data-superseded="${newer}"]`);
    const banner = page.locator('#notice-banner');
    assert.equal(await banner.getAttribute('role'), 'alert');
    const text = await banner.textContent();
    assert.match(text, new RegExp(`Rule base ${newer.replace(/\./g, '\\.')} replaces ${a.version.replace(/\./g, '\\.')}\\.`));
    assert.ok(text.includes(why), 'the newer build\'s own reason, word for word');
    // the case is still on screen: nothing reloads on its own
    assert.equal(await page.evaluate(() => window.__sameDocument), true);
    await expectPathway(page, 'BREAST_SYSTEMIC_FIRST');
    await Promise.all([
      page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() }),
      page.getByRole('button', { name: `Use rule base ${newer}` }).click(),
    ]);
    await page.waitForSelector('html[data-ready="true"]');
    assert.equal(await page.evaluate(() => window.__sameDocument), undefined, 'reloaded after the click');
    assert.match(await page.evaluate(async () => (await fetch('css/offline.css')).text()), /build B/, 'build B is served');
    await page.checkGuards();
    await page.close();
  } finally {
    await server.stop();
  }
});
