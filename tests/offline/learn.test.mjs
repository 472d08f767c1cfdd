// Learner mode with the real embed build (dist/web/embed.html) in the example
// host's sandboxed iframe: the host's quiz over the shipped vignettes, a
// correct and a wrong attempt (the host receives the choice and whether it
// matched, and nothing else), the host's own vignettes, embed.html?mode=learn,
// malformed configure messages answered with an error, and configure messages
// from any other window ignored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { distWeb, repoRoot, requireBuild, startServer, startBrowser, guard, postFromForeignWindows } from './support.mjs';
import { assertNoAxeViolations } from '../web/helpers.mjs';

const shipped = JSON.parse(fs.readFileSync(path.join(repoRoot, 'web/examples.json'), 'utf8')).examples;
const ATTEMPT_KEYS = ['choice', 'items_matched', 'matched', 'pathway_matched', 'type', 'vignette'];

let browser;
let server;
before(async () => {
  requireBuild();
  server = await startServer({ root: distWeb, prefix: '/course/' });
  browser = await startBrowser();
});
after(async () => {
  await browser.close();
  await server.stop();
});

/** The host page with everything it receives recorded; returns {page, calc (the frame), calcRequests}. */
async function openHost(query = '') {
  const page = await guard(await browser.context.newPage());
  await page.setViewportSize({ width: 1366, height: 900 });
  const calcRequests = [];
  page.on('request', (req) => { if (req.frame() !== page.mainFrame()) calcRequests.push(req.url()); });
  await page.addInitScript(() => {
    window.__received = [];
    window.addEventListener('message', (e) => {
      const frame = document.getElementById('calculator');
      window.__received.push({ data: e.data, fromCalculator: !!frame && e.source === frame.contentWindow });
    });
  });
  await page.goto(server.url + 'examples/embed-host.html' + query);
  await page.waitForSelector('html[data-calculator="ready"]');
  const calc = page.frames().find((f) => /\/embed\.html/.test(f.url()));
  assert.ok(calc, 'the calculator frame');
  return { page, calc, calcRequests };
}

const received = (page, type) => page.evaluate((t) => window.__received.filter((m) => m.data && m.data.type === t).map((m) => m.data), type);
const learning = (calc) => calc.waitForFunction(() => document.documentElement.dataset.mode === 'learn');

/** What a learner does in the frame: picks a pathway (by its title) and items, then checks. */
async function answer(calc, pathwayTitle, { doItems = [], avoidItems = [] } = {}) {
  const pathway = calc.getByRole('radio', { name: pathwayTitle, exact: true });
  // to the middle of the small frame, clear of the sticky result bar at its foot, whose height
  // follows its text: a click at the very bottom edge can land on the bar as it grows
  await pathway.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await pathway.check();
  if (doItems.length || avoidItems.length) await calc.locator('.learn-items > summary').click();
  for (const item of doItems) await calc.getByRole('group', { name: 'Do', exact: true }).getByRole('checkbox', { name: item, exact: true }).check();
  for (const item of avoidItems) await calc.getByRole('group', { name: 'Avoid', exact: true }).getByRole('checkbox', { name: item, exact: true }).check();
  await calc.getByRole('button', { name: 'Check my answer' }).click();
  await calc.waitForFunction(() => document.documentElement.dataset.learn === 'revealed');
}

test('quiz over the shipped vignettes: a correct attempt, then a wrong one; the host gets the choice and whether it matched', async () => {
  const { page, calc, calcRequests } = await openHost();
  await page.click('#quiz-start');
  await learning(calc);
  const [configured] = await received(page, 'livermets:configured');
  assert.equal(configured.mode, 'learn');
  assert.deepEqual(configured.vignettes, shipped.map(({ id, title }) => ({ id, title })), 'the shipped vignettes, by id and title');
  // the vignette is shown with its answers; the result is neither shown nor announced yet
  const first = shipped[0];
  assert.equal(await calc.locator('#learn-case-title').textContent(), first.title);
  assert.match(await calc.locator('.learn-answers').textContent(), /Primary tumourColorectal/);
  assert.equal(await calc.locator('#result').isVisible(), false, 'the result waits for the learner');
  assert.doesNotMatch(await calc.locator('#live').textContent(), new RegExp(first.expected_pathway.replace(/_/g, '.')));
  assert.equal(await calc.locator('#case-form').isVisible(), false);

  // a correct attempt, with two key items
  await answer(calc, 'Colorectal, resectable: resection first', { doItems: ['Resection'], avoidItems: ['Do not biopsy'] });
  await page.waitForSelector('#quiz-score li[data-matched="true"]');
  let [attempt] = await received(page, 'livermets:attempt');
  assert.deepEqual(Object.keys(attempt).sort(), ATTEMPT_KEYS, 'nothing but the attempt');
  assert.deepEqual(attempt, {
    type: 'livermets:attempt', vignette: first.id,
    choice: { pathway: 'CRC_RESECTION_FIRST', do: ['RESECTION'], avoid: ['DO_NOT_BIOPSY'] },
    matched: true, pathway_matched: true, items_matched: true,
  });
  // revealed beside the choice: the guideline's result, every line with its basis
  assert.equal(await calc.locator('#result').isVisible(), true);
  assert.equal(await calc.evaluate(() => document.querySelector('#result-body').dataset.pathway), 'CRC_RESECTION_FIRST');
  const fb = calc.locator('#learn-feedback');
  assert.equal(await fb.getAttribute('data-matched'), 'true');
  assert.match(await fb.textContent(), /Your answer matches the calculator’s result/);
  assert.match(await fb.textContent(), /PathwayYou: Colorectal, resectable: resection first\. Calculator: Colorectal, resectable: resection first\. Basis: G18, G20, G21, G22/);
  assert.match(await fb.textContent(), /ResectionYou: Do\. Calculator: Do\. Basis: G04, G20, G22/);
  assert.match(await fb.textContent(), /Teaching point: Resectable disease/);
  assert.ok(await calc.locator('.rec[data-code="RESECTION"] details.basis').count(), 'the result panel shows the basis of each line');
  assert.match(await page.locator('#quiz-status').textContent(), /Score 1 of 1/);

  // the host moves on; a wrong pathway, with a right item
  await page.click('#quiz-next');
  await calc.waitForFunction((id) => document.querySelector('#learn').dataset.vignette === id && !document.documentElement.dataset.learn, shipped[1].id);
  assert.equal(await calc.locator('#result').isVisible(), false, 'hidden again for the next question');
  await answer(calc, 'Colorectal, resectable: resection first', { doItems: ['Neoadjuvant chemotherapy'] });
  await page.waitForSelector('#quiz-score li[data-matched="false"]');
  attempt = (await received(page, 'livermets:attempt'))[1];
  assert.deepEqual(attempt, {
    type: 'livermets:attempt', vignette: shipped[1].id,
    choice: { pathway: 'CRC_RESECTION_FIRST', do: ['NEOADJUVANT_CHEMOTHERAPY'], avoid: [] },
    matched: false, pathway_matched: false, items_matched: true,
  });
  assert.equal(await calc.locator('#learn-feedback').getAttribute('data-matched'), 'false');
  assert.match(await calc.locator('#learn-feedback').textContent(), /The calculator gives another pathway/);
  assert.equal(await calc.evaluate(() => document.querySelector('#result-body').dataset.pathway), 'CRC_NEOADJUVANT_THEN_RESECTION');
  assert.match(await page.locator('#quiz-status').textContent(), /Score 1 of 2/);

  // a wrong item alone makes the attempt unmatched too
  await page.click('#quiz-next');
  await calc.waitForFunction((id) => document.querySelector('#learn').dataset.vignette === id && !document.documentElement.dataset.learn, shipped[2].id);
  await answer(calc, 'Colorectal, unresectable now: conversion therapy', { doItems: ['Resection'] });
  await page.waitForFunction(() => document.querySelectorAll('#quiz-score li').length === 3);
  attempt = (await received(page, 'livermets:attempt'))[2];
  assert.deepEqual([attempt.matched, attempt.pathway_matched, attempt.items_matched], [false, true, false]);

  // back to the calculator
  await page.click('#quiz-stop');
  await calc.waitForFunction(() => !document.documentElement.dataset.mode);
  assert.equal(await calc.locator('#case-form').isVisible(), true);
  // one answer per host message, one attempt per check, nothing else
  const all = await page.evaluate(() => window.__received.map((m) => m.data.type));
  assert.deepEqual(all, ['livermets:ready',
    'livermets:configured', 'livermets:attempt', 'livermets:configured', 'livermets:attempt',
    'livermets:configured', 'livermets:attempt', 'livermets:configured']);
  assert.ok((await page.evaluate(() => window.__received)).every((m) => m.fromCalculator));
  assert.deepEqual(calcRequests, [server.url + 'embed.html'], 'the frame asked for nothing but its own page');
  await page.checkGuards();
  await page.close();
});

test('the host sends its own vignettes; a v1 evaluate is still answered in learner mode', async () => {
  const { page, calc } = await openHost();
  await page.click('#quiz-own');
  await learning(calc);
  const [configured] = await received(page, 'livermets:configured');
  assert.deepEqual(configured.vignettes.map((v) => v.id), ['crc', 'crc-conversion', 'net']);
  assert.equal(await calc.locator('#learn-case-title').textContent(), 'Colorectal, two metachronous lesions, fit');
  // protocol 1 still works: a case sent to evaluate is answered (and the vignette stays)
  await page.click('button[data-vignette="net"]');
  await page.waitForSelector('#log li[data-type="livermets:result"][data-pathway="NET_OBSERVATION"]');
  assert.equal(await calc.locator('#learn-case-title').textContent(), 'Colorectal, two metachronous lesions, fit');
  assert.equal(await calc.locator('#result').isVisible(), false);
  await answer(calc, 'Colorectal, resectable: resection first');
  const [attempt] = await received(page, 'livermets:attempt');
  assert.deepEqual([attempt.vignette, attempt.matched, attempt.items_matched], ['crc', true, null]);
  await page.checkGuards();
  await page.close();
});

test('embed.html?mode=learn starts in learner mode (the learner picks a case); #example=<id> picks the first', async () => {
  const page = await guard(await browser.context.newPage());
  await page.goto(server.url + 'examples/embed-host.html');
  await page.waitForSelector('html[data-calculator="ready"]');
  await page.evaluate(() => {
    window.__learn = [];
    const f = document.createElement('iframe');
    f.sandbox = 'allow-scripts';
    f.title = 'learner';
    f.src = '../embed.html?mode=learn#example=net-active';
    window.addEventListener('message', (e) => { if (e.source === f.contentWindow) window.__learn.push(e.data); });
    document.body.append(f);
  });
  await page.waitForFunction(() => window.__learn.some((m) => m.type === 'livermets:ready'));
  const ready = await page.evaluate(() => window.__learn.find((m) => m.type === 'livermets:ready'));
  assert.deepEqual(ready, { type: 'livermets:ready', protocol: 1, version: ready.version, mode: 'learn', modes: ['calculate', 'learn'] });
  const calc = page.frames().find((f) => f.url().includes('mode=learn'));
  assert.equal(await calc.locator('#learn').getAttribute('data-vignette'), 'net-active');
  await calc.selectOption('#learn-vignette', 'net-observation');
  assert.equal(await calc.locator('#learn-case-title').textContent(), shipped.find((e) => e.id === 'net-observation').title);
  await calc.locator('.learn-items > summary').click();
  await assertNoAxeViolations(calc, 'learner mode, before the answer');
  await answer(calc, 'Neuroendocrine: observation');
  await assertNoAxeViolations(calc, 'learner mode, revealed');
  await page.waitForFunction(() => window.__learn.some((m) => m.type === 'livermets:attempt'));
  const attempt = await page.evaluate(() => window.__learn.find((m) => m.type === 'livermets:attempt'));
  assert.deepEqual([attempt.vignette, attempt.matched], ['net-observation', true]);
  assert.equal(await page.evaluate(() => window.__learn.length), 2, 'ready and the attempt: nothing else');
  await page.checkGuards();
  await page.close();
});

test('malformed configure messages get an error naming what is wrong, and change nothing', async () => {
  const { page, calc } = await openHost();
  const good = { id: 'v', title: 'A vignette', case: { primary: 'breast' } };
  const bad = [
    [{ id: 'm1', mode: 'teach' }, /"mode" must be "calculate" or "learn"/],
    [{ id: 'm2', mode: 'learn', vignettes: 'all' }, /"vignettes" must be an array of 1 to 50/],
    [{ id: 'm3', mode: 'learn', vignettes: [] }, /"vignettes" must be an array of 1 to 50/],
    [{ id: 'm4', mode: 'learn', vignettes: Array.from({ length: 51 }, (_, i) => ({ ...good, id: 'v' + i })) }, /1 to 50/],
    [{ id: 'm5', mode: 'learn', vignettes: [{ ...good, case: [1] }] }, /"vignettes\[0\]\.case" must be a JSON object/],
    [{ id: 'm6', mode: 'learn', vignettes: [good, { ...good }] }, /"vignettes\[1\]\.id" repeats the id "v"/],
    [{ id: 'm7', mode: 'learn', vignettes: [{ ...good, title: '' }] }, /"vignettes\[0\]\.title"/],
    [{ id: 'm8', mode: 'learn', vignettes: [{ ...good, case: { x_note: 'a'.repeat(70000) } }] }, /"vignettes\[0\]\.case" is larger than 64 KiB/],
    [{ id: 'm9', mode: 'learn', vignettes: [{ ...good, case: { primary: 'colorectal', ecog: 9 } }] }, /vignette "v" is not a valid case: ecog: out of range/],
    [{ id: 'm10', mode: 'learn', vignette: 'no-such-case' }, /"vignette" "no-such-case" is not one of the vignettes/],
    [{ id: 'm11', mode: 'calculate', vignettes: [good] }, /"vignettes" are for mode "learn" only/],
    [{ id: { not: 'an id' }, mode: 'learn' }, /"id"/],
  ];
  await page.evaluate((msgs) => {
    const w = document.getElementById('calculator').contentWindow;
    for (const m of msgs) w.postMessage({ type: 'livermets:configure', ...m }, '*');
  }, bad.map(([m]) => m));
  await page.waitForFunction((n) => window.__received.filter((m) => m.data.type === 'livermets:error').length >= n, bad.length);
  const errors = await received(page, 'livermets:error');
  assert.equal(errors.length, bad.length, 'one answer each');
  for (const [msg, pattern] of bad) {
    const e = errors.find((x) => x.id === (typeof msg.id === 'string' ? msg.id : null));
    assert.ok(e, `an answer to ${JSON.stringify(msg.id)}`);
    assert.match(e.error, pattern, JSON.stringify(msg).slice(0, 80));
  }
  assert.deepEqual(await received(page, 'livermets:configured'), [], 'no configuration took effect');
  assert.equal(await calc.evaluate(() => document.documentElement.dataset.mode), undefined, 'still the calculator');
  assert.equal(await calc.locator('#case-form').isVisible(), true);
  await page.checkGuards();
  await page.close();
});

test('configure messages from a sibling frame, a pop-up or the calculator itself are ignored', async () => {
  const { page, calc } = await openHost();
  const { sibling, popup } = await postFromForeignWindows(page, calc, { type: 'livermets:configure', id: 'foreign', mode: 'learn' });
  // a message from the host after them is answered, so the foreign ones have been handled
  await page.click('button[data-vignette="crc"]');
  await page.waitForSelector('#log li[data-type="livermets:result"]');
  assert.equal(await calc.evaluate(() => document.documentElement.dataset.mode), undefined, 'not switched to learner mode');
  const types = await page.evaluate(() => window.__received.map((m) => m.data.type));
  assert.deepEqual(types, ['livermets:ready', 'livermets:result'], 'no answer to the foreign messages');
  assert.deepEqual(await sibling.evaluate(() => window.__got), [], 'the sibling received nothing');
  assert.deepEqual(await popup.evaluate(() => window.__got), [], 'the pop-up received nothing');
  await popup.close();
  await page.checkGuards();
  await page.close();
});
