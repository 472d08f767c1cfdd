// The clinical change log: docs/CHANGES.md is turned into changes.json by
// scripts/lib/changes-md.mjs at build time, for the page's "What changed in
// this rule base".  Its newest version is the rule base the module reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { wasm, repoRoot } from './harness.mjs';
import { parseChanges, CHANGES_FORMAT } from '../../scripts/lib/changes-md.mjs';

const sample = [
  '# What changed',
  '',
  'Intro line one',
  'and its continuation.',
  '',
  '## 2.0.0 (2027-01-31)',
  'Why this version.',
  '### Colorectal',
  '- `RESECTION`: first change (G20)',
  '  continued here.',
  '* second change (G21, G22)',
  '',
  '### Breast',
  'A note on breast.',
  '- third change',
  '',
  '## 1.0.0',
  '- a change with no heading',
].join('\n');

test('the Markdown subset: title, introduction, versions with dates, headings, items and their continuations', () => {
  const doc = parseChanges(sample);
  assert.equal(doc.format, CHANGES_FORMAT);
  assert.equal(doc.title, 'What changed');
  assert.deepEqual(doc.intro, ['Intro line one and its continuation.']);
  assert.deepEqual(doc.versions.map((v) => [v.version, v.date]), [['2.0.0', '2027-01-31'], ['1.0.0', null]]);
  const [v2, v1] = doc.versions;
  assert.deepEqual(v2.notes, ['Why this version.']);
  assert.deepEqual(v2.groups.map((g) => g.title), ['Colorectal', 'Breast']);
  assert.deepEqual(v2.groups[0].items, ['`RESECTION`: first change (G20) continued here.', 'second change (G21, G22)']);
  assert.deepEqual(v2.groups[1].notes, ['A note on breast.']);
  assert.deepEqual(v1.groups, [{ title: '', notes: [], items: ['a change with no heading'] }]);
});

test('anything outside the subset fails the build, naming the line', () => {
  const bad = (text, re) => assert.throws(() => parseChanges(text), re);
  bad('## 1.0', /line 1: a version heading/);
  bad('## 1.0.0\n## 1.0.0', /line 2: version 1.0.0 is listed twice/);
  bad('### Colorectal', /line 1: .*under a "## version"/);
  bad('- early item', /line 1: .*under a "## version"/);
  bad('## 1.0.0\n#### deep', /line 2: only "#", "##" and "###"/);
  bad('## 1.0.0\n- item\n  - nested', /line 3: nested lists/);
  bad('## 1.0.0\n<b>html</b>', /line 2: HTML/);
  bad('## 1.0.0\n| a | b |', /line 2: HTML, tables/);
  bad('Just text', /no "## version"/);
});

test('docs/CHANGES.md parses, its newest version is the module\'s rule base, and the build ships it', async () => {
  const doc = parseChanges(fs.readFileSync(path.join(repoRoot, 'docs/CHANGES.md'), 'utf8'));
  const m = await wasm();
  const version = JSON.parse(m.evaluate('{}')).rulebase.version;
  assert.equal(doc.versions[0].version, version, 'the change log starts with the rule base in use');
  assert.ok(doc.versions[0].groups.some((g) => g.items.length), 'the newest version lists its changes');
  const site = path.dirname(path.resolve(process.env.LIVERMETS_WASM_JS || path.join(repoRoot, 'dist/web/livermets.js')));
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(site, 'changes.json'), 'utf8')), doc, 'dist/web/changes.json is docs/CHANGES.md');
  const single = fs.readFileSync(path.join(site, 'embed.html'), 'utf8');
  const block = single.match(/<script type="application\/json" id="livermets-changes">([^<]*)<\/script>/);
  assert.ok(block, 'the single file carries the change log as a data block');
  assert.deepEqual(JSON.parse(block[1]), doc);
});
