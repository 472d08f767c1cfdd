// scripts/package: the zip for hospital IT holds the static site, the single
// file, the deployment note and checksums that verify, and is reproducible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot, distWeb, singleFile, requireBuild, tempDir } from './support.mjs';
import { SITE_POLICY } from '../../scripts/lib/headers.mjs';

let dir;
before(() => { requireBuild(); dir = tempDir('package'); });
after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

test('the zip holds the site, the single file, DEPLOYMENT.md and SHA256SUMS that verify', () => {
  const version = JSON.parse(fs.readFileSync(path.join(distWeb, 'sw.js'), 'utf8').match(/const BUILD = (\{.*?\}); \/\* END BUILD \*\//)[1]).version;
  run(path.join(repoRoot, 'scripts/package'), ['--no-build', '--out', path.join(dir, 'a')], repoRoot);
  const zip = path.join(dir, 'a', `livermets-${version}.zip`);
  assert.ok(fs.existsSync(zip), zip);
  // unzip when installed, else Python's zipfile module
  if (spawnSync('unzip', ['-v']).status === 0) run('unzip', ['-q', zip, '-d', path.join(dir, 'x')], dir);
  else run('python3', ['-m', 'zipfile', '-e', zip, path.join(dir, 'x')], dir);
  const top = path.join(dir, 'x', `livermets-${version}`);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'x')), [`livermets-${version}`]);
  for (const f of ['web/index.html', 'web/sw.js', 'web/version.json', 'deploy/nginx/livermets.conf', 'deploy/apache/livermets.conf', 'web/manifest.webmanifest', 'web/livermets.wasm', 'web/livermets.js',
    'web/embed.html', 'web/examples/embed-host.html', 'web/icons/icon-512.png', 'livermets.html', 'DEPLOYMENT.md', 'SHA256SUMS']) {
    assert.ok(fs.existsSync(path.join(top, f)), f);
  }
  assert.ok(fs.readFileSync(path.join(top, 'livermets.html')).equals(fs.readFileSync(singleFile)), 'the single file as built');
  // every file is listed once and verifies
  const sums = fs.readFileSync(path.join(top, 'SHA256SUMS'), 'utf8').trim().split('\n').map((l) => l.slice(66));
  const files = [];
  const walk = (d, rel) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const r = rel ? `${rel}/${e.name}` : e.name; if (e.isDirectory()) walk(path.join(d, e.name), r); else files.push(r); } };
  walk(top, '');
  assert.deepEqual(sums.sort(), files.filter((f) => f !== 'SHA256SUMS').sort());
  run('sha256sum', ['--quiet', '-c', 'SHA256SUMS'], top);
  // a changed file is caught by the checksums
  fs.appendFileSync(path.join(top, 'web/index.html'), '<!-- changed -->');
  assert.notEqual(spawnSync('sha256sum', ['--quiet', '-c', 'SHA256SUMS'], { cwd: top }).status, 0);
  // the deployment note says what hospital IT needs
  const note = fs.readFileSync(path.join(top, 'DEPLOYMENT.md'), 'utf8');
  for (const must of [/application\/wasm/, /Content-Security-Policy: default-src 'none'/, /X-Content-Type-Options: nosniff/,
    /https or\s+on localhost/, /sw\.js/, /Cache-Control: no-cache/, /\/tools\/livermets\//, /livermets\.html/]) {
    assert.ok(must.test(note), `DEPLOYMENT.md mentions ${must}`);
  }
  const policies = note.split('\n').filter((l) => /Content-Security-Policy/.test(l) && /-src /.test(l));
  assert.ok(policies.length >= 1, 'the site\'s header policy');
  // the nginx and Apache configuration in the package carry the very same policy
  for (const f of ['deploy/nginx/livermets-map.conf', 'deploy/apache/livermets.conf']) {
    const conf = fs.readFileSync(path.join(top, f), 'utf8');
    assert.ok(conf.includes(SITE_POLICY), `${f} sends the site's policy`);
    policies.push(...conf.split('\n').filter((l) => /-src /.test(l)));
  }
  for (const p of policies) assert.ok(!/'unsafe-eval'|'unsafe-inline'/.test(p), `no unsafe source in: ${p}`);
  // reproducible: a second run gives the same bytes
  run(path.join(repoRoot, 'scripts/package'), ['--no-build', '--out', path.join(dir, 'b')], repoRoot);
  assert.ok(fs.readFileSync(zip).equals(fs.readFileSync(path.join(dir, 'b', `livermets-${version}.zip`))), 'same zip twice');
});
