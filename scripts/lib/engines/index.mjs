// One way to drive every engine a hospital runs: Chromium and Firefox ESR
// (puppeteer-core) and WebKit (WebDriver), each behind the same small page API
// so that the flows are written once (tests/engines/flows.mjs):
//   page.goto(url) .reload() .click(css) .select(css, value) .type(css, text) .evaluate(fn, ...args)
//   .setViewport(w, h) .screenshot(file) .takeConsole() .pdf()
// plus, added here for all engines: waitFor(fn, ...args) and settle().
import { launchPuppeteer } from './puppeteer.mjs';
import { launchWebKit } from './webkit.mjs';

export const ENGINE_NAMES = ['chromium', 'firefox', 'webkit'];

/**
 * Runs in the page before a click, a choice or typing, and does what a person
 * does: waits until the page has stopped changing (an answer re-evaluates the
 * case and can make questions appear above), scrolls the target to the middle
 * of the screen at once, and waits until it stands still (two frames in the
 * same place).  Without it a click can land where the element was a moment
 * ago, on a smooth scroll under way, or under the fixed pathway bar; WebKit's
 * WebDriver then answers "element not interactable".  Resolves false when
 * nothing matches the selector.
 */
function readyToTouch(selector) {
  return new Promise((resolve) => {
    let lastChange = performance.now();
    const watch = new MutationObserver(() => { lastChange = performance.now(); });
    watch.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    let centred = null;
    let last = '';
    let still = 0;
    let frames = 0;
    const done = (value) => { watch.disconnect(); resolve(value); };
    const tick = () => {
      frames += 1;
      const el = document.querySelector(selector);
      if (!el) { done(false); return; }
      const patience = frames < 240;  // some 4 s of frames, then act anyway
      if (performance.now() - lastChange < 100 && patience) { requestAnimationFrame(tick); return; }
      let r = el.getBoundingClientRect();
      // again if something scrolled it away: WebKit reveals the field that Tab
      // focused a few frames late, over this scroll
      if (centred !== el || r.bottom <= 0 || r.top >= innerHeight) {
        el.scrollIntoView({ block: 'center', behavior: 'instant' });
        centred = el;
        r = el.getBoundingClientRect();
      }
      const now = [r.x, r.y, r.width, r.height, scrollX, scrollY].join();
      still = now === last ? still + 1 : 0;
      last = now;
      if (still >= 2 || !patience) done(true);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

export async function launchEngine(name) {
  if (!ENGINE_NAMES.includes(name)) throw new Error(`unknown engine "${name}" (one of ${ENGINE_NAMES.join(', ')})`);
  const engine = name === 'webkit' ? await launchWebKit() : await launchPuppeteer(name);
  const { page } = engine;
  /** Polls fn(...args) in the page until it returns something truthy; returns that. */
  page.waitFor = async (fn, ...args) => {
    const deadline = Date.now() + 30000;
    let last;
    for (;;) {
      try { last = await page.evaluate(fn, ...args); } catch (e) { last = e; }
      if (last && !(last instanceof Error)) return last;
      if (Date.now() > deadline) throw new Error(`${name}: timed out waiting for ${String(fn).slice(0, 160)}${last instanceof Error ? ` (${last.message})` : ''}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  /** Two animation frames: what the last input changed is painted (WebKit's
   *  screenshots otherwise can show the page before the last click). */
  page.settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
  // Before a click, a choice or typing: see readyToTouch.
  for (const method of ['click', 'select', 'type']) {
    const act = page[method];
    page[method] = async (selector, ...rest) => {
      if (!(await page.evaluate(readyToTouch, selector))) throw new Error(`${name}: nothing matches ${selector}`);
      await act.call(page, selector, ...rest);
    };
  }
  // a window resize reaches the page a little later in WebKit
  const resize = page.setViewport;
  page.setViewport = async (width, height) => {
    await resize.call(page, width, height);
    await page.waitFor((w, h) => innerWidth === w && innerHeight === h, width, height);
  };
  const shoot = page.screenshot;
  page.screenshot = async (file) => { await page.settle(); await shoot.call(page, file); };
  return engine;
}
