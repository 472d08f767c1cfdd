// What the page adds around the core's result (issue 8): the diagram shows
// exactly the route the decision took, a CHECK_ANSWERS warning links to each
// question it names, an assumed answer is marked, operability is never
// claimed, and "What changed in this rule base" shows the version in use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, openPage, choice, typeNumber, expectPathway, assertNoAxeViolations } from './helpers.mjs';
import { PATHWAY_CASES } from '../wasm/pathway-cases.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session.stop(); });

/** Loads a case into the page as a person would: Import… and a local file. */
async function importCase(page, caseObj, name) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#import')]);
  await chooser.setFiles({ name: name + '.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(caseObj)) });
  await page.waitForFunction((n) => document.querySelector('#io-status').textContent.includes(n), name + '.json');
}

/** The result panel's text without the diagram (whose decision boxes are questions, not findings). */
const resultText = (page) => page.evaluate(() => {
  const body = document.querySelector('#result-body').cloneNode(true);
  body.querySelector('#diagram-slot')?.remove();
  return body.innerText;
});

test('for one case per pathway code the diagram is the named algorithm, with exactly the route\'s nodes and edges highlighted', async () => {
  const page = await openPage(session, { width: 1024, height: 768 });
  for (const [i, c] of PATHWAY_CASES.entries()) {
    await importCase(page, c.case, `route-${i}`);
    await expectPathway(page, c.pathway);
    const drawn = await page.evaluate(() => {
      const svg = document.querySelector('#diagram-slot svg.diagram');
      return {
        algorithm: svg.dataset.algorithm,
        nodes: [...svg.querySelectorAll('.node.on-route')].map((n) => n.dataset.node).sort(),
        current: [...svg.querySelectorAll('.node.current')].map((n) => n.dataset.node),
        edges: [...svg.querySelectorAll('.edge.on-route')].map((e) => e.dataset.from + '>' + e.dataset.to).sort(),
        allEdges: svg.querySelectorAll('.edge').length,
        list: [...document.querySelectorAll('.route-list li')].length,
      };
    });
    const what = `${c.pathway} (${c.why})`;
    assert.equal(drawn.algorithm, c.algorithm, what);
    assert.deepEqual(drawn.nodes, [...c.route].sort(), `${what}: highlighted nodes`);
    assert.deepEqual(drawn.current, [c.pathway], `${what}: the route ends at the pathway`);
    assert.deepEqual(drawn.edges, c.route.slice(1).map((to, k) => c.route[k] + '>' + to).sort(), `${what}: highlighted edges`);
    assert.ok(drawn.allEdges > drawn.edges.length || c.algorithm === 'breast', `${what}: other edges stay plain`);
    assert.equal(drawn.list, c.route.length, `${what}: the route is also written out, step by step`);
  }
  await page.checkGuards();
  await page.close();
});

test('CHECK_ANSWERS: ECOG 3 with operative risk acceptable links to both questions', async () => {
  const page = await openPage(session, { width: 390, height: 844 });
  await choice(page, 'Primary tumour', 'Colorectal').check();
  await choice(page, 'ECOG performance status', '3').check();
  await choice(page, 'Operative risk acceptable', 'Yes').check();
  const warning = page.locator('.warning[data-code="CHECK_ANSWERS"]');
  await warning.waitFor();
  assert.equal(await page.locator('.warning').first().getAttribute('data-code'), 'CHECK_ANSWERS', 'the first warning');
  assert.match(await warning.locator('.item-text').textContent(), /ECOG/);
  const links = warning.locator('a.field-link');
  assert.deepEqual(await links.evaluateAll((as) => as.map((a) => a.dataset.field)), ['ecog', 'operative_risk_acceptable']);
  assert.deepEqual(await links.allTextContents(), ['ECOG performance status', 'Operative risk acceptable']);
  await assertNoAxeViolations(page, 'CHECK_ANSWERS on a phone');
  // each link takes the focus to its question, and the question into view
  await links.nth(0).click();
  assert.equal(await page.evaluate(() => document.activeElement.closest('.question')?.dataset.field), 'ecog');
  assert.ok(await page.locator('#q-ecog').isVisible());
  await links.nth(1).click();
  assert.equal(await page.evaluate(() => document.activeElement.closest('.question')?.dataset.field), 'operative_risk_acceptable');
  assert.equal(await page.evaluate(() => document.activeElement.checked), true, 'the answer given is the one in focus');
  // correcting one answer removes the warning
  await choice(page, 'Operative risk acceptable', 'No').check();
  await page.waitForFunction(() => !document.querySelector('.warning[data-code="CHECK_ANSWERS"]'));
  await page.checkGuards();
  await page.close();
});

test('the assumed setting is marked at its question, in the result and in print, until it is answered', async () => {
  const page = await openPage(session);
  await choice(page, 'Primary tumour', 'Colorectal').check();
  await expectPathway(page, 'ASSESSMENT_INCOMPLETE');
  const mark = page.locator('#q-setting .q-assumed');
  assert.equal(await mark.textContent(), 'Assumed: First presentation (not answered).');
  const note = page.locator('#pathway .assumed-note');
  assert.equal(await note.getAttribute('data-assumed'), 'setting');
  assert.equal(await note.innerText(), 'Assumed, not answered:\nSetting: First presentation');
  const summaryRows = () => page.locator('.case-summary dt').evaluateAll((dts) => dts.map((dt) => dt.textContent + ': ' + dt.nextElementSibling.textContent));
  assert.deepEqual(await summaryRows(), ['Primary tumour: Colorectal', 'Setting: First presentation (assumed)']);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.case-summary').isVisible(), true, 'printed');
  assert.equal(await page.locator('#pathway .assumed-note').isVisible(), false, 'said once in print, in the case summary');
  await page.emulateMedia({ media: 'screen' });
  // answered: no longer assumed anywhere
  await choice(page, 'Setting', 'First presentation').check();
  await page.waitForFunction(() => !document.querySelector('#pathway .assumed-note'));
  assert.equal(await page.locator('#q-setting .q-assumed:not([hidden])').count(), 0, 'no assumed note shown');
  assert.deepEqual(await summaryRows(), ['Primary tumour: Colorectal', 'Setting: First presentation']);
  await page.checkGuards();
  await page.close();
});

test('nobody is called operable: surgery "not excluded by the answers so far", or why it is excluded', async () => {
  const page = await openPage(session);
  await choice(page, 'Primary tumour', 'Colorectal').check();
  const note = page.locator('.operable-note');
  await note.waitFor();
  assert.equal(await note.getAttribute('data-operable'), 'true');
  assert.equal(await note.textContent(), 'The patient: surgery not excluded by the answers so far ' +
    '(fitness for surgery is not yet known; whether the patient accepts surgery is not yet recorded).');
  await choice(page, 'ECOG performance status', '1').check();
  await choice(page, 'Operative risk acceptable', 'Yes').check();
  await choice(page, 'Patient declines liver surgery', 'No').check();
  await page.waitForFunction(() => document.querySelector('.operable-note').textContent.endsWith('so far.'));
  assert.doesNotMatch(await resultText(page), /\boperable\b/i);
  await choice(page, 'Patient declines liver surgery', 'Yes').check();
  await page.waitForFunction(() => document.querySelector('.operable-note').dataset.operable === 'false');
  assert.equal(await note.textContent(), 'The patient: not for surgery on the answers given: the patient has declined liver surgery.');
  await choice(page, 'ECOG performance status', '4').check();
  await page.waitForFunction(() => /fitness criterion is not met; the patient has declined/.test(document.querySelector('.operable-note').textContent));
  assert.doesNotMatch(await resultText(page), /\boperable\b/i);
  await page.checkGuards();
  await page.close();
});

test('"What changed in this rule base" opens from the page and shows the version of the result first', async () => {
  const page = await openPage(session, { width: 1366, height: 900 });
  await choice(page, 'Primary tumour', 'Breast').check();
  await expectPathway(page, 'BREAST_SYSTEMIC_FIRST');
  // the version the result was computed with (the print head names result.rulebase)
  const head = await page.locator('.print-head').evaluate((el) => el.textContent);
  const version = head.match(/rule base (\d+\.\d+\.\d+)/)[1];
  const details = page.locator('details#changes');
  assert.equal(await details.evaluate((d) => d.open), false, 'closed until asked for');
  await page.getByRole('link', { name: 'What changed' }).click();
  await page.waitForSelector('.changes-version');
  assert.equal(await details.evaluate((d) => d.open), true);
  const first = page.locator('.changes-version').first();
  assert.equal(await first.getAttribute('data-version'), version);
  assert.match(await first.locator('h3').textContent(), new RegExp(`^Rule base ${version.replace(/\./g, '\\.')} \\(\\d{4}-\\d{2}-\\d{2}\\) · in use on this page$`));
  assert.ok(await first.locator('h4').count() >= 1, 'changes grouped by pathway or area');
  assert.match(await first.locator('li').first().textContent(), /G\d\d/, 'each change names its statements');
  assert.ok(await first.locator('h3').isVisible(), 'brought into view');
  await assertNoAxeViolations(page, 'change log open');
  // closing and opening the summary again keeps it (loaded once)
  await page.locator('#changes > summary').click();
  await page.locator('#changes > summary').click();
  assert.equal(await page.locator('.changes-version').first().getAttribute('data-version'), version);
  await page.checkGuards();
  await page.close();
});

test('a remnant just below its threshold is never shown as equal to it (29.996% reads 29.99, not 30)', async () => {
  const page = await openPage(session, { width: 390, height: 844 });
  await choice(page, 'Primary tumour', 'Colorectal').check();
  await typeNumber(page, /^Future liver remnant/, '29.996');
  await page.waitForFunction(() => document.querySelector('.crit[data-code="REMNANT"]')?.dataset.status === 'not_met');
  const shown = await page.locator('[data-derived="flr_percent"] .item-text').textContent();
  assert.match(shown, /: 29\.99 %$/);
  await page.checkGuards();
  await page.close();
});

test('a Basis the reader opened stays open when an answer changes, and the diagram keeps its drawing', async () => {
  const page = await openPage(session, { width: 1366, height: 1024 });
  await choice(page, 'Primary tumour', 'Colorectal').check();
  await expectPathway(page, 'ASSESSMENT_INCOMPLETE');
  const referral = page.locator('#result-body details.basis[data-basis="REFER_HPB_MDT"]');
  await referral.locator('summary').click();
  assert.equal(await referral.evaluate((d) => d.open), true);
  const before = await page.evaluate(() => [...document.querySelectorAll('#diagram-slot svg .node')].map((n) => n.getAttribute('transform') || n.querySelector('rect')?.getAttribute('x') + ',' + n.querySelector('rect')?.getAttribute('y')));
  // another answer: the result is redrawn with the referral still in it
  await choice(page, 'Complete (R0) resection achievable', 'No').check();
  await expectPathway(page, 'CRC_CONVERSION_THERAPY');
  assert.equal(await referral.evaluate((d) => d.open), true, 'the open Basis is still open');
  const closed = await page.locator('#result-body details.basis:not([open])').count();
  assert.ok(closed > 0, 'the others stay closed');
  const after = await page.evaluate(() => [...document.querySelectorAll('#diagram-slot svg .node')].map((n) => n.getAttribute('transform') || n.querySelector('rect')?.getAttribute('x') + ',' + n.querySelector('rect')?.getAttribute('y')));
  assert.deepEqual(after, before, 'the same algorithm, laid out the same way');
  await page.checkGuards();
  await page.close();
});
