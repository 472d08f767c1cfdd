// The embed's size check (web/js/embed.js, jsonWithin) stops as soon as a
// case is over its budget: it reads a bounded number of properties whatever
// the size of the object, and serialises nothing.  Node only, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonWithin, checkEvaluateMessage, replyId } from '../../web/js/embed.js';

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
  assert.match(jsonWithin(proxy, 64 * 1024), /larger than 64 KiB/);
  assert.ok(reads.count < 10000, `${reads.count} values read`);
});

test('the size check accepts JSON data within the limit and names what it refuses', () => {
  assert.equal(jsonWithin({ primary: 'breast', colorectal: { ras: 'mutated' }, list: [1, true, null, 'x'] }, 1024), '');
  assert.match(jsonWithin({ a: 'é'.repeat(600) }, 1024), /larger than 1 KiB/, 'bytes of UTF-8, not characters');
  assert.match(jsonWithin({ a: NaN }, 1024), /number that JSON cannot write/);
  assert.match(jsonWithin({ a: new Date() }, 1024), /not JSON data/);
  let deep = {};
  for (let i = 0; i < 40; i++) deep = { d: deep };
  assert.match(jsonWithin(deep, 1 << 20), /nested deeper than 16 levels/);
  assert.match(checkEvaluateMessage({ id: 'x', case: { a: 'b'.repeat(70000) } }), /"case" is larger than 64 KiB/);
  assert.match(checkEvaluateMessage({ id: 'x', case: [] }), /"case" must be a JSON object/);
});

test('an id is echoed only when it is a valid id', () => {
  assert.equal(replyId({ id: 'v1' }), 'v1');
  assert.equal(replyId({ id: 7 }), 7);
  for (const id of [undefined, null, '', 'x'.repeat(201), { a: 1 }, [1], NaN, Infinity, true]) assert.equal(replyId({ id }), null, String(id));
});
