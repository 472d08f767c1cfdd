// The checks one deployment must pass, whatever serves it (nginx, Apache, or
// scripts/run's server): every file type with its Content-Type and the
// guide's headers (scripts/lib/headers.mjs), revalidation to a 304 through
// compression, the service worker installing the whole build, streaming
// compilation of the wasm, and framing: embed.html by the listed origin only,
// index.html and livermets.html by nobody.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { MIME } from '../../scripts/lib/serve.mjs';
import { COMMON, policyFor } from '../../scripts/lib/headers.mjs';
import { launch } from '../../scripts/lib/chromium.mjs';
import { repoRoot, tempDir, copySite } from './servers.mjs';

export const distWeb = process.env.LIVERMETS_DIST_WEB || path.join(repoRoot, 'dist/web');
export const singleFile = process.env.LIVERMETS_SINGLE_FILE || path.join(repoRoot, 'dist/livermets.html');

/** One file of each kind the site has, and the two one-file pages. */
export const FILES = ['', 'index.html', 'js/main.js', 'css/app.css', 'livermets.js', 'livermets.wasm', 'examples.json',
  'manifest.webmanifest', 'icons/icon.svg', 'icons/icon-192.png', 'sw.js', 'version.json', 'embed.html', 'livermets.html',
  'examples/embed-host.html'];

/** A copy of the built site, with livermets.html beside index.html (a deployment may serve it too). */
export function siteCopy(name) {
  for (const f of [path.join(distWeb, 'index.html'), path.join(distWeb, 'version.json'), singleFile]) {
    if (!fs.existsSync(f)) throw new Error(`${f} is missing: run scripts/build`);
  }
  const dir = copySite(distWeb, tempDir(name));
  fs.copyFileSync(singleFile, path.join(dir, 'livermets.html'));
  fs.chmodSync(path.join(dir, 'livermets.html'), 0o644);
  return dir;
}

function mediaType(file) {
  return MIME[path.extname(file || 'index.html')].split(';')[0];
}

/** Headers and revalidation of every file type under base (a copy's URL, with its slash). */
export async function checkHeaders(base, folder, embedders) {
  for (const f of FILES) {
    const url = base + f;
    const res = await fetch(url, { headers: { 'Accept-Encoding': 'gzip' } });
    const body = Buffer.from(await res.arrayBuffer());
    assert.equal(res.status, 200, url);
    const type = res.headers.get('content-type');
    assert.equal(type.split(';')[0].trim(), mediaType(f), `${url}: Content-Type ${type}`);
    if (/^(text\/|application\/json)/.test(type)) assert.match(type, /charset=utf-8/i, `${url}: ${type}`);
    for (const [k, v] of Object.entries(COMMON)) assert.equal(res.headers.get(k), v, `${url}: ${k}`);
    assert.equal(res.headers.get('expires'), null, `${url}: no Expires (no long caching)`);
    assert.equal(res.headers.get('content-security-policy'), policyFor(path.basename(f || 'index.html'), embedders), `${url}: CSP`);
    assert.ok(body.equals(fs.readFileSync(path.join(folder, f || 'index.html'))), `${url}: the file's bytes`);
    // revalidation: what the browser (and the service worker's cache: 'no-cache') sends back
    const etag = res.headers.get('etag');
    const lastModified = res.headers.get('last-modified');
    assert.ok(etag || lastModified, `${url}: an ETag or Last-Modified to revalidate with`);
    const again = await fetch(url, { headers: { 'Accept-Encoding': 'gzip', ...(etag ? { 'If-None-Match': etag } : { 'If-Modified-Since': lastModified }) } });
    await again.arrayBuffer();
    assert.equal(again.status, 304, `${url}: revalidates to a 304 (ETag ${etag}, ${res.headers.get('content-encoding') || 'not compressed'})`);
  }
  const missing = await fetch(base + 'no-such-file.js');
  await missing.arrayBuffer();
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get('x-content-type-options'), 'nosniff', 'error answers carry the headers too');
}

/** Opens the copy in Chromium: the page works, the service worker installs every file, the wasm compiles by streaming. */
export async function checkPage(browser, base) {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || /streaming compile failed|falling back/.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    // the page's loader compiles with compileStreaming (the glue alone would instantiateStreaming)
    for (const name of ['compileStreaming', 'instantiateStreaming']) {
      const streaming = WebAssembly[name];
      WebAssembly[name] = async (...args) => {
        const out = await streaming.apply(WebAssembly, args);
        window.__streamed = true;
        return out;
      };
    }
  });
  await page.goto(base);
  await page.waitForSelector('html[data-ready="true"]');
  await page.waitForSelector('html[data-offline="ready"]');
  assert.equal(await page.evaluate(() => window.__streamed), true, 'the wasm was compiled by streaming (application/wasm)');
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    return keys.length === 1 ? (await (await caches.open(keys[0])).keys()).length : -keys.length;
  });
  const build = JSON.parse(fs.readFileSync(path.join(distWeb, 'sw.js'), 'utf8').match(/const BUILD = (\{.*?\}); \/\* END BUILD \*\//)[1]);
  assert.equal(cached, build.assets.length, 'every file of the build was fetched, checked against its SHA-256 and cached');
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation under the server\'s header policy');
  assert.deepEqual(problems, []);
  await page.close();
}

/** Serves host pages on their own origin: /?src=URL frames src in a sandboxed iframe and records its messages. */
export async function startHost() {
  const server = http.createServer((req, res) => {
    const src = new URL(req.url, 'http://x').searchParams.get('src') || 'about:blank';
    const esc = (s) => s.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>host</title>
<script>window.__got = []; addEventListener('message', (e) => { if (e.source === document.getElementById('f').contentWindow) window.__got.push(e.data); });</script>
</head><body><iframe id="f" title="framed" sandbox="allow-scripts" src="${esc(src)}"></iframe></body></html>`);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${server.address().port}`, stop: () => new Promise((r) => server.close(r)) };
}

/** Frames url from host: 'framed' once the frame answers, 'refused' when the browser refuses it for frame-ancestors. */
export async function frameFrom(browser, host, url, { expectReady }) {
  const page = await browser.context.newPage();
  const refused = page.waitForEvent('console', { predicate: (m) => /frame-ancestors/.test(m.text()) && /Refused to frame|has been blocked/.test(m.text()), timeout: 60000 })
    .then(() => 'refused', () => 'no refusal');
  await page.goto(`${host.origin}/?src=${encodeURIComponent(url)}`);
  let outcome;
  if (expectReady) {
    const ready = page.waitForFunction(() => window.__got.some((m) => m && m.type === 'livermets:ready'), null, { timeout: 60000 }).then(() => 'framed');
    outcome = await Promise.race([ready, refused]);
    // framed and answering: send a case and get its result, as a teaching site would
    if (outcome === 'framed') {
      await page.evaluate(() => document.getElementById('f').contentWindow.postMessage({ type: 'livermets:evaluate', id: 'x', case: { primary: 'breast' } }, '*'));
      await page.waitForFunction(() => window.__got.some((m) => m && m.type === 'livermets:result' && m.id === 'x'));
    }
  } else {
    outcome = await refused;
    const frameUrl = page.frames().find((f) => f !== page.mainFrame()).url();
    assert.ok(!frameUrl.startsWith('http'), `the refused frame shows no page (${frameUrl})`);
  }
  await page.close();
  return outcome;
}

/**
 * The whole suite for one kind of server: start({copies, siteRule}) ->
 * {origin, pid, stop()}; copies are served at /tools/livermets/ (embeddable
 * by the allowed host; scripts/run's server: at /) and, where the server
 * can hold two, at /tools/livermets-test/ (embeddable by nobody).
 */
export function deploymentChecks({ start, siteRule, twoCopies = true, livePrefix = '/tools/livermets/' }) {
  let browser;
  let server;
  let allowed;
  let foreign;
  const folders = [];
  return {
    async setUp() {
      allowed = await startHost();
      foreign = await startHost();
      folders.push(siteCopy('live'));
      const copies = [{ prefix: livePrefix, folder: folders[0], embedders: allowed.origin }];
      if (twoCopies) {
        folders.push(siteCopy('test'));
        copies.push({ prefix: '/tools/livermets-test/', folder: folders[1], embedders: "'none'" });
      }
      server = await start({ siteRule, copies });
      assert.ok(Number.isInteger(server.pid) && server.pid > 0);
      browser = await launch();
    },
    async tearDown() {
      await browser?.close();
      await server?.stop();
      if (server) assert.throws(() => process.kill(server.pid, 0), /ESRCH/, 'the server has stopped');
      await allowed?.stop();
      await foreign?.stop();
      for (const f of folders) fs.rmSync(f, { recursive: true, force: true });
    },
    headers: async () => {
      await checkHeaders(server.origin + livePrefix, folders[0], allowed.origin);
      if (twoCopies) await checkHeaders(`${server.origin}/tools/livermets-test/`, folders[1], "'none'");
    },
    page: () => checkPage(browser, server.origin + livePrefix),
    framing: async () => {
      const live = server.origin + livePrefix;
      assert.equal(await frameFrom(browser, allowed, live + 'embed.html', { expectReady: true }), 'framed', 'the listed origin embeds embed.html');
      assert.equal(await frameFrom(browser, foreign, live + 'embed.html', { expectReady: false }), 'refused', 'another origin may not');
      assert.equal(await frameFrom(browser, allowed, live + 'index.html', { expectReady: false }), 'refused', 'index.html is never framed');
      assert.equal(await frameFrom(browser, allowed, live + 'livermets.html', { expectReady: false }), 'refused', 'livermets.html is never framed');
      if (twoCopies) {
        assert.equal(await frameFrom(browser, allowed, `${server.origin}/tools/livermets-test/embed.html`, { expectReady: false }), 'refused',
          'the second copy lists its own origins (none)');
      }
    },
  };
}
