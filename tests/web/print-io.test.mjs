// The print view (one A4 page with basis, version and date), examples,
// reset, and export / import through local files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSession, openPage, choice, expectPathway } from './helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session.stop(); });

test('the print view shows the case, pathway, recommendations, warnings, basis, version and date on one A4 page', async () => {
  const page = await openPage(session);
  await page.selectOption('#example', 'crc-chemo-before-review');
  await page.click('#load-example');
  await expectPathway(page, 'CRC_RESECTION_FIRST');
  await page.emulateMedia({ media: 'print' });
  const view = await page.evaluate(() => {
    const shown = (sel) => { const el = document.querySelector(sel); return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'; };
    return {
      form: shown('#case-form'),
      toolbar: shown('.toolbar'),
      caseSummary: shown('.case-summary'),
      pathway: shown('#pathway'),
      recs: shown('.rec'),
      warnings: shown('.card-warnings'),
      basis: shown('.basis-all'),
      basisText: document.querySelector('.basis-all').innerText,
      head: document.querySelector('.print-head').innerText,
      caseText: document.querySelector('.case-summary').innerText,
    };
  });
  assert.equal(view.form, false, 'the form is not printed');
  assert.equal(view.toolbar, false);
  for (const k of ['caseSummary', 'pathway', 'recs', 'warnings', 'basis']) assert.equal(view[k], true, `${k} is printed`);
  assert.match(view.basisText, /G12/);
  assert.match(view.basisText, /\[\d/);
  const version = await page.evaluate(() => document.querySelector('[data-version]').textContent);
  assert.match(view.head, new RegExp('rule base ' + version.replace(/\./g, '\\.')));
  assert.match(view.head, /Management of Liver Metastases/);
  assert.match(view.head, /Printed \d{4}-\d{2}-\d{2}/);
  assert.match(view.caseText, /Colorectal/);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
  assert.equal(pages, 1, 'one A4 page');
  await page.emulateMedia({ media: 'screen' });
  await page.checkGuards();
  await page.close();
});

test('export the case and result to a file, reset, and import it back', async () => {
  const page = await openPage(session);
  await page.selectOption('#example', 'net-resection');
  await page.click('#load-example');
  await expectPathway(page, 'NET_RESECTION');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'livermets-export-')), download.suggestedFilename());
  await download.saveAs(file);
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(doc.format, 'livermets-export/1');
  assert.equal(doc.case.primary, 'neuroendocrine');
  assert.equal(doc.result.pathway.code, 'NET_RESECTION');
  assert.equal(doc.rulebase.version, await page.evaluate(() => document.querySelector('[data-version]').textContent));
  assert.match(doc.exported_at, /^\d{4}-\d{2}-\d{2}T/);

  await page.click('#reset');
  await expectPathway(page, 'ASSESSMENT_INCOMPLETE');
  assert.equal(await choice(page, 'Primary tumour', 'Unknown').isChecked(), true);

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#import')]);
  await chooser.setFiles(file);
  await expectPathway(page, 'NET_RESECTION');
  assert.equal(await choice(page, 'Solitary or isolated metastases', 'Yes').isChecked(), true);
  assert.match(await page.locator('#io-status').textContent(), /Imported/);

  // a file that is not a case is refused with a message, and the form is unchanged
  const bad = file.replace(/\.json$/, '-bad.json');
  fs.writeFileSync(bad, '[1, 2, 3]');
  const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), page.click('#import')]);
  await chooser2.setFiles(bad);
  await page.waitForFunction(() => /Could not import/.test(document.querySelector('#io-status').textContent));
  await expectPathway(page, 'NET_RESECTION');
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  await page.checkGuards();
  await page.close();
});

test('import refuses another export or case version and a "case" that is not an object, saying which, and keeps the form', async () => {
  const page = await openPage(session);
  await choice(page, 'Primary tumour', 'Breast').check();
  await expectPathway(page, 'BREAST_SYSTEMIC_FIRST');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livermets-import-'));
  const files = {
    'case-v2.json': [{ schema: 'livermets-case/2', primary: 'colorectal' }, /schema "livermets-case\/2", which this version cannot read \(it reads "livermets-case\/1"\)/],
    'export-v2.json': [{ format: 'livermets-export/2', case: { primary: 'colorectal' } }, /"livermets-export\/2" export, which this version cannot read \(it reads livermets-export\/1\)/],
    'export-array.json': [{ format: 'livermets-export/1', case: [{ primary: 'colorectal' }] }, /its "case" is not a case object/],
    'export-case-v2.json': [{ format: 'livermets-export/1', case: { schema: 'livermets-case/2', primary: 'colorectal' } }, /schema "livermets-case\/2"/],
  };
  for (const [name, [doc, message]] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), JSON.stringify(doc));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#import')]);
    await chooser.setFiles(path.join(dir, name));
    await page.waitForFunction((n) => document.querySelector('#io-status').textContent.startsWith(`Could not import ${n}`), name);
    assert.match(await page.locator('#io-status').textContent(), message, name);
    await expectPathway(page, 'BREAST_SYSTEMIC_FIRST');
    assert.equal(await choice(page, 'Primary tumour', 'Breast').isChecked(), true, `${name}: the form is unchanged`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  await page.checkGuards();
  await page.close();
});

test('every example fills the form and reaches the pathway it teaches', async () => {
  const page = await openPage(session, { width: 820, height: 1180 });
  const examples = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'web/examples.json'), 'utf8')).examples;
  for (const ex of examples) {
    await page.selectOption('#example', ex.id);
    await page.click('#load-example');
    await expectPathway(page, ex.expected_pathway);
    assert.match(await page.locator('#io-status').textContent(), new RegExp('Example loaded'));
  }
  await page.checkGuards();
  await page.close();
});

test('derived figures show their formula and source on demand; basis shows the statement gist', async () => {
  const page = await openPage(session);
  await choice(page, 'Primary tumour', 'Colorectal').check();
  await page.getByRole('textbox', { name: /^Height/ }).fill('175');
  await page.getByRole('textbox', { name: /^Weight/ }).fill('70');
  await page.getByRole('textbox', { name: /^Remnant volume on CT/ }).fill('500');
  await page.keyboard.press('Tab');
  await page.waitForSelector('[data-derived="bsa_m2"]');
  const bsa = page.locator('[data-derived="bsa_m2"]');
  assert.match(await bsa.textContent(), /Body surface area: 1\.84/);
  const details = bsa.locator('details');
  assert.equal(await details.locator('p').first().isVisible(), false, 'formula hidden until asked for');
  await details.locator('summary').click();
  assert.match(await details.textContent(), /Mosteller/);
  const basis = page.locator('.rec[data-code="REFER_HPB_MDT"] details.basis');
  await basis.locator('summary').click();
  assert.match(await basis.textContent(), /G02 .{10,}/);
  await page.checkGuards();
  await page.close();
});
