// A tiny static file server for dist/web: Node's standard library only (no
// npm install), correct MIME types (application/wasm for streaming
// compilation), the deployment note's headers (scripts/lib/headers.mjs: no
// page but embed.html may be framed), no directory listing, no path escape.
// Binds to 127.0.0.1.
//   node scripts/lib/serve.mjs [ROOT] [PORT]     (PORT also from $PORT; 0 = any free port)
// embed.html may be framed by $LIVERMETS_EMBED_ORIGINS (a space-separated CSP
// source list; default 'self', which lets examples/embed-host.html frame it).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMON, SITE_POLICY, policyFor, embedPolicy } from './headers.mjs';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Starts the server; resolves to {server, port, url}. */
export function serve({ root, port = 8080, host = '127.0.0.1', log = false, embedOrigins = "'self'" } = {}) {
  const base = path.resolve(root);
  try { embedPolicy(embedOrigins); } catch (e) { return Promise.reject(e); }  // fails at start, not per request
  const server = http.createServer((req, res) => {
    const send = (code, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(code, { 'Content-Type': type, ...COMMON, 'Content-Security-Policy': SITE_POLICY });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    if (rel.includes('\0')) return send(400, 'bad request\n');
    let file = path.join(base, path.normalize(rel));
    if (file !== base && !file.startsWith(base + path.sep)) return send(403, 'forbidden\n');
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        if (!rel.endsWith('/')) {
          res.writeHead(301, { Location: rel + '/', ...COMMON });
          return res.end();
        }
        file = path.join(file, 'index.html');
      }
      fs.stat(file, (err2, st2) => {
        if (err2 || !st2.isFile()) {
          if (log) console.log(`404 ${req.url}`);
          return send(404, 'not found\n');
        }
        const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
        // Cache-Control: no-cache revalidates every file: an unchanged one costs a 304
        const etag = `"${st2.size.toString(16)}-${Math.floor(st2.mtimeMs).toString(16)}"`;
        const headers = {
          'Content-Type': type,
          ETag: etag,
          'Last-Modified': st2.mtime.toUTCString(),
          ...COMMON,
          'Content-Security-Policy': policyFor(path.basename(file), embedOrigins),
        };
        const tags = String(req.headers['if-none-match'] || '').split(',').map((t) => t.trim().replace(/^W\//, ''));
        if (tags.includes(etag)) {
          res.writeHead(304, headers);
          return res.end();
        }
        res.writeHead(200, { ...headers, 'Content-Length': st2.size });
        if (req.method === 'HEAD') return res.end();
        fs.createReadStream(file).pipe(res);
      });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({ server, port: actual, url: `http://${host}:${actual}/` });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] || 'dist/web';
  const port = Number(process.argv[3] || process.env.PORT || 8080);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`serve: ${root}/index.html not found (run scripts/build first)`);
    process.exit(1);
  }
  serve({ root, port, embedOrigins: process.env.LIVERMETS_EMBED_ORIGINS || "'self'" }).then(({ url }) => {
    console.log(`livermets: serving ${root} at ${url}  (Ctrl-C to stop)`);
  }).catch((e) => {
    console.error(`serve: cannot serve on port ${port}: ${e.message}`);
    process.exit(1);
  });
}
