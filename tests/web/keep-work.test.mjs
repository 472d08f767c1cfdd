// Issue 10, "never lose entered work": Reset, Load example and Import offer
// Undo; an import is checked by the core before it replaces anything; an
// answer hidden because another made it irrelevant is said where it was, with
// its conflict; errors in the page's words; nothing is stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { startSession, openPage, choice, typeNumber, expectPathway, distWeb, repoRoot } from './helpers.mjs';

const require = createRequire(import.meta.url);
let session;
let mod;
before(async () => {
  session = await startSession();
  mod = await require(path.join(distWeb, 'livermets.js'))();
});
after(async () => { await session.stop(); });

async function someAnswers(page) {
  await choice(page, 'Primary tumour', 'Colorectal').check();
  await choice(page, 'Complete (R0) resection achievable', 'No').check();
  await typeNumber(page, /^Future liver remnant/, 25);
  await expectPathway(page, 'CRC_CONVERSION_THERAPY');
}

const formState = (page) => page.evaluate(() => [...document.querySelectorAll('#questions input')]
  .map((i) => (i.type === 'radio' ? (i.checked ? `${i.name}=${i.value}` : '') : `${i.id}=${i.value}`)).filter(Boolean).join('\n'));

test('Reset offers Undo, which brings every answer back; after Reset the example list is cleared', async () => {
  const page = await openPage(session);
  await page.locator('#example').selectOption({ index: 1 });
  await someAnswers(page);
  const before = await formState(page);
  await page.getByRole('button', { name: 'Reset' }).click();
  await expectPathway(page, 'ASSESSMENT_INCOMPLETE');
  assert.equal(await page.locator('#example').inputValue(), '', 'the example list is cleared');
  assert.match(await page.locator('#io-status').textContent(), /Undo brings your answers back/);
  await page.getByRole('button', { name: 'Undo clear' }).click();
  await expectPathway(page, 'CRC_CONVERSION_THERAPY');
  assert.equal(await formState(page), before);
  assert.equal(await page.locator('#undo').isVisible(), false);
  // with nothing entered there is nothing to undo
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('button', { name: 'Reset' }).click();
  assert.equal(await page.locator('#undo').isVisible(), false);
  await page.checkGuards();
  await page.close();
});

test('Load example over a case offers Undo; a new answer ends the offer', async () => {
  const page = await openPage(session);
  await someAnswers(page);
  const before = await formState(page);
  await page.locator('#example').selectOption('net-active');
  await page.getByRole('button', { name: 'Load example' }).click();
  await expectPathway(page, 'NET_MEDICAL_AND_LIVER_DIRECTED');
  await page.getByRole('button', { name: 'Undo example' }).click();
  await expectPathway(page, 'CRC_CONVERSION_THERAPY');
  assert.equal(await formState(page), before);
  await page.getByRole('button', { name: 'Load example' }).click();
  await expectPathway(page, 'NET_MEDICAL_AND_LIVER_DIRECTED');
  await choice(page, 'Symptomatic', 'No').check();
  await page.waitForFunction(() => document.getElementById('undo').hidden);
  await page.checkGuards();
  await page.close();
});

test('an import is checked by the core first: an invalid file is refused with its errors and the form is untouched', async () => {
  const page = await openPage(session);
  await someAnswers(page);
  const before = await formState(page);
  const importFile = async (name, text) => {
    await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.waitForFunction((n) => document.getElementById('io-status').textContent.includes(n), name);
  };
  await importFile('hello.json', '{"hello": 1}');
  const status = await page.locator('#io-status').textContent();
  assert.match(status, /Could not import hello\.json: it is not a valid case, and the form is unchanged\./);
  assert.match(status, /hello: Unknown field/);
  assert.doesNotMatch(status, /Not shown in the form/);
  assert.equal(await formState(page), before);
  await expectPathway(page, 'CRC_CONVERSION_THERAPY');
  await importFile('range.json', '{"primary": "breast", "ecog": 9}');
  assert.match(await page.locator('#io-status').textContent(), /ECOG performance status: This is out of range: enter a whole number from 0 to 4, or leave empty if unknown\./);
  assert.equal(await formState(page), before);
  await importFile('text.txt', 'hello');
  assert.match(await page.locator('#io-status').textContent(), /Could not import text\.txt: the file is not valid JSON\. The form is unchanged\./);
  assert.equal(await formState(page), before);
  // a valid file replaces the case, and can be undone
  await importFile('ok.json', JSON.stringify({ primary: 'breast' }));
  await expectPathway(page, 'BREAST_SYSTEMIC_FIRST');
  await page.getByRole('button', { name: 'Undo import' }).click();
  await expectPathway(page, 'CRC_CONVERSION_THERAPY');
  assert.equal(await formState(page), before);
  await page.checkGuards();
  await page.close();
});

test('an answer made irrelevant is kept and said where it was, with its conflict; clearing it is one tap', async () => {
  const page = await openPage(session, { width: 1366, height: 1024 });
  await choice(page, 'Primary tumour', 'Colorectal').check();
  // CT volumetry first: 900 ml, 175 cm, 75 kg (BSA 1.91 m², standard liver 1625 ml: 55.4%)
  await typeNumber(page, /^Remnant volume on CT/, 900);
  await typeNumber(page, /^Height/, 175);
  await typeNumber(page, /^Weight/, 75);
  await page.waitForFunction(() => document.querySelector('#why-line') && document.querySelector('#result-body').textContent.includes('55.4'));
  // then a remnant % typed: the volumetry is no longer asked, but not dropped silently
  await typeNumber(page, /^Future liver remnant/, 45);
  const kept = page.locator('#q-flr_volume_ml .q-kept');
  await kept.waitFor({ state: 'visible' });
  assert.equal(await kept.locator('.q-kept-text').textContent(),
    'Remnant volume on CT: 900 ml is kept but not used: this question is asked only while “Future liver remnant” is unknown.');
  assert.equal(await page.locator('#q-height_cm .q-kept').isVisible(), true);
  assert.equal(await page.locator('#q-weight_kg .q-kept').isVisible(), true);
  // the two remnants disagree: said at the kept answer
  await page.waitForFunction(() => !document.querySelector('#q-flr_volume_ml .q-kept-conflict').hidden);
  assert.match(await kept.locator('.q-kept-conflict').textContent(), /give a remnant of 55\.4%, but 45 % is entered as the future liver remnant, and that is the one used/);
  // the case sent is the visible one: the % alone
  await page.waitForFunction(() => document.querySelector('#why-line').textContent.includes('remnant 45%') || document.querySelector('#result-body').textContent.includes('Remnant 45'));
  // agreeing figures: no conflict
  await typeNumber(page, /^Future liver remnant/, 55.4);
  await page.waitForFunction(() => document.querySelector('#q-flr_volume_ml .q-kept-conflict').hidden);
  // clearing the kept answer removes it for good
  await kept.getByRole('button', { name: /Clear this answer/ }).click();
  assert.equal(await kept.isVisible(), false);
  await page.getByRole('textbox', { name: /^Future liver remnant/ }).fill('');
  await page.keyboard.press('Tab');
  assert.equal(await page.getByRole('textbox', { name: /^Remnant volume on CT/ }).inputValue(), '');
  assert.equal(await page.getByRole('textbox', { name: /^Height/ }).inputValue(), '175', 'the others are kept');
  await page.checkGuards();
  await page.close();
});

test('errors in the page\'s words ("leave empty if unknown"), the core\'s own in JSON words ("or null for unknown")', async () => {
  const { pageMessage } = await import(pathToFileURL(path.join(repoRoot, 'web/js/words.js')).href);  // the page's module (the site ships it bundled into js/main.js)
  const q = JSON.parse(mod.questionnaire());
  const questions = new Map(q.questions.map((x) => [x.id, x]));
  // every field, every kind of error a value can have
  const bad = { bool: ['yes', 3], enum: ['maybe', 1], integer: [2.5, 999, 'x'], number: [-5, 1e6, 'x'] };
  let checked = 0;
  for (const qq of q.questions) {
    for (const v of bad[qq.type] || []) {
      const caseObj = {};
      const [block, field] = qq.id.includes('.') ? qq.id.split('.') : [null, qq.id];
      if (block) { caseObj.primary = block; caseObj[block] = { [field]: v }; } else caseObj[field] = v;
      const r = JSON.parse(mod.evaluate(JSON.stringify(caseObj)));
      const err = r.errors.find((e) => e.field === qq.id);
      if (!err) continue;  // e.g. 999 is in range for a volume
      checked += 1;
      assert.match(err.message, /or null for (unknown|the default)|not both|above 100%/, `${qq.id} ${v}: the core's JSON wording`);
      const words = pageMessage(err, questions);
      assert.doesNotMatch(words, /null|true or false|"[a-z_]+"|\b[a-z]+_[a-z_]+\b/, `${qq.id} ${v}: ${words}`);
      if (qq.type === 'integer' || qq.type === 'number') assert.match(words, /leave empty if unknown\.$/, `${qq.id} ${v}`);
      else assert.match(words, /choose one of the answers shown, or Unknown\.$/, `${qq.id} ${v}`);
    }
  }
  assert.ok(checked >= 60, `${checked} errors checked`);
  // a message without the accepted part: field names become the questions' labels
  const both = JSON.parse(mod.evaluate('{"flr_percent": 40, "flr_volume_ml": 800}')).errors[0];
  assert.equal(pageMessage(both, questions), 'Give either “Future liver remnant” or “Remnant volume on CT” (with height and weight), not both.');
  // and in the page
  const page = await openPage(session);
  await typeNumber(page, /^Future liver remnant/, 'forty');
  await page.waitForFunction(() => !document.querySelector('#q-flr_percent .q-error').hidden);
  assert.equal(await page.locator('#q-flr_percent .q-error').textContent(), 'This is not a number: enter a number from 0 to 100 %, or leave empty if unknown.');
  assert.match(await page.locator('.privacy').textContent(), /nothing is stored/);
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]), [0, 0, '']);
  await page.checkGuards();
  await page.close();
});

test('"About this guideline" names it, says what Gnn and the citation numbers are, and what the text does not say', async () => {
  const page = await openPage(session);
  await page.locator('#about summary').click();
  const text = await page.locator('#about').textContent();
  assert.match(text, /Management of Liver Metastases/);
  assert.match(text, /Gnn is line nn/);
  assert.match(text, /citation numbers \(1 to 8\) are the guideline’s own reference numbers/);
  assert.match(text, /names no authors, issuing body, date, version or review date/);
  assert.match(text, /does not include the reference list/);
  await page.checkGuards();
  await page.close();
});
