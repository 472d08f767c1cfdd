// Screenshots of learner mode (issue 14) into docs/screenshots/: what a
// learner sees in the calculator's frame (embed.html?mode=learn) at phone
// (390x844) and desktop (1366x900) sizes, before the answer and once the
// guideline's result is revealed beside it, and the example host's quiz.
//   node scripts/lib/screenshots-learn.mjs      (after scripts/build)
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './serve.mjs';
import { launch, repoRoot } from './chromium.mjs';

const out = path.join(repoRoot, 'docs/screenshots');
fs.mkdirSync(out, { recursive: true });
const { server, url } = await serve({ root: path.join(repoRoot, 'dist/web'), port: 0 });
const { context, close } = await launch();
const scrollTo = (page, selector, above = 8) => page.locator(selector).evaluate((el, px) => {
  window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - px);
}, above);
try {
  for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1366, 900]]) {
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(url + 'embed.html?mode=learn#example=crc-conversion');
    await page.waitForSelector('#learn[data-vignette="crc-conversion"]');
    await page.getByRole('radio', { name: 'Colorectal, resectable: resection first', exact: true }).check();
    await page.locator('.learn-items > summary').click();
    await page.getByRole('checkbox', { name: 'Resection', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Do not biopsy', exact: true }).check();
    // the phone shows the last answers of the case and the question below them
    if (name === 'phone') await scrollTo(page, '.learn-pathways', 330);
    else await scrollTo(page, '#learn-case-title', 16);
    await page.screenshot({ path: path.join(out, `learn-${name}-choice.png`) });
    await page.getByRole('button', { name: 'Check my answer' }).click();
    await page.waitForSelector('html[data-learn="revealed"]');
    await scrollTo(page, '#learn-feedback');
    await page.screenshot({ path: path.join(out, `learn-${name}-revealed.png`) });
    await page.close();
  }
  // the example host's quiz, one question answered
  const host = await context.newPage();
  await host.setViewportSize({ width: 1366, height: 900 });
  await host.emulateMedia({ reducedMotion: 'reduce' });
  await host.goto(url + 'examples/embed-host.html');
  await host.waitForSelector('html[data-calculator="ready"]');
  await host.click('#quiz-start');
  const calc = host.frames().find((f) => f.url().endsWith('/embed.html'));
  await calc.waitForSelector('#learn[data-vignette]');
  await calc.getByRole('radio', { name: 'Colorectal, resectable: resection first', exact: true }).check();
  await calc.getByRole('button', { name: 'Check my answer' }).click();
  await host.waitForSelector('#quiz-score li');
  await host.locator('#quiz-title').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8));
  await host.screenshot({ path: path.join(out, 'learn-host-quiz-desktop.png') });
  await host.close();
  console.log('screenshots-learn: learn-{phone,desktop}-{choice,revealed}.png, learn-host-quiz-desktop.png in docs/screenshots/');
} finally {
  await close();
  server.close();
}
