// Screenshots of the issue-4 views into docs/screenshots/: the embed mode in
// the example host page and the single file from file://, at phone (360x800)
// and desktop (1366x900) sizes, and the "New version available" banner.
//   node scripts/lib/screenshots-offline.mjs      (after scripts/build)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from './serve.mjs';
import { launch, repoRoot } from './chromium.mjs';
import { buildServiceWorker } from './build-sw.mjs';

const out = path.join(repoRoot, 'docs/screenshots');
fs.mkdirSync(out, { recursive: true });
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'livermets-shots-'));
fs.cpSync(path.join(repoRoot, 'dist/web'), site, { recursive: true });
const { server, url } = await serve({ root: site, port: 0 });
const { context, close } = await launch();
const sizes = [['phone', 360, 800], ['desktop', 1366, 900]];
try {
  for (const [name, width, height] of sizes) {
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(url + 'examples/embed-host.html');
    await page.waitForSelector('html[data-calculator="ready"]');
    await page.click('button[data-vignette="crc-conversion"]');
    await page.waitForSelector('#log li[data-type="livermets:result"]');
    await page.locator('#calculator').evaluate((el) => el.scrollIntoView({ block: name === 'phone' ? 'start' : 'center', behavior: 'instant' }));
    await page.screenshot({ path: path.join(out, `embed-${name}.png`) });
    await page.close();

    const single = await context.newPage();
    await single.setViewportSize({ width, height });
    await single.goto(pathToFileURL(path.join(repoRoot, 'dist/livermets.html')).href);
    await single.waitForSelector('html[data-ready="true"]');
    await single.selectOption('#example', 'crc-neoadjuvant');
    await single.click('#load-example');
    await single.waitForFunction(() => document.querySelector('#result-body').dataset.pathway === 'CRC_NEOADJUVANT_THEN_RESECTION');
    await single.screenshot({ path: path.join(out, `single-file-${name}.png`) });
    await single.close();
  }
  // the update banner: visit build A, then a changed build B appears
  const page = await context.newPage();
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(url);
  await page.waitForSelector('html[data-offline="ready"]');
  await page.evaluate(() => {
    const r = document.querySelector('input[type="radio"][value="\\"colorectal\\""]');
    if (r) r.click();
  });
  fs.appendFileSync(path.join(site, 'css/offline.css'), '\n/* build B */\n');
  await buildServiceWorker(site);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.waitForSelector('html[data-update="available"]');
  await page.screenshot({ path: path.join(out, 'update-banner-desktop.png') });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: path.join(out, 'update-banner-phone.png') });
  await page.close();
  console.log('screenshots-offline: embed-*, single-file-*, update-banner-* in docs/screenshots/');
} finally {
  await close();
  server.close();
  fs.rmSync(site, { recursive: true, force: true });
}
