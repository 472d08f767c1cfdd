// Embedding: the example host page (web/examples/embed-host.html) sends
// teaching vignettes into the calculator in a sandboxed iframe and receives
// the right pathway; messages are validated; messages from any other window
// are ignored; the embedded page answers its parent only and makes no request
// beyond embed.html.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { distWeb, requireBuild, startServer, startBrowser, guard } from './support.mjs';

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

/** Opens the host; returns {page, calc (the iframe's Frame), calcRequests}. */
async function openHost() {
  const page = await guard(await browser.context.newPage());
  const calcRequests = [];
  page.on('request', (req) => { if (req.frame() !== page.mainFrame()) calcRequests.push(req.url()); });
  // everything the host receives, with where it came from
  await page.addInitScript(() => {
    window.__received = [];
    window.addEventListener('message', (e) => {
      const frame = document.getElementById('calculator');
      window.__received.push({ data: e.data, origin: e.origin, fromCalculator: !!frame && e.source === frame.contentWindow });
    });
  });
  await page.goto(server.url + 'examples/embed-host.html');
  await page.waitForSelector('html[data-calculator="ready"]');
  const calc = page.frames().find((f) => f.url().endsWith('/embed.html'));
  assert.ok(calc, 'the calculator frame');
  return { page, calc, calcRequests };
}

const results = (page) => page.evaluate(() => window.__received.filter((m) => m.data && m.data.type === 'livermets:result'));

test('the host sends vignettes into the sandboxed iframe and receives the right pathway', async () => {
  const { page, calc, calcRequests } = await openHost();
  assert.equal(await page.locator('#calculator').getAttribute('sandbox'), 'allow-scripts');
  assert.equal(await calc.evaluate(() => window.origin), 'null', 'the calculator runs in an opaque origin');
  // compact layout: the embed mode is on, export/import/print are hidden
  assert.equal(await calc.evaluate(() => document.documentElement.hasAttribute('data-embed')), true);
  assert.equal(await calc.locator('#export').isVisible(), false);
  assert.equal(await calc.locator('.audience').isVisible(), false);

  for (const [vignette, pathway] of [['crc', 'CRC_RESECTION_FIRST'], ['crc-conversion', 'CRC_CONVERSION_THERAPY'], ['net', 'NET_OBSERVATION']]) {
    await page.click(`button[data-vignette="${vignette}"]`);
    await page.waitForSelector(`#log li[data-type="livermets:result"][data-pathway="${pathway}"]`);
    // the learner sees the vignette in the calculator's own form and result
    await calc.waitForFunction((c) => document.querySelector('#result-body').dataset.pathway === c, pathway);
    assert.match(await page.locator('#answer').textContent(), new RegExp(pathway));
  }
  const got = await results(page);
  assert.equal(got.length, 3);
  for (const m of got) {
    assert.equal(m.fromCalculator, true);
    assert.equal(m.origin, 'null');
    assert.equal(m.data.result.status, 'ok');
    assert.ok(m.data.result.recommendations.some((r) => r.code === 'REFER_HPB_MDT'));
  }
  assert.deepEqual(got.map((m) => m.data.result.pathway.code), ['CRC_RESECTION_FIRST', 'CRC_CONVERSION_THERAPY', 'NET_OBSERVATION']);
  assert.deepEqual(got.map((m) => m.data.id), ['crc-1', 'crc-conversion-2', 'net-3']);
  const conversion = got[1].data.result.recommendations.map((r) => r.code);
  assert.ok(conversion.includes('TRIPLET_PLUS_BEVACIZUMAB'), 'RAS mutated: triplet plus bevacizumab');
  // what the learner then changes in the frame is never sent to the host
  await calc.getByRole('group', { name: 'Symptomatic', exact: true }).getByRole('radio', { name: 'Yes', exact: true }).check();
  await calc.waitForFunction(() => document.querySelector('#result-body').dataset.pathway === 'NET_MEDICAL_AND_LIVER_DIRECTED');
  await page.click('button[data-vignette="crc"]');
  await page.waitForSelector('#log li[data-type="livermets:result"][data-pathway="CRC_RESECTION_FIRST"] ~ li[data-pathway="CRC_RESECTION_FIRST"]');
  const all = await page.evaluate(() => window.__received.map((m) => `${m.data.type} ${m.data.id ?? ''}`.trim()));
  assert.deepEqual(all, ['livermets:ready', 'livermets:result crc-1', 'livermets:result crc-conversion-2', 'livermets:result net-3', 'livermets:result crc-4'],
    'one answer per request, nothing else');
  // the calculator asked for nothing but its own page
  assert.deepEqual(calcRequests, [server.url + 'embed.html']);
  await page.checkGuards();
  await page.close();
});

test('malformed messages from the host get an error; an invalid case gets the core\'s error result', async () => {
  const { page } = await openHost();
  await page.evaluate(() => {
    const w = document.getElementById('calculator').contentWindow;
    w.postMessage({ type: 'livermets:evaluate', id: 'array', case: [1, 2] }, '*');
    w.postMessage({ type: 'livermets:evaluate', case: { primary: 'breast' } }, '*');
    w.postMessage({ type: 'livermets:evaluate', id: 'big', case: { x_note: 'a'.repeat(70000) } }, '*');
    w.postMessage({ type: 'livermets:frobnicate', id: 'odd' }, '*');
    w.postMessage('livermets:evaluate', '*');                   // not an object: ignored
    w.postMessage({ type: 'somebody-else', id: 'x' }, '*');    // another protocol: ignored
    w.postMessage({ type: 'livermets:evaluate', id: 7, case: { primary: 'colorectal', ecog: 9, colour: 'red' } }, '*');
  });
  await page.waitForFunction(() => window.__received.filter((m) => m.data && m.data.type !== 'livermets:ready').length >= 5);
  const got = await page.evaluate(() => window.__received.filter((m) => m.data.type !== 'livermets:ready').map((m) => m.data));
  assert.equal(got.length, 5);
  const errors = got.filter((m) => m.type === 'livermets:error');
  assert.deepEqual(errors.map((m) => m.id), ['array', null, 'big', 'odd']);
  assert.match(errors[0].error, /"case" must be a JSON object/);
  assert.match(errors[1].error, /"id"/);
  assert.match(errors[2].error, /64 KiB/);
  assert.match(errors[3].error, /unknown message type/);
  const invalid = got.find((m) => m.type === 'livermets:result');
  assert.equal(invalid.id, 7);
  assert.equal(invalid.result.status, 'error');
  assert.deepEqual(invalid.result.errors.map((e) => e.field).sort(), ['colour', 'ecog']);
  assert.equal(invalid.result.pathway, undefined, 'no pathway for an invalid case');
  await page.checkGuards();
  await page.close();
});

test('messages from a sibling frame, a pop-up or the calculator itself are ignored', async () => {
  const { page, calc } = await openHost();
  const foreignCase = { primary: 'breast', breast: { hormone_receptor: 'positive', her2: 'negative' } };
  // a sibling iframe of the same host origin
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.id = 'sibling';
    f.title = 'sibling';
    document.body.append(f);
  });
  const sibling = page.frames().find((f) => f.parentFrame() === page.mainFrame() && f.url() === 'about:blank');
  assert.ok(sibling);
  await sibling.evaluate((c) => {
    window.__got = [];
    window.addEventListener('message', (e) => window.__got.push(e.data));
    parent.document.getElementById('calculator').contentWindow.postMessage({ type: 'livermets:evaluate', id: 'sibling', case: c }, '*');
  }, foreignCase);
  // a pop-up window opened by the host
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate(() => { window.open('about:blank', 'foreign'); })]);
  await popup.evaluate((c) => {
    window.__got = [];
    window.addEventListener('message', (e) => window.__got.push(e.data));
    opener.document.getElementById('calculator').contentWindow.postMessage({ type: 'livermets:evaluate', id: 'popup', case: c }, '*');
  }, foreignCase);
  // the calculator's own window
  await calc.evaluate((c) => window.postMessage({ type: 'livermets:evaluate', id: 'self', case: c }, '*'), foreignCase);
  // then the host sends its vignette: that one, and only that one, is answered and shown
  await page.click('button[data-vignette="net"]');
  await page.waitForSelector('#log li[data-type="livermets:result"]');
  await calc.waitForFunction(() => document.querySelector('#result-body').dataset.pathway === 'NET_OBSERVATION');
  // the next message from the host is answered too, so anything queued before it has been handled
  await page.click('button[data-vignette="crc"]');
  await page.waitForSelector('#log li[data-type="livermets:result"][data-pathway="CRC_RESECTION_FIRST"]');
  const got = await results(page);
  assert.deepEqual(got.map((m) => m.data.id), ['net-1', 'crc-2'], 'no answer to the foreign messages');
  assert.equal(await calc.evaluate(() => document.querySelector('#result-body').dataset.pathway), 'CRC_RESECTION_FIRST',
    'the foreign breast case was never shown');
  assert.deepEqual(await sibling.evaluate(() => window.__got), [], 'the sibling received nothing');
  assert.deepEqual(await popup.evaluate(() => window.__got), [], 'the pop-up received nothing');
  assert.equal((await page.evaluate(() => window.__received.filter((m) => !m.fromCalculator))).length, 0);
  await popup.close();
  await page.checkGuards();
  await page.close();
});

test('index.html?embed=1 in a same-site iframe gives the same layout and protocol', async () => {
  const { page } = await openHost();
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.id = 'plain';
    f.title = 'calculator without sandbox';
    f.src = '../index.html?embed=1';
    document.body.append(f);
    window.__plain = [];
    window.addEventListener('message', (e) => { if (e.source === f.contentWindow) window.__plain.push(e.data); });
  });
  await page.waitForFunction(() => window.__plain.some((m) => m.type === 'livermets:ready'));
  const plain = page.frames().find((f) => f.url().includes('index.html?embed=1'));
  assert.equal(await plain.evaluate(() => document.documentElement.hasAttribute('data-embed')), true);
  assert.equal(await plain.locator('#print').isVisible(), false);
  await page.evaluate(() => document.getElementById('plain').contentWindow.postMessage(
    { type: 'livermets:evaluate', id: 'p1', case: { primary: 'breast' } }, '*'));
  await page.waitForFunction(() => window.__plain.some((m) => m.type === 'livermets:result'));
  const res = await page.evaluate(() => window.__plain.find((m) => m.type === 'livermets:result'));
  assert.equal(res.id, 'p1');
  assert.equal(res.result.pathway.code, 'BREAST_SYSTEMIC_FIRST');
  await plain.waitForFunction(() => document.querySelector('#result-body').dataset.pathway === 'BREAST_SYSTEMIC_FIRST');
  await page.checkGuards();
  await page.close();
});
