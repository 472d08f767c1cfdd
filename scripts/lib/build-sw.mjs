// Writes the build into dist/web/sw.js: the version (from the wasm module's
// version()), a content hash of every file of the site, and the list of files
// to precache.  The service worker's cache is named from these
// (livermets-<version>-<hash>@<folder>), so any change to any file is a new
// cache and a new sw.js, which the page offers as "New version available".
// Run after the site (and embed.html) are complete; prints the cache name.
//   node scripts/lib/build-sw.mjs [--site dist/web]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const NOT_PRECACHED = new Set(['embed.html']);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function listFiles(dir, rel = '') {
  const out = [];
  for (const ent of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${ent.name}` : ent.name;
    if (ent.isDirectory()) out.push(...listFiles(dir, r));
    else if (ent.isFile()) out.push(r);
  }
  return out;
}

export async function moduleVersion(site) {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  const m = await require(path.resolve(site, 'livermets.js'))();
  return m.version();
}

/** Computes {version, hash, assets} for the site and writes sw.js; returns them. */
export async function buildServiceWorker(site, { version } = {}) {
  const v = version || await moduleVersion(site);
  if (!/^[0-9A-Za-z.+-]+$/.test(v)) throw new Error(`build-sw: unexpected version "${v}"`);
  const files = listFiles(site).filter((f) => f !== 'sw.js').sort();
  const h = crypto.createHash('sha256');
  for (const f of files) {
    h.update(f + '\0' + crypto.createHash('sha256').update(fs.readFileSync(path.join(site, f))).digest('hex') + '\n');
  }
  const swPath = path.join(site, 'sw.js');
  const src = fs.readFileSync(swPath, 'utf8');
  const re = /\/\* BUILD \*\/.*\/\* END BUILD \*\//;
  if (!re.test(src)) throw new Error('build-sw: the BUILD line is missing from sw.js');
  h.update('sw.js\0' + src.replace(re, '') + '\n');  // the worker's own code counts too
  const hash = h.digest('hex').slice(0, 12);
  // relative to sw.js (the site's root): the site works from any sub-folder.
  // Not embed.html: it is meant for a sandboxed iframe, whose opaque origin is
  // never served by a service worker, so a copy would only cost a download.
  const assets = ['./', ...files.filter((f) => !NOT_PRECACHED.has(f)).map((f) => f.split('/').map(encodeURIComponent).join('/'))];
  const build = { version: v, hash, assets };
  fs.writeFileSync(swPath, src.replace(re, () => `/* BUILD */ const BUILD = ${JSON.stringify(build)}; /* END BUILD */`));
  return build;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--site');
  const site = path.resolve(i > 0 ? process.argv[i + 1] : path.join(repoRoot, 'dist/web'));
  const b = await buildServiceWorker(site);
  console.log(`build-sw: cache livermets-${b.version}-${b.hash} (${b.assets.length} entries)`);
}
