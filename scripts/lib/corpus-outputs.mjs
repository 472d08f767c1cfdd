// Writes what a build answers for every stored input, one file per input, so
// that two builds can be compared byte for byte with `diff -r` (used to show
// that a refactoring left the output unchanged).  Inputs: fuzz/seeds,
// fuzz/corpus, tests/regressions, tests/vignettes.  For each input file:
//   native/<dir>__<name>   the CLI's stdout for `evaluate FILE`, then its exit status
//   wasm/<dir>__<name>.<k> the module's evaluate() for each JS-string reading of the bytes
// plus the questionnaire from both.
//
//   node scripts/lib/corpus-outputs.mjs OUT_DIR [--cli BIN] [--wasm livermets.js]
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? path.resolve(args[args.indexOf(name) + 1]) : fallback);
const out = args[0] && !args[0].startsWith('--') ? path.resolve(args[0]) : null;
if (!out) {
  console.error('usage: node scripts/lib/corpus-outputs.mjs OUT_DIR [--cli BIN] [--wasm livermets.js]');
  process.exit(2);
}
const cli = option('--cli', path.join(root, 'build/native/bin/livermets'));
const wasmJs = option('--wasm', path.join(root, 'dist/web/livermets.js'));

const dirs = ['fuzz/seeds', 'fuzz/corpus', 'tests/regressions', 'tests/vignettes'];
const inputs = dirs.flatMap((d) => fs.readdirSync(path.join(root, d)).sort()
  .filter((f) => d !== 'tests/regressions' || f.endsWith('.json'))
  .map((f) => ({ file: path.join(root, d, f), name: d.replace(/\//g, '_') + '__' + f })));

// The same readings as tests/replay: UTF-8 when valid, else also one code point per byte.
function readings(bytes) {
  const utf8 = bytes.toString('utf8');
  return Buffer.from(utf8, 'utf8').equals(bytes) ? [utf8] : [utf8, bytes.toString('latin1')];
}

fs.mkdirSync(path.join(out, 'native'), { recursive: true });
fs.mkdirSync(path.join(out, 'wasm'), { recursive: true });
const m = await createRequire(import.meta.url)(wasmJs)();
for (const { file, name } of inputs) {
  const r = spawnSync(cli, ['evaluate', file], { maxBuffer: 1 << 30 });
  fs.writeFileSync(path.join(out, 'native', name), Buffer.concat([r.stdout, Buffer.from(`exit ${r.status}\n`)]));
  readings(fs.readFileSync(file)).forEach((text, k) => fs.writeFileSync(path.join(out, 'wasm', `${name}.${k}`), m.evaluate(text)));
}
fs.writeFileSync(path.join(out, 'native', 'questionnaire'), spawnSync(cli, ['questionnaire']).stdout);
fs.writeFileSync(path.join(out, 'wasm', 'questionnaire'), m.questionnaire());
console.log(`${inputs.length} inputs written to ${out}`);
