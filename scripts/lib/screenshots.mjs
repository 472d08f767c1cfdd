// Takes the page's screenshots into docs/screenshots/: phone (360x800),
// tablet (820x1180) and desktop (1366x900), empty and filled with the
// colorectal teaching vignette, plus the result panel of the filled page.
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
