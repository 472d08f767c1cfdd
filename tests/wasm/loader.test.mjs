// The page's loader (web/js/loader.js): one instance, re-created after any
// fault, never a stale result.  Run in Node with a stand-in factory and with
// the real module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { wasmJs } from './harness.mjs';
import { createCalculator, faultResult } from '../../web/js/loader.js';

const require = createRequire(import.meta.url);

function fakeFactory(behaviour) {
  let created = 0;
  const factory = async () => {
    created += 1;
    const id = created;
    return {
      evaluate: (text) => behaviour(id, text),
      questionnaire: () => '{"schema":"livermets-questionnaire/1"}',
      version: () => '9.9.9',
    };
  };
  return { factory, created: () => created };
}

test('one instance serves every call while nothing goes wrong', async () => {
  const f = fakeFactory((id) => JSON.stringify({ status: 'ok', instance: id }));
  const calc = createCalculator({ factory: f.factory });
  for (let i = 0; i < 5; i += 1) assert.equal((await calc.evaluate('{}')).instance, 1);
  assert.equal(await calc.version(), '9.9.9');
  assert.equal(f.created(), 1);
});

test('a trap inside the module gives a fault result, and the next call uses a fresh instance', async () => {
  const f = fakeFactory((id, text) => {
    if (id === 1 && text === 'boom') throw new WebAssembly.RuntimeError('unreachable');
    return JSON.stringify({ status: 'ok', instance: id });
  });
  const calc = createCalculator({ factory: f.factory });
  assert.equal((await calc.evaluate('{}')).instance, 1);
  const fault = await calc.evaluate('boom');
  assert.equal(fault.status, 'error');
  assert.equal(fault.fault, true);
  assert.equal(fault.pathway, undefined, 'no stale pathway after a fault');
  assert.match(fault.errors[0].message, /unreachable/);
  const after = await calc.evaluate('{}');
  assert.equal(after.instance, 2, 'a new instance after the fault');
  assert.equal(f.created(), 2);
});

test('output that is not a result is a fault too', async () => {
  const f = fakeFactory((id) => (id === 1 ? 'not json' : JSON.stringify({ status: 'ok', instance: id })));
  const calc = createCalculator({ factory: f.factory });
  assert.equal((await calc.evaluate('{}')).fault, true);
  assert.equal((await calc.evaluate('{}')).instance, 2);
});

test('a factory that fails to start is retried on the next call', async () => {
  let attempts = 0;
  const factory = async () => {
    attempts += 1;
    if (attempts === 1) throw new Error('instantiate failed');
    return { evaluate: () => '{"status":"ok"}', questionnaire: () => '{}', version: () => '1' };
  };
  const calc = createCalculator({ factory });
  assert.equal((await calc.evaluate('{}')).fault, true);
  assert.equal((await calc.evaluate('{}')).status, 'ok');
  assert.equal(attempts, 2);
});

test('faultResult has the contract error shape', () => {
  const r = faultResult(new Error('x'));
  assert.equal(r.status, 'error');
  assert.equal(r.errors[0].field, '');
  assert.ok(r.errors[0].message.length > 10);
});

test('with the real module: the loader gives the module\'s own results', async () => {
  const factory = require(wasmJs);
  const calc = createCalculator({ factory, moduleArgs: {} });
  const direct = JSON.parse((await factory()).evaluate('{"primary":"breast","breast":{"her2":"positive"}}'));
  assert.deepEqual(await calc.evaluate('{"primary":"breast","breast":{"her2":"positive"}}'), direct);
  const q = await calc.questionnaire();
  assert.equal(q.schema, 'livermets-questionnaire/1');
});
