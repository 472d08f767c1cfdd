// The single file (dist/livermets.html): the whole tool in one file, opened
// from file:// with nothing beside it, makes no request beyond itself, keeps a
// CSP that forbids inline code it does not name, eval and every origin, and
// degrades quietly (no service worker, no error).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  distWeb, singleFile, requireBuild, tempDir, startBrowser, guard, choice, typeNumber,
  completeColorectalCase, expectPathway,
} from './support.mjs';

let browser;
let dir;
let fileUrl;
const requests = [];
before(async () => {
  requireBuild();
  // alone in a folder: any reference to a neighbouring file would fail
  dir = tempDir('single');
  fs.copyFileSync(singleFile, path.join(dir, 'livermets.html'));
  fileUrl = pathToFileURL(path.join(dir, 'livermets.html')).href;
  browser = await startBrowser();
  browser.context.on('request', (req) => requests.push(req.url()));
});
after(async () => {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function unexpected() {
  return requests.filter((u) => u !== fileUrl && !u.startsWith('data:'));
}

test('opened from file://, a case is completed by clicks and typing with no request beyond the file', async () => {
  const page = await guard(await browser.context.newPage());
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(fileUrl);
  await page.waitForSelector('html[data-ready="true"]');
  await completeColorectalCase(page);
  const recs = await page.locator('.rec-group[data-strength="do"] .rec').evaluateAll((els) => els.map((e) => e.dataset.code));
  assert.ok(recs.includes('RESECTION'));
  // an invalid value is still refused by the core, named on its question
  await typeNumber(page, /^Number of liver metastases/, 300);
  await page.waitForFunction(() => document.querySelector('#result-body').dataset.status === 'error');
  await typeNumber(page, /^Number of liver metastases/, 2);
  await expectPathway(page, 'CRC_RESECTION_FIRST');
  // the teaching examples travel inside the file
  await page.selectOption('#example', 'crc-conversion');
  await page.click('#load-example');
  await expectPathway(page, 'CRC_CONVERSION_THERAPY');
  // and so does the clinical change log ("What changed in this rule base")
  await page.click('a[href="#changes"]');
  const version = await page.locator('.result-rulebase [data-version]').textContent();
  await page.waitForSelector(`.changes-version[data-version="${version}"]`);
  // degrades quietly: no service worker here, no banner, nothing logged
  assert.equal(await page.evaluate(() => document.documentElement.dataset.offline), 'unavailable');
  assert.equal(await page.locator('#update-banner').count(), 0);
  assert.deepEqual(unexpected(), [], 'only the file itself (and data: URIs) was requested');
  assert.ok(requests.includes(fileUrl));
  await page.checkGuards();
  await page.close();
});

test('the file carries the same wasm, styles and examples as the site, and a hash-based CSP', async () => {
  const html = fs.readFileSync(singleFile, 'utf8');
  const wasm = html.match(/<script type="application\/octet-stream" id="livermets-wasm">([A-Za-z0-9+/=\s]+)<\/script>/);
  assert.ok(wasm, 'the wasm data block');
  assert.ok(Buffer.from(wasm[1], 'base64').equals(fs.readFileSync(path.join(distWeb, 'livermets.wasm'))), 'byte for byte the site\'s livermets.wasm');
  // (the bundled script is minified onto one line, so a registration is looked for as a call
  // naming sw.js; js/offline.js's own register() is inert without a manifest, as the test above shows)
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+rel="(stylesheet|manifest)"|register\(\s*["'][^"']*sw\.js/);
  const csp = html.match(/^<meta http-equiv="Content-Security-Policy" content="([^"]+)">/m);
  assert.ok(csp && html.indexOf(csp[0]) < html.indexOf('<meta charset'), 'the CSP comes first in <head>');
  const policy = csp[1];
  assert.match(policy, /^default-src 'none'; /);
  assert.match(policy, /script-src 'sha256-[A-Za-z0-9+/]+=' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(policy, /'unsafe-eval'|'unsafe-inline'|\*|https?:|connect-src/);
  const inlineScripts = [...html.matchAll(/<script>/g)].length;
  assert.equal(inlineScripts, 1, 'one executable inline script, named by its hash');
  assert.equal(fs.readFileSync(path.join(distWeb, 'embed.html'), 'utf8').replace(' data-embed>', '>'), html,
    'embed.html is the same file in embed mode');
});

test('the CSP is enforced: an injected inline script or event handler is refused, and the page goes on', async () => {
  const page = await guard(await browser.context.newPage());
  await page.goto(fileUrl);
  await page.waitForSelector('html[data-ready="true"]');
  const outcome = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true;';
    document.body.append(s);
    const b = document.createElement('button');
    b.setAttribute('onclick', 'window.__handler = true;');
    document.body.append(b);
    b.click();
    b.remove();
    return { injected: window.__injected === true, handler: window.__handler === true };
  });
  assert.equal(outcome.injected, false, 'inline script without the hash is refused');
  assert.equal(outcome.handler, false, 'an inline event handler is refused');
  // the violation events arrive as tasks after the attempt
  await page.waitForFunction(() => window.__csp.filter((v) => v.startsWith('script-src')).length >= 2);
  await page.evaluate(() => window.__csp.splice(0));
  page.problems.splice(0);  // the refusals above log console errors by design
  await choice(page, 'Primary tumour', 'Neuroendocrine').check();
  await expectPathway(page, 'ASSESSMENT_INCOMPLETE');
  assert.deepEqual(unexpected(), []);
  await page.checkGuards();
  await page.close();
});
