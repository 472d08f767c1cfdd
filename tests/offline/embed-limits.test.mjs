// The embed's size check (web/js/embed.js, jsonWithin) stops as soon as a
// case is over its budget: it reads a bounded number of properties whatever
// the size of the object, and serialises nothing.  Its limits are the core's
// own, read here from the core's questionnaire as the page reads them.  Node
// only, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { jsonWithin, checkEvaluateMessage, replyId } from '../../web/js/embed.js';

const cli = process.env.LIVERMETS_CLI || path.resolve('build/native/bin/livermets');
const { limits } = JSON.parse(execFileSync(cli, ['questionnaire'], { encoding: 'utf8' }));

test('the questionnaire gives the core\'s limits on one case: 64 KiB of JSON, 8 levels', () => {
  // CONTRACT.md: a case is at most 64 KiB of JSON; parse.hpp refuses nesting deeper than 8 levels
  assert.deepEqual(limits, { case_bytes: 65536, nesting_depth: 8 });
});

/** A plain-looking object of n keys that counts the values read from it. */
function counting(n) {
  const target = {};
  for (let i = 0; i < n; i++) target['k' + i] = i;
  const reads = { count: 0 };
  const proxy = new Proxy(target, { get(t, k) { reads.count += 1; return t[k]; } });
  return { proxy, reads };
}

test('a 200,000-key case is refused after reading a bounded number of its values', () => {
  const { proxy, reads } = counting(200000);
  assert.match(jsonWithin(proxy, limits), /larger than 64 KiB/);
  assert.ok(reads.count < 10000, `${reads.count} values read`);
});

test('the size check accepts JSON data within the limit and names what it refuses', () => {
  assert.equal(jsonWithin({ primary: 'breast', colorectal: { ras: 'mutated' }, list: [1, true, null, 'x'] }, { ...limits, case_bytes: 1024 }), '');
  assert.match(jsonWithin({ a: 'é'.repeat(600) }, { ...limits, case_bytes: 1024 }), /larger than 1 KiB/, 'bytes of UTF-8, not characters');
  assert.match(jsonWithin({ a: NaN }, limits), /number that JSON cannot write/);
  assert.match(jsonWithin({ a: new Date() }, limits), /not JSON data/);
  let deep = {};
  for (let i = 0; i < 40; i++) deep = { d: deep };
  assert.match(jsonWithin(deep, limits), /nested deeper than 8 levels/);
  let eight = {};
  for (let i = 0; i < 7; i++) eight = { d: eight };  // 8 levels of objects: the core's own limit
  assert.equal(jsonWithin(eight, limits), '');
  assert.match(checkEvaluateMessage({ id: 'x', case: { a: 'b'.repeat(70000) } }, limits), /"case" is larger than 64 KiB/);
  assert.match(checkEvaluateMessage({ id: 'x', case: [] }, limits), /"case" must be a JSON object/);
});

test('an id is echoed only when it is a valid id', () => {
  assert.equal(replyId({ id: 'v1' }), 'v1');
  assert.equal(replyId({ id: 7 }), 7);
  for (const id of [undefined, null, '', 'x'.repeat(201), { a: 1 }, [1], NaN, Infinity, true]) assert.equal(replyId({ id }), null, String(id));
});
