// Takes the page's screenshots into docs/screenshots/: phone (360x800),
// tablet (820x1180) and desktop (1366x900), empty and filled with the
// colorectal teaching vignette, plus the result panel of the filled page;
// then phone (390x844), tablet (1024x768) and desktop (1366x900) with
// contradictory answers (CHECK_ANSWERS) and with "What changed" open.
//   node scripts/lib/screenshots.mjs      (after scripts/build)
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './serve.mjs';
import { launch, repoRoot } from './chromium.mjs';

const out = path.join(repoRoot, 'docs/screenshots');
fs.mkdirSync(out, { recursive: true });
const { server, url } = await serve({ root: path.join(repoRoot, 'dist/web'), port: 0 });
const { context, close } = await launch();
try {
  for (const [name, width, height] of [['phone', 360, 800], ['tablet', 820, 1180], ['desktop', 1366, 900]]) {
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(url);
    await page.waitForSelector('html[data-ready="true"]');
    await page.screenshot({ path: path.join(out, `${name}-empty.png`) });
    await page.selectOption('#example', 'crc-resection-first');
    await page.click('#load-example');
    await page.waitForFunction(() => document.querySelector('#result-body').dataset.pathway === 'CRC_RESECTION_FIRST');
    await page.waitForTimeout(300);  // let the 150 ms colour transitions finish
    await page.screenshot({ path: path.join(out, `${name}-filled.png`) });
    await page.locator('#result').evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await page.screenshot({ path: path.join(out, `${name}-filled-result.png`) });
    await page.close();
  }
  // answers that contradict each other (CHECK_ANSWERS, with links to both
  // questions), and the clinical change log ("What changed in this rule base")
  for (const [name, width, height] of [['phone', 390, 844], ['tablet', 1024, 768], ['desktop', 1366, 900]]) {
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ reducedMotion: 'reduce' });  // no smooth scrolling mid-shot
    await page.goto(url);
    await page.waitForSelector('html[data-ready="true"]');
    await page.getByRole('group', { name: 'Primary tumour', exact: true }).getByRole('radio', { name: 'Colorectal', exact: true }).check();
    await page.getByRole('group', { name: 'ECOG performance status', exact: true }).getByRole('radio', { name: '3', exact: true }).check();
    await page.getByRole('group', { name: 'Operative risk acceptable', exact: true }).getByRole('radio', { name: 'Yes', exact: true }).check();
    await page.waitForSelector('.warning[data-code="CHECK_ANSWERS"]');
    await page.locator('#pathway').evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(out, `${name}-check-answers.png`) });
    await page.click('a[href="#changes"]');
    await page.waitForSelector('.changes-version');
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(out, `${name}-changes.png`) });
    await page.close();
  }
  const page = await context.newPage();
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]');
  await page.selectOption('#example', 'crc-conversion');
  await page.click('#load-example');
  await page.waitForFunction(() => document.querySelector('#result-body').dataset.pathway === 'CRC_CONVERSION_THERAPY');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, 'desktop-dark-conversion.png') });
  await page.locator('#diagram-slot').evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
  await page.screenshot({ path: path.join(out, 'desktop-dark-diagram.png') });
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: path.join(out, 'print-a4.png'), fullPage: true });
  await page.close();
  // issue 10, "the answer in a minute": the typical case by taps and keys on a landscape
  // tablet, a phone and a desktop; a kept answer with its conflict; the diagram full screen
  for (const [name, width, height] of [['tablet-landscape', 1366, 1024], ['phone', 360, 740], ['desktop', 1920, 1080]]) {
    const p = await context.newPage();
    await p.setViewportSize({ width, height });
    await p.emulateMedia({ reducedMotion: 'reduce' });
    await p.goto(url);
    await p.waitForSelector('html[data-ready="true"]');
    if (name === 'phone') await p.screenshot({ path: path.join(out, 'minute-phone-first-question.png') });
    const { enterTypicalCase } = await import('../../tests/web/typical-case.mjs');
    await enterTypicalCase(p);
    await p.waitForTimeout(300);
    await p.screenshot({ path: path.join(out, `minute-${name}-typical-case.png`) });
    if (name === 'phone') {
      await p.getByRole('button', { name: 'Enlarge the diagram' }).click();
      await p.waitForSelector('dialog.diagram-full');
      await p.waitForTimeout(200);
      await p.screenshot({ path: path.join(out, 'minute-phone-diagram-full-screen.png') });
      await p.keyboard.press('Escape');
    }
    if (name === 'tablet-landscape') {
      await p.locator('#pathway').evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
      await p.getByRole('button', { name: 'Only what decides' }).click();
      await p.waitForTimeout(300);
      await p.screenshot({ path: path.join(out, 'minute-tablet-landscape-compact.png') });
      await p.getByRole('button', { name: 'Only what decides' }).click();
      await p.getByRole('button', { name: 'Reset' }).click();
      await p.waitForSelector('#undo:not([hidden])');
      await p.evaluate(() => window.scrollTo(0, 0));
      await p.screenshot({ path: path.join(out, 'minute-tablet-landscape-undo.png') });
      await p.getByRole('button', { name: 'Undo clear' }).click();
      await p.getByRole('textbox', { name: /^Future liver remnant/ }).fill('');
      await p.keyboard.press('Tab');
      for (const [label, v] of [[/^Remnant volume on CT/, '900'], [/^Height/, '175'], [/^Weight/, '75'], [/^Future liver remnant/, '45']]) {
        await p.getByRole('textbox', { name: label }).fill(v);
        await p.keyboard.press('Tab');
      }
      await p.waitForSelector('#q-flr_volume_ml .q-kept-conflict:not([hidden])');
      await p.locator('#q-flr_percent').evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
      await p.screenshot({ path: path.join(out, 'minute-tablet-landscape-kept-answer.png') });
    }
    await p.close();
  }
  console.log(`screenshots: ${fs.readdirSync(out).filter((f) => f.endsWith('.png')).length} PNG files in ${path.relative(repoRoot, out)}/`);
} finally {
  await close();
  server.close();
}
