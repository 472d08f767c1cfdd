// Cases entered through the page as a person would (clicks and typing, or
// the keyboard alone), reaching the pathway the contract's table gives them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSession, openPage, choice, typeNumber, expectPathway, recsOf, repoRoot } from './helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session.stop(); });

test('colorectal, fit, resectable, no poor prognostic factor: resection first', async () => {
  const page = await openPage(session);
  // primary-specific questions appear only once the primary is known
  assert.equal(await page.getByRole('group', { name: 'RAS status', exact: true }).isVisible(), false);
  await choice(page, 'Primary tumour', 'Colorectal').check();
  await expectPathway(page, 'ASSESSMENT_INCOMPLETE');
  assert.equal(await page.getByRole('group', { name: 'RAS status', exact: true }).isVisible(), true);
  assert.equal(await page.getByRole('group', { name: 'HER2 status', exact: true }).isVisible(), false);
  await choice(page, 'Presentation', 'Metachronous').check();
  await typeNumber(page, /^Number of liver metastases/, 2);
  await typeNumber(page, /^Diameter of the largest metastasis/, '3.2');
  await choice(page, 'Complete (R0) resection achievable', 'Yes').check();
  await typeNumber(page, /^Future liver remnant/, 45);
  // volumetry is asked only while the remnant % is unknown
  assert.equal(await page.getByRole('textbox', { name: /^Height/ }).isVisible(), false);
  await choice(page, 'ECOG performance status', '1').check();  // buttons since issue 10
  await choice(page, 'Operative risk acceptable', 'Yes').check();
  await choice(page, 'Patient declines liver surgery', 'No').check();
  await choice(page, 'Disease outside the liver', 'None').check();
  await choice(page, 'Node-positive primary', 'No').check();
  await choice(page, 'Tumour markers elevated', 'No').check();
  await choice(page, 'A liver surgeon has assessed all metastases', 'Yes').check();
  await expectPathway(page, 'CRC_RESECTION_FIRST');
  assert.ok((await recsOf(page, 'do')).includes('RESECTION'));
  assert.ok((await recsOf(page, 'do')).includes('REFER_HPB_MDT'));
  assert.deepEqual(await recsOf(page, 'avoid'), ['DO_NOT_BIOPSY']);
  assert.equal(await page.locator('.overall').textContent(), 'All criteria met');
  // the checklist shows each criterion with its status
  const statuses = await page.locator('.crit').evaluateAll((els) => els.map((e) => `${e.dataset.code}:${e.dataset.status}`));
  assert.deepEqual(statuses.sort(), ['EXTRAHEPATIC:met', 'FITNESS:met', 'R0:met', 'REMNANT:met']);
  // the diagram is the colorectal algorithm with the route ending at this pathway
  assert.equal(await page.locator('svg.diagram').getAttribute('data-algorithm'), 'colorectal');
  assert.equal(await page.locator('svg.diagram .node.current').getAttribute('data-node'), 'CRC_RESECTION_FIRST');
  assert.ok(await page.locator('svg.diagram .edge.on-route').count() >= 3);
  // the live region announced the pathway
  assert.match(await page.locator('#live').textContent(), /^Pathway: /);
  await page.checkGuards();
  await page.close();
});

test('breast, receptors known: systemic therapy first, receptor-guided', async () => {
  const page = await openPage(session, { width: 820, height: 1180 });
  await choice(page, 'Primary tumour', 'Breast').check();
  await expectPathway(page, 'BREAST_SYSTEMIC_FIRST');
  assert.ok((await recsOf(page, 'do')).includes('RECEPTOR_TESTING'), 'receptor testing while receptors are unknown');
  await choice(page, 'Hormone receptor status', 'Positive').check();
  await choice(page, 'HER2 status', 'Negative').check();
  await choice(page, 'Liver-limited or oligometastatic disease', 'Yes').check();
  await choice(page, 'Progressing on systemic therapy', 'No').check();
  await choice(page, 'Disease outside the liver', 'Isolated bone, controllable by radiation').check();
  await page.waitForFunction(() => [...document.querySelectorAll('.rec')].some((e) => e.dataset.code === 'RECEPTOR_GUIDED_THERAPY'));
  await expectPathway(page, 'BREAST_SYSTEMIC_FIRST');
  const doRecs = await recsOf(page, 'do');
  assert.ok(doRecs.includes('SYSTEMIC_THERAPY'));
  assert.ok(doRecs.includes('RECEPTOR_GUIDED_THERAPY'));
  assert.ok(!doRecs.includes('RECEPTOR_TESTING'));
  assert.ok(!(await recsOf(page, 'avoid')).includes('DO_NOT_BIOPSY'), 'only colorectal gets DO_NOT_BIOPSY');
  const warnings = await page.locator('.warning').evaluateAll((els) => els.map((e) => e.dataset.code));
  assert.ok(warnings.includes('EXTRAHEPATIC_DISEASE_NOT_ABSOLUTE'));
  assert.equal(await page.locator('svg.diagram').getAttribute('data-algorithm'), 'breast');
  await page.checkGuards();
  await page.close();
});

test('neuroendocrine, diffuse, symptomatic and progressive: medical and liver-directed therapy', async () => {
  const page = await openPage(session, { width: 360, height: 800 });
  await choice(page, 'Primary tumour', 'Neuroendocrine').check();
  await choice(page, 'Solitary or isolated metastases', 'No').check();
  await choice(page, 'Symptomatic', 'Yes').check();
  await choice(page, 'Progressive', 'Yes').check();
  await choice(page, 'Hypervascular', 'Yes').check();
  await choice(page, 'Somatostatin-receptor positive', 'Yes').check();
  await expectPathway(page, 'NET_MEDICAL_AND_LIVER_DIRECTED');
  assert.ok((await recsOf(page, 'do')).includes('SOMATOSTATIN_ANALOG'));
  const consider = await recsOf(page, 'consider');
  assert.ok(consider.includes('EMBOLIZATION'));
  assert.ok(consider.includes('PRRT'));
  // changing one answer updates the result at once
  await choice(page, 'Symptomatic', 'No').check();
  await choice(page, 'Progressive', 'No').check();
  await expectPathway(page, 'NET_OBSERVATION');
  // the pathway bar at the bottom of a phone screen carries the pathway
  assert.match(await page.locator('#pathway-bar').textContent(), /Pathway:/);
  await page.checkGuards();
  await page.close();
});

test('an invalid value shows the core\'s message next to its question, and no pathway', async () => {
  const page = await openPage(session);
  await choice(page, 'Primary tumour', 'Colorectal').check();
  await expectPathway(page, 'ASSESSMENT_INCOMPLETE');
  // (ECOG is answered with buttons since issue 10: a lesion count typed out of range)
  await typeNumber(page, /^Number of liver metastases/, 300);
  await page.waitForFunction(() => document.querySelector('#result-body').dataset.status === 'error');
  const err = page.locator('#q-lesion_count .q-error');
  assert.equal(await err.isVisible(), true);
  // the page's words for the core's message (issue 10)
  assert.equal(await err.textContent(), 'This is out of range: enter a whole number from 1 to 200 lesions, or leave empty if unknown.');
  assert.equal(await page.getByRole('textbox', { name: /^Number of liver metastases/ }).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#pathway').count(), 0, 'no pathway while an answer is invalid');
  assert.equal(await page.locator('.rec').count(), 0, 'no recommendation while an answer is invalid');
  assert.match(await page.locator('#result-body [role="alert"]').textContent(), /Number of liver metastases/);
  // text where a number belongs is refused by the core, named on its question
  await typeNumber(page, /^Future liver remnant/, 'forty');
  await page.waitForFunction(() => !document.querySelector('#q-flr_percent .q-error').hidden);
  // correcting both brings the result back and clears the messages
  await typeNumber(page, /^Number of liver metastases/, 2);
  await typeNumber(page, /^Future liver remnant/, 40);
  await expectPathway(page, 'ASSESSMENT_INCOMPLETE');
  assert.equal(await err.isVisible(), false);
  assert.equal(await page.getByRole('textbox', { name: /^Number of liver metastases/ }).getAttribute('aria-invalid'), null);
  await page.checkGuards();
  await page.close();
});

// The page is served the test build of the module (wasm/fault-test: the real
// core, with one allocation made to fail on request), and a fault is forced
// inside the core while a person changes an answer.
const faultModule = process.env.LIVERMETS_FAULT_WASM_DIR || path.join(repoRoot, 'build/wasm/wasm/fault-test');

test('a fault inside the calculator is shown as a fault to report, never as answers to correct', async () => {
  // Its own browser, without service workers (as on a plain-http intranet), so
  // that every request for the module reaches the routes below.
  const own = await startSession();
  await own.context.addInitScript(() => { delete Navigator.prototype.serviceWorker; });
  const serveFaultModule = (file, contentType) => (route) => route.fulfill({ path: path.join(faultModule, file), contentType });
  await own.context.route('**/livermets.js', serveFaultModule('livermets.js', 'text/javascript'));
  await own.context.route('**/livermets.wasm', serveFaultModule('livermets.wasm', 'application/wasm'));
  try {
    const page = await openPage(own);
    await choice(page, 'Primary tumour', 'Colorectal').check();
    await expectPathway(page, 'ASSESSMENT_INCOMPLETE');
    await page.evaluate(() => globalThis.livermetsFailAllocation(4));
    await choice(page, 'ECOG performance status', '1').check();
    await page.waitForFunction(() => document.querySelector('#result-body').dataset.status === 'error');
    const alert = page.locator('#result-body [role="alert"]');
    assert.equal(await alert.getAttribute('data-fault'), 'internal');
    assert.match(await alert.textContent(), /Calculator fault/);
    assert.match(await alert.textContent(), /no result was computed; please report this case/);
    assert.match(await alert.textContent(), /not of your answers/);
    assert.doesNotMatch(await alert.textContent(), /answers need correcting/);
    assert.equal(await page.locator('.q-error:visible').count(), 0, 'no answer is marked as wrong');
    assert.equal(await page.getByRole('group', { name: 'ECOG performance status', exact: true }).getAttribute('aria-invalid'), null);
    assert.equal(await page.locator('#pathway').count(), 0, 'no pathway without a result');
    assert.match(await page.locator('#live').textContent(), /Calculator fault: no result was computed/);
    await page.screenshot({ path: path.join(repoRoot, 'build', 'web-fault.png') });
    // the next change is answered by a fresh instance
    await choice(page, 'ECOG performance status', '2').check();
    await expectPathway(page, 'ASSESSMENT_INCOMPLETE');
    await page.checkGuards();
    await page.close();
  } finally {
    await own.stop();
  }
});

async function tabTo(page, predicate, arg) {
  for (let i = 0; i < 300; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate, arg)) return;
  }
  assert.fail('could not reach the control with Tab');
}

async function focusIsVisible(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const ring = (e) => { const cs = getComputedStyle(e); return cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2; };
    return ring(el) || (el.closest('.opt') ? ring(el.closest('.opt')) : false);
  });
}

test('a case completed by keyboard alone', async () => {
  const page = await openPage(session);
  const inGroup = (name) => document.activeElement && document.activeElement.name === name;
  // Primary: Tab into the group, arrows to Neuroendocrine (Unknown -> Colorectal -> Breast -> Neuroendocrine)
  await tabTo(page, inGroup, 'f-q-primary');
  assert.ok(await focusIsVisible(page), 'focus is visible on the radio group');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
  await expectPathway(page, 'ASSESSMENT_INCOMPLETE');
  assert.equal(await page.evaluate(() => document.activeElement.value), '"neuroendocrine"');
  // Yes / No / Unknown: from Unknown, ArrowUp selects No
  for (const name of ['f-q-neuroendocrine-solitary_or_isolated', 'f-q-neuroendocrine-symptomatic', 'f-q-neuroendocrine-progressive']) {
    await tabTo(page, inGroup, name);
    await page.keyboard.press('ArrowUp');
  }
  // a number by keyboard: Shift+Tab back to the lesion count and type
  await tabTo(page, () => document.activeElement && document.activeElement.id === 'q-lesion_count-input');
  assert.ok(await focusIsVisible(page), 'focus is visible on the text box');
  await page.keyboard.type('8');
  await page.keyboard.press('Tab');
  await expectPathway(page, 'NET_OBSERVATION');
  // indolent and not solitary: observation whatever else is entered, so nothing is listed (G41, G43)
  assert.equal(await page.locator('.missing-list a.field-link').count(), 0);
  // back to Unknown for "solitary or isolated" (from No, ArrowDown): resection is open again
  await tabTo(page, inGroup, 'f-q-neuroendocrine-solitary_or_isolated');
  await page.keyboard.press('ArrowDown');
  await expectPathway(page, 'ASSESSMENT_INCOMPLETE');
  // "what would change this": each entry is a link that takes the keyboard to its question
  const link = page.locator('.missing-list a.field-link').first();
  const field = await link.getAttribute('data-field');
  await link.focus();
  await page.keyboard.press('Enter');
  const focusedField = await page.evaluate(() => document.activeElement.closest('.question')?.dataset.field);
  assert.equal(focusedField, field);
  await page.checkGuards();
  await page.close();
});
