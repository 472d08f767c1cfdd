// Builds the one-file versions of the page from the assembled site (dist/web):
//   dist/livermets.html   the whole tool in one file, for file:// (a file
//                         share, a USB stick) and plain-http intranets
//   dist/web/embed.html   the same file in embed mode, for a sandboxed iframe
//                         (an opaque-origin frame may not load module scripts
//                         or fetch the .wasm without CORS headers, so the
//                         embed page carries everything too)
//
// How (written down in docs/deployment.md):
//   - the ES modules (js/main.js and what it imports, from web/) are joined
//     into one minified classic script by esbuild (scripts/lib/build-bundle.mjs,
//     the same graph as the site's js/main.js bundle);
//   - the Emscripten glue (dist/web/livermets.js, already minified) goes into
//     the same script.  The wasm is the very same livermets.wasm as dist/web's,
//     carried as base64 in a <script type="application/octet-stream"> data
//     block; the script decodes it and starts WebAssembly.compile() at once
//     (`livermetsWasm`, which js/loader.js instantiates), so the module compiles
//     while the page's code runs; the factory is also wrapped to pass the bytes
//     as `wasmBinary` to any other caller.  Nothing is fetched (no fetch() of a
//     data: URI, so no connect-src is needed);
//   - the teaching examples and the clinical change log go into
//     <script type="application/json"> data blocks (js/io.js and js/changes.js
//     read them); styles into <style> elements;
//   - the Content-Security-Policy names the SHA-256 hash of the one inline
//     script and of each <style>, so it still forbids 'unsafe-inline',
//     'unsafe-eval' and every other origin: default-src 'none'.
// No manifest and no service worker: js/offline.js then does nothing.
//
//   node scripts/lib/build-single-file.mjs [--site dist/web] [--src web] [--out dist/livermets.html] [--embed dist/web/embed.html]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { bundleClassic } from './build-bundle.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const WASM_SHIM = `
// single file: the wasm comes from the data block #livermets-wasm (base64),
// compiled at once (js/loader.js instantiates livermetsWasm)
var livermetsWasm;
(function () {
  var factory = createLivermets, bytes = null;
  function wasm() {
    if (!bytes) {
      var text = atob(document.getElementById('livermets-wasm').textContent.trim());
      bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
    }
    return bytes;
  }
  livermetsWasm = WebAssembly.compile(wasm());
  livermetsWasm.catch(function () {});  // reported where it is used
  createLivermets = function (args) { return factory(Object.assign({}, args, { wasmBinary: wasm() })); };
})();
`;

const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
// text inside <script> and <style>: nothing may end the element early
const safeScript = (s) => s.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

/** Returns {html, embedHtml, bytes} for the site folder. */
export function buildSingleFile(site, src = path.join(repoRoot, 'web')) {
  let html = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
  const styleHashes = [];
  const replaceOnce = (re, fn, what) => {
    let n = 0;
    html = html.replace(re, (...m) => { n += 1; return fn(...m); });
    if (!n) throw new Error(`build-single-file: ${what} not found in index.html`);
  };
  replaceOnce(/<link rel="stylesheet" href="([^"]+)"( media="[^"]+")?>/g, (_, href, media) => {
    const css = fs.readFileSync(path.join(site, href), 'utf8').replace(/<\/(style)/gi, '<\\/$1');
    if (/url\(\s*['"]?(?!data:)/.test(css)) throw new Error(`build-single-file: ${href} refers to another file (url())`);
    styleHashes.push(sha256(css));
    return `<style${media || ''}>${css}</style>`;
  }, 'stylesheets');
  replaceOnce(/<link rel="icon" href="([^"]+)"[^>]*>/, (_, href) => {
    const svg = fs.readFileSync(path.join(site, href));
    return `<link rel="icon" href="data:image/svg+xml;base64,${svg.toString('base64')}">`;
  }, 'icon link');
  html = html.replace(/<link rel="(manifest|apple-touch-icon|preload|modulepreload)"[^>]*>\n?/g, '');
  html = html.replace(/<!-- the wasm downloads[\s\S]*?-->\n?/, '');
  replaceOnce(/<script defer src="livermets\.js"><\/script>\n?/, () => '', 'livermets.js script');
  replaceOnce(/<script type="module" src="js\/main\.js"><\/script>\n?/, () => '', 'main.js script');

  const glue = fs.readFileSync(path.join(site, 'livermets.js'), 'utf8');
  const script = safeScript(`${glue}\n${WASM_SHIM}\n${bundleClassic(src)}`);
  const wasm = fs.readFileSync(path.join(site, 'livermets.wasm')).toString('base64');
  // data blocks: JSON re-serialised, with every "<" escaped so nothing can end the element
  const dataBlock = (file) => JSON.stringify(JSON.parse(fs.readFileSync(path.join(site, file), 'utf8')))
    .replace(/</g, '\\u003c');
  const examples = dataBlock('examples.json');
  const changes = dataBlock('changes.json');
  const tail = `<script type="application/json" id="livermets-examples">${examples}</script>\n` +
    `<script type="application/json" id="livermets-changes">${changes}</script>\n` +
    `<script type="application/octet-stream" id="livermets-wasm">${wasm}</script>\n` +
    `<script>${script}</script>\n`;
  replaceOnce(/<\/body>/, () => tail + '</body>', '</body>');

  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
    `style-src ${[...new Set(styleHashes)].join(' ')}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
  replaceOnce(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () =>
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`, 'CSP meta');
  replaceOnce(/<html lang="en">/, () => '<html lang="en" data-build="single-file">', '<html>');
  const embedHtml = html.replace('<html lang="en" data-build="single-file">', '<html lang="en" data-build="single-file" data-embed>');
  return { html, embedHtml };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
  const site = path.resolve(arg('--site', path.join(repoRoot, 'dist/web')));
  const out = path.resolve(arg('--out', path.join(repoRoot, 'dist/livermets.html')));
  const embed = path.resolve(arg('--embed', path.join(site, 'embed.html')));
  const src = path.resolve(arg('--src', path.join(repoRoot, 'web')));
  const { html, embedHtml } = buildSingleFile(site, src);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, html);
  fs.writeFileSync(embed, embedHtml);
  console.log(`build-single-file: ${path.relative(process.cwd(), out)} (${fs.statSync(out).size} bytes), ${path.relative(process.cwd(), embed)}`);
}
