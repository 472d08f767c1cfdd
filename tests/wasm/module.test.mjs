// The module as the contract describes it, and its boundary: nothing thrown
// in C++ reaches JavaScript, whatever the input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { wasm, wasmJs, rng } from './harness.mjs';

const require = createRequire(import.meta.url);

test('require(livermets.js)() works in Node with no argument and exposes the three functions', async () => {
  const factory = require(wasmJs);
  assert.equal(typeof factory, 'function');
  const m = await factory();
  for (const fn of ['evaluate', 'questionnaire', 'version', 'fault']) assert.equal(typeof m[fn], 'function', fn);
  assert.match(m.version(), /^\d+\.\d+\.\d+/);
  const q = JSON.parse(m.questionnaire());
  assert.equal(q.schema, 'livermets-questionnaire/1');
  assert.equal(q.rulebase.version, m.version());
  const r = JSON.parse(m.evaluate('{}'));
  assert.equal(r.status, 'ok');
  assert.equal(r.pathway.code, 'ASSESSMENT_INCOMPLETE');
});

test('two instances are independent', async () => {
  const a = await require(wasmJs)();
  const b = await require(wasmJs)();
  assert.deepEqual(JSON.parse(a.evaluate('{"primary":"breast"}')), JSON.parse(b.evaluate('{"primary":"breast"}')));
});

test('random bytes and mutated JSON never throw into JavaScript', async () => {
  const m = await wasm();
  const next = rng(7);
  const seedText = '{"schema":"livermets-case/1","primary":"colorectal","ecog":1,"flr_percent":35.5,"colorectal":{"ras":"mutated","cea_ng_ml":201}}';
  const alphabet = '{}[]":,.-+eE0123456789 truefalsnul\\u\n\t';
  for (let i = 0; i < 3000; i += 1) {
    let input;
    if (i % 3 === 0) {
      const bytes = new Uint8Array(Math.floor(next() * 64));
      for (let k = 0; k < bytes.length; k += 1) bytes[k] = Math.floor(next() * 256);
      input = bytes;
    } else {
      const chars = seedText.split('');
      const edits = 1 + Math.floor(next() * 4);
      for (let k = 0; k < edits; k += 1) {
        const pos = Math.floor(next() * chars.length);
        const op = next();
        const ch = alphabet[Math.floor(next() * alphabet.length)];
        if (op < 0.4) chars[pos] = ch;
        else if (op < 0.7) chars.splice(pos, 1);
        else chars.splice(pos, 0, ch);
      }
      input = chars.join('');
    }
    let out;
    assert.doesNotThrow(() => { out = m.evaluate(input); }, `input ${i}`);
    const r = JSON.parse(out);
    assert.ok(r.status === 'ok' || r.status === 'error', `input ${i}: status`);
    if (r.status === 'error') assert.ok(r.errors.length > 0);
  }
});

test('a very large input (8 MiB) is refused, not a crash', async () => {
  const m = await wasm();
  const big = '{"x_pad":"' + 'a'.repeat(8 * 1024 * 1024) + '"}';
  const r = JSON.parse(m.evaluate(big));
  assert.equal(r.status, 'error');
  assert.equal(JSON.parse(m.evaluate('{"primary":"neuroendocrine"}')).status, 'ok');
});

test('many calls: the instance keeps giving the same answer (no leak, no drift)', async () => {
  const m = await wasm();
  const input = '{"primary":"colorectal","r0_achievable":true,"flr_percent":35,"ecog":1,"operative_risk_acceptable":true,"extrahepatic_disease":"none","lesion_count":3}';
  const first = m.evaluate(input);
  for (let i = 0; i < 20000; i += 1) {
    const out = m.evaluate(input);
    if (out !== first) assert.fail(`call ${i} differs`);
  }
});

test('a lone surrogate in a JS string arrives as invalid UTF-8 and is refused', async () => {
  const m = await wasm();
  const r = JSON.parse(m.evaluate('{"x_note":"\ud800"}'));
  assert.equal(r.status, 'error');
});
