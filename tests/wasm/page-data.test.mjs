// The page's data and pure helpers, checked against the real module: the
// teaching examples reach the pathway they name, and the form's number and
// relevance handling says what the core expects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { wasm, wasmJs, repoRoot } from './harness.mjs';
import { parseNumberText, caseToJson, holds } from '../../web/js/form.js';
import { findAlgorithm } from '../../web/js/diagram.js';
import { bundleModule } from '../../scripts/lib/build-bundle.mjs';

const examples = JSON.parse(fs.readFileSync(path.join(repoRoot, 'web/examples.json'), 'utf8')).examples;

function fieldsOf(obj, prefix = '') {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' && !prefix ? fieldsOf(v, k + '.') : [prefix + k]));
}

test('every example is valid, reaches its named pathway, and fits the form', async () => {
  const m = await wasm();
  const q = JSON.parse(m.questionnaire());
  const ids = new Set(q.questions.map((x) => x.id));
  const statementIds = new Set(q.statements.map((x) => x.id));
  const primaries = new Set();
  assert.ok(examples.length >= 3);
  for (const ex of examples) {
    const r = JSON.parse(m.evaluate(JSON.stringify(ex.case)));
    assert.equal(r.status, 'ok', `${ex.id}: ${JSON.stringify(r.errors)}`);
    assert.equal(r.pathway.code, ex.expected_pathway, ex.id);
    for (const f of fieldsOf(ex.case)) if (f !== 'schema') assert.ok(ids.has(f), `${ex.id}: ${f} is a question`);
    assert.ok(ex.title && ex.teaching, `${ex.id}: title and teaching note`);
    // a teaching case does not contradict itself, and it shows what its note teaches
    assert.ok(!r.warnings.some((w) => w.code === 'CHECK_ANSWERS'), `${ex.id}: no contradictory answers`);
    const shown = new Map([...r.recommendations, ...r.warnings].map((x) => [x.code, x.strength || '']));
    assert.ok(Array.isArray(ex.expected_codes) && ex.expected_codes.length, `${ex.id}: expected_codes`);
    for (const want of ex.expected_codes) {
      const [code, strength] = want.split(':');
      assert.ok(shown.has(code), `${ex.id}: ${code} is in the result`);
      if (strength) assert.equal(shown.get(code), strength, `${ex.id}: ${code} is "${strength}"`);
    }
    // every statement the note cites is one of the guideline's, written out one by one (G25, G26, G27)
    assert.doesNotMatch(ex.teaching, /G\d\d\s*[-\u2013]\s*G?\d/, `${ex.id}: no statement ranges`);
    for (const [id] of ex.teaching.matchAll(/\bG\d\d\b/g)) assert.ok(statementIds.has(id), `${ex.id}: ${id} is a statement`);
    primaries.add(ex.case.primary);
    // the route ends at the pathway, in the algorithm the result names
    assert.equal(r.route[r.route.length - 1], r.pathway.code);
    const algo = findAlgorithm(q.algorithms, r.algorithm);
    assert.ok(algo && algo.nodes.some((n) => n.id === r.pathway.code), `${ex.id}: diagram for ${r.pathway.code}`);
  }
  for (const p of ['colorectal', 'breast', 'neuroendocrine']) assert.ok(primaries.has(p), `an example for ${p}`);
});

// The classic pitfalls a teaching set must show (issue 14): the code that shows each, and the
// statements its teaching point must name.
const PITFALLS = [
  { what: 'biopsy of a suspected colorectal metastasis', code: 'BIOPSY_OF_SUSPECTED_CRLM', statements: ['G71'] },
  { what: 'disappearing metastases', code: 'RADIOLOGICAL_RESPONSE_IS_NOT_CURE', statements: ['G72', 'G13'] },
  { what: 'chemotherapy before surgical review', code: 'CHEMOTHERAPY_BEFORE_SURGICAL_REVIEW', statements: ['G12', 'G70'] },
  { what: 'a remnant too small', code: 'PORTAL_VEIN_EMBOLIZATION', statements: ['G08', 'G29'] },
  { what: 'poor prognostic factors', code: 'NEOADJUVANT_CHEMOTHERAPY', statements: ['G22'] },
];

test('the vignettes teach: one line each naming a statement of its result, every pathway, every classic pitfall', async () => {
  const m = await wasm();
  const q = JSON.parse(m.questionnaire());
  const ids = examples.map((ex) => ex.id);
  assert.equal(new Set(ids).size, ids.length, 'vignette ids are unique');
  for (const ex of examples) {
    assert.match(ex.id, /^[a-z0-9][a-z0-9-]{0,63}$/, `${ex.id}: an id a link can carry (#example=<id>)`);
    assert.doesNotMatch(ex.teaching, /[\r\n]/, `${ex.id}: the teaching point is one line`);
    assert.doesNotMatch(ex.title, /[\r\n]/, `${ex.id}: the title is one line`);
    // it names a statement that the lines it is about rest on
    const r = JSON.parse(m.evaluate(JSON.stringify(ex.case)));
    const codes = new Set(ex.expected_codes.map((c) => c.split(':')[0]));
    const basis = new Set([r.pathway, ...r.recommendations, ...r.warnings]
      .filter((x) => x === r.pathway || codes.has(x.code)).flatMap((x) => x.statements || []));
    const cited = [...ex.teaching.matchAll(/\bG\d\d\b/g)].map((x) => x[0]);
    assert.ok(cited.some((id) => basis.has(id)), `${ex.id}: cites a statement of its pathway or expected codes (${[...basis].join(', ')})`);
  }
  const taught = new Set(examples.map((ex) => ex.expected_pathway));
  for (const p of q.pathways) assert.ok(taught.has(p.code), `a vignette for the pathway ${p.code}`);
  for (const pit of PITFALLS) {
    const shows = examples.filter((ex) => ex.expected_codes.some((c) => c.split(':')[0] === pit.code) &&
      pit.statements.every((id) => new RegExp(`\\b${id}\\b`).test(ex.teaching)));
    assert.ok(shows.length, `a vignette shows ${pit.what} (${pit.code}) and names ${pit.statements.join(', ')}`);
  }
});

test('numbers typed in the form reach the core verbatim (so the core judges them)', async () => {
  const m = await wasm();
  const ev = (text) => JSON.parse(m.evaluate(caseToJson({ flr_percent: parseNumberText(text) })));
  assert.equal(ev('35').case.flr_percent, 35);
  assert.equal(ev('35,5').case.flr_percent, 35.5);
  assert.equal(ev('.5').case.flr_percent, 0.5);
  assert.equal(ev(' 40 ').case.flr_percent, 40);
  const huge = ev('1e400');
  assert.equal(huge.status, 'error', '1e400 is refused, not turned into null');
  assert.equal(huge.errors[0].field, 'flr_percent');
  const words = ev('thirty');
  assert.equal(words.status, 'error', 'text is sent as text and refused');
  assert.equal(words.errors[0].field, 'flr_percent');
  assert.equal(parseNumberText(''), undefined);
  assert.equal(parseNumberText('   '), undefined);
});

test('relevant_when conditions', () => {
  const known = new Map([['primary', 'colorectal'], ['ecog', 2]]);
  assert.equal(holds({ field: 'primary', equals: 'colorectal' }, known), true);
  assert.equal(holds({ field: 'primary', equals: 'breast' }, known), false);
  assert.equal(holds({ field: 'flr_percent', unknown: true }, known), true);
  assert.equal(holds({ field: 'ecog', unknown: true }, known), false);
  assert.equal(holds({ all: [{ field: 'primary', equals: 'colorectal' }, { field: 'flr_percent', unknown: true }] }, known), true);
  assert.equal(holds({ any: [{ field: 'primary', equals: 'breast' }, { field: 'ecog', unknown: true }] }, known), false);
  assert.equal(holds(undefined, known), true);
});

test('index.html loads the wasm, the glue and one script for the page, in parallel and in order (no fetch waterfall)', () => {
  const html = fs.readFileSync(path.join(repoRoot, 'web/index.html'), 'utf8');
  // the wasm is requested while the page parses; the glue runs before the page's script
  assert.match(html, /<link rel="preload" href="livermets\.wasm" as="fetch" type="application\/wasm" crossorigin>/);
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  assert.deepEqual(scripts, ['<script defer src="livermets.js">', '<script type="module" src="js/main.js">']);
  // no list of modules to keep up to date: the build bundles what main.js imports
  assert.doesNotMatch(html, /modulepreload/);
});

test('the built page ships one script bundled from every module main.js imports, and the minified glue', () => {
  const site = path.dirname(wasmJs);
  assert.deepEqual(fs.readdirSync(path.join(site, 'js')), ['main.js']);
  const bundle = fs.readFileSync(path.join(site, 'js/main.js'), 'utf8');
  assert.doesNotMatch(bundle, /^\s*import\s|\bimport\s*\(|\bfrom\s*["'][^"']+\.js["']/m, 'no import left in the bundle');
  // it is the bundle of the page's graph as the sources stand (main.js and every module it imports)
  assert.equal(bundle, bundleModule(path.join(repoRoot, 'web')), 'dist/web/js/main.js is the bundle of web/js/main.js');
  const glue = fs.readFileSync(wasmJs, 'utf8');
  assert.ok(glue.split('\n').length < 20, 'the glue is minified');
});
