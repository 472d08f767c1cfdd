// Accessibility (axe-core, WCAG 2.2 A/AA, in the empty, filled and error
// states, light and dark), touch targets, narrow screens, and privacy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSession, openPage, assertNoAxeViolations, choice, typeNumber, expectPathway, distWeb } from './helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session.stop(); });

async function loadExample(page, id) {
  await page.selectOption('#example', id);
  await page.click('#load-example');
}

test('axe: no violations in the empty, filled and error states', async () => {
  const page = await openPage(session);
  await assertNoAxeViolations(page, 'empty');
  await loadExample(page, 'crc-conversion');
  await expectPathway(page, 'CRC_CONVERSION_THERAPY');
  await page.locator('details.basis').first().evaluate((d) => { d.open = true; });
  await assertNoAxeViolations(page, 'filled');
  await typeNumber(page, /^Future liver remnant/, 140);
  await page.waitForFunction(() => document.querySelector('#result-body').dataset.status === 'error');
  await assertNoAxeViolations(page, 'error');
  await page.checkGuards();
  await page.close();
});

test('axe: no violations in dark mode and at phone width, filled and error', async () => {
  const page = await openPage(session, { width: 360, height: 800, colorScheme: 'dark', reducedMotion: 'reduce' });
  await loadExample(page, 'net-active');
  await expectPathway(page, 'NET_MEDICAL_AND_LIVER_DIRECTED');
  await assertNoAxeViolations(page, 'dark filled');
  await typeNumber(page, /^Number of liver metastases/, 0);
  await page.waitForFunction(() => document.querySelector('#result-body').dataset.status === 'error');
  await assertNoAxeViolations(page, 'dark error');
  // dark mode really is dark, and reduced motion switches smooth scrolling off
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 200, `dark background (${bg})`);
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'auto');
  await page.checkGuards();
  await page.close();
});

test('readable at 360 px, tablet and desktop widths: no sideways scrolling', async () => {
  for (const [width, height] of [[360, 800], [820, 1180], [1366, 900]]) {
    const page = await openPage(session, { width, height });
    await loadExample(page, 'crc-neoadjuvant');
    await expectPathway(page, 'CRC_NEOADJUVANT_THEN_RESECTION');
    const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(scrollWidth <= width, `page width ${scrollWidth} fits ${width}`);
    const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.item-text')).fontSize));
    assert.ok(fontSize >= 14, `result text is ${fontSize}px`);
    await page.checkGuards();
    await page.close();
  }
});

test('touch targets are at least 44 px', async () => {
  const page = await openPage(session, { width: 360, height: 800 });
  await loadExample(page, 'crc-conversion');
  await expectPathway(page, 'CRC_CONVERSION_THERAPY');
  const small = await page.evaluate(() => {
    const out = [];
    const targets = document.querySelectorAll('button, select, input.num, .opt, details > summary, a.field-link, .pathway-bar');
    for (const el of targets) {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height) continue;  // not shown
      if (r.height < 44 || r.width < 44) out.push(`${el.tagName}.${el.className} ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    return { out, count: targets.length };
  });
  assert.ok(small.count > 50, 'measured the controls');
  assert.deepEqual(small.out, []);
  await page.checkGuards();
  await page.close();
});

test('a notch and the home indicator (safe-area insets, emulated): text and the pathway bar keep clear of them', async () => {
  // a phone turned sideways: notch on the left, rounded corners, home indicator at the bottom
  const page = await openPage(session, { width: 844, height: 390 });
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets: { top: 0, left: 47, right: 47, bottom: 21 } });
  await loadExample(page, 'crc-conversion');
  await expectPathway(page, 'CRC_CONVERSION_THERAPY');
  const boxes = await page.evaluate(() => {
    const box = (sel) => { const r = document.querySelector(sel).getBoundingClientRect(); return { left: r.left, right: r.right, bottom: r.bottom }; };
    const bar = document.querySelector('#pathway-bar');
    const text = bar.querySelector('.bar-text').getBoundingClientRect();
    return {
      title: box('h1'), form: box('#case-form'), toolbar: box('#load-example'),
      bar: bar.getBoundingClientRect().bottom, barText: { left: text.left, bottom: text.bottom },
      masthead: box('.masthead'),
    };
  });
  for (const k of ['title', 'form', 'toolbar']) {
    assert.ok(boxes[k].left >= 47 && boxes[k].right <= 844 - 47, `${k} clear of the side insets: ${JSON.stringify(boxes[k])}`);
  }
  assert.ok(boxes.barText.left >= 47 && boxes.barText.bottom <= 390 - 21, `the pathway bar's text clears the notch and the home indicator: ${JSON.stringify(boxes.barText)}`);
  assert.equal(boxes.bar, 390, 'the bar itself still reaches the bottom edge');
  assert.ok(boxes.masthead.left === 0 && boxes.masthead.right === 844, 'the masthead\'s band reaches both edges');
  await cdp.detach();
  await page.checkGuards();
  await page.close();
});

test('every choice offers Unknown, every number shows its accepted range, and sections use fieldsets and legends', async () => {
  const page = await openPage(session);
  await choice(page, 'Primary tumour', 'Colorectal').check();
  const report = await page.evaluate(() => {
    const groups = [...document.querySelectorAll('fieldset.q-choice')];
    return {
      groups: groups.length,
      withoutUnknown: groups.filter((f) => ![...f.querySelectorAll('.opt')].some((o) => o.textContent.startsWith('Unknown'))).map((f) => f.querySelector('legend').textContent),
      withoutLegend: groups.filter((f) => !f.querySelector('legend')).length,
      numbersWithoutRange: [...document.querySelectorAll('.q-number')].filter((q) => !/Accepted: .*\d/.test(q.textContent)).length,
      unlabelled: [...document.querySelectorAll('input.num, select')].filter((i) => !i.labels || !i.labels.length).map((i) => i.id),
    };
  });
  assert.ok(report.groups >= 20);
  assert.deepEqual(report.withoutUnknown, []);
  assert.equal(report.withoutLegend, 0);
  assert.equal(report.numbersWithoutRange, 0);
  assert.deepEqual(report.unlabelled, []);
  assert.match(await page.locator('#q-largest_lesion_cm').textContent(), /cm/);
  await page.checkGuards();
  await page.close();
});

test('privacy: CSP first in <head>, no cookies, nothing stored, same-origin requests only', async () => {
  const page = await openPage(session);
  const head = await page.evaluate(() => {
    const first = document.head.firstElementChild;
    return {
      first: first && first.getAttribute('http-equiv'),
      csp: first && first.getAttribute('content'),
      // an inline script that could run; the build's data block (the empty form's result, JSON) cannot
      inlineScripts: [...document.querySelectorAll('script')].filter((s) => !s.src && s.type !== 'application/json').length,
      dataBlocks: [...document.querySelectorAll('script[type="application/json"]')].map((s) => s.id),
    };
  });
  assert.equal(head.first, 'Content-Security-Policy');
  assert.doesNotMatch(head.csp, /'unsafe-eval'|'unsafe-inline'/);
  assert.match(head.csp, /default-src 'none'/);
  assert.equal(head.inlineScripts, 0);
  assert.deepEqual(head.dataBlocks, ['first-result']);
  await loadExample(page, 'breast-oligo');
  await expectPathway(page, 'BREAST_SYSTEMIC_FIRST');
  await choice(page, 'HER2 status', 'Positive').check();
  const stored = await page.evaluate(async () => ({
    cookie: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
    idb: (await indexedDB.databases()).length,
  }));
  assert.deepEqual(stored, { cookie: '', local: 0, session: 0, idb: 0 });
  // Cache Storage may hold the site's own files for offline use (a service
  // worker's app shell), never anything of the case: every cached entry must be
  // a file of the built site, addressed without a query.
  const cached = await page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
    }
    return urls;
  });
  for (const u of cached) {
    const url = new URL(u);
    assert.equal(url.origin, session.origin, `cached ${u} is same-origin`);
    assert.equal(url.search, '', `cached ${u} carries no query`);
    const rel = decodeURIComponent(url.pathname).replace(/^\//, '') || 'index.html';
    assert.ok(fs.existsSync(path.join(distWeb, rel.endsWith('/') ? rel + 'index.html' : rel)), `cached ${u} is a file of the site`);
  }
  assert.deepEqual(await session.context.cookies(), []);
  // an attempt to reach another origin from the page is refused by the CSP
  const blocked = await page.evaluate(() => fetch('https://example.org/x').then(() => 'sent', () => 'blocked'));
  assert.equal(blocked, 'blocked');
  const violations = await page.evaluate(() => window.__csp.splice(0));
  // reported once by the page's <meta> policy and once by the server's header policy (scripts/run's server sends one)
  assert.ok(violations.length >= 1 && violations.length <= 2 && violations.every((v) => /connect-src/.test(v)), `the CSP reported the attempt: ${violations}`);
  session.foreign.length = 0;  // the refused attempt above was ours
  await page.checkGuards().catch((e) => {
    // the blocked fetch logs one console error by design; everything else must be clean
    if (!/console error: .*(Content Security Policy|Failed to fetch|example\.org)/s.test(e.message)) throw e;
  });
  await page.close();
});
