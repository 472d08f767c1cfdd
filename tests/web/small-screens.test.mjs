// Issue 10, "phone and tablet": the first question above the fold on a
// phone; the result bar with the whole pathway title, never over the focused
// question; the diagram legible (text of 12 px or more as shown, or enlarged
// full screen); and no edge of any algorithm crossing a box, checked
// geometrically on the drawing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, openPage, choice, expectPathway } from './helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session.stop(); });

const PHONE = { width: 360, height: 740 };

test('on a phone the first question is above the fold, clear of the result bar', async () => {
  for (const size of [PHONE, { width: 390, height: 844 }]) {
    const page = await openPage(session, size);
    const geo = await page.evaluate(() => {
      const q = document.querySelector('#questions .question:not([hidden])');
      const first = q.querySelector('.opt');
      return { field: q.dataset.field, legend: q.querySelector('legend').getBoundingClientRect().top, optBottom: first.getBoundingClientRect().bottom,
        bar: document.getElementById('pathway-bar').getBoundingClientRect().top };
    });
    assert.equal(geo.field, 'primary');
    assert.ok(geo.legend >= 0 && geo.optBottom <= geo.bar, `${size.width}x${size.height}: the question and its first answer above the bar (${JSON.stringify(geo)})`);
    await page.checkGuards();
    await page.close();
  }
});

test('the result bar shows the whole pathway title, on two lines at most, and never covers the focused question', async () => {
  const page = await openPage(session, PHONE);
  await choice(page, 'Primary tumour', 'Neuroendocrine').check();
  await choice(page, 'Symptomatic', 'Yes').check();
  await choice(page, 'Progressive', 'Yes').check();
  await choice(page, 'Hypervascular', 'Yes').check();
  await expectPathway(page, 'NET_MEDICAL_AND_LIVER_DIRECTED');
  const title = await page.locator('.pathway-title').textContent();
  assert.ok(title.length > 40, title);
  const bar = await page.locator('#pathway-bar .bar-text').evaluate((el) => ({
    text: el.textContent, overflow: el.scrollWidth > el.clientWidth + 1, ellipsis: getComputedStyle(el).textOverflow,
    lines: Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)),
  }));
  assert.ok(bar.text.includes(title), `the bar carries "${title}"`);
  assert.equal(bar.overflow, false);
  assert.notEqual(bar.ellipsis, 'ellipsis');
  assert.ok(bar.lines <= 2, `${bar.lines} lines`);
  // the page leaves room for the bar as tall as it is
  const pad = await page.evaluate(() => [parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--bar-now')), document.getElementById('pathway-bar').getBoundingClientRect().height]);
  assert.ok(Math.abs(pad[0] - Math.ceil(pad[1])) <= 1, `--bar-now ${pad[0]} for a bar of ${pad[1]} px`);
  // Tab through the form: the focused control is never under the bar
  await page.evaluate(() => window.scrollTo(0, 0));
  let checked = 0;
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    const g = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || !el.closest('#case-form')) return null;
      const box = (el.closest('.opt') || el).getBoundingClientRect();
      return { bottom: box.bottom, bar: document.getElementById('pathway-bar').getBoundingClientRect().top, id: el.name || el.id };
    });
    if (!g) continue;
    checked += 1;
    assert.ok(g.bottom <= g.bar + 0.5, `${g.id}: focused control (bottom ${g.bottom}) under the bar (top ${g.bar})`);
  }
  assert.ok(checked >= 20, `${checked} focus positions checked`);
  await page.checkGuards();
  await page.close();
});

/** Every text of the diagram at its displayed size: font size x the drawing's scale. */
function smallestText(page, selector) {
  return page.locator(selector).evaluate((svg) => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
  });
}

test('the diagram is legible on a phone, a tablet and a desktop: text of 12 px or more, or full screen', async () => {
  for (const size of [PHONE, { width: 820, height: 1180 }, { width: 1366, height: 1024 }, { width: 1920, height: 1080 }]) {
    const page = await openPage(session, size);
    await choice(page, 'Primary tumour', 'Colorectal').check();
    await expectPathway(page, 'ASSESSMENT_INCOMPLETE');
    const shown = await smallestText(page, '#result-body svg.diagram');
    if (shown < 12) {
      const enlarge = page.getByRole('button', { name: 'Enlarge the diagram' });
      await enlarge.click();
      const dialog = page.locator('dialog.diagram-full');
      await dialog.waitFor({ state: 'visible' });
      const box = await dialog.boundingBox();
      assert.ok(box.width >= size.width - 1 && box.height >= size.height - 1, 'full screen');
      const full = await smallestText(page, 'dialog.diagram-full svg.diagram');
      assert.ok(full >= 12, `${size.width}x${size.height}: enlarged text ${full.toFixed(1)} px`);
      assert.equal(await page.locator('dialog.diagram-full .on-route').count() > 0, true, 'the route is highlighted there too');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Enlarge the diagram', 'focus back on the button');
    } else {
      assert.ok(shown >= 12, `${size.width}x${size.height}: ${shown}`);
    }
    await page.checkGuards();
    await page.close();
  }
});

test('no edge crosses a box, and no edge label covers one, in any algorithm (the neuroendocrine "not known" edge included)', async () => {
  const page = await openPage(session, { width: 1920, height: 1080 });
  const cases = [['Unknown', 'overview'], ['Colorectal', 'colorectal'], ['Breast', 'breast'], ['Neuroendocrine', 'neuroendocrine']];
  for (const [option, algo] of cases) {
    await choice(page, 'Primary tumour', option).check();
    await page.waitForFunction((a) => document.querySelector('svg.diagram')?.dataset.algorithm === a, algo);
    const problems = await page.evaluate(() => {
      const svg = document.querySelector('#result-body svg.diagram');
      const boxes = [...svg.querySelectorAll('.node')].map((g) => {
        const r = g.querySelector('rect');
        return { id: g.dataset.node, x: +r.getAttribute('x'), y: +r.getAttribute('y'), w: +r.getAttribute('width'), h: +r.getAttribute('height') };
      });
      const inside = (b, x, y, m = 1) => x > b.x + m && x < b.x + b.w - m && y > b.y + m && y < b.y + b.h - m;
      const out = [];
      for (const p of svg.querySelectorAll('path.edge')) {
        const len = p.getTotalLength();
        for (let d = 0; d <= len; d += 2) {
          const pt = p.getPointAtLength(d);
          for (const b of boxes) {
            if (inside(b, pt.x, pt.y)) out.push(`edge ${p.dataset.from}→${p.dataset.to} crosses ${b.id} at ${pt.x.toFixed(0)},${pt.y.toFixed(0)}`);
          }
        }
      }
      for (const g of svg.querySelectorAll('.edge-label')) {
        const r = g.querySelector('rect');
        const l = { x: +r.getAttribute('x'), y: +r.getAttribute('y'), w: +r.getAttribute('width'), h: +r.getAttribute('height') };
        for (const b of boxes) {
          if (l.x < b.x + b.w && l.x + l.w > b.x && l.y < b.y + b.h && l.y + l.h > b.y) out.push(`label of ${g.dataset.from}→${g.dataset.to} covers ${b.id}`);
        }
      }
      return [...new Set(out)];
    });
    assert.deepEqual(problems, [], algo);
  }
  // the edge the issue names is drawn, and passes between the boxes
  await choice(page, 'Primary tumour', 'Neuroendocrine').check();
  await page.waitForFunction(() => document.querySelector('svg.diagram')?.dataset.algorithm === 'neuroendocrine');
  assert.equal(await page.locator('path.edge[data-from="net_active"][data-to="ASSESSMENT_INCOMPLETE"]').count(), 1);
  await page.checkGuards();
  await page.close();
});
