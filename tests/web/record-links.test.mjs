// "Copy for the record" in Chromium (clipboard permission granted: the text
// on the clipboard is exactly record.js's text of the result shown; where the
// page may not copy, the same text in a selected box), and links to teaching
// cases (index.html#example=<id>; every other fragment ignored).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSession, openPage, expectPathway, choice, repoRoot, distWeb } from './helpers.mjs';
import { launch } from '../../scripts/lib/chromium.mjs';
import { MIME } from '../../scripts/lib/serve.mjs';
import { wasm } from '../wasm/harness.mjs';
import { recordText, DECISION_SUPPORT_LINE } from '../../web/js/record.js';

const examples = JSON.parse(fs.readFileSync(path.join(repoRoot, 'web/examples.json'), 'utf8')).examples;
const example = (id) => examples.find((e) => e.id === id);

let session;
before(async () => { session = await startSession(); });
after(async () => { await session.stop(); });

/** The record text Node makes from the module's result of a case, dated as the page dated its copy. */
async function expectedRecord(caseObj, copied) {
  const m = await wasm();
  const [, y, mo, d] = /^Date: (\d{4})-(\d\d)-(\d\d)$/m.exec(copied);
  return recordText(JSON.parse(m.evaluate(JSON.stringify(caseObj))), JSON.parse(m.questionnaire()), { date: new Date(+y, mo - 1, +d) });
}

test('copy for the record puts the plain-text record of the result shown on the clipboard', async () => {
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.origin });
  const page = await openPage(session);
  await page.evaluate(() => { location.hash = '#example=crc-chemo-before-review'; });
  await expectPathway(page, 'CRC_RESECTION_FIRST');
  await page.getByRole('button', { name: 'Copy for the record' }).click();
  await page.waitForFunction(() => /^Copied the result/.test(document.querySelector('#io-status').textContent));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await expectedRecord(example('crc-chemo-before-review').case, copied), 'the record of exactly this result');
  assert.match(copied, /\(CRC_RESECTION_FIRST\)/);
  assert.match(copied, /URGENT_SURGICAL_REVIEW|surgical consultation now/);
  assert.equal(await page.locator('#copy-box').count(), 0, 'no box when the copy worked');
  // the print view shares the copy's case rows, date and decision-support line
  const printed = await page.evaluate(() => ({
    rows: [...document.querySelectorAll('.case-summary dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling.textContent}`),
    head: document.querySelector('.print-head').textContent,
  }));
  const copiedRows = [];
  for (const line of copied.split('\n\n')[1].split('\n').slice(1)) {  // "Case as entered": a row, or its continuation
    if (line.startsWith('    ')) copiedRows[copiedRows.length - 1] += ' ' + line.trim();
    else copiedRows.push(line.trim().replace(' (assumed, not answered)', ' (assumed)'));
  }
  assert.ok(copiedRows.length > 15);
  assert.deepEqual(printed.rows, copiedRows);
  assert.ok(printed.head.includes(DECISION_SUPPORT_LINE));
  assert.ok(printed.head.includes('Printed ' + /^Date: (.*)$/m.exec(copied)[1]));

  // an answer changed in the form, and copied at once: the copy follows the form
  await choice(page, 'Lesions no longer visible after chemotherapy', 'No').check();
  await page.getByRole('button', { name: 'Copy for the record' }).click();
  await page.waitForFunction(async () => /Lesions no longer visible after chemotherapy: No/.test(await navigator.clipboard.readText()));
  const second = await page.evaluate(() => navigator.clipboard.readText());
  assert.doesNotMatch(second, /RADIOLOGICAL|Lesions no longer visible after chemotherapy: Yes/);
  assert.equal(second, await expectedRecord({ ...example('crc-chemo-before-review').case, complete_radiological_response: false }, second));
  await page.checkGuards();
  await page.close();
});

test('where the browser refuses to copy, the same text is shown selected in a box, with how to copy it', async () => {
  const page = await openPage(session);
  await page.evaluate(() => { location.hash = '#example=net-active'; });
  await expectPathway(page, 'NET_MEDICAL_AND_LIVER_DIRECTED');
  // the browser's answer when the user or a policy has not allowed copying
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
  });
  await page.getByRole('button', { name: 'Copy for the record' }).click();
  const box = page.getByRole('region', { name: 'Text for the record' });
  await box.waitFor();
  assert.match(await box.textContent(), /did not allow the page to copy.*Ctrl\+C/);
  const shown = await page.evaluate(() => {
    const t = document.querySelector('#copy-text');
    return { value: t.value, selected: t.selectionStart === 0 && t.selectionEnd === t.value.length, focused: document.activeElement === t };
  });
  assert.equal(shown.value, await expectedRecord(example('net-active').case, shown.value));
  assert.ok(shown.selected && shown.focused, 'selected and focused, ready for Ctrl+C');
  await box.getByRole('button', { name: 'Close' }).click();
  assert.equal(await page.locator('#copy-box').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'copy', 'focus back on the button');
  await page.checkGuards();
  await page.close();
});

test('on plain http (not a secure context) the text is shown in the box, saying why', async () => {
  // the built site under http://lan.test/, an intranet host name: not a secure context
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await context.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (u.origin !== 'http://lan.test') return route.abort();
      const file = path.join(distWeb, u.pathname === '/' ? 'index.html' : u.pathname);
      if (!file.startsWith(distWeb) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ status: 200, body: fs.readFileSync(file), contentType: MIME[path.extname(file)] || 'application/octet-stream' });
    });
    await page.goto('http://lan.test/#example=breast-oligo');
    await page.waitForSelector('html[data-ready="true"]');
    await expectPathway(page, 'BREAST_SYSTEMIC_FIRST');
    assert.equal(await page.evaluate(() => window.isSecureContext), false);
    await page.getByRole('button', { name: 'Copy for the record' }).click();
    const box = page.getByRole('region', { name: 'Text for the record' });
    await box.waitFor();
    assert.match(await box.textContent(), /only when it is opened over https/);
    const value = await page.locator('#copy-text').inputValue();
    assert.equal(value, await expectedRecord(example('breast-oligo').case, value));
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('index.html#example=<id> opens that teaching case; a new link opens another', async () => {
  const page = await openPage(session);
  await page.evaluate(() => { location.hash = '#example=crc-repeat'; });
  await expectPathway(page, 'REPEAT_RESECTION');
  assert.equal(await page.inputValue('#example'), 'crc-repeat');
  assert.match(await page.locator('#io-status').textContent(), /^Example loaded: Colorectal: liver-only recurrence/);
  await page.evaluate(() => { location.hash = '#example=net-observation'; });
  await expectPathway(page, 'NET_OBSERVATION');
  assert.equal(await choice(page, 'Primary tumour', 'Neuroendocrine').isChecked(), true);
  // a link into the page (the skip link, a question's anchor) is just an anchor
  for (const anchor of ['#result', '#q-primary']) {
    await page.evaluate((a) => new Promise((resolve) => {
      window.addEventListener('hashchange', () => setTimeout(resolve), { once: true });
      location.hash = a;
    }), anchor);
    assert.equal(await choice(page, 'Primary tumour', 'Neuroendocrine').isChecked(), true, `${anchor}: the case stays`);
  }
  await expectPathway(page, 'NET_OBSERVATION');
  await page.checkGuards();
  await page.close();
});

test('any other fragment is ignored: no case is ever read from a URL', async () => {
  const page = await openPage(session);
  const fragments = [
    '#case=' + encodeURIComponent(JSON.stringify({ primary: 'breast' })),
    '#primary=breast',
    '#example=breast-oligo&primary=colorectal',
    '#example=' + encodeURIComponent('breast-oligo"><b>'),
    '#Example=breast-oligo',
  ];
  for (const f of fragments) {
    await page.goto(session.url + f);
    await page.waitForSelector('html[data-ready="true"]');
    // the examples are in, so the fragment has been read (a link fills the form at once)
    await page.waitForSelector('#load-example:not([disabled])');
    await expectPathway(page, 'ASSESSMENT_INCOMPLETE');
    assert.equal(await choice(page, 'Primary tumour', 'Unknown').isChecked(), true, `${f}: nothing entered`);
    assert.equal(await page.locator('#io-status').textContent(), '', `${f}: ignored`);
    await page.goto('about:blank');
  }
  // a well-formed link to a vignette this version does not have says so, and enters nothing
  await page.goto(session.url + '#example=no-such-case');
  await page.waitForFunction(() => /does not have/.test(document.querySelector('#io-status').textContent));
  await expectPathway(page, 'ASSESSMENT_INCOMPLETE');
  await page.checkGuards();
  await page.close();
});
