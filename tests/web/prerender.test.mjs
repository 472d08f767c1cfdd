// Issue 12 item 1, "form before script": the built page carries the
// questionnaire as static HTML (scripts/lib/prerender-form.mjs), readable and
// answerable before any script or wasm arrives; the script adopts those very
// nodes (no redraw) and keeps what was answered meanwhile; markup that is not
// this questionnaire's is drawn afresh; the single file and embed.html carry it too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { startSession, openPage, distWeb, choice, assertNoAxeViolations } from './helpers.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/lib/chromium.mjs';

const require = createRequire(import.meta.url);
let session;
let questionnaire;
let plain;  // a browser whose contexts have no service worker: page.route() sees every request
before(async () => {
  session = await startSession();
  questionnaire = JSON.parse((await require(path.join(distWeb, 'livermets.js'))()).questionnaire());
  const { chromium } = require('playwright-core');
  plain = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
});
after(async () => {
  await plain.close();
  await session.stop();
});

/** A page with the guards of helpers.openPage, opened without waiting for ready; route() runs before the visit. */
async function openEarly(route) {
  const context = await plain.newContext({ serviceWorkers: 'block', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  const foreign = [];
  page.on('request', (req) => { if (!req.url().startsWith(session.origin + '/')) foreign.push(req.url()); });
  page.on('close', () => { context.close().catch(() => {}); });
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push('console error: ' + msg.text()); });
  page.on('pageerror', (err) => problems.push('page error: ' + err.message));
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`));
  });
  if (route) await route(page);
  await page.goto(session.url, { waitUntil: 'domcontentloaded' });
  page.checkGuards = async () => {
    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no Content-Security-Policy violation');
    assert.deepEqual(problems, [], 'no console error or HTTP error');
    assert.deepEqual(foreign, [], 'every request went to the page\'s own origin');
  };
  return page;
}

/** The fields of the questions shown (not hidden, and laid out) in #questions, in page order. */
const shownFields = (page) => page.evaluate(() => [...document.querySelectorAll('#questions .question')]
  .filter((el) => !el.closest('[hidden]') && el.getBoundingClientRect().height > 0).map((el) => el.dataset.field));

/** The questions shown with no answer, as the script itself decides them on a page it draws. */
let drawnInitial;
async function initialByScript() {
  if (drawnInitial) return drawnInitial;
  // markup of another questionnaire (a wrong fingerprint) is not adopted: the script draws the form itself
  const page = await openEarly((p) => p.route(/\/(index\.html)?$/, async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replace(/data-form="[^"]*"/, 'data-form="not-this-one"');
    await route.fulfill({ response: res, body });
  }));
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.locator('#questions').getAttribute('data-form-state'), 'drawn');
  assert.notEqual(await page.locator('#questions').getAttribute('data-form'), 'not-this-one');
  drawnInitial = await shownFields(page);
  await page.checkGuards();
  await page.close();
  return drawnInitial;
}

test('the built page holds every question of the questionnaire, with the relevance data, before any script', () => {
  const html = fs.readFileSync(path.join(distWeb, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /Loading the calculator/, 'no placeholder left');
  for (const q of questionnaire.questions) {
    const id = 'q-' + q.id.replace(/[^A-Za-z0-9_-]/g, '-');
    assert.ok(html.includes(`id="${id}" data-field="${q.id}"`), `question ${q.id} is in index.html`);
  }
  for (const s of questionnaire.sections) assert.ok(html.includes(`id="sec-${s.id}"`), `section ${s.id}`);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")/, 'no inline script');
  assert.doesNotMatch(html, /\sstyle="/, 'no inline style');
  // the rule base is named before any script, as the module names it
  assert.ok(html.includes(`<strong data-version>${questionnaire.rulebase.version}</strong>`), 'the rule base version');
  assert.doesNotMatch(html, /data-(version|guideline)>…</, 'no placeholder left for the rule base');
});

test('with the scripts and the wasm blocked, the form is on screen, readable, answerable and accessible', async () => {
  const page = await openEarly((p) => p.route(/\.(js|wasm)(\?.*)?$/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' })));
  await page.waitForLoadState('load');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), undefined, 'no script ran');
  // the questions with no answer shown are the ones the script shows with no answer
  const shown = await shownFields(page);
  assert.deepEqual(shown, await initialByScript());
  assert.ok(shown.includes('primary') && shown.length >= 10, shown.join(' '));
  await assert.doesNotReject(choice(page, 'Primary tumour', 'Colorectal').isVisible());
  assert.equal(await choice(page, 'Primary tumour', 'Unknown').isChecked(), true, 'Unknown is the answer until one is given');
  await choice(page, 'Primary tumour', 'Colorectal').check();
  assert.equal(await choice(page, 'Primary tumour', 'Unknown').isChecked(), false);
  assert.match(await page.locator('#result-body').textContent(), /once the calculator has started/);
  await assertNoAxeViolations(page, 'before the script');
  await page.close();
});

test('with JavaScript disabled, the page still shows the questionnaire', async () => {
  const context = await plain.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(session.url);
    const labels = await page.locator('#questions .question:not([hidden]) .q-label').allTextContents();
    assert.ok(labels.some((l) => /^Primary tumour/.test(l)), labels.join(' | '));
    assert.ok(await choice(page, 'Primary tumour', 'Breast').isVisible());
  } finally {
    await context.close();
  }
});

test('the script adopts the static nodes (no redraw), and keeps and evaluates answers given before it was ready', async () => {
  let release;
  const gate = new Promise((r) => { release = r; });
  const page = await openEarly((p) => p.route('**/livermets.wasm', async (route) => { await gate; await route.continue(); }));
  await page.waitForSelector('#q-primary');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), undefined, 'the module is held back');
  await page.evaluate(() => {
    window.__before = [...document.querySelectorAll('#questions *')];
    document.getElementById('q-primary').dataset.marked = 'before-ready';
  });
  // answers given while the calculator loads
  await choice(page, 'Primary tumour', 'Colorectal').check();
  const count = page.getByRole('textbox', { name: /^Number of liver metastases/ });
  await count.fill('300');
  release();
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.locator('#questions').getAttribute('data-form-state'), 'adopted');
  assert.equal(await page.locator('#result-body').getAttribute('data-first-result'), 'evaluated', 'answers given: the form\'s case is evaluated');
  const kept = await page.evaluate(() => {
    const after = new Set(document.querySelectorAll('#questions *'));
    return {
      connected: window.__before.every((n) => n.isConnected && after.has(n)),
      marked: document.getElementById('q-primary').dataset.marked,
      questionsSame: [...document.querySelectorAll('#questions .question')].every((n) => window.__before.includes(n)),
    };
  });
  assert.deepEqual(kept, { connected: true, marked: 'before-ready', questionsSame: true });
  assert.equal(await choice(page, 'Primary tumour', 'Colorectal').isChecked(), true);
  assert.equal(await count.inputValue(), '300');
  // both answers reached the core: 300 lesions is refused on its question, and the colorectal questions now apply
  await page.waitForFunction(() => document.querySelector('#result-body').dataset.status === 'error');
  assert.match(await page.locator('#q-lesion_count .q-error').textContent(), /1 to 200/);
  const shown = await shownFields(page);
  assert.ok(shown.length > (await initialByScript()).length, 'relevance follows the primary given before ready');
  await count.fill('2');
  await count.press('Tab');
  await page.waitForFunction(() => document.querySelector('#result-body').dataset.status !== 'error');
  await page.checkGuards();
  await page.close();
});

// The empty form's result, written into the page by the build (issue 12: no evaluation on the way to ready)
const builtBlock = (html) => {
  const m = html.match(/<script type="application\/json" id="first-result">([^<]*)<\/script>/);
  return m ? m[1] : null;
};

test('the page carries the module\'s own result for the empty form, shows it without evaluating, then confirms it', async () => {
  // the block is the module's evaluate('{}'), byte for byte (JSON escapes aside)
  const block = builtBlock(fs.readFileSync(path.join(distWeb, 'index.html'), 'utf8'));
  assert.ok(block, 'index.html has the first-result block');
  const mod = await require(path.join(distWeb, 'livermets.js'))();
  const live = mod.evaluate('{}');
  assert.equal(JSON.stringify(JSON.parse(block)), JSON.stringify(JSON.parse(live)));
  assert.equal(JSON.parse(block).pathway.code, 'ASSESSMENT_INCOMPLETE', 'G02: with nothing known, assessment is incomplete');
  for (const file of ['embed.html', '../livermets.html']) {
    assert.equal(builtBlock(fs.readFileSync(path.join(distWeb, file), 'utf8')), block, `${file} carries the same block`);
  }
  // in the page: no evaluate() before ready; once idle, one evaluation of the empty case agrees
  const page = await openEarly((p) => p.addInitScript(() => {
    const calls = (window.__evals = []);
    let factory;
    Object.defineProperty(window, 'createLivermets', {
      configurable: true,
      get: () => factory && ((args) => factory(args).then((m) => {
        const evaluate = m.evaluate;
        m.evaluate = (x) => { calls.push({ text: String(x), ready: document.documentElement.dataset.ready === 'true' }); return evaluate.call(m, x); };
        return m;
      })),
      set: (f) => { factory = f; },
    });
  }));
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.locator('#result-body').getAttribute('data-pathway'), 'ASSESSMENT_INCOMPLETE');
  await page.waitForSelector('#result-body[data-first-result="confirmed"]');
  const calls = await page.evaluate(() => window.__evals);
  assert.deepEqual(calls.filter((c) => !c.ready), [], 'nothing evaluated before ready');
  assert.equal(calls[0].text, '{}', 'the first evaluation is the check of the empty form');
  await page.checkGuards();
  await page.close();
});

test('a first result that is not what the module gives (a page and module of different builds) is replaced', async () => {
  const page = await openEarly((p) => p.route(/\/(index\.html)?$/, async (route) => {
    const res = await route.fetch();
    const html = await res.text();
    const block = builtBlock(html);
    const stale = block.replace('"title":"Assessment incomplete"', '"title":"A title from another build"');
    assert.notEqual(stale, block);
    await route.fulfill({ response: res, body: html.replace(block, () => stale) });
  }));
  await page.waitForSelector('#result-body[data-first-result="replaced"]');
  await page.waitForFunction(() => !document.querySelector('#result-body').textContent.includes('another build'));
  assert.match(await page.locator('#pathway').textContent(), /Assessment incomplete/);
  await page.checkGuards();
  await page.close();
});

test('the page as served still works as before once ready', async () => {
  const page = await openPage(session);
  assert.equal(await page.locator('#questions').getAttribute('data-form-state'), 'adopted');
  await choice(page, 'Primary tumour', 'Breast').check();
  await page.waitForFunction(() => /^BREAST_/.test(document.querySelector('#result-body').dataset.pathway || ''));
  await page.checkGuards();
  await page.close();
});

test('the single file and embed.html carry the same static form; from file:// with JavaScript off it shows', async () => {
  const index = fs.readFileSync(path.join(distWeb, 'index.html'), 'utf8');
  const form = index.match(/<div id="questions" data-form="[^"]+">[\s\S]*?<p class="compact-note"[^>]*><\/p><\/div>/);
  assert.ok(form, 'the form in index.html');
  const singleFile = path.join(distWeb, '..', 'livermets.html');
  for (const file of [singleFile, path.join(distWeb, 'embed.html')]) {
    assert.ok(fs.readFileSync(file, 'utf8').includes(form[0]), `${path.basename(file)} has the same form`);
  }
  const context = await plain.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(singleFile).href);
    assert.ok(await choice(page, 'Primary tumour', 'Neuroendocrine').isVisible());
  } finally {
    await context.close();
  }
});

test('a reload starts from an empty form: the browser does not restore the static form\'s answers', async () => {
  const page = await openEarly();
  await page.waitForSelector('html[data-ready="true"]');
  await choice(page, 'Primary tumour', 'Breast').check();
  await page.getByRole('textbox', { name: /^Number of liver metastases/ }).fill('3');
  await page.waitForFunction(() => /^BREAST_/.test(document.querySelector('#result-body').dataset.pathway || ''));
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await choice(page, 'Primary tumour', 'Unknown').isChecked(), true);
  assert.equal(await page.getByRole('textbox', { name: /^Number of liver metastases/ }).inputValue(), '');
  await page.checkGuards();
  await page.close();
});
