// Measures the page against its budgets (issue 3) and prints a table:
//   - first visit: bytes of every asset the page loads, raw and gzip, and the total;
//   - page ready (questionnaire drawn and first result shown), cold, in headless
//     Chromium at 1x and 4x CPU slowdown (CDP Emulation.setCPUThrottlingRate);
//   - one evaluate() from JavaScript: median of 1000 calls, in the page and in Node,
//     with its ratio to the native core (CLI array mode, start-up cost removed).
// Not a test: it reports figures; budgets are printed beside them.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { serve } from './serve.mjs';
import { launch, repoRoot } from './chromium.mjs';

const dist = process.env.LIVERMETS_DIST_WEB || path.join(repoRoot, 'dist/web');
const cli = process.env.LIVERMETS_CLI || path.join(repoRoot, 'build/native/bin/livermets');
const RUNS = Number(process.env.BUDGET_RUNS || 5);
const require = createRequire(import.meta.url);

const vignette = JSON.parse(fs.readFileSync(path.join(repoRoot, 'web/examples.json'), 'utf8'))
  .examples.find((e) => e.id === 'crc-resection-first').case;
const caseText = JSON.stringify(vignette);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const kb = (n) => (n / 1000).toFixed(1) + ' KB';
const ms = (n) => n.toFixed(n < 10 ? 2 : 0) + ' ms';
const us = (n) => (n * 1000).toFixed(1) + ' µs';

async function coldLoad(url, rate) {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const assets = [];
    page.on('response', async (res) => {
      try {
        const body = await res.body();
        assets.push({ url: res.url(), raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length });
      } catch { /* redirects have no body */ }
    });
    // form visible: the first frame after the first question is in the document
    // (parsed from index.html when prerendered, drawn by form.js otherwise), not before the first paint
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (!document.getElementById('q-primary')) return;
        obs.disconnect();
        requestAnimationFrame(() => { window.__formFrame = performance.now(); });
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(url);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 60000 });
    const paint = await page.evaluate(() => ({
      fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,
      frame: window.__formFrame,
    }));
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark')
      .filter((m) => m.name.startsWith('livermets-')).map((m) => [m.name.slice(10), m.startTime])));
    marks['html-parsed'] = await page.evaluate(() => performance.getEntriesByType('navigation')[0].domInteractive);
    marks['first-paint'] = paint.fcp;
    marks['form-visible'] = Math.max(paint.fcp, paint.frame);
    const readyAt = marks.ready;
    const rendered = await page.evaluate(() => ({
      questions: document.querySelectorAll('.question').length,
      pathway: document.querySelector('#result-body').dataset.pathway,
    }));
    if (!rendered.questions || !rendered.pathway) throw new Error('page not ready: ' + JSON.stringify(rendered));
    await page.waitForLoadState('networkidle');
    return { readyAt, assets, marks };
  } finally {
    await close();
  }
}

async function browserEvaluate(url) {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('html[data-ready="true"]');
    return await page.evaluate(async (text) => {
      const { calculator } = await import('./js/loader.js');
      for (let i = 0; i < 50; i += 1) await calculator.evaluate(text);  // warm
      const times = [];
      for (let i = 0; i < 1000; i += 1) {
        const t0 = performance.now();
        await calculator.evaluate(text);
        times.push(performance.now() - t0);
      }
      const t0 = performance.now();
      for (let i = 0; i < 1000; i += 1) await calculator.evaluate(text);
      const mean = (performance.now() - t0) / 1000;
      times.sort((a, b) => a - b);
      return { median: times[500], mean, resolution: Math.min(...times.filter((t) => t > 0)) };
    }, caseText);
  } finally {
    await close();
  }
}

async function nodeEvaluate() {
  const m = await require(path.join(dist, 'livermets.js'))();
  for (let i = 0; i < 200; i += 1) m.evaluate(caseText);
  const times = [];
  for (let i = 0; i < 1000; i += 1) {
    const t0 = process.hrtime.bigint();
    m.evaluate(caseText);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

function nativeEvaluate() {
  if (!fs.existsSync(cli)) return null;
  const run = (n) => {
    const input = '[' + Array(n).fill(caseText).join(',') + ']';
    const best = [];
    for (let k = 0; k < 5; k += 1) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(cli, ['evaluate', '-'], { input, maxBuffer: 1 << 30 });
      if (r.status !== 0) throw new Error('CLI failed');
      best.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return Math.min(...best);
  };
  const small = run(100);
  const large = run(5100);
  return (large - small) / 5000;  // per case, start-up and I/O set-up removed
}

const { server, url } = await serve({ root: dist, port: 0 });
try {
  const first = await coldLoad(url, 1);
  const loads = { 1: [], 4: [] };
  const stages = {};
  for (const rate of [1, 4]) {
    for (let i = 0; i < RUNS; i += 1) {
      const r = await coldLoad(url, rate);
      loads[rate].push(r.readyAt);
      (stages[rate] ||= []).push(r.marks);
    }
  }
  const browser = await browserEvaluate(url);
  const nodeMs = await nodeEvaluate();
  const nativeMs = nativeEvaluate();

  const rows = first.assets.map((a) => ({ name: a.url.replace(url, '') || 'index.html', raw: a.raw, gzip: a.gzip }));
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  const w = Math.max(...rows.map((r) => r.name.length), 28);
  const line = (a, b, c, d = '') => console.log(a.padEnd(w + 2) + b.padStart(12) + c.padStart(12) + '  ' + d);
  console.log('\nFirst visit (every request of a cold load)');
  line('asset', 'raw', 'gzip -9');
  for (const r of rows) line(r.name, kb(r.raw), kb(r.gzip));
  line('TOTAL', kb(total.raw), kb(total.gzip), `budget 250 KB gzip: ${total.gzip <= 250000 ? 'within' : 'OVER'}`);

  console.log(`\nPage ready, cold (questionnaire drawn and first result shown), median of ${RUNS} fresh profiles`);
  line('CPU 1x', ms(median(loads[1])), '', `runs: ${loads[1].map((x) => x.toFixed(0)).join(', ')} ms`);
  line('CPU 4x slowdown', ms(median(loads[4])), '', `runs: ${loads[4].map((x) => x.toFixed(0)).join(', ')} ms; budget 1000 ms: ${median(loads[4]) <= 1000 ? 'within' : 'OVER'}`);

  console.log('  where the time goes (median ms from navigation start; 1x / 4x):');
  for (const stage of ['html-parsed', 'first-paint', 'form-visible', 'factory', 'module', 'questionnaire', 'form', 'ready']) {
    const at = (rate) => median(stages[rate].map((m) => m[stage]).filter((x) => x !== undefined));
    line('    ' + stage, at(1).toFixed(0), at(4).toFixed(0));
  }
  console.log('    (first-paint: first contentful paint; form-visible: first frame with the questions on screen;');
  console.log('     factory: livermets.js loaded; module: wasm compiled and instantiated; questionnaire: read');
  console.log('     from the module; form: drawn or adopted; ready: first result shown)');
  let load = '';
  try { load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '); } catch { /* not Linux */ }
  if (load) console.log(`  machine load average during the run: ${load} (${(await import('node:os')).cpus().length} CPUs)`);

  console.log('\nevaluate() of one colorectal case, median of 1000 calls');
  line('browser, via the page loader', us(browser.median), '', `mean ${us(browser.mean)}; timer resolution here ~${us(browser.resolution)}`);
  line('Node 20, module directly', us(nodeMs), '', nativeMs ? `ratio to native ${(nodeMs / nativeMs).toFixed(1)}x` : '');
  if (nativeMs) {
    line('native core (CLI array mode)', us(nativeMs), '', `browser/native ${(browser.mean / nativeMs).toFixed(1)}x (mean)`);
  } else {
    line('native core', 'n/a', '', `${cli} not built`);
  }
} finally {
  server.close();
}
