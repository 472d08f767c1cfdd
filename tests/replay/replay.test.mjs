// Corpus replay through the WebAssembly module (issue 5 item 2).
//
// Every fuzz seed, saved crasher (tests/regressions), vignette and corpus file,
// and every class of hostile input, goes through evaluate() of
// dist/web/livermets.js loaded exactly as the contract says
// (require('.../livermets.js')()).  Each answer must be a valid result or an
// error naming its field (tests/replay/result-check.mjs, the same checks as the
// fuzz harness), and after each one the same instance must still answer a
// valid case exactly as it did before any hostile input.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { checkResult } from './result-check.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const wasmJs = process.env.LIVERMETS_WASM_JS || path.join(root, 'dist/web/livermets.js');
const require = createRequire(import.meta.url);

let modulePromise;
function wasm() {
  if (!modulePromise) {
    assert.ok(fs.existsSync(wasmJs), `${wasmJs} is missing: run scripts/build`);
    modulePromise = require(wasmJs)();
  }
  return modulePromise;
}

// The reference case, and its answer from a fresh instance before anything hostile.
const REFERENCE = JSON.stringify({
  primary: 'colorectal', r0_achievable: true, flr_percent: 35, remnant_segments: 4, liver_quality: 'normal',
  ecog: 1, operative_risk_acceptable: true, extrahepatic_disease: 'none', patient_declines_surgery: false,
  lesion_count: 3, presentation: 'metachronous', surgical_review_done: true, chemotherapy_status: 'none',
  colorectal: { node_positive_primary: false, tumor_markers_elevated: false },
});
let referenceAnswer;
async function reference() {
  if (referenceAnswer === undefined) {
    const fresh = await require(wasmJs)();
    referenceAnswer = fresh.evaluate(REFERENCE);
    const r = JSON.parse(referenceAnswer);
    assert.equal(r.status, 'ok');
    assert.equal(r.pathway.code, 'CRC_RESECTION_FIRST');
  }
  return referenceAnswer;
}

// Sends one input; asserts a valid answer and that the module still answers
// the reference case exactly.  Returns the parsed answer.
async function send(input, label) {
  const m = await wasm();
  let out;
  assert.doesNotThrow(() => { out = m.evaluate(input); }, `${label}: evaluate threw into JavaScript`);
  const problems = checkResult(out);
  assert.deepEqual(problems, [], `${label}: ${problems.join('; ')}\n  answer: ${String(out).slice(0, 600)}`);
  assert.equal(m.evaluate(REFERENCE), await reference(), `${label}: the module no longer answers the reference case correctly`);
  return JSON.parse(out);
}

function filesIn(dir, filter = () => true) {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full).filter(filter).sort().map((f) => path.join(full, f));
}

// What a file's bytes become as a JS string: UTF-8 when they are valid UTF-8;
// otherwise both the replacement-character reading and one with each byte as
// a code point (Embind then sends valid but different UTF-8), so the file is
// tried as closely as a JS string allows.  Raw invalid UTF-8 arrives through
// lone surrogates (see the hostile cases).
function readings(file) {
  const bytes = fs.readFileSync(file);
  const utf8 = bytes.toString('utf8');
  const valid = Buffer.from(utf8, 'utf8').equals(bytes);
  return valid ? [utf8] : [utf8, bytes.toString('latin1')];
}

const committed = [
  ...filesIn('fuzz/seeds'),
  ...filesIn('fuzz/corpus'),
  ...filesIn('tests/regressions', (f) => f.endsWith('.json')),
  ...filesIn('tests/vignettes', (f) => f.endsWith('.json')),
];

test('replay: every committed seed, fuzz corpus file, regression and vignette gets a valid result or a field-named error', async () => {
  assert.ok(committed.length >= 40, `expected the committed seeds, found ${committed.length} files`);
  let answered = 0;
  for (const file of committed) {
    for (const text of readings(file)) {
      await send(text, path.relative(root, file));
      answered += 1;
    }
  }
  console.log(`replayed ${committed.length} committed files (${answered} inputs) through the wasm module`);
});

test('replay: the local fuzz corpus (build/fuzz, when a fuzz run has made one) gets valid answers too', async () => {
  const local = [...filesIn('build/fuzz/corpus'), ...filesIn('build/fuzz/seeds'), ...filesIn('build/fuzz/artifacts')];
  for (const file of local) for (const text of readings(file)) await send(text, path.relative(root, file));
  console.log(`replayed ${local.length} local corpus files`);
});

test('replay: the vignettes keep their expected pathway through the wasm module', async () => {
  const vignettes = filesIn('tests/vignettes', (f) => f.endsWith('.json'));
  let checked = 0;
  for (const file of vignettes) {
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    const input = doc && typeof doc === 'object' && 'case' in doc ? doc.case : doc;
    const want = doc && typeof doc === 'object' && doc.expect && doc.expect.pathway;
    const r = await send(JSON.stringify(input), path.relative(root, file));
    if (want) {
      assert.equal(r.pathway && r.pathway.code, want, path.relative(root, file));
      checked += 1;
    }
  }
  console.log(`${vignettes.length} vignettes, ${checked} with an expected pathway`);
});

// ------------------------------------------------------------ hostile input

const VALID = '{"primary":"other"}';
const nest = (d) => '{"x_a":' + '['.repeat(d) + ']'.repeat(d) + '}';
const nestObjects = (d) => '{"x_a":'.repeat(d) + '1' + '}'.repeat(d);

async function expectError(input, label, field) {
  const r = await send(input, label);
  assert.equal(r.status, 'error', `${label}: expected an error, got ${r.status}`);
  if (field) assert.ok(r.errors.some((e) => e.field === field), `${label}: no error names ${field}: ${JSON.stringify(r.errors)}`);
  return r;
}

test('hostile: oversize cases are refused naming the case, and 64 KiB exactly is accepted', async () => {
  const atLimit = VALID + ' '.repeat(65536 - VALID.length);
  assert.equal((await send(atLimit, '64 KiB')).status, 'ok');
  await expectError(atLimit + ' ', '64 KiB + 1', 'case');
  await expectError('{"x_pad":"' + 'a'.repeat(1 << 20) + '"}', '1 MiB string', 'case');
  await expectError('[' + (VALID + ',').repeat(100000) + VALID + ']', '2 MiB array', 'case');
  await expectError('{"x_pad":"' + 'é'.repeat(20 * 1024 * 1024) + '"}', '40 MiB of UTF-8', 'case');
});

test('hostile: deep nesting is refused at 9 levels and never overflows the stack', async () => {
  assert.equal((await send(nest(7), '8 levels')).status, 'ok');
  await expectError(nest(8), '9 levels of arrays', 'case');
  await expectError(nestObjects(9), '9 levels of objects', 'case');
  await expectError('['.repeat(200000) + ']'.repeat(200000), '200,000 nested arrays (beyond 64 KiB)', 'case');
  await expectError('['.repeat(30000) + ']'.repeat(30000), '30,000 nested arrays (within 64 KiB)', 'case');
  await expectError('{"a":'.repeat(10000) + '1' + '}'.repeat(10000), '10,000 nested objects', 'case');
  await expectError('['.repeat(60000), 'unclosed nesting', 'case');
});

test('hostile: duplicate keys are refused, at the top level and inside a block', async () => {
  await expectError('{"primary":"colorectal","primary":"breast"}', 'duplicate primary', 'primary');
  await expectError('{"primary":"colorectal","colorectal":{"ras":"mutated","ras":"wild_type"}}', 'duplicate colorectal.ras', 'colorectal.ras');
  await expectError('{"primary":"colorectal","ecog":1,"ecog":1}', 'duplicate with equal values', 'ecog');
  await expectError('{"x_a":1,"x_a":2}', 'duplicate integrator field');
});

test('hostile: invalid UTF-8 (lone surrogates) and control characters are refused, never echoed raw', async () => {
  await expectError('{"x_note":"\ud800"}', 'lone high surrogate in a value');
  await expectError('{"primary":"colo\udc00rectal"}', 'lone low surrogate in an enum value');
  await expectError('{"\ud83d":1}', 'lone surrogate as a key');
  await expectError('{"primary":"other","x_note":"a\u0000b"}', 'raw NUL inside a string');
  await send('{"primary":"other","x_note":"\\u0000\\ud800"}', 'escaped NUL and lone surrogate (JSON escapes)');
  await send('\ufeff{"primary":"other"}', 'byte-order mark');
  await send('{"primary":"other","x_note":"\u{1F600}é"}', 'valid astral character');
});

test('hostile: numbers outside a double, and odd number forms, are refused with the field named', async () => {
  await expectError('{"primary":"colorectal","flr_percent":1e400}', '1e400', 'flr_percent');
  await expectError('{"primary":"colorectal","colorectal":{"cea_ng_ml":-1e400}}', '-1e400', 'colorectal.cea_ng_ml');
  await expectError('{"primary":"colorectal","ecog":123456789012345678901234567890}', 'huge integer', 'ecog');
  await expectError('{"primary":"colorectal","lesion_count":18446744073709551616}', '2^64', 'lesion_count');
  await expectError('{"primary":"colorectal","ecog":-9223372036854775809}', 'below int64', 'ecog');
  await send('{"primary":"colorectal","flr_percent":1e-400}', '1e-400 (underflow)');
  for (const bad of ['NaN', 'Infinity', '-Infinity', '0x10', '01', '+1', '.5', '1.', '1e', '--1']) {
    await expectError(`{"primary":"colorectal","flr_percent":${bad}}`, `number form ${bad}`);
  }
});

test('hostile: wrong types for every kind of field are refused naming that field', async () => {
  const cases = [
    ['primary', 1], ['primary', true], ['primary', ['colorectal']], ['ecog', '2'], ['ecog', 2.5], ['ecog', true],
    ['lesion_count', 1.5], ['flr_percent', '35'], ['flr_percent', {}], ['bilobar', 'yes'], ['bilobar', 1],
    ['setting', 'recurrence'], ['setting', false], ['schema', 'livermets-case/2'], ['schema', 1],
    ['chemotherapy_status', 'unknown'], ['extrahepatic_disease', 'lung'], ['height_cm', 1.75], ['weight_kg', 400],
  ];
  for (const [field, value] of cases) {
    await expectError(JSON.stringify({ [field]: value }), `${field} = ${JSON.stringify(value)}`, field);
  }
  await expectError('{"primary":"colorectal","colorectal":[]}', 'block as an array', 'colorectal');
  await expectError('{"primary":"colorectal","colorectal":"ras"}', 'block as a string', 'colorectal');
  await expectError('{"primary":"colorectal","colorectal":{"ras":1}}', 'nested wrong type', 'colorectal.ras');
  await expectError('{"primary":"colorectal","breast":{"her2":"positive"}}', 'block of another primary', 'breast');
  await expectError('{"primary":"colorectal","ecgo":1}', 'misspelt field', 'ecgo');
  await expectError('{"__proto__":{"primary":"colorectal"}}', '__proto__ key');
  await expectError('{"constructor":1}', 'constructor key');
});

test('hostile: not a case at all (empty, whitespace, scalars, arrays, trailing text, malformed)', async () => {
  for (const input of ['', ' ', '\n\t', 'null', 'true', '0', '"colorectal"', '[]', '[{}]', '{} {}', '{}x',
    '{"primary":"colorectal"', '{"primary":}', '{primary:"colorectal"}', "{'primary':'colorectal'}",
    '{"primary":"colorectal",}', '/* c */{}', '\u0000', '}{']) {
    await expectError(input, `input ${JSON.stringify(input)}`, 'case');
  }
});

test('hostile: many fields, long names and long values within 64 KiB get valid answers', async () => {
  const many = {}; for (let i = 0; i < 3000; i += 1) many[`x_${i}`] = i;
  await send(JSON.stringify({ primary: 'other', ...many }), '3000 integrator fields');
  await send(JSON.stringify({ primary: 'other', ['x_' + 'k'.repeat(60000)]: 1 }), 'a 60 KB key');
  await expectError(JSON.stringify({ ['k'.repeat(60000)]: 1 }), 'a 60 KB unknown field');
  const bad = {}; for (let i = 0; i < 2000; i += 1) bad[`f${i}`] = i;
  const r = await expectError(JSON.stringify(bad), '2000 unknown fields');
  assert.ok(r.errors.length >= 1);
});

test('hostile: random bytes and mutations of a valid case, 5000 inputs, all answered validly', async () => {
  let seed = 12345;
  const rand = () => { seed = (seed * 1103515245 + 12345) >>> 0; return seed / 4294967296; };
  const pieces = ['{', '}', '[', ']', ',', ':', '"', '\\', 'null', 'true', '1e400', '-0', '"primary"', '"colorectal"',
    '"ecog"', '"x_a"', '\ud800', '\u0000', ' ', '9'.repeat(30)];
  for (let i = 0; i < 5000; i += 1) {
    let s = REFERENCE;
    const edits = 1 + Math.floor(rand() * 4);
    for (let e = 0; e < edits; e += 1) {
      const at = Math.floor(rand() * (s.length + 1));
      const cut = Math.floor(rand() * 4);
      s = s.slice(0, at) + pieces[Math.floor(rand() * pieces.length)] + s.slice(at + cut);
    }
    const m = await wasm();
    const problems = checkResult(m.evaluate(s));
    assert.deepEqual(problems, [], `mutation ${i}: ${JSON.stringify(s)}`);
  }
  assert.equal((await wasm()).evaluate(REFERENCE), await reference());
});

test('after every hostile input, the same instance still answers the reference case exactly', async () => {
  const m = await wasm();
  for (let i = 0; i < 100; i += 1) {
    m.evaluate('['.repeat(100000));
    m.evaluate('{"x_note":"\ud800"}');
    assert.equal(m.evaluate(REFERENCE), await reference(), `round ${i}`);
  }
});
