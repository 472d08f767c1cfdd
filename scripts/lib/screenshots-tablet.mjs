// Takes the WebKit tablet screenshots into docs/screenshots/: the iPad sizes
// (1024x1366 and 820x1180, portrait and landscape) filled with a colorectal
// case, through the same ergonomics flow the tests run (so a screenshot is
// only written where the page passed its checks).
//   node scripts/lib/screenshots-tablet.mjs      (after scripts/build)
import fs from 'node:fs';
import path from 'node:path';
import { launchEngine } from './engines/index.mjs';
import { FLOWS } from '../../tests/engines/flows.mjs';
import { repoRoot } from './chromium.mjs';

const out = path.join(repoRoot, 'docs/screenshots');
fs.mkdirSync(out, { recursive: true });
const engine = await launchEngine('webkit');
try {
  const flow = FLOWS.find((f) => f.name.startsWith('tablet and phone ergonomics'));
  const written = [];
  await flow.run({
    engine,
    page: engine.page,
    shot: async (label) => {
      if (!label.startsWith('ipad')) return;
      const file = path.join(out, `webkit-${label}.png`);
      await engine.page.screenshot(file);
      written.push(path.relative(repoRoot, file));
    },
  });
  console.log(`screenshots (${engine.label}):\n  ${written.join('\n  ')}`);
} finally {
  await engine.close();
}
