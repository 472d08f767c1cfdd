// scripts/lib/serve.mjs, the server behind scripts/run: MIME types (the
// browser compiles wasm by streaming only with application/wasm), index.html
// for folders, no escape from the served folder, nothing but GET and HEAD.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '../../scripts/lib/serve.mjs';

let root;
let server;
let base;
before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'livermets-serve-'));
  fs.mkdirSync(path.join(root, 'site/js'), { recursive: true });
  fs.writeFileSync(path.join(root, 'site/index.html'), '<!doctype html><title>x</title>');
  fs.writeFileSync(path.join(root, 'site/js/a.js'), 'export const a = 1;');
  fs.writeFileSync(path.join(root, 'site/m.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  fs.writeFileSync(path.join(root, 'site/s.css'), 'p{}');
  fs.writeFileSync(path.join(root, 'site/d.json'), '{}');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'outside the site');
  ({ server, url: base } = await serve({ root: path.join(root, 'site'), port: 0 }));
});
after(() => {
  server.close();
  fs.rmSync(root, { recursive: true, force: true });
});

test('binds to 127.0.0.1 and serves index.html for the folder', async () => {
  assert.match(base, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const res = await fetch(base);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.match(await res.text(), /<title>x<\/title>/);
});

test('MIME types, including application/wasm', async () => {
  const expect = {
    'js/a.js': 'text/javascript; charset=utf-8',
    'm.wasm': 'application/wasm',
    's.css': 'text/css; charset=utf-8',
    'd.json': 'application/json; charset=utf-8',
  };
  for (const [file, type] of Object.entries(expect)) {
    const res = await fetch(base + file);
    assert.equal(res.status, 200, file);
    assert.equal(res.headers.get('content-type'), type, file);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  }
  const wasm = Buffer.from(await (await fetch(base + 'm.wasm')).arrayBuffer());
  assert.ok(WebAssembly.validate(wasm), 'the bytes arrive intact');
});

test('a folder without a slash redirects; a missing file is 404', async () => {
  const res = await fetch(base + 'js', { redirect: 'manual' });
  assert.equal(res.status, 301);
  assert.equal(res.headers.get('location'), '/js/');
  assert.equal((await fetch(base + 'nope.js')).status, 404);
});

test('nothing outside the served folder can be read', async () => {
  for (const p of ['../secret.txt', '%2e%2e/secret.txt', '..%2fsecret.txt', '%2e%2e%2fsecret.txt', 'js/../../secret.txt']) {
    const res = await fetch(base.replace(/\/$/, '') + '/' + p);
    assert.notEqual(res.status, 200, p);
    assert.doesNotMatch(await res.text(), /outside the site/, p);
  }
});

test('only GET and HEAD', async () => {
  assert.equal((await fetch(base, { method: 'POST', body: 'x' })).status, 405);
  const head = await fetch(base + 'm.wasm', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('content-length'), '8');
});
