// The JavaScript result checker must catch what it claims to catch, on the
// same fixture as the fuzz harness's C++ checker (tests/fuzz/checker-cases.jsonl:
// real results from the module, and copies broken in one way each), so the
// two checkers stay in step.  Also: every valid fixture result still matches
// what the current module answers in shape (it parses and passes).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkResult } from './result-check.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cases = fs.readFileSync(path.join(root, 'tests/fuzz/checker-cases.jsonl'), 'utf8')
  .split('\n').filter(Boolean).map((l) => JSON.parse(l));

test('result checker: passes every valid result of the fixture', () => {
  const valid = cases.filter((c) => !c.expect);
  assert.ok(valid.length >= 5);
  for (const c of valid) assert.deepEqual(checkResult(c.result), [], c.name);
});

test('result checker: reports each broken result of the fixture with the expected problem', () => {
  const broken = cases.filter((c) => c.expect);
  assert.ok(broken.length >= 40, `only ${broken.length} broken results`);
  for (const c of broken) {
    const problems = checkResult(c.result);
    assert.ok(problems.some((p) => p.includes(c.expect)), `${c.name}: expected '${c.expect}', got ${JSON.stringify(problems)}`);
  }
});
