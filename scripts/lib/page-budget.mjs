// Measures the page against its budgets (issues 3 and 12) and prints tables:
//   - cold loads in headless Chromium at 1x and 4x CPU slowdown (CDP
//     Emulation.setCPUThrottlingRate), each in a fresh profile with the HTTP
//     cache off: first paint, form visible (the frame in which the form's first
//     question is in the document), module ready (the wasm instance is up),
//     page ready (questionnaire drawn and first result shown: the page's
//     data-ready), first result painted (the frame after it, once its style,
//     layout and paint are done: what a person sees), the first evaluate()
//     (at start-up; a build that carries the empty form's result makes it in
//     idle time, to check that result), and the first evaluate() of a new case once the
//     page has sat idle (what a person's first answer costs); medians of
//     BUDGET_RUNS (default 7) loads per rate;
//   - first visit: every byte the server sends to a fresh profile with its HTTP
//     cache on, until the service worker holds the whole build (the page's own
//     requests, then the worker's precache), raw and gzip -9;
//   - one evaluate() from JavaScript: in the page's own instance, 1000 calls;
//     in Node; with its ratio to the native core (CLI array mode, start-up
//     cost removed).
// Nothing in the product is instrumented for this: an init script wraps the
// factory the glue defines (createLivermets) to time the module's calls and
// watches the document, so two builds are measured the same way.
//
//   scripts/page-budget                      the build in dist/web
//   scripts/page-budget --compare DIR        DIR (build A, e.g. /work/baseline/web)
//                                            against dist/web (build B), loads
//                                            interleaved A, B, A, B..., with B/A
//   scripts/page-budget --site DIR           another build folder as the one measured
//   BUDGET_RUNS=N                            cold loads per rate and build (default 7)
//   BUDGET_RATES=1,4                         the CPU slowdowns (default 1 and 4)
//   BUDGET_LOADS_ONLY=1                      the cold loads alone (no first visit, no evaluate())
//   BUDGET_NET=wifi                          the cold loads over an emulated ward Wi-Fi (10 Mbit/s, 40 ms)
//   BUDGET_VERBOSE=1                         every request of the first visits
// Not a test: it reports figures; budgets are printed beside them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { serve } from './serve.mjs';
import { launch, repoRoot } from './chromium.mjs';

const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const siteB = path.resolve(opt('--site') || process.env.LIVERMETS_DIST_WEB || path.join(repoRoot, 'dist/web'));
const siteA = opt('--compare') ? path.resolve(opt('--compare')) : null;
const cli = process.env.LIVERMETS_CLI || path.join(repoRoot, 'build/native/bin/livermets');
const RUNS = Number(process.env.BUDGET_RUNS || 7);
const RATES = (process.env.BUDGET_RATES || '1,4').split(',').map(Number);
// BUDGET_NET=wifi: a busy ward's Wi-Fi (10 Mbit/s down, 40 ms round trip), instead of loopback
const NETWORKS = { wifi: { latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8 } };
const NETWORK = process.env.BUDGET_NET ? NETWORKS[process.env.BUDGET_NET] : null;
if (process.env.BUDGET_NET && !NETWORK) throw new Error(`page-budget: BUDGET_NET must be one of ${Object.keys(NETWORKS).join(', ')}`);
const IDLE_WAIT_MS = 3000;  // after ready, before the first evaluate() of a new case
const require = createRequire(import.meta.url);
for (const s of [siteB, siteA].filter(Boolean)) {
  if (!fs.existsSync(path.join(s, 'index.html'))) throw new Error(`page-budget: ${s}/index.html is missing`);
}

const examples = JSON.parse(fs.readFileSync(path.join(repoRoot, 'web/examples.json'), 'utf8')).examples;
const caseText = JSON.stringify(examples.find((e) => e.id === 'crc-resection-first').case);
// a case the page has not seen before (not one of the loader's warm-up cases)
const newCaseText = JSON.stringify(examples.find((e) => e.id === 'crc-neoadjuvant').case);

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (n) => (n / 1000).toFixed(1) + ' KB';
const ms = (n) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 0) + ' ms' : 'n/a');
const us = (n) => (n * 1000).toFixed(1) + ' µs';

// Runs in the page before its scripts: times the module's calls through the
// factory the glue defines, and notes when the form and the result appear.
function instrument() {
  const t = { evals: [], module: null, moduleAt: null, formAt: null, readyAt: null, paintedAt: null };
  Object.defineProperty(window, '__livermetsBudget', { value: t });
  let factory;
  Object.defineProperty(window, 'createLivermets', {
    configurable: true,
    enumerable: true,
    get() { return factory; },
    set(f) {
      if (typeof f !== 'function') { factory = f; return; }
      factory = function (args) {
        return Promise.resolve(f(args)).then((m) => {
          if (m && !m.__timed) {
            if (t.moduleAt === null) t.moduleAt = performance.now();
            t.module = m;
            const evaluate = m.evaluate;
            m.evaluate = function (x) {
              const t0 = performance.now();
              const r = evaluate.call(this, x);
              t.evals.push({ at: t0, ms: performance.now() - t0 });
              return r;
            };
            Object.defineProperty(m, '__timed', { value: true });
          }
          return m;
        });
      };
    },
  });
  // the form: the first question in the document, then the frame that draws it
  new MutationObserver(() => {
    if (t.readyAt === null && document.documentElement && document.documentElement.dataset.ready === 'true') {
      t.readyAt = performance.now();
      // the frame that draws the first result: a message posted from its animation frame
      // runs once that frame's style, layout and paint are done
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { t.paintedAt = performance.now(); };
        ch.port2.postMessage(0);
      });
    }
    if (t.formIn === undefined && document.querySelector('.question')) {
      t.formIn = performance.now();
      requestAnimationFrame(() => { t.formAt = performance.now(); });
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
}

async function coldLoad(url, rate) {
  const { context, close } = await launch();
  try {
    await context.addInitScript(instrument);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    if (NETWORK) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...NETWORK });
    await page.goto(url);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 60000 });
    await page.waitForFunction(() => window.__livermetsBudget.formAt !== null && window.__livermetsBudget.paintedAt !== null, null, { timeout: 10000 }).catch(() => {});
    const r = await page.evaluate(() => {
      const t = window.__livermetsBudget;
      const paint = Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));
      const marks = Object.fromEntries(performance.getEntriesByType('mark')
        .filter((m) => m.name.startsWith('livermets-')).map((m) => [m.name.slice(10), m.startTime]));
      marks['html-parsed'] = performance.getEntriesByType('navigation')[0].domInteractive;
      return {
        firstPaint: paint['first-paint'], fcp: paint['first-contentful-paint'],
        formVisible: t.formAt, moduleReady: t.moduleAt, ready: t.readyAt, resultPainted: t.paintedAt,
        firstEval: t.evals.length ? t.evals[0].ms : null, marks,
        questions: document.querySelectorAll('.question').length,
        pathway: document.querySelector('#result-body').dataset.pathway,
      };
    });
    if (!r.questions || !r.pathway) throw new Error('page not ready: ' + JSON.stringify(r));
    // a person reads the form; then their first case (the loader's warm-up, if
    // the build has one, marks livermets-warm when it is done)
    await page.waitForFunction(() => performance.getEntriesByName('livermets-warm').length > 0, null,
      { timeout: IDLE_WAIT_MS }).catch(() => {});
    r.newCaseEval = await page.evaluate((text) => {
      const m = window.__livermetsBudget.module;
      const t0 = performance.now();
      m.evaluate(text);
      return performance.now() - t0;
    }, newCaseText);
    const warm = await page.evaluate(() => performance.getEntriesByName('livermets-warm').map((m) => m.startTime)[0]);
    if (warm !== undefined) r.marks.warm = warm;
    r.resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => ({
      name: e.name.replace(location.origin, ''), start: e.startTime, end: e.responseEnd })));
    return r;
  } finally {
    await close();
  }
}

// Per-call cost in the page's own instance (after start-up and warm-up): the
// mean of 1000 calls, and the median of 100 batches of 10 (the browser's
// timer is coarsened to 0.1 ms, so single calls are not timed).
async function browserEvaluate(url) {
  const { context, close } = await launch();
  try {
    await context.addInitScript(instrument);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('html[data-ready="true"]');
    return await page.evaluate(async (text) => {
      const m = window.__livermetsBudget.module;
      const evaluate = (x) => JSON.parse(m.evaluate(x));  // as the loader does
      for (let i = 0; i < 50; i += 1) evaluate(text);
      const batches = [];
      for (let i = 0; i < 100; i += 1) {
        const t0 = performance.now();
        for (let k = 0; k < 10; k += 1) evaluate(text);
        batches.push((performance.now() - t0) / 10);
      }
      const t0 = performance.now();
      for (let i = 0; i < 1000; i += 1) evaluate(text);
      const mean = (performance.now() - t0) / 1000;
      batches.sort((a, b) => a - b);
      return { median: batches[50], mean };
    }, caseText);
  } finally {
    await close();
  }
}

function nodeEvaluate(site) {
  // a child process per build: two glue files define the same global name
  const code = `
    const m = await require(${JSON.stringify(path.join(site, 'livermets.js'))})();
    const text = ${JSON.stringify(caseText)};
    const t0 = process.hrtime.bigint(); m.evaluate(text); const first = Number(process.hrtime.bigint() - t0) / 1e6;
    for (let i = 0; i < 200; i += 1) m.evaluate(text);
    const times = [];
    for (let i = 0; i < 1000; i += 1) { const t = process.hrtime.bigint(); m.evaluate(text); times.push(Number(process.hrtime.bigint() - t) / 1e6); }
    times.sort((a, b) => a - b);
    console.log(JSON.stringify({ first, median: times[500], min: times[0] }));`;
  const r = spawnSync(process.execPath, ['--input-type=commonjs', '-e', `(async () => {${code}})()`],
    { encoding: 'utf8', env: { ...process.env, NODE_PATH: path.join(repoRoot, 'node_modules') } });
  if (r.status !== 0) throw new Error('node evaluate: ' + r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop());
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
  return (run(5100) - run(100)) / 5000;  // per case, start-up and I/O set-up removed
}

// First visit with the HTTP cache on, until the service worker has the whole
// build: the server counts what it sends.  Twice, each in a fresh profile:
// once with service workers switched off (the page's own requests) and once
// as a visitor gets it; the difference is the worker's precache.
async function firstVisit(server, url, site, { withWorker }) {
  const log = [];
  const onRequest = (req, res) => {
    let bytes = 0;
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.write = (chunk, ...rest) => { if (chunk) bytes += Buffer.byteLength(chunk); return write(chunk, ...rest); };
    res.end = (chunk, ...rest) => { if (chunk && typeof chunk !== 'function') bytes += Buffer.byteLength(chunk); return end(chunk, ...rest); };
    res.on('finish', () => log.push({ path: decodeURIComponent(new URL(req.url, url).pathname), status: res.statusCode, bytes }));
  };
  server.prependListener('request', onRequest);
  const { context, close } = await launch();
  try {
    if (!withWorker) await context.addInitScript(() => { delete Navigator.prototype.serviceWorker; });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 60000 });
    const sw = withWorker ? await page.evaluate(async () => {
      const reg = await Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 20000))]);
      return reg && reg.active ? reg.active.state : null;
    }) : null;
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    const gz = (p) => {
      const f = path.join(site, p.endsWith('/') ? p + 'index.html' : p);
      return fs.existsSync(f) && fs.statSync(f).isFile() ? zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length : 0;
    };
    const rows = log.map((e) => ({ ...e, gzip: e.status === 200 && e.bytes ? gz(e.path) : 0 }));
    return { rows, sw };
  } finally {
    server.removeListener('request', onRequest);
    await close();
  }
}

function sumRows(rows) {
  return rows.reduce((t, r) => ({ n: t.n + 1, raw: t.raw + r.bytes, gzip: t.gzip + r.gzip, full: t.full + (r.status === 200 && r.bytes > 0 ? 1 : 0) }),
    { n: 0, raw: 0, gzip: 0, full: 0 });
}

const stagesOf = ['firstPaint', 'formVisible', 'moduleReady', 'ready', 'resultPainted', 'firstEval', 'newCaseEval'];
const STAGE_LABEL = {
  firstPaint: 'first paint',
  formVisible: 'form visible',
  moduleReady: 'module ready',
  ready: 'page ready (first result)',
  resultPainted: 'first result painted',
  // before stop 17 the empty form's, on the way to ready; since, the idle check of the result built into the page
  firstEval: 'first evaluate() (start-up, or idle check)',
  newCaseEval: 'first evaluate() of a new case, idle page',
};

const servers = {};
try {
  for (const [name, site] of [['B', siteB], ['A', siteA]].filter(([, s]) => s)) servers[name] = { ...(await serve({ root: site, port: 0 })), site };
  const builds = Object.keys(servers).sort();  // A first, then B
  const loads = {};
  for (const b of builds) for (const rate of RATES) loads[`${b}${rate}`] = [];
  await coldLoad(servers[builds[0]].url, 1);  // one load to warm the disk cache, not counted
  for (let i = 0; i < RUNS; i += 1) {
    for (const rate of RATES) {
      for (const b of builds) loads[`${b}${rate}`].push(await coldLoad(servers[b].url, rate));
    }
  }
  const full = !process.env.BUDGET_LOADS_ONLY;  // BUDGET_LOADS_ONLY=1: the cold loads alone
  const visits = {};
  const browser = {};
  const node = {};
  let nativeMs = null;
  if (full) {
    for (const b of builds) {
      const { server, url, site } = servers[b];
      visits[b] = { page: await firstVisit(server, url, site, { withWorker: false }), all: await firstVisit(server, url, site, { withWorker: true }) };
    }
    for (const b of builds) browser[b] = await browserEvaluate(servers[b].url);
    for (const b of builds) node[b] = nodeEvaluate(servers[b].site);
    nativeMs = nativeEvaluate();
  }

  const w = 46;
  const line = (a, b, c, d = '') => console.log(a.padEnd(w + 2) + b.padStart(12) + c.padStart(12) + '  ' + d);
  const name = (b) => (b === 'A' ? `A ${siteA}` : `${siteA ? 'B ' : ''}${siteB}`);
  for (const b of builds) console.log(`build ${name(b)}`);

  const main = builds[builds.length - 1];
  if (full) {
    // first visit
    console.log('\nFirst visit (every request of a cold load, service worker off: ' + name(main) + ')');
    line('asset', 'raw', 'gzip -9');
    for (const r of visits[main].page.rows) {
      line(r.path === '/' ? 'index.html' : r.path.slice(1) + (r.status !== 200 ? ` (${r.status})` : ''), kb(r.bytes), kb(r.gzip));
    }
    const own = sumRows(visits[main].page.rows);
    line('TOTAL', kb(own.raw), kb(own.gzip), `budget 250 KB gzip: ${own.gzip <= 250000 ? 'within' : 'OVER'}`);
    console.log('\nFirst visit including the service worker\'s precache (fresh profiles, HTTP cache on; bytes the server sent)');
    line('', 'raw', 'gzip -9', 'requests (with a body)');
    for (const b of builds) {
      const p = sumRows(visits[b].page.rows);
      const a = sumRows(visits[b].all.rows);
      const tag = builds.length > 1 ? `${b}: ` : '';
      line(`${tag}the page alone (no service worker)`, kb(p.raw), kb(p.gzip), `${p.n} (${p.full})`);
      line(`${tag}the worker's precache (the difference)`, kb(a.raw - p.raw), kb(a.gzip - p.gzip), `${a.n - p.n} (${a.full - p.full})`);
      line(`${tag}first visit in all`, kb(a.raw), kb(a.gzip), `${a.n} (${a.full}); worker ${visits[b].all.sw || 'not active'}`);
    }
    if (builds.length > 1) {
      const [a, bb] = builds.map((b) => sumRows(visits[b].all.rows));
      line('first visit in all, B/A', (bb.raw / a.raw).toFixed(2), (bb.gzip / a.gzip).toFixed(2));
    }
    if (process.env.BUDGET_VERBOSE) {
      for (const b of builds) for (const r of visits[b].all.rows) console.log(`  ${b} ${String(r.status).padEnd(4)} ${String(r.bytes).padStart(8)}  ${r.path}`);
    }
  }

  // cold loads
  for (const rate of RATES) {
    const label = rate === 1 ? 'CPU 1x' : `CPU ${rate}x slowdown`;
    console.log(`\n${label}: cold loads, median of ${RUNS} fresh profiles${builds.length > 1 ? ' each, interleaved A, B, A, B...' : ''} (ms from navigation start)`);
    if (builds.length > 1) {
      line('', 'A', 'B', 'B/A');
      for (const k of stagesOf) {
        const [a, b] = builds.map((x) => median(loads[`${x}${rate}`].map((r) => r[k])));
        line(STAGE_LABEL[k], ms(a), ms(b), Number.isFinite(a) && Number.isFinite(b) ? (b / a).toFixed(2) : '');
      }
    }
    // the measured build's line in the old form (scripts/bench reads it)
    const own = loads[`${main}${rate}`];
    line(label, ms(median(own.map((r) => r.ready))), '', `runs: ${own.map((r) => r.ready.toFixed(0)).join(', ')} ms` +
      (rate === 4 ? `; budget 1000 ms: ${median(own.map((r) => r.ready)) <= 1000 ? 'within' : 'OVER'}` : ''));
  }
  const [lo, hi] = [RATES[0], RATES[RATES.length - 1]];
  console.log(`\n  where the time goes, ${name(main)} (median ms from navigation start; ${lo}x / ${hi}x):`);
  for (const k of stagesOf) {
    line('    ' + STAGE_LABEL[k], ms(median(loads[`${main}${lo}`].map((r) => r[k]))), ms(median(loads[`${main}${hi}`].map((r) => r[k]))));
  }
  for (const stage of ['html-parsed', 'factory', 'module', 'questionnaire', 'form', 'ready', 'warm']) {
    const at = (rate) => median(loads[`${main}${rate}`].map((r) => r.marks[stage]));
    if (Number.isFinite(at(lo))) line('    mark ' + stage, at(lo).toFixed(0), at(hi).toFixed(0));
  }
  console.log('    (marks: factory: the glue is there; module: wasm compiled and instantiated; questionnaire: read');
  console.log('     from the module; form: drawn; ready: first result shown; warm: the warm-up done)');
  let load = '';
  try { load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '); } catch { /* not Linux */ }
  if (load) console.log(`  machine load average at the end: ${load} (${os.cpus().length} CPUs)`);

  if (full) {
    console.log('\nevaluate() of one colorectal case (crc-resection-first)');
    for (const b of builds) {
      const tag = builds.length > 1 ? ` [${b}]` : '';
      line('browser, via the page loader' + tag, us(browser[b].median), '', `the page's instance, JSON.parse included: median of 100 batches of 10, mean of 1000 ${us(browser[b].mean)}`);
      line('Node 20, module directly' + tag, us(node[b].median), '', `median of 1000; first call ${ms(node[b].first)}` + (nativeMs ? `; ratio to native ${(node[b].median / nativeMs).toFixed(1)}x` : ''));
    }
    if (nativeMs) line('native core (CLI array mode)', us(nativeMs), '', `browser/native ${(browser[main].mean / nativeMs).toFixed(1)}x (mean)`);
    else line('native core', 'n/a', '', `${cli} not built`);
    for (const b of builds) {
      const wasm = path.join(servers[b].site, 'livermets.wasm');
      const bytes = fs.readFileSync(wasm);
      line(`livermets.wasm${builds.length > 1 ? ` [${b}]` : ''}`, `${bytes.length} B`, kb(zlib.gzipSync(bytes, { level: 9 }).length), 'raw bytes, gzip -9');
    }
  }
} finally {
  for (const s of Object.values(servers)) s.server.close();
}
