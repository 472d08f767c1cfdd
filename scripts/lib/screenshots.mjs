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
    await page.getByRole('textbox', { name: /^ECOG performance status/ }).fill('3');
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
  console.log(`screenshots: ${fs.readdirSync(out).filter((f) => f.endsWith('.png')).length} PNG files in ${path.relative(repoRoot, out)}/`);
} finally {
  await close();
  server.close();
}
