// Writes the build into dist/web/sw.js and dist/web/version.json:
//   - sw.js gets the version (from the wasm module's version()), a content
//     hash of every file of the site, the list of files to precache with each
//     file's SHA-256 and Content-Type (the worker checks every cached body
//     against it before serving it), and the headers it serves them with;
//   - version.json says which build this folder holds and which older rule
//     bases it supersedes (deploy/supersedes.json), for open pages to read.
// The service worker's cache is named from these
// (livermets-<version>-<hash>@<folder>), so any change to any file is a new
// cache and a new sw.js, which the page offers as "New version available".
// Run after the site (and embed.html) are complete; prints the cache name.
//   node scripts/lib/build-sw.mjs [--site dist/web]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { MIME } from './serve.mjs';
import { COMMON, SITE_POLICY } from './headers.mjs';

// embed.html: only a sandboxed iframe loads it, and an opaque-origin frame is
// never served by a service worker.  version.json: always asked of the server.
const NOT_PRECACHED = new Set(['embed.html', 'version.json']);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const VERSION_FORMAT = 'livermets-version/1';

function listFiles(dir, rel = '') {
  const out = [];
  for (const ent of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${ent.name}` : ent.name;
    if (ent.isDirectory()) out.push(...listFiles(dir, r));
    else if (ent.isFile()) out.push(r);
  }
  return out;
}

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

export async function moduleVersion(site) {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  const m = await require(path.resolve(site, 'livermets.js'))();
  return m.version();
}

/** Compares two dotted versions numerically (1.10.0 > 1.9.0); -1, 0 or 1. */
export function compareVersions(a, b) {
  const pa = String(a).split(/[.+-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = String(b).split(/[.+-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** The entries of a supersedes list that are older than `version` (never the build itself). */
export function supersededBy(version, list) {
  if (!Array.isArray(list)) throw new Error('build-sw: "supersedes" must be a list');
  return list.map((e) => {
    if (!e || typeof e.version !== 'string' || typeof e.why !== 'string' || !e.why.trim()) {
      throw new Error('build-sw: every "supersedes" entry needs a "version" and a "why"');
    }
    return { version: e.version, why: e.why.trim() };
  }).filter((e) => compareVersions(e.version, version) < 0);
}

function readSupersedes() {
  const file = path.join(repoRoot, 'deploy/supersedes.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).supersedes : [];
}

/**
 * Computes {version, hash, assets, files, headers} for the site and writes
 * sw.js and version.json; returns the build.  Options (for tests): version,
 * supersedes (a list like deploy/supersedes.json's).
 */
export async function buildServiceWorker(site, { version, supersedes } = {}) {
  const v = version || await moduleVersion(site);
  if (!/^[0-9A-Za-z.+-]+$/.test(v)) throw new Error(`build-sw: unexpected version "${v}"`);
  const files = listFiles(site).filter((f) => f !== 'sw.js' && f !== 'version.json').sort();
  const digests = new Map(files.map((f) => [f, sha256(fs.readFileSync(path.join(site, f)))]));
  const h = crypto.createHash('sha256');
  for (const f of files) h.update(f + '\0' + digests.get(f) + '\n');
  const swPath = path.join(site, 'sw.js');
  const src = fs.readFileSync(swPath, 'utf8');
  const re = /\/\* BUILD \*\/.*\/\* END BUILD \*\//;
  if (!re.test(src)) throw new Error('build-sw: the BUILD line is missing from sw.js');
  h.update('sw.js\0' + src.replace(re, '') + '\n');  // the worker's own code counts too
  const hash = h.digest('hex').slice(0, 12);
  // Relative to sw.js (the site's root): the site works from any sub-folder.
  // './' is the folder's own URL, which the server answers with index.html.
  const entry = (f) => ({ sha256: digests.get(f), type: MIME[path.extname(f).toLowerCase()] || 'application/octet-stream' });
  const precached = files.filter((f) => !NOT_PRECACHED.has(f));
  if (!precached.includes('index.html')) throw new Error('build-sw: the site has no index.html');
  const fileMap = { './': entry('index.html') };
  for (const f of precached) fileMap[f.split('/').map(encodeURIComponent).join('/')] = entry(f);
  const headers = { ...COMMON, 'Content-Security-Policy': SITE_POLICY };
  const build = { version: v, hash, assets: Object.keys(fileMap), files: fileMap, headers };
  fs.writeFileSync(swPath, src.replace(re, () => `/* BUILD */ const BUILD = ${JSON.stringify(build)}; /* END BUILD */`));
  const doc = { format: VERSION_FORMAT, version: v, build: hash, supersedes: supersededBy(v, supersedes || readSupersedes()) };
  fs.writeFileSync(path.join(site, 'version.json'), JSON.stringify(doc, null, 2) + '\n');
  return { ...build, supersedes: doc.supersedes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--site');
  const site = path.resolve(i > 0 ? process.argv[i + 1] : path.join(repoRoot, 'dist/web'));
  const b = await buildServiceWorker(site);
  console.log(`build-sw: cache livermets-${b.version}-${b.hash} (${b.assets.length} entries, each with its SHA-256)` +
    (b.supersedes.length ? `; supersedes ${b.supersedes.map((e) => e.version).join(', ')}` : ''));
}
