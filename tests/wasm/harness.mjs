// Shared by the Node suites: the wasm module (as the contract says it loads,
// require() with no argument) and the native CLI.
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const wasmJs = process.env.LIVERMETS_WASM_JS || path.join(repoRoot, 'dist/web/livermets.js');
export const cliPath = process.env.LIVERMETS_CLI || path.join(repoRoot, 'build/native/bin/livermets');

const require = createRequire(import.meta.url);

let modulePromise = null;
/** The module, instantiated once per test file: require('.../livermets.js')(). */
export function wasm() {
  if (!modulePromise) {
    if (!fs.existsSync(wasmJs)) throw new Error(`${wasmJs} is missing: run scripts/build`);
    modulePromise = require(wasmJs)();
  }
  return modulePromise;
}

/** Runs the CLI on some input (string or bytes); returns {status, stdout, json}. */
export function cli(args, input) {
  if (!fs.existsSync(cliPath)) throw new Error(`${cliPath} is missing: run scripts/build`);
  const r = spawnSync(cliPath, args, { input, maxBuffer: 512 * 1024 * 1024 });
  if (r.error) throw r.error;
  const stdout = r.stdout.toString('utf8');
  let json;
  try { json = JSON.parse(stdout); } catch (e) { json = undefined; }
  return { status: r.status, stdout, stderr: r.stderr.toString('utf8'), json };
}

export function cliEvaluate(input) {
  return cli(['evaluate', '-'], input);
}

/** A small seeded PRNG (mulberry32), so the generated sample is the same on every run. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
