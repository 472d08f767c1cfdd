// Shared by the browser suites: serves dist/web on a free port, drives the
// system Chromium through playwright-core, and checks on every page that
// nothing leaves the origin, no CSP violation happens and nothing is logged
// as an error.
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/lib/serve.mjs';
import { launch, axeSource } from '../../scripts/lib/chromium.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const distWeb = process.env.LIVERMETS_DIST_WEB || path.join(repoRoot, 'dist/web');

export async function startSession() {
  if (!fs.existsSync(path.join(distWeb, 'index.html'))) throw new Error(`${distWeb}/index.html is missing: run scripts/build`);
  const { server, url } = await serve({ root: distWeb, port: 0 });
  const { context, close } = await launch();
  const origin = new URL(url).origin;
  const foreign = [];
  context.on('request', (req) => {
    const u = new URL(req.url());
    if (u.origin !== origin && u.protocol !== 'data:' && u.protocol !== 'blob:') foreign.push(req.url());
  });
  return {
    url,
    origin,
    context,
    foreign,
    async stop() {
      await close();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Opens the page with the guards attached; call page.checkGuards() at the end of a test. */
export async function openPage(session, { width = 1366, height = 900, colorScheme = 'light', reducedMotion = 'no-preference' } = {}) {
  const page = await session.context.newPage();
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme, reducedMotion });
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push('console error: ' + msg.text()); });
  page.on('pageerror', (err) => problems.push('page error: ' + err.message));
  page.on('requestfailed', (req) => problems.push('request failed: ' + req.url()));
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
  await page.goto(session.url);
  await page.waitForSelector('html[data-ready="true"]');
  page.checkGuards = async () => {
    const csp = await page.evaluate(() => window.__csp);
    assert.deepEqual(csp, [], 'no Content-Security-Policy violation');
    assert.deepEqual(problems, [], 'no console error, failed request or HTTP error');
    assert.deepEqual(session.foreign, [], 'every request went to the page\'s own origin');
  };
  return page;
}

/** Runs axe-core (WCAG 2.0/2.1/2.2 A and AA) and fails listing each violation. */
export async function assertNoAxeViolations(page, state) {
  const has = await page.evaluate(() => typeof window.axe === 'object');
  if (!has) await page.evaluate(axeSource());
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    resultTypes: ['violations'],
  }));
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ` +
    v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary.replace(/\n/g, ' ')).join('\n    '));
  assert.equal(result.violations.length, 0, `axe violations in the ${state} state:\n  ${summary.join('\n  ')}`);
  assert.ok(result.passes === undefined || Array.isArray(result.passes));
}

/** The radio of a question (by its legend) and option (by its label), as a person sees them. */
export function choice(page, question, option) {
  return page.getByRole('group', { name: question, exact: true }).getByRole('radio', { name: option, exact: true });
}

/** Clicks into a number box (by its label) and types the value, then leaves it with Tab. */
export async function typeNumber(page, label, value) {
  const box = page.getByRole('textbox', { name: label });
  await box.click();
  await box.press('Control+A');
  await page.keyboard.type(String(value));
  await page.keyboard.press('Tab');
}

export async function expectPathway(page, code) {
  await page.waitForFunction((c) => document.querySelector('#result-body')?.dataset.pathway === c, code);
  assert.equal(await page.locator('#pathway').getAttribute('data-code'), code);
}

/** Codes of the recommendations shown under one strength heading. */
export async function recsOf(page, strength) {
  return page.locator(`.rec-group[data-strength="${strength}"] .rec`).evaluateAll((els) => els.map((e) => e.dataset.code));
}
