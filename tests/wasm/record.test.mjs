// "Copy for the record" (web/js/record.js): the plain text made from real
// results of the module for a few vignettes.  It holds the date, rule base,
// the answered questions with labels and units, the pathway, every item with
// its statement ids, the warnings, what is still unknown and the
// decision-support line; it is plain text in short lines, and it holds
// nothing that was not entered or computed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { wasm, repoRoot } from './harness.mjs';
import { recordText, caseRows, wrap, derivedDef, DECISION_SUPPORT_LINE, TOOL_NAME, LINE_WIDTH } from '../../web/js/record.js';

const examples = JSON.parse(fs.readFileSync(path.join(repoRoot, 'web/examples.json'), 'utf8')).examples;
const DATE = new Date(2031, 2, 7);  // 2031-03-07, local time
// the fixed words of the text: headings and connectives, nothing clinical
const HEADINGS = ['Date:', 'Case as entered', 'Pathway:', 'Decided by:', '·', 'Do', 'Consider', 'Avoid', 'Warnings',
  'Still unknown, and would change the result', 'Derived figures', '(assumed, not answered)', 'Rule base',
  'No answers entered.', 'No pathway: these answers need correcting'];

const flat = (s) => s.replace(/\s+/g, ' ').trim();

async function setup() {
  const m = await wasm();
  const q = JSON.parse(m.questionnaire());
  const run = (caseObj) => JSON.parse(m.evaluate(JSON.stringify(caseObj)));
  return { q, run };
}

/** Takes every expected piece out of the text; what is left must be punctuation and spaces. */
function leftover(text, pieces) {
  let rest = flat(text);
  for (const p of [...new Set(pieces.map(flat))].filter(Boolean).sort((a, b) => b.length - a.length)) rest = rest.split(p).join(' ');
  return rest.replace(/[\s,:.()]/g, '');
}

function shape(text) {
  const lines = text.split('\n');
  for (const line of lines) {
    assert.ok(line.length <= LINE_WIDTH || !line.trim().includes(' '), `line within ${LINE_WIDTH} characters: "${line}"`);
    assert.doesNotMatch(line, /^\s*([-*+>#|]|\d+\.)\s/, `no Markdown list, quote, heading or table: "${line}"`);
    assert.doesNotMatch(line, /\*\*|__|`|\[[^\]]*\]\(|^\s*(---|===)/, `no Markdown emphasis, code, link or rule: "${line}"`);
    assert.equal(line, line.trimEnd(), 'no trailing spaces');
  }
  assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'));
}

test('the record of four vignettes: what was entered and computed, in short plain lines', async () => {
  const { q, run } = await setup();
  for (const id of ['crc-chemo-before-review', 'breast-oligo', 'net-active', 'unknown-primary-biopsy']) {
    const ex = examples.find((e) => e.id === id);
    const r = run(ex.case);
    assert.equal(r.status, 'ok');
    const text = recordText(r, q, { date: DATE });
    shape(text);
    const lines = text.split('\n');
    assert.equal(lines[0], TOOL_NAME);
    assert.match(lines[1], new RegExp(`^Rule base ${r.rulebase.version.replace(/\./g, '\\.')}, `));
    assert.ok(flat(text).includes(r.rulebase.guideline));
    assert.ok(lines.includes('Date: 2031-03-07'));
    // the case: every answered question by its label, with its unit; no unanswered one
    const rows = caseRows(q, r);
    for (const qq of q.questions) {
      const given = qq.id.split('.').reduce((o, k) => (o ? o[k] : undefined), ex.case);
      const row = rows.find((x) => x.id === qq.id);
      if (given === undefined) { assert.ok(!row || row.assumed, `${qq.id} was not answered`); continue; }
      assert.ok(row, `${qq.id} is listed`);
      assert.equal(row.label, qq.label);
      if (typeof given === 'number' && qq.unit) assert.equal(row.value, `${given} ${qq.unit}`);
      assert.ok(flat(text).includes(`${qq.label}: ${row.value}`), `${qq.label} in the text`);
    }
    for (const f of r.assumed || []) assert.ok(rows.find((x) => x.id === f).assumed, `${f} marked assumed`);
    // the result: pathway, every item with its ids, warnings, missing, derived
    assert.ok(flat(text).includes(`Pathway: ${r.pathway.title} (${r.pathway.code})`));
    for (const x of [...r.recommendations, ...r.warnings]) {
      assert.ok(flat(text).includes(flat(`${x.text} (${x.statements.join(', ')})`)), `${x.code} with its statement ids`);
    }
    // the facts that decided it (issue 10), in the core's order
    if ((r.why || []).length) assert.ok(flat(text).includes(flat(`Decided by: ${r.why.map((f) => f.text).join(' · ')}`)), 'the why line');
    // within each strength, the case-specific items before the general ones
    for (const strength of ['do', 'consider', 'avoid']) {
      const inText = r.recommendations.filter((x) => x.strength === strength)
        .map((x) => ({ x, at: flat(text).indexOf(flat(x.text)) })).sort((a, b) => a.at - b.at).map((y) => y.x.general);
      assert.deepEqual(inText, [...inText].sort((a, b) => Number(a) - Number(b)), `${strength}: case-specific items first`);
    }
    const order = ['Do', 'Consider', 'Avoid', 'Warnings'].filter((h) => lines.includes(h)).map((h) => lines.indexOf(h));
    assert.deepEqual(order, [...order].sort((a, b) => a - b), 'do, consider, avoid, warnings in that order');
    for (const mm of r.missing) assert.ok(flat(text).includes(flat(mm.why)), `missing ${mm.field}`);
    assert.ok(flat(text).includes(flat(DECISION_SUPPORT_LINE)));
    // nothing else: take out every entered and computed piece and the fixed words
    const labels = new Map(q.questions.map((x) => [x.id, x.label]));
    const pieces = [
      ...HEADINGS, TOOL_NAME, DECISION_SUPPORT_LINE, r.rulebase.version, r.rulebase.guideline, '2031-03-07',
      ...rows.flatMap((x) => [x.label, x.value]),
      r.pathway.title, r.pathway.code, r.pathway.summary, ...(r.why || []).map((f) => f.text),
      ...[...r.recommendations, ...r.warnings].flatMap((x) => [x.text, ...x.statements]),
      ...r.missing.flatMap((x) => [labels.get(x.field), x.why]),
      ...Object.entries(r.derived).flatMap(([k, v]) => [derivedDef(q, k).label, String(v), derivedDef(q, k).unit]),
    ];
    assert.equal(leftover(text, pieces), '', `${id}: nothing in the text that was not entered or computed`);
  }
});

test('an unanswered case and an invalid one: no invented answers, the errors named', async () => {
  const { q, run } = await setup();
  const empty = recordText(run({}), q, { date: DATE });
  shape(empty);
  assert.match(empty, /Case as entered\n {2}Setting: .* \(assumed, not answered\)\n/, 'only the assumed setting');
  assert.match(empty, /Pathway: .*\(ASSESSMENT_INCOMPLETE\)/);
  const bad = run({ primary: 'colorectal', ecog: 9 });
  assert.equal(bad.status, 'error');
  const text = recordText(bad, q, { date: DATE, entered: { primary: 'colorectal', ecog: 9 } });
  shape(text);
  assert.match(text, /Primary tumour: Colorectal\n {2}ECOG performance status: 9\n/);
  assert.match(text, /No pathway: these answers need correcting\n {2}ecog: out of range/);
  assert.doesNotMatch(text, /^(Do|Pathway:)/m, 'no pathway and no items for an invalid case');
  assert.ok(text.trimEnd().endsWith(flat(DECISION_SUPPORT_LINE).split(' ').pop()));
});

test('wrap: short lines, hanging indent, a long word alone', () => {
  assert.deepEqual(wrap('a b c', { width: 3 }), ['a b', 'c']);
  assert.deepEqual(wrap('one two three', { width: 9, first: '  ', rest: '    ' }), ['  one two', '    three']);
  assert.deepEqual(wrap('x '.repeat(3) + 'y'.repeat(20), { width: 10 }), ['x x x', 'y'.repeat(20)]);
  assert.deepEqual(wrap(''), ['']);
});

test('the record of a calculator fault says so, and never asks for answers to be corrected', async () => {
  const m = await wasm();
  const q = JSON.parse(m.questionnaire());
  const text = recordText(JSON.parse(m.fault('std::bad_alloc')), q, { date: DATE, entered: {} });
  assert.match(flat(text), /Calculator fault: no result was computed; please report this case\./);
  assert.doesNotMatch(text, /need correcting/);
});
