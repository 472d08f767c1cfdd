// The same flows (flows.mjs) in one engine, named by LIVERMETS_ENGINE
// (chromium, firefox or webkit): one browser with a fresh profile for the
// whole file, every flow checked for console errors.  Screenshots and the
// printed PDF go to LIVERMETS_ENGINE_SHOTS/<engine>/ when that is set.
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { launchEngine } from '../../scripts/lib/engines/index.mjs';
import { requireBuild } from '../offline/support.mjs';
import { FLOWS, assertNoConsoleErrors } from './flows.mjs';

const name = process.env.LIVERMETS_ENGINE || 'webkit';
const outDir = process.env.LIVERMETS_ENGINE_SHOTS ? path.join(process.env.LIVERMETS_ENGINE_SHOTS, name) : null;
let engine;

before(async () => {
  requireBuild();
  if (outDir) fs.mkdirSync(outDir, { recursive: true });
  engine = await launchEngine(name);
  console.log(`# engine: ${engine.label}`);
});
after(async () => { if (engine) await engine.close(); });

for (const flow of FLOWS) {
  test(`${name}: ${flow.name}`, async () => {
    const shot = async (label) => { if (outDir) await engine.page.screenshot(path.join(outDir, `${label}.png`)); };
    await flow.run({ engine, page: engine.page, shot, outDir });
    const warnings = assertNoConsoleErrors(engine, flow.name);
    for (const w of warnings) console.log(`# ${name} warning: ${w.text.slice(0, 300)}`);
  });
}
