// Shared by the offline, single-file, embed and package suites: a small
// static server of our own (a path prefix, so the site can be served from a
// sub-folder such as /tools/livermets/; a root that can be swapped for
// another build; a hard stop that takes the network away), Chromium through
// the project's launcher, and per-page guards (no console error, no failed
// request, no CSP violation).
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { MIME } from '../../scripts/lib/serve.mjs';
import { launch } from '../../scripts/lib/chromium.mjs';

import { repoRoot, distWeb, choice, typeNumber } from '../web/helpers.mjs';

// The page suites' own helpers: how a person picks an answer or types a number.
export { repoRoot, distWeb, choice, typeNumber };
export const singleFile = process.env.LIVERMETS_SINGLE_FILE || path.join(repoRoot, 'dist/livermets.html');

export function requireBuild() {
  for (const f of [path.join(distWeb, 'index.html'), path.join(distWeb, 'sw.js'), path.join(distWeb, 'embed.html'), singleFile]) {
    if (!fs.existsSync(f)) throw new Error(`${f} is missing: run scripts/build`);
  }
}

export function tempDir(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `livermets-${name}-`));
}

/** Serves `root` under `prefix` on 127.0.0.1 (a free port). */
export async function startServer({ root, prefix = '/' }) {
  let current = path.resolve(root);
  const requests = [];
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    const send = (code, body, headers = {}) => {
      res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache', ...headers });
      res.end(body);
    };
    let pathname;
    try { pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { return send(400, 'bad request\n'); }
    requests.push(pathname);
    if (pathname + '/' === prefix) return send(301, '', { Location: prefix });
    if (!pathname.startsWith(prefix) || pathname.includes('\0')) return send(404, 'not found\n');
    let rel = pathname.slice(prefix.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(current, path.normalize(rel));
    if (!file.startsWith(current + path.sep)) return send(403, 'forbidden\n');
    fs.readFile(file, (err, body) => {
      if (err) return send(404, 'not found\n');
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + prefix,
    requests,
    setRoot(dir) { current = path.resolve(dir); },
    /** Closes the server and every open connection: from now on, no network. */
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

export async function startBrowser() {
  return launch();
}

/** Watches a page: console errors, page errors, failed requests, HTTP errors, CSP violations. */
export async function guard(page) {
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push('console error: ' + msg.text()); });
  page.on('pageerror', (err) => problems.push('page error: ' + err.message));
  page.on('requestfailed', (req) => problems.push('request failed: ' + req.url().slice(0, 120)));
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
  page.problems = problems;
  page.checkGuards = async () => {
    for (const frame of page.frames()) {
      const csp = await frame.evaluate(() => window.__csp || []).catch(() => []);
      assert.deepEqual(csp, [], `no Content-Security-Policy violation in ${frame.url().slice(0, 80)}`);
    }
    assert.deepEqual(problems, [], 'no console error, failed request or HTTP error');
  };
  return page;
}

export async function expectPathway(page, code) {
  await page.waitForFunction((c) => document.querySelector('#result-body')?.dataset.pathway === c, code);
}

/** A colorectal case entered by clicks and typing: resection first (contract: CRC_RESECTION_FIRST). */
export async function completeColorectalCase(page) {
  await choice(page, 'Primary tumour', 'Colorectal').check();
  await choice(page, 'Presentation', 'Metachronous').check();
  await typeNumber(page, /^Number of liver metastases/, 2);
  await choice(page, 'Complete (R0) resection achievable', 'Yes').check();
  await typeNumber(page, /^Future liver remnant/, 45);
  await choice(page, 'ECOG performance status', '1').check();  // buttons since issue 10
  await choice(page, 'Operative risk acceptable', 'Yes').check();
  await choice(page, 'Patient declines liver surgery', 'No').check();
  await choice(page, 'Disease outside the liver', 'None').check();
  await choice(page, 'Node-positive primary', 'No').check();
  await choice(page, 'Tumour markers elevated', 'No').check();
  await expectPathway(page, 'CRC_RESECTION_FIRST');
}

/**
 * Posts `message` to the host's calculator frame (#calculator) from three
 * windows that are not its parent: a sibling iframe of the host, a pop-up the
 * host opened, and the calculator's own window.  Each of the first two records
 * what it receives in window.__got.  Returns {sibling, popup} (close the popup).
 */
export async function postFromForeignWindows(page, calc, message) {
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.title = 'sibling';
    document.body.append(f);
  });
  const sibling = page.frames().find((f) => f.parentFrame() === page.mainFrame() && f.url() === 'about:blank');
  assert.ok(sibling, 'the sibling frame');
  const send = (m) => {
    window.__got = [];
    window.addEventListener('message', (e) => window.__got.push(e.data));
    (window.opener || window.parent).document.getElementById('calculator').contentWindow.postMessage(m, '*');
  };
  await sibling.evaluate(send, message);
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate(() => { window.open('about:blank', 'foreign'); })]);
  await popup.evaluate(send, message);
  await calc.evaluate((m) => window.postMessage(m, '*'), message);
  return { sibling, popup };
}

/** Copies a directory tree. */
export function copyTree(from, to) {
  fs.cpSync(from, to, { recursive: true });
}
