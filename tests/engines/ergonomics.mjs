// Tablet and phone ergonomics, measured in the page as the engine laid it
// out: touch targets of at least 44x44 CSS px (Apple's Human Interface
// Guidelines), number fields that bring up the numeric keypad, inputs large
// enough that iOS does not zoom into them, no information or control that
// only a hovering mouse reveals, safe-area insets respected (the page covers
// the whole screen, viewport-fit=cover), installable to an iPad's home screen,
// and no sideways scrolling.
import assert from 'node:assert/strict';

/** Runs in the page; returns what fails, as lists of descriptions. */
function measure() {
  const name = (el) => {
    const label = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} "${label}"`;
  };
  const rendered = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';

  // touch targets: what a finger can activate; a radio's target is its label
  const smallTargets = [];
  const targets = document.querySelectorAll('button, select, input:not([type=radio]):not([type=checkbox]):not([type=hidden]), ' +
    'a[href], summary, label:has(> input[type=radio]), label:has(> input[type=checkbox]), [tabindex]:not([tabindex="-1"])');
  for (const el of targets) {
    if (!rendered(el) || el.matches('input[type=file][hidden]')) continue;
    const r = el.getBoundingClientRect();
    // a link that wraps is several boxes, one per line: each must be tall enough
    const low = Math.min(...[...el.getClientRects()].map((b) => b.height));
    if (r.width < 44 || r.height < 44 || low < 44) smallTargets.push(`${name(el)} is ${Math.round(r.width)}x${Math.round(Math.min(r.height, low))}`);
  }
  const unlabelled = [...document.querySelectorAll('input[type=radio], input[type=checkbox]')]
    .filter((i) => rendered(i) && !i.closest('label')).map(name);

  // number fields: the numeric keypad (whole numbers) or the decimal one
  const keypads = [];
  for (const input of document.querySelectorAll('input.num')) {
    const whole = /whole number/i.test(input.closest('.question').querySelector('.q-range')?.textContent || '');
    const want = whole ? 'numeric' : 'decimal';
    if (input.inputMode !== want) keypads.push(`${input.id}: inputmode "${input.inputMode}", want "${want}"`);
  }
  // iOS zooms the page into any field whose text is below 16px
  const smallFonts = [...document.querySelectorAll('input:not([type=radio]):not([type=checkbox]), select, textarea')]
    .filter((el) => rendered(el) && parseFloat(getComputedStyle(el).fontSize) < 16)
    .map((el) => `${name(el)}: ${getComputedStyle(el).fontSize}`);

  // style rules, through @media and @supports blocks
  const rules = [];
  const walk = (list) => { for (const r of list) { if (r.selectorText) rules.push(r); else if (r.cssRules) walk(r.cssRules); } };
  for (const sheet of document.styleSheets) walk(sheet.cssRules);
  // :hover may restyle (colour, border, shadow), never reveal or move anything
  const decorative = /^(border(-\w+)*-color|background(-color)?|color|text-decoration(-\w+)*|box-shadow|outline(-\w+)*|cursor)$/;
  const hoverOnly = rules.filter((r) => r.selectorText.includes(':hover'))
    .flatMap((r) => [...r.style].filter((p) => !decorative.test(p)).map((p) => `${r.selectorText} { ${p} }`));
  // a title attribute is a tooltip: shown only to a hovering mouse
  const titles = [...document.querySelectorAll('body [title]')].map(name);

  // safe areas: the screen's edges are padded by the insets wherever content reaches them
  const viewport = document.querySelector('meta[name="viewport"]')?.content || '';
  const insetText = (el) => rules.filter((r) => { try { return el.matches(r.selectorText); } catch { return false; } })
    .map((r) => r.cssText).join(' ');
  const safeArea = [];
  const needs = [[document.body, ['left', 'right', 'top']], [document.querySelector('#pathway-bar'), ['left', 'right', 'bottom']],
    [document.querySelector('.footer'), ['bottom']]];
  for (const [el, sides] of needs) {
    const text = insetText(el);
    for (const side of sides) if (!text.includes(`env(safe-area-inset-${side})`)) safeArea.push(`${name(el)} ignores safe-area-inset-${side}`);
  }

  const meta = (n) => document.querySelector(`meta[name="${n}"]`)?.content ?? null;
  return {
    smallTargets, unlabelled, keypads, smallFonts, hoverOnly, titles, safeArea,
    viewportFitCover: /viewport-fit=cover/.test(viewport),
    sideways: document.documentElement.scrollWidth > innerWidth ? `${document.documentElement.scrollWidth} > ${innerWidth}` : null,
    ios: {
      capable: meta('apple-mobile-web-app-capable'),
      statusBar: meta('apple-mobile-web-app-status-bar-style'),
      title: meta('apple-mobile-web-app-title'),
      themeColor: meta('theme-color'),
      icon: document.querySelector('link[rel="apple-touch-icon"]')?.href || null,
      manifest: document.querySelector('link[rel="manifest"]')?.href || null,
    },
  };
}

/** The home-screen icon's pixel size and the manifest's display mode, fetched by the page. */
function installable(iconUrl, manifestUrl) {
  return Promise.all([
    new Promise((resolve) => {
      const img = new Image();
      img.onload = () => resolve([img.naturalWidth, img.naturalHeight]);
      img.onerror = () => resolve(null);
      img.src = iconUrl;
    }),
    fetch(manifestUrl).then((r) => r.json()).then((m) => m.display),
  ]);
}

export async function checkErgonomics(page, where) {
  const r = await page.evaluate(measure);
  assert.deepEqual(r.smallTargets, [], `${where}: every touch target is at least 44x44 CSS px`);
  assert.deepEqual(r.unlabelled, [], `${where}: every radio is inside its label (the label is the target)`);
  assert.deepEqual(r.keypads, [], `${where}: number fields bring up the numeric keypad`);
  assert.deepEqual(r.smallFonts, [], `${where}: fields at 16px or more, or iOS zooms into them`);
  assert.deepEqual(r.hoverOnly, [], `${where}: :hover only restyles`);
  assert.deepEqual(r.titles, [], `${where}: no tooltip (title attribute) carries information`);
  assert.equal(r.viewportFitCover, true, `${where}: viewport-fit=cover`);
  assert.deepEqual(r.safeArea, [], `${where}: safe-area insets respected`);
  assert.equal(r.sideways, null, `${where}: no sideways scrolling`);
  assert.equal(r.ios.capable, 'yes', `${where}: opens standalone from the iOS home screen`);
  assert.ok(['default', 'black', 'black-translucent'].includes(r.ios.statusBar), `${where}: an iOS status-bar style`);
  assert.ok(r.ios.title, `${where}: a short home-screen title`);
  assert.match(r.ios.themeColor || '', /^#[0-9a-f]{6}$/i, `${where}: the status-bar colour`);
  assert.ok(r.ios.icon && r.ios.manifest, `${where}: an apple-touch-icon and a manifest`);
  const [size, display] = await page.evaluate(installable, r.ios.icon, r.ios.manifest);
  assert.deepEqual(size, [180, 180], `${where}: the apple-touch-icon is 180x180 px`);
  assert.equal(display, 'standalone', `${where}: the manifest asks for a standalone window`);
}
