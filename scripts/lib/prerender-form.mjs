// Prerenders the questionnaire into the built page (issue 12, "form before
// script"): the page's own form.js draws the form from the module's own
// questionnaire in headless Chromium, and the markup goes into index.html's
// #questions, so the form is on screen and can be answered before any script
// or wasm arrives.  At run time createForm adopts it (web/js/form.js): one
// drawing, no second renderer to disagree with it.  The single file and
// embed.html are made from this index.html afterwards (build-single-file.mjs).
//
//   node scripts/lib/prerender-form.mjs [--site dist/web]
//
// The modules are read from web/js (the sources), the questionnaire from the
// site's livermets.js (the module the page runs), index.html is rewritten in
// place.  Fails the build when anything is not as expected.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { launch, repoRoot } from './chromium.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const site = path.resolve(arg('--site', path.join(repoRoot, 'dist/web')));
const webSrc = path.join(repoRoot, 'web');
const PLACEHOLDER = '<div id="questions"><p class="loading">Loading the calculator…</p></div>';
const ORIGIN = 'http://prerender.invalid';

function fail(message) {
  console.error('prerender-form: ' + message);
  process.exit(1);
}

/**
 * From the module the page runs: its questionnaire, parsed (the text the page
 * gets from questionnaire()), and its result for the empty form, as text (what
 * the page's first evaluate('{}') returns).
 */
async function moduleOutputs(dir) {
  const require = createRequire(import.meta.url);
  const mod = await require(path.join(dir, 'livermets.js'))();
  return { questionnaire: JSON.parse(mod.questionnaire()), emptyResult: mod.evaluate('{}') };
}

const TYPES = { '.js': 'text/javascript', '.html': 'text/html', '.json': 'application/json' };

/**
 * Draws the form with web/js/form.js and, given the result of the empty form,
 * puts its marks on it as the page does (form.markResult); returns {html, form}
 * (the markup and its fingerprint).
 */
export async function drawForm(questionnaire, emptyResult = null) {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.route(ORIGIN + '/**', async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/prerender.html') {
        return route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><body><div id="questions"></div></body></html>' });
      }
      const file = path.join(webSrc, path.normalize(url.pathname));
      if (!file.startsWith(webSrc + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ contentType: TYPES[path.extname(file)] || 'application/octet-stream', body: fs.readFileSync(file) });
    });
    await page.route(/^(?!http:\/\/prerender\.invalid\/)/, (route) => route.abort());
    await page.goto(ORIGIN + '/prerender.html');
    const drawn = await page.evaluate(async ([q, result]) => {
      const { createForm } = await import('/js/form.js');
      const root = /** @type {HTMLElement} */ (document.getElementById('questions'));
      const form = createForm(root, q);
      if (result) form.markResult(result);
      return { html: root.innerHTML, form: root.dataset.form || '', state: root.dataset.formState, questions: root.querySelectorAll('.question').length };
    }, [questionnaire, emptyResult && JSON.parse(emptyResult)]);
    if (errors.length) fail('errors while drawing the form: ' + errors.join('; '));
    if (drawn.state !== 'drawn' || !drawn.form) fail('the form was not drawn');
    if (drawn.questions !== questionnaire.questions.length) fail(`${drawn.questions} questions drawn, ${questionnaire.questions.length} in the questionnaire`);
    if (/<script|\sstyle=|\son[a-z]+=/i.test(drawn.html)) fail('the drawn form has a script, a style attribute or an event handler attribute');
    return drawn;
  } finally {
    await browser.close();
  }
}

const escapeHtml = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * index.html with the drawn form in place of the "Loading" placeholder and,
 * given the questionnaire's rule base, its version and guideline written where
 * the page would write them (main.js sets the same text again once it runs),
 * and given the module's result for the empty form, that text as a data block
 * (`<script type="application/json" id="first-result">`, never run), which
 * main.js shows as the first result instead of evaluating it on the way to
 * ready, and checks against the module once the page is idle.
 */
export function withForm(indexHtml, drawn, rulebase, emptyResult = null) {
  const n = indexHtml.split(PLACEHOLDER).length - 1;
  if (n !== 1) fail(`the #questions placeholder is in index.html ${n} times (expected once): ${PLACEHOLDER}`);
  let out = indexHtml.replace(PLACEHOLDER, () => `<div id="questions" data-form="${drawn.form}">${drawn.html}</div>`);
  if (rulebase) {
    out = out.replace(/(<(strong|span) data-version>)…(<\/\2>)/g, (_, open, tag, close) => open + escapeHtml(rulebase.version) + close)
      .replace(/(<span data-guideline>)…(<\/span>)/g, (_, open, close) => open + escapeHtml(rulebase.guideline) + close);
  }
  if (emptyResult !== null) {
    const n2 = out.split('</body>').length - 1;
    if (n2 !== 1) fail(`</body> is in index.html ${n2} times (expected once)`);
    // "<" escaped in the JSON (\u003c), so no text of the result can close the block
    const block = `<script type="application/json" id="first-result">${emptyResult.replace(/</g, '\\u003c')}</script>\n`;
    out = out.replace('</body>', () => block + '</body>');
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const index = path.join(site, 'index.html');
  const started = Date.now();
  const { questionnaire: q, emptyResult } = await moduleOutputs(site);
  const drawn = await drawForm(q, emptyResult);
  fs.writeFileSync(index, withForm(fs.readFileSync(index, 'utf8'), drawn, q.rulebase, emptyResult));
  console.log(`prerender-form: ${path.relative(process.cwd(), index)}: ${drawn.questions} questions, ${drawn.html.length} bytes of form, ` +
    `${emptyResult.length} bytes of first result (${Date.now() - started} ms)`);
}
