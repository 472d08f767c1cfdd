// The page's loader (web/js/loader.js): one instance, re-created after any
// fault, never a stale result.  Run in Node with a stand-in factory and with
// the real module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { wasmJs, repoRoot } from './harness.mjs';
import fs from 'node:fs';
import { createCalculator, compileWasm } from '../../web/js/loader.js';

const require = createRequire(import.meta.url);

// What a module's fault() answers (the core's builder, in the real module).
function fakeFault(id, detail) {
  return JSON.stringify({ status: 'error', internal_fault: true, instance: id,
    errors: [{ field: 'case', message: `internal fault in the calculator (${detail})` }] });
}

function fakeFactory(behaviour) {
  let created = 0;
  const factory = async () => {
    created += 1;
    const id = created;
    return {
      evaluate: (text) => behaviour(id, text),
      questionnaire: () => '{"schema":"livermets-questionnaire/1"}',
      version: () => '9.9.9',
      fault: (detail) => fakeFault(id, detail),
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
  assert.equal(fault.internal_fault, true);
  assert.equal(fault.instance, 2, 'the fault result is built by a fresh instance, not the trapped one');
  assert.equal(fault.pathway, undefined, 'no stale pathway after a fault');
  assert.match(fault.errors[0].message, /unreachable/);
  const after = await calc.evaluate('{}');
  assert.equal(after.instance, 2, 'a new instance after the fault');
  assert.equal(f.created(), 2);
});

test('output that is not a result is a fault too', async () => {
  const f = fakeFactory((id) => (id === 1 ? 'not json' : JSON.stringify({ status: 'ok', instance: id })));
  const calc = createCalculator({ factory: f.factory });
  assert.equal((await calc.evaluate('{}')).internal_fault, true);
  assert.equal((await calc.evaluate('{}')).instance, 2);
});

test('a factory that fails to start is retried on the next call', async () => {
  let attempts = 0;
  const factory = async () => {
    attempts += 1;
    if (attempts === 1) throw new Error('instantiate failed');
    return { evaluate: () => '{"status":"ok"}', questionnaire: () => '{}', version: () => '1', fault: (d) => fakeFault(1, d) };
  };
  const calc = createCalculator({ factory });
  assert.equal((await calc.evaluate('{}')).internal_fault, true);
  assert.equal((await calc.evaluate('{}')).status, 'ok');
  assert.equal(attempts, 2);
});

test('when no instance can start again after a fault, evaluate rejects instead of inventing a result', async () => {
  let attempts = 0;
  const factory = async () => {
    attempts += 1;
    if (attempts > 1) throw new Error('instantiate failed');
    return { evaluate: () => { throw new WebAssembly.RuntimeError('unreachable'); }, fault: (d) => fakeFault(1, d) };
  };
  const calc = createCalculator({ factory });
  await assert.rejects(calc.evaluate('{}'), /instantiate failed/);
});

test('with the real module: the loader gives the module\'s own results', async () => {
  const factory = require(wasmJs);
  const calc = createCalculator({ factory, moduleArgs: {} });
  const direct = JSON.parse((await factory()).evaluate('{"primary":"breast","breast":{"her2":"positive"}}'));
  assert.deepEqual(await calc.evaluate('{"primary":"breast","breast":{"her2":"positive"}}'), direct);
  const q = await calc.questionnaire();
  assert.equal(q.schema, 'livermets-questionnaire/1');
});

// The test build of the module (wasm/fault-test): the real core, with one
// allocation made to fail on request (tests/fault).
const faultTestJs = process.env.LIVERMETS_FAULT_WASM_JS || path.join(repoRoot, 'build/wasm/wasm/fault-test/livermets.js');

test('with the fault-test module: a fault inside the core is the core\'s fault result, and the next call uses a fresh instance', async () => {
  const factory = require(faultTestJs);
  let created = 0;
  let live;
  const counting = async (args) => { created += 1; live = await factory(args); return live; };
  const calc = createCalculator({ factory: counting, moduleArgs: {} });
  const text = '{"primary":"colorectal","r0_achievable":true,"flr_percent":45}';
  const before = await calc.evaluate(text);
  assert.equal(before.status, 'ok');
  live.failAllocation(4);
  const fault = await calc.evaluate(text);
  assert.equal(fault.status, 'error');
  assert.equal(fault.internal_fault, true);
  assert.deepEqual(fault.errors.map((e) => e.field), ['case']);
  assert.match(fault.errors[0].message, /no result was computed; please report this case/);
  assert.equal(fault.pathway, undefined);
  assert.deepEqual(await calc.evaluate(text), before, 'the next answer is right again');
  assert.equal(created, 2, 'the instance that faulted is not used again');
});

test('the module\'s fault() is the core\'s one builder of the fault result', async () => {
  const m = await require(wasmJs)();
  const r = JSON.parse(m.fault('RuntimeError: unreachable'));
  assert.equal(r.status, 'error');
  assert.equal(r.internal_fault, true);
  assert.equal(r.rulebase.version, m.version());
  assert.deepEqual(r.errors.map((e) => e.field), ['case']);
  assert.match(r.errors[0].message, /RuntimeError: unreachable/);
});

// Start-up (issue 12): the page compiles the wasm itself, streaming when the
// server says application/wasm, and from the bytes when it says anything else.
test('compileWasm streams an application/wasm response, compiles from the bytes under another MIME type, and refuses an HTTP error', async () => {
  const bytes = fs.readFileSync(path.join(path.dirname(wasmJs), 'livermets.wasm'));
  const streamed = [];
  const realStreaming = WebAssembly.compileStreaming;
  WebAssembly.compileStreaming = (res) => { streamed.push(res.headers.get('Content-Type')); return realStreaming.call(WebAssembly, res); };
  try {
    const serve = (type, status = 200) => async (url) => {
      assert.equal(url, 'https://example.invalid/tool/livermets.wasm');
      return new Response(status === 200 ? bytes : 'no', { status, headers: { 'Content-Type': type } });
    };
    for (const type of ['application/wasm', 'application/octet-stream', 'text/plain; charset=utf-8']) {
      const mod = await compileWasm('https://example.invalid/tool/livermets.wasm', serve(type));
      assert.ok(mod instanceof WebAssembly.Module, type);
      assert.ok(WebAssembly.Module.exports(mod).length > 3, `${type}: the module's exports`);
    }
    assert.deepEqual(streamed, ['application/wasm'], 'only the application/wasm response was streamed');
    await assert.rejects(compileWasm('https://example.invalid/tool/livermets.wasm', serve('text/html', 404)), /HTTP 404/);
  } finally {
    WebAssembly.compileStreaming = realStreaming;
  }
});

test('the warm-up evaluates its cases once the first result is out, and stops at the page\'s next call', async () => {
  const recording = () => {
    const calls = [];
    const factory = async () => ({
      evaluate: (text) => { calls.push(text); return JSON.stringify({ status: 'ok' }); },
      questionnaire: () => '{}', version: () => '1', fault: (d) => fakeFault(1, d),
    });
    return { calls, factory };
  };
  // until no call has come for a while (the warm-up takes one case per idle period)
  const settle = async (calls) => {
    for (let n = -1; n !== calls.length;) { n = calls.length; await new Promise((resolve) => setTimeout(resolve, 300)); }
  };
  // no warm-up outside a page unless asked
  const quiet = recording();
  await createCalculator({ factory: quiet.factory }).evaluate('{"page":1}');
  await settle(quiet.calls);
  assert.deepEqual(quiet.calls, ['{"page":1}']);
  const one = recording();
  const calc = createCalculator({ factory: one.factory, warm: true });
  await calc.questionnaire();
  await settle(one.calls);
  assert.deepEqual(one.calls, [], 'nothing is warmed before the first result');
  await calc.evaluate('{"page":1}');
  await settle(one.calls);
  const warmed = one.calls.slice(1);
  assert.ok(warmed.length >= 4, 'the warm-up cases were evaluated');
  for (const text of warmed) assert.ok(JSON.parse(text).primary, 'each warm-up call is a case');
  assert.ok(new Set(warmed.map((t) => JSON.parse(t).primary)).size >= 3, 'every primary with rules');
  // a page call during the warm-up ends it
  const two = recording();
  const calc2 = createCalculator({ factory: two.factory, warm: true });
  await calc2.evaluate('{"page":1}');
  await calc2.evaluate('{"page":2}');
  await settle(two.calls);
  assert.deepEqual(two.calls, ['{"page":1}', '{"page":2}'], 'no warm-up call after the page\'s own second call');
});

test('with the real module, every warm-up case gives a result (never a fault), and they reach several pathways', async () => {
  const real = require(wasmJs);
  const outputs = [];
  const factory = async (args) => {
    const m = await real(args);
    const evaluate = m.evaluate.bind(m);
    return { ...m, evaluate: (text) => { const out = evaluate(text); outputs.push(JSON.parse(out)); return out; },
      questionnaire: () => m.questionnaire(), version: () => m.version(), fault: (d) => m.fault(d) };
  };
  const calc = createCalculator({ factory, moduleArgs: {}, warm: true });
  await calc.evaluate('{}');
  for (let n = -1; n !== outputs.length;) { n = outputs.length; await new Promise((resolve) => setTimeout(resolve, 300)); }
  const warmed = outputs.slice(1);
  assert.ok(warmed.length >= 6);
  for (const r of warmed) {
    assert.ok(r.status === 'ok' || r.status === 'error', JSON.stringify(r).slice(0, 200));
    assert.notEqual(r.internal_fault, true);
  }
  assert.ok(warmed.some((r) => r.status === 'error'), 'an error result is written too');
  assert.ok(new Set(warmed.filter((r) => r.pathway).map((r) => r.pathway.code)).size >= 6, 'several pathways');
});
