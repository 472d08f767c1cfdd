// Learner mode's pure parts (web/js/learn.js) against real results: how an
// attempt is judged, which items a learner may pick, and their labels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { wasm, repoRoot } from './harness.mjs';
import { judge, itemChoices, itemLabel } from '../../web/js/learn.js';

const examples = JSON.parse(fs.readFileSync(path.join(repoRoot, 'web/examples.json'), 'utf8')).examples;

test('an attempt matches when the pathway does and every item chosen has the strength chosen', async () => {
  const m = await wasm();
  const r = JSON.parse(m.evaluate(JSON.stringify(examples.find((e) => e.id === 'crc-conversion').case)));
  const at = (pathway, d = [], a = []) => judge({ pathway, do: d, avoid: a }, r);
  assert.deepEqual(at('CRC_CONVERSION_THERAPY'), { pathwayMatched: true, itemsMatched: null, matched: true });
  assert.deepEqual(at('CRC_CONVERSION_THERAPY', ['SYSTEMIC_THEN_REASSESS', 'TRIPLET_PLUS_BEVACIZUMAB'], ['DO_NOT_BIOPSY']),
    { pathwayMatched: true, itemsMatched: true, matched: true });
  // a "consider" chosen as "do", an item the result does not give, a "do" chosen as "avoid"
  assert.deepEqual(at('CRC_CONVERSION_THERAPY', ['TWO_STAGE_HEPATECTOMY']), { pathwayMatched: true, itemsMatched: false, matched: false });
  assert.deepEqual(at('CRC_CONVERSION_THERAPY', ['RESECTION']), { pathwayMatched: true, itemsMatched: false, matched: false });
  assert.deepEqual(at('CRC_CONVERSION_THERAPY', [], ['SYSTEMIC_THEN_REASSESS']), { pathwayMatched: true, itemsMatched: false, matched: false });
  assert.deepEqual(at('CRC_RESECTION_FIRST', ['SYSTEMIC_THEN_REASSESS']), { pathwayMatched: false, itemsMatched: true, matched: false });
});

test('the items to pick from are the do and avoid codes the vignettes\' results give, labelled from the code', async () => {
  const m = await wasm();
  const results = examples.map((e) => JSON.parse(m.evaluate(JSON.stringify(e.case))));
  const choices = itemChoices(results);
  const given = (s) => new Set(results.flatMap((r) => r.recommendations.filter((x) => x.strength === s).map((x) => x.code)));
  assert.deepEqual(new Set(choices.do), given('do'));
  assert.deepEqual(new Set(choices.avoid), given('avoid'));
  assert.ok(choices.avoid.includes('DO_NOT_BIOPSY') && !choices.do.includes('PERIOPERATIVE_FOLFOX'), 'a "consider" is no "do" choice');
  assert.equal(itemLabel('REFER_HPB_MDT'), 'Refer HPB MDT');
  assert.equal(itemLabel('PRRT'), 'PRRT');
  assert.equal(itemLabel('TRIPLET_PLUS_BEVACIZUMAB'), 'Triplet plus bevacizumab');
  assert.equal(new Set([...choices.do, ...choices.avoid].map(itemLabel)).size, choices.do.length + choices.avoid.length, 'labels are distinct');
});
