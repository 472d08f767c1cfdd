// scripts/bench: one table of what the product costs on this machine (issue 5 item 4).
//
//   native   Google Benchmark target build/native/bin/livermets_bench
//            (--benchmark_format=json): evaluate_json of a typical case,
//            decide() alone, the sweep's cases per second;
//   page     scripts/page-budget (the page issue's measuring script, reused as
//            is): first-visit bytes gzip per asset and in total, page ready cold
//            at 1x and 4x CPU slowdown, evaluate() median of 1000 calls in
//            headless Chromium (through the page loader) and in Node 20;
//   single   dist/livermets.html raw and gzip, or "not built".
// The ratios to native divide the wasm medians by the Google Benchmark
// per-call time.  Nothing here asserts a time: it reports figures.
//
//   node scripts/lib/bench.mjs [--markdown-out FILE]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const benchBin = process.env.LIVERMETS_BENCH || path.join(root, 'build/native/bin/livermets_bench');
const args = process.argv.slice(2);
const mdOut = args.includes('--markdown-out') ? args[args.indexOf('--markdown-out') + 1] : null;

const rows = [];  // [measure, value, note]
const add = (measure, value, note = '') => rows.push([measure, value, note]);
const fmtUs = (us) => (us < 10 ? us.toFixed(2) : us < 100 ? us.toFixed(1) : us.toFixed(0)) + ' µs';
const fmtRate = (n) => (n >= 1e6 ? (n / 1e6).toFixed(2) + ' M' : n >= 1e3 ? (n / 1e3).toFixed(1) + ' k' : n.toFixed(0) + ' ');
const kb = (n) => (n / 1000).toFixed(1) + ' KB';

// ---------------------------------------------------------------- native
function native() {
  if (!fs.existsSync(benchBin) && fs.existsSync(path.join(root, 'build/native/CMakeCache.txt'))) {
    spawnSync('cmake', ['--build', path.join(root, 'build/native'), '--target', 'livermets_bench', '-j', '2'], { stdio: 'ignore' });
  }
  if (!fs.existsSync(benchBin)) {
    add('native evaluate_json, typical case', 'not built', `${path.relative(root, benchBin)} missing: run scripts/build`);
    return null;
  }
  const r = spawnSync(benchBin, ['--benchmark_format=json', '--benchmark_repetitions=3',
    '--benchmark_report_aggregates_only=true',
    '--benchmark_filter=^(BM_EvaluateJson_TypicalCase|BM_Decide_TypicalCase|BM_Sweep_Decide/.*)$'],
  { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    add('native evaluate_json, typical case', 'failed', (r.stderr || '').trim().split('\n').pop());
    return null;
  }
  const doc = JSON.parse(r.stdout);
  const median = (name) => doc.benchmarks.find((b) => b.run_name === name && b.aggregate_name === 'median');
  const toUs = (b) => b.real_time * ({ ns: 1e-3, us: 1, ms: 1e3, s: 1e6 }[b.time_unit]);
  const ev = median('BM_EvaluateJson_TypicalCase');
  const de = median('BM_Decide_TypicalCase');
  const evUs = ev ? toUs(ev) : null;
  if (ev) add('native evaluate_json, typical case (JSON in, JSON out)', `${fmtRate(1e6 / evUs)}evaluations/s; ${fmtUs(evUs)} per call`, 'Google Benchmark, median of 3 repetitions, one core');
  if (de) add('native decide() alone, same case', `${fmtRate(1e6 / toUs(de))}decisions/s; ${fmtUs(toUs(de))} per call`, 'structured case in, codes out');
  for (const b of doc.benchmarks.filter((x) => x.run_name.startsWith('BM_Sweep_Decide/') && x.aggregate_name === 'median')) {
    const slice = b.label ? `slice ${b.label}` : `slice #${b.run_name.replace('BM_Sweep_Decide/', '')}`;
    if (b.items_per_second) add(`native sweep, ${slice}`, `${fmtRate(b.items_per_second)}cases/s`, 'enumeration + decide(), one core');
  }
  add('machine', `${doc.context.num_cpus} CPUs at ${doc.context.mhz_per_cpu} MHz`, `load average ${doc.context.load_avg ? doc.context.load_avg.map((x) => x.toFixed(2)).join(' ') : 'n/a'} at the start`);
  return evUs;
}

// ---------------------------------------------------------------- page (scripts/page-budget)
function page(nativeUs) {
  const r = spawnSync(path.join(root, 'scripts/page-budget'), [], { encoding: 'utf8', maxBuffer: 64 << 20, env: process.env });
  const out = r.stdout || '';
  if (r.status !== 0) {
    const why = ((r.stderr || '') + out).trim().split('\n').filter((l) => /error|Error|missing|run scripts/.test(l))[0] || `exit ${r.status}`;
    add('page figures (first visit, page ready, wasm in Chromium and Node)', 'not measured', `scripts/page-budget failed: ${why.trim()}`);
    return;
  }
  const lines = out.split('\n');
  const num = (s) => Number(String(s).replace(/[^0-9.]/g, ''));
  // evaluate() medians
  const browser = lines.find((l) => l.startsWith('browser, via the page loader'));
  const nodeL = lines.find((l) => l.startsWith('Node 20, module directly'));
  const usOf = (l) => { const m = l && l.match(/([0-9.]+) µs/); return m ? Number(m[1]) : null; };
  const cliUsOf = (ls) => usOf(ls.find((l) => l.startsWith('native core (CLI array mode)')));
  const ratio = (us) => [nativeUs && us ? `${(us / nativeUs).toFixed(1)}x native (Google Benchmark)` : '',
    cliUsOf(lines) && us ? `${(us / cliUsOf(lines)).toFixed(1)}x native (CLI, same case)` : ''].filter(Boolean).join(', ');
  const cliL = lines.find((l) => l.startsWith('native core (CLI array mode)'));
  const cliUs = usOf(cliL);
  if (cliUs) add('native evaluate, same case as the wasm rows (CLI array mode)', fmtUs(cliUs), 'per case of a 5000-case array, process start-up removed (scripts/page-budget)');
  const nodeUs = usOf(nodeL);
  const browserUs = usOf(browser);
  add('wasm evaluate() in Node 20, median of 1000', nodeUs ? fmtUs(nodeUs) : 'n/a',
    [ratio(nodeUs), 'page-budget case (web/examples.json crc-resection-first)'].filter(Boolean).join('; '));
  add('wasm evaluate() in headless Chromium (page loader), median of 1000', browserUs ? fmtUs(browserUs) : 'n/a',
    [ratio(browserUs), (browser || '').includes('timer resolution') ? 'browser timer resolution applies' : ''].filter(Boolean).join('; '));
  // first visit
  const start = lines.findIndex((l) => l.startsWith('First visit'));
  if (start >= 0) {
    for (let i = start + 2; i < lines.length && lines[i].trim(); i += 1) {
      const m = lines[i].match(/^(\S.*?)\s{2,}([0-9.]+ KB)\s+([0-9.]+ KB)(.*)$/);
      if (!m) continue;
      if (m[1] === 'TOTAL') add('first visit, TOTAL gzip', m[3], `raw ${m[2]}; budget 250 KB gzip${m[4].trim() ? ' (' + m[4].trim().replace(/^budget 250 KB gzip: /, '') + ')' : ''}`);
      else add(`first visit, ${m[1]} (gzip)`, m[3], `raw ${m[2]}`);
    }
  }
  // page ready
  for (const [prefix, label] of [['CPU 1x', 'page ready, cold, CPU 1x'], ['CPU 4x slowdown', 'page ready, cold, CPU 4x slowdown']]) {
    const l = lines.find((x) => x.startsWith(prefix));
    const m = l && l.match(/^\S.*?\s{2,}([0-9.]+) ms\s+(.*)$/);
    if (m) add(label, `${num(m[1]).toFixed(0)} ms`, m[2].replace(/budget 1000 ms: /, 'budget 1000 ms, ').trim());
  }
}

// ---------------------------------------------------------------- single file
function singleFile() {
  const f = path.join(root, 'dist/livermets.html');
  if (!fs.existsSync(f)) { add('single file dist/livermets.html', 'not built', ''); return; }
  const bytes = fs.readFileSync(f);
  add('single file dist/livermets.html', `${kb(zlib.gzipSync(bytes, { level: 9 }).length)} gzip`, `raw ${kb(bytes.length)}`);
}

const nativeUs = native();
page(nativeUs);
singleFile();

const when = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`livermets bench, ${when}`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
if (mdOut) {
  const md = ['| measure | value | note |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  fs.writeFileSync(mdOut, `Measured ${when}\n\n${md}\n`);
}
