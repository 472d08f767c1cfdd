// The typical resectable colorectal case of issue 10, entered as a busy
// clinician would: top to bottom in the order the page asks, each answer by
// one tap (a button) or a tap into the box and one key per character (a
// typed number; no Tab, the next tap leaves the box), scrolling only when the
// next answer is not on screen, and by no more than it takes to bring it into
// view.  Counts the taps, the keys and the distance scrolled.  The same logic
// measured the page before issue 10 (docs/web.md, "The answer in a minute").

/** The case: what decides a colorectal pathway, and the two prognostic answers. */
export const TYPICAL_CASE = [
  { label: 'Primary tumour', option: 'Colorectal' },
  { label: 'Node-positive primary', option: 'No' },
  { label: 'Tumour markers elevated', option: 'No' },
  { label: 'Complete (R0) resection achievable', option: 'Yes' },
  { label: 'Future liver remnant', number: '45' },
  { label: 'ECOG performance status', option: '0', number: '0' },  // buttons where the page has them
  { label: 'Operative risk acceptable', option: 'Yes' },
  { label: 'Disease outside the liver', option: 'None' },
];

async function target(page, step) {
  const group = page.getByRole('group', { name: step.label, exact: true });
  if (step.option !== undefined && await group.count() && await group.getByRole('radio', { name: step.option, exact: true }).count()) {
    return { kind: 'tap', el: group.getByRole('radio', { name: step.option, exact: true }) };
  }
  return { kind: 'type', el: page.getByRole('textbox', { name: new RegExp('^' + step.label.replace(/[()]/g, '\\$&')) }) };
}

/** Scrolls the element into view if it is not, as a person would; returns the pixels scrolled. */
async function bringIntoView(page, el) {
  const handle = await el.elementHandle();
  return page.evaluate((node) => {
    const target = node.closest('label') || node;
    const r = target.getBoundingClientRect();
    const bar = document.getElementById('pathway-bar');
    const barTop = bar && getComputedStyle(bar).display !== 'none' ? bar.getBoundingClientRect().top : window.innerHeight;
    const bottom = Math.min(window.innerHeight, barTop) - 8;
    let delta = 0;
    if (r.bottom > bottom) delta = r.bottom - bottom;
    else if (r.top < 8) delta = r.top - 8;
    const before = window.scrollY;
    if (delta) window.scrollTo({ top: before + delta, behavior: 'instant' });
    return Math.abs(window.scrollY - before);
  }, handle);
}

/**
 * Enters TYPICAL_CASE into an open page; returns {taps, keys, interactions,
 * scrolledPx, screens, order} (screens = pixels scrolled / viewport height).
 */
export async function enterTypicalCase(page) {
  let taps = 0;
  let keys = 0;
  let scrolled = 0;
  const order = [];
  const answer = async (step) => {
    const { kind, el } = await target(page, step);
    scrolled += await bringIntoView(page, el);
    const box = await el.boundingBox();
    if (!box) throw new Error(`${step.label}: not on the page`);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    taps += 1;
    if (kind === 'type') {
      for (const ch of step.number) { await page.keyboard.press(ch); keys += 1; }
    }
    order.push(step.label);
  };
  await answer(TYPICAL_CASE[0]);
  await page.waitForFunction(() => document.querySelector('#result-body')?.dataset.pathway === 'ASSESSMENT_INCOMPLETE');
  // the rest in the order the page now shows them, top to bottom
  const rest = [];
  for (const step of TYPICAL_CASE.slice(1)) {
    const { el } = await target(page, step);
    const y = await el.evaluate((n) => n.getBoundingClientRect().top + window.scrollY);
    rest.push({ step, y });
  }
  rest.sort((a, b) => a.y - b.y);
  for (const { step } of rest) await answer(step);
  // a typed last answer is read after the page's short pause; nothing else is pressed
  await page.waitForFunction(() => document.querySelector('#result-body')?.dataset.pathway === 'CRC_RESECTION_FIRST');
  const height = await page.evaluate(() => window.innerHeight);
  return { taps, keys, interactions: taps + keys, scrolledPx: Math.round(scrolled), screens: Math.round((scrolled / height) * 100) / 100, order };
}
