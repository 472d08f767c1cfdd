// One small script for the page (issue 12): bundles and minifies the page's
// ES modules with esbuild (pinned in package-lock.json; a static binary from
// the npm registry, no other download), and minifies the Emscripten glue.
//
//   - the page: web/js/main.js and everything it imports become one minified
//     ES module at dist/web/js/main.js (the page's entry keeps its name, so
//     index.html, the service worker's list and the deployment's checks need
//     no list of modules: a module added to or dropped from the graph is in
//     the bundle or not by the imports alone); the separate module files are
//     not shipped;
//   - the single file: the same graph as one classic script (an IIFE), for
//     scripts/lib/build-single-file.mjs, with import.meta.url read as the
//     page's own address (nothing is fetched there; the files it would name
//     are inlined);
//   - the glue (dist/web/livermets.js): minified in place, still a classic
//     script that defines createLivermets and still require()-able in Node.
//
//   node scripts/lib/build-bundle.mjs [--src web] [--site dist/web]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(repoRoot, 'package.json'));
const esbuild = require('esbuild');

// The engines the project tests (Chromium 156, Firefox ESR 153, WebKitGTK 2.50)
// all take ES2022; nothing is transpiled beyond minification.
const TARGET = 'es2022';
const ENTRY = 'js/main.js';

function build(options) {
  const result = esbuild.buildSync({
    bundle: true,
    minify: true,
    target: TARGET,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
    charset: 'utf8',
    ...options,
  });
  for (const w of result.warnings) throw new Error(`build-bundle: ${w.text} (${w.location ? w.location.file + ':' + w.location.line : ''})`);
  return result.outputFiles[0].text;
}

/** The page's module graph from src/js/main.js as one minified ES module (text). */
export function bundleModule(src) {
  return build({ entryPoints: [path.join(src, ENTRY)], format: 'esm', platform: 'browser' });
}

/** The same graph as one classic script (an IIFE), for the single file. */
export function bundleClassic(src) {
  return build({
    entryPoints: [path.join(src, ENTRY)],
    format: 'iife',
    platform: 'browser',
    // where the module would have been, next to the page (js/ under it)
    define: { 'import.meta.url': 'LIVERMETS_MODULE_URL' },
    banner: { js: `var LIVERMETS_MODULE_URL = new URL(${JSON.stringify(ENTRY)}, document.baseURI).href;` },
  });
}

/** The Emscripten glue, minified: top-level names (createLivermets) are kept. */
export function minifyGlue(text) {
  const out = esbuild.transformSync(text, { minify: true, target: TARGET, legalComments: 'none', charset: 'utf8' });
  if (!/\bcreateLivermets\b/.test(out.code)) throw new Error('build-bundle: the minified glue lost createLivermets');
  return out.code;
}

/**
 * Writes the bundle to site/js/main.js, removes the other module files from
 * site/js, and minifies site/livermets.js.  Returns the files written.
 */
export function bundleSite(src, site) {
  const code = bundleModule(src);
  const jsDir = path.join(site, 'js');
  for (const f of fs.readdirSync(jsDir)) {
    if (f.endsWith('.js')) fs.rmSync(path.join(jsDir, f));
  }
  if (fs.readdirSync(jsDir).length) throw new Error(`build-bundle: ${jsDir} holds files other than modules`);
  fs.writeFileSync(path.join(site, ENTRY), code);
  const glue = path.join(site, 'livermets.js');
  fs.writeFileSync(glue, minifyGlue(fs.readFileSync(glue, 'utf8')));
  return { bundle: path.join(site, ENTRY), glue };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
  const src = path.resolve(arg('--src', path.join(repoRoot, 'web')));
  const site = path.resolve(arg('--site', path.join(repoRoot, 'dist/web')));
  const { bundle, glue } = bundleSite(src, site);
  const rel = (f) => path.relative(process.cwd(), f);
  console.log(`build-bundle: ${rel(bundle)} (${fs.statSync(bundle).size} bytes), ${rel(glue)} (${fs.statSync(glue).size} bytes, minified)`);
}
