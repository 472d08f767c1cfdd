// Measures the typical resectable colorectal case of issue 10 (taps, keys,
// screens scrolled) on a built page, by the same logic as the browser test
// tests/web/answer-minute.test.mjs:
//   node scripts/lib/measure-typical-case.mjs [DIST_WEB_DIR] [WIDTHxHEIGHT]
// (defaults: dist/web, 1366x1024, a landscape tablet).
import path from 'node:path';
import { serve } from './serve.mjs';
import { launch, repoRoot } from './chromium.mjs';
import { enterTypicalCase } from '../../tests/web/typical-case.mjs';

const root = path.resolve(process.argv[2] || path.join(repoRoot, 'dist/web'));
const [width, height] = (process.argv[3] || '1366x1024').split('x').map(Number);
const { server, url } = await serve({ root, port: 0 });
const { context, close } = await launch();
try {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]');
  const m = await enterTypicalCase(page);
  const formHeight = await page.evaluate(() => Math.round(document.documentElement.scrollHeight));
  console.log(JSON.stringify({ site: root, viewport: `${width}x${height}`, ...m, pageHeightPx: formHeight }, null, 2));
} finally {
  await close();
  await new Promise((r) => server.close(r));
}
