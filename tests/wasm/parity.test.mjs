// Parity: the WebAssembly module and the native CLI give identical results
// on the vignettes, on every class of invalid and hostile input, and on a
// large generated sample of cases built from the questionnaire itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { wasm, cli, cliEvaluate, repoRoot, rng } from './harness.mjs';

function wasmEval(m, input) {
  const out = m.evaluate(input);
  assert.equal(typeof out, 'string');
  return JSON.parse(out);
}

function assertErrorShape(r, label) {
  assert.equal(r.status, 'error', `${label}: status`);
  assert.ok(Array.isArray(r.errors) && r.errors.length > 0, `${label}: errors listed`);
  for (const e of r.errors) {
    assert.equal(typeof e.field, 'string', `${label}: error names a field`);
    assert.ok(typeof e.message === 'string' && e.message.length > 0, `${label}: error has a message`);
  }
  assert.equal(r.pathway, undefined, `${label}: no pathway on an error`);
  assert.equal(r.recommendations, undefined, `${label}: no recommendations on an error`);
}

const vignetteDir = path.join(repoRoot, 'tests/vignettes');
const vignettes = fs.readdirSync(vignetteDir).filter((f) => f.endsWith('.json')).sort();

test('there are vignettes to compare', () => {
  assert.ok(vignettes.length >= 3, `found ${vignettes.length} vignettes in tests/vignettes`);
});

test('vignettes: wasm and CLI give identical results', async () => {
  const m = await wasm();
  for (const file of vignettes) {
    const doc = JSON.parse(fs.readFileSync(path.join(vignetteDir, file), 'utf8'));
    const input = JSON.stringify(doc.case !== undefined ? doc.case : doc);
    const native = cliEvaluate(input);
    const w = wasmEval(m, input);
    assert.deepEqual(w, native.json, `${file}: wasm and CLI differ`);
    assert.equal(native.status, w.status === 'ok' ? 0 : 2, `${file}: CLI exit code`);
    const expected = doc.expect && (doc.expect.pathway || doc.expect.pathway_code);
    if (expected) assert.equal(w.pathway && w.pathway.code, expected, `${file}: expected pathway`);
  }
});

// Every class of invalid and hostile input the contract names.
const deep = (n) => '{"x_deep":' + '['.repeat(n) + ']'.repeat(n) + '}';
const deepObj = (n) => '{"x_deep":' + '{"a":'.repeat(n) + '1' + '}'.repeat(n) + '}';
const ERROR_CASES = [
  ['malformed: truncated', '{"primary":', ''],
  ['malformed: empty input', '', null],
  ['malformed: trailing comma', '{"ecog":1,}', null],
  ['malformed: two documents', '{"ecog":1}{"ecog":2}', null],
  ['malformed: bare word', 'colorectal', null],
  ['not an object: string', '"colorectal"', null],
  ['not an object: null', 'null', null],
  ['wrong type: ecog as string', '{"ecog":"2"}', 'ecog'],
  ['wrong type: bool as string', '{"bilobar":"yes"}', 'bilobar'],
  ['wrong type: enum as number', '{"primary":1}', 'primary'],
  ['wrong type: integer with fraction', '{"lesion_count":2.5}', 'lesion_count'],
  ['wrong type: block not an object', '{"primary":"colorectal","colorectal":true}', 'colorectal'],
  ['out of range: ecog 5', '{"ecog":5}', 'ecog'],
  ['out of range: ecog -1', '{"ecog":-1}', 'ecog'],
  ['out of range: remnant 100.1', '{"flr_percent":100.1}', 'flr_percent'],
  ['out of range: lesion 0 cm', '{"largest_lesion_cm":0}', 'largest_lesion_cm'],
  ['out of range: lesion 40.1 cm', '{"largest_lesion_cm":40.1}', 'largest_lesion_cm'],
  ['out of range: height in metres', '{"height_cm":1.75}', 'height_cm'],
  ['out of range: 201 lesions', '{"lesion_count":201}', 'lesion_count'],
  ['out of range: segments 9', '{"remnant_segments":9}', 'remnant_segments'],
  ['out of range: CEA negative', '{"primary":"colorectal","colorectal":{"cea_ng_ml":-1}}', 'colorectal.cea_ng_ml'],
  ['unknown field', '{"ecgo":1}', 'ecgo'],
  ['unknown nested field', '{"primary":"colorectal","colorectal":{"rass":"mutated"}}', 'colorectal.rass'],
  ['unknown enum value', '{"primary":"lung"}', 'primary'],
  ['unknown enum value nested', '{"primary":"colorectal","colorectal":{"ras":"x"}}', 'colorectal.ras'],
  ['wrong schema', '{"schema":"livermets-case/2"}', 'schema'],
  ['contradiction: remnant % and volume', '{"flr_percent":40,"flr_volume_ml":600,"height_cm":175,"weight_kg":70}', null],
  ['contradiction: synchronous with interval', '{"primary":"colorectal","presentation":"synchronous","colorectal":{"disease_free_interval_months":6}}', null],
  ['contradiction: metachronous with interval 0', '{"primary":"colorectal","presentation":"metachronous","colorectal":{"disease_free_interval_months":0}}', null],
  ['contradiction: breast block on colorectal', '{"primary":"colorectal","breast":{"her2":"positive"}}', null],
  ['contradiction: block with unknown primary', '{"colorectal":{"ras":"mutated"}}', null],
  ['contradiction: block with other primary', '{"primary":"other","neuroendocrine":{"progressive":true}}', null],
  ['contradiction: computed remnant above 100%', '{"flr_volume_ml":4000,"height_cm":150,"weight_kg":45}', 'flr_volume_ml'],
  ['hostile: larger than 64 KiB', '{"x_pad":"' + 'a'.repeat(70 * 1024) + '"}', null],
  ['hostile: depth 9 arrays', deep(9), null],
  ['hostile: depth 9 objects', deepObj(9), null],
  ['hostile: 30000-deep array within 64 KiB', deep(30000), null],
  ['hostile: 200000-deep array beyond 64 KiB', deep(200000), null],
  ['hostile: duplicate keys', '{"ecog":1,"ecog":2}', null],
  ['hostile: duplicate nested keys', '{"primary":"colorectal","colorectal":{"ras":"mutated","ras":"wild_type"}}', null],
  ['hostile: 1e400', '{"flr_percent":1e400}', 'flr_percent'],
  ['hostile: -1e400', '{"ecog":-1e400}', 'ecog'],
  ['hostile: NaN literal', '{"flr_percent":NaN}', null],
  ['hostile: invalid UTF-8 byte', Buffer.from([0x7b, 0x22, 0x78, 0x5f, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]), null],
  ['hostile: overlong UTF-8', Buffer.from([0x7b, 0x22, 0x78, 0x5f, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d]), null],
  ['hostile: UTF-8 surrogate', Buffer.from([0x7b, 0x22, 0x78, 0x5f, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]), null],
  ['hostile: NUL byte', Buffer.from([0x7b, 0x00, 0x7d]), null],
];

test('every error class: identical error results, each naming its field', async () => {
  const m = await wasm();
  const seen = [];
  for (const [label, input, field] of ERROR_CASES) {
    const native = cliEvaluate(input);
    const w = wasmEval(m, typeof input === 'string' ? input : new Uint8Array(input));
    assert.deepEqual(w, native.json, `${label}: wasm and CLI differ`);
    assert.equal(native.status, 2, `${label}: CLI exits 2 on invalid input`);
    assertErrorShape(w, label);
    if (field) assert.ok(w.errors.some((e) => e.field === field), `${label}: an error names ${field} (got ${JSON.stringify(w.errors)})`);
    assert.equal(w.rulebase && typeof w.rulebase.version, 'string', `${label}: rulebase version on errors too`);
    seen.push(label);
  }
  assert.equal(seen.length, ERROR_CASES.length);
});

test('the module survives the hostile inputs: a valid case still evaluates afterwards', async () => {
  const m = await wasm();
  for (const [, input] of ERROR_CASES) m.evaluate(typeof input === 'string' ? input : new Uint8Array(input));
  const r = wasmEval(m, '{"primary":"colorectal","r0_achievable":false}');
  assert.equal(r.status, 'ok');
  assert.equal(r.pathway.code, 'CRC_CONVERSION_THERAPY');
});

// ---- a large generated sample, built from the questionnaire ----
// Boundary numbers: each question's min and max, just inside and outside,
// and the contract's cut-points (5/6 lesions, 4 cm, 30/40 %, ECOG 2/3, ...).
const CUTS = {
  lesion_count: [1, 2, 5, 6, 9, 10, 200],
  largest_lesion_cm: [0.5, 3, 3.1, 4, 4.1, 5, 5.1, 40],
  flr_percent: [0, 20, 29.9, 30, 39.9, 40, 100],
  ecog: [0, 1, 2, 3, 4],
  remnant_segments: [0, 1, 2, 3, 8],
  'colorectal.cea_ng_ml': [0, 200, 200.1, 100000],
  'colorectal.disease_free_interval_months': [0, 11.9, 12, 600],
  height_cm: [100, 170, 250],
  weight_kg: [25, 70, 300],
  flr_volume_ml: [300, 600, 1200],
};

function sampleCase(q, next, valid) {
  const pick = (arr) => arr[Math.floor(next() * arr.length)];
  const primary = pick(['colorectal', 'breast', 'neuroendocrine', 'other', undefined]);
  const c = {};
  if (primary) c.primary = primary;
  for (const question of q.questions) {
    if (question.id === 'primary') continue;
    const [block, leaf] = question.id.includes('.') ? question.id.split('.') : [null, question.id];
    if (block && block !== primary && valid) continue;
    if (next() < 0.3) continue;  // unknown
    let v;
    if (question.type === 'bool') v = next() < 0.5;
    else if (question.type === 'enum') v = pick(question.options.map((o) => o.value));
    else {
      const cuts = CUTS[question.id] || [question.min, question.max];
      v = pick(cuts.filter((x) => typeof x === 'number'));
      if (!valid && next() < 0.1) v = (question.max ?? 100) + 1;
    }
    if (block) (c[block] ||= {})[leaf] = v;
    else c[leaf] = v;
  }
  if (valid) {
    // keep to one way of giving the remnant, and a consistent interval
    if ('flr_percent' in c) { delete c.flr_volume_ml; delete c.height_cm; delete c.weight_kg; }
    if (c.colorectal && 'disease_free_interval_months' in c.colorectal) {
      if (c.presentation === 'synchronous') c.colorectal.disease_free_interval_months = 0;
      if (c.presentation === 'metachronous' && c.colorectal.disease_free_interval_months === 0) c.colorectal.disease_free_interval_months = 12;
    }
  }
  return c;
}

test('a large generated sample: identical results for 6000 cases', async () => {
  const m = await wasm();
  const q = JSON.parse(m.questionnaire());
  const next = rng(20261127);
  const cases = [];
  for (let i = 0; i < 6000; i += 1) cases.push(sampleCase(q, next, i % 6 !== 0));
  const pathways = new Set();
  let errors = 0;
  for (let start = 0; start < cases.length; start += 1500) {
    const batch = cases.slice(start, start + 1500);
    const native = cliEvaluate(JSON.stringify(batch));
    assert.ok(Array.isArray(native.json), 'CLI array mode returns an array');
    assert.equal(native.json.length, batch.length);
    for (let i = 0; i < batch.length; i += 1) {
      const w = wasmEval(m, JSON.stringify(batch[i]));
      assert.deepEqual(w, native.json[i], `case ${start + i} differs: ${JSON.stringify(batch[i])}`);
      if (w.status === 'ok') pathways.add(w.pathway.code);
      else errors += 1;
    }
  }
  // The sample must actually exercise the rule base, not just one corner of it.
  assert.ok(pathways.size >= 10, `pathways reached: ${[...pathways].join(', ')}`);
  assert.ok(errors > 100 && errors < 3000, `error results: ${errors}`);
});

test('questionnaire and version: identical to the CLI', async () => {
  const m = await wasm();
  const native = cli(['questionnaire']);
  assert.equal(native.status, 0);
  assert.deepEqual(JSON.parse(m.questionnaire()), native.json);
  assert.equal(m.version(), native.json.rulebase.version);
  const version = cli(['--version']);
  assert.ok(version.stdout.includes(m.version()), `CLI --version mentions ${m.version()}`);
});
