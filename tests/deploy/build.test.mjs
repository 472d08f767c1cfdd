// What the build writes for deployments: version.json (the build, and the
// older rule bases it supersedes, from deploy/supersedes.json) and the
// service worker's per-file SHA-256; and scripts/package's two packages
// (the guide's server files inside; the retirement package).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { buildServiceWorker, compareVersions, supersededBy } from '../../scripts/lib/build-sw.mjs';
import { distWeb } from './checks.mjs';
import { repoRoot } from './servers.mjs';

let dir;
before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livermets-build-')); });
after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

function unzip(zip, to) {
  const r = spawnSync('unzip', ['-q', zip, '-d', to], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

test('a build supersedes only older rule bases, each with its reason', () => {
  assert.equal(compareVersions('1.10.0', '1.9.0'), 1);
  assert.equal(compareVersions('1.0.0', '1.0.0'), 0);
  assert.equal(compareVersions('1.0.0', '1.1.0'), -1);
  const list = [{ version: '1.0.0', why: 'older' }, { version: '1.1.0', why: 'itself' }, { version: '2.0.0', why: 'newer' }];
  assert.deepEqual(supersededBy('1.1.0', list).map((e) => e.version), ['1.0.0']);
  assert.throws(() => supersededBy('1.1.0', [{ version: '1.0.0' }]), /needs a "version" and a "why"/);
  // the shipped list is well formed, and each reason says what was wrong in clinical words
  const shipped = JSON.parse(fs.readFileSync(path.join(repoRoot, 'deploy/supersedes.json'), 'utf8')).supersedes;
  assert.ok(supersededBy('999.0.0', shipped).length === shipped.length);
  for (const e of shipped) assert.match(e.why, /\bG\d\d\b/, `the reason for ${e.version} names the guideline statements`);
});

test('version.json names the build, and sw.js holds the SHA-256 of every file it caches', async () => {
  const site = path.join(dir, 'site');
  fs.cpSync(distWeb, site, { recursive: true });
  const b = await buildServiceWorker(site, { version: '7.0.0', supersedes: [{ version: '6.5.0', why: 'Rule base 6.5.0 is wrong (test).' }] });
  const doc = JSON.parse(fs.readFileSync(path.join(site, 'version.json'), 'utf8'));
  assert.deepEqual(doc, { format: 'livermets-version/1', version: '7.0.0', build: b.hash, supersedes: [{ version: '6.5.0', why: 'Rule base 6.5.0 is wrong (test).' }] });
  const sw = fs.readFileSync(path.join(site, 'sw.js'), 'utf8');
  const build = JSON.parse(sw.match(/const BUILD = (\{.*?\}); \/\* END BUILD \*\//)[1]);
  assert.deepEqual(build.assets, Object.keys(build.files));
  assert.ok(!build.assets.includes('version.json') && !build.assets.includes('embed.html'));
  for (const [rel, f] of Object.entries(build.files)) {
    const bytes = fs.readFileSync(path.join(site, rel === './' ? 'index.html' : decodeURIComponent(rel)));
    assert.equal(f.sha256, crypto.createHash('sha256').update(bytes).digest('hex'), rel);
  }
  assert.match(build.headers['Content-Security-Policy'], /frame-ancestors 'none'/);
});

test('the package ships the guide\'s server files; --retire makes the retirement package', () => {
  const out = path.join(dir, 'zips');
  for (const args of [['--no-build', '--out', out], ['--retire', '--out', out]]) {
    const r = spawnSync(path.join(repoRoot, 'scripts/package'), args, { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr + r.stdout);
  }
  const version = JSON.parse(fs.readFileSync(path.join(distWeb, 'version.json'), 'utf8')).version;
  unzip(path.join(out, `livermets-${version}.zip`), path.join(dir, 'x'));
  const top = path.join(dir, 'x', `livermets-${version}`);
  for (const f of ['nginx/livermets.conf', 'nginx/livermets-map.conf', 'nginx/site-example.conf', 'apache/livermets.conf', 'apache/site-example.conf']) {
    assert.ok(fs.readFileSync(path.join(top, 'deploy', f)).equals(fs.readFileSync(path.join(repoRoot, 'deploy', f))), f);
  }
  assert.ok(fs.existsSync(path.join(top, 'web/version.json')));
  unzip(path.join(out, 'livermets-retire.zip'), path.join(dir, 'r'));
  const retire = path.join(dir, 'r', 'livermets-retire');
  assert.deepEqual(fs.readdirSync(path.join(retire, 'web')).sort(), ['index.html', 'sw.js', 'version.json']);
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(retire, 'web/version.json'), 'utf8')).withdrawn, true);
  assert.match(fs.readFileSync(path.join(retire, 'web/sw.js'), 'utf8'), /registration\.unregister\(\)/);
  assert.equal(spawnSync('sha256sum', ['--quiet', '-c', 'SHA256SUMS'], { cwd: retire }).status, 0);
});
