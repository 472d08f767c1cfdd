// The page's data and pure helpers, checked against the real module: the
// teaching examples reach the pathway they name, and the form's number and
// relevance handling says what the core expects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { wasm, repoRoot } from './harness.mjs';
import { parseNumberText, caseToJson, holds } from '../../web/js/form.js';
import { findAlgorithm } from '../../web/js/diagram.js';

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

test('index.html preloads the wasm, the glue and every module main.js imports (no fetch waterfall)', () => {
  const html = fs.readFileSync(path.join(repoRoot, 'web/index.html'), 'utf8');
  const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]));
  const seen = new Set();
  const walk = (rel) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const src = fs.readFileSync(path.join(repoRoot, 'web', rel), 'utf8');
    for (const m of src.matchAll(/^import\s+(?:[^'"]*\s+from\s+)?'(\.{1,2}\/[^']+)';/gm)) {
      walk(path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[1])));
    }
  };
  walk('js/main.js');
  seen.delete('js/main.js');
  assert.ok(seen.size >= 6);
  for (const mod of seen) assert.ok(preloaded.has(mod), `${mod} is preloaded`);
  assert.match(html, /<link rel="preload" href="livermets\.wasm" as="fetch" type="application\/wasm" crossorigin>/);
  assert.match(html, /<link rel="preload" href="livermets\.js" as="script">/);
});
