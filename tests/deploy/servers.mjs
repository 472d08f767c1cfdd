// Starts the servers the deployment guide names, with the guide's own
// configuration files (deploy/nginx, deploy/apache, as shipped in the
// package), on 127.0.0.1 and a free port, as an unprivileged-compatible
// configuration: every pid, log and temporary file under one temp folder.
// Each is stopped by its pid.  Also the server behind scripts/run
// (scripts/lib/serve.mjs), started as scripts/run starts it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEPLOY = path.join(repoRoot, 'deploy');

/** A typical site-wide caching rule of each server, the kind that overrode the old guide. */
export const SITE_RULE = {
  nginx: `location ~* \\.(js|css)$ { expires 30d; add_header X-Site-Rule "month"; }`,
  apache: `<IfModule mod_expires.c>
  ExpiresActive On
  ExpiresByType text/javascript "access plus 30 days"
  ExpiresByType text/css "access plus 30 days"
</IfModule>
<FilesMatch "\\.(js|css)$">
  Header set Cache-Control "max-age=2592000, public"
  Header set X-Site-Rule "month"
</FilesMatch>`,
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** A temp folder that the servers' unprivileged workers (nobody, www-data) can read. */
export function tempDir(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `livermets-${name}-`));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** Copies the built site into dir, readable by everyone. */
export function copySite(from, dir) {
  fs.cpSync(from, dir, { recursive: true });
  const walk = (d) => {
    fs.chmodSync(d, 0o755);
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else fs.chmodSync(p, 0o644);
    }
  };
  walk(dir);
  return dir;
}

/** Waits for the server to answer; when it does not, stops it by its pid, removes dir and throws. */
async function waitUntilServing(url, child, t, dir) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      return;
    } catch (e) { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  const log = t.errorLog();
  await t.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  throw new Error(`the server did not start (exit ${child.exitCode}):\n${log}`);
}

function track(child, dir) {
  let output = '';
  child.stdout?.on('data', (d) => { output += d; });
  child.stderr?.on('data', (d) => { output += d; });
  const errorLog = () => {
    const f = dir && path.join(dir, 'error.log');
    return output + (f && fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '');
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(child.pid, 'SIGTERM');
    const timer = setTimeout(() => { try { process.kill(child.pid, 'SIGKILL'); } catch (e) { /* gone */ } }, 10000);
    await exited;
    clearTimeout(timer);
  };
  return { errorLog, stop };
}

/**
 * One copy's configuration as the guide's site-example.conf writes it (its
 * first copy), with this copy's prefix, folder and embedding origins: the
 * nginx location block, or the Apache "Use Livermets" line.
 */
export function exampleBlock(server, { prefix, folder, embedders }) {
  const example = fs.readFileSync(path.join(DEPLOY, server, 'site-example.conf'), 'utf8');
  if (server === 'nginx') {
    const block = example.match(/^ *location (?:\^~ )?\S+ \{\n[\s\S]*?^ *\}$/m)[0];
    return block
      .replace(/location (\^~ )?\S+/, (m, k) => `location ${k || ""}${prefix}`)
      .replace(/alias [^;]+;/, `alias ${folder}/;`)
      .replace(/set \$livermets_embed_ancestors "[^"]*";/, `set $livermets_embed_ancestors "${embedders}";`)
      .replace(/include snippets\/livermets\.conf;/, `include ${DEPLOY}/nginx/livermets.conf;`);
  }
  const use = example.match(/^ *Use Livermets .*$/m)[0];
  return use.replace(/Use Livermets .*/, `Use Livermets ${prefix} ${folder}/ "${embedders}"`);
}

/** copies: [{prefix, folder, embedders}], one location each, as the guide writes them. */
export async function startNginx({ copies, siteRule = false }) {
  const dir = tempDir('nginx');
  const port = await freePort();
  for (const t of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(path.join(dir, t));
  const locations = copies.map((c) => exampleBlock('nginx', c)).join('\n');
  // the http {} of Debian's nginx.conf, reduced to what matters here (gzip on, mime.types)
  fs.writeFileSync(path.join(dir, 'nginx.conf'), `
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log ${dir}/access.log;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    gzip on;
    gzip_types text/css text/javascript application/json application/wasm;
    include ${DEPLOY}/nginx/livermets-map.conf;
    server {
        listen 127.0.0.1:${port};
        server_name localhost;
        ${siteRule ? SITE_RULE.nginx : ''}
        ${locations}
    }
}
`);
  const child = spawn('/usr/sbin/nginx', ['-p', dir + '/', '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log'), '-g', 'daemon off;'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const t = track(child, dir);
  await waitUntilServing(`http://127.0.0.1:${port}/`, child, t, dir);
  return { origin: `http://127.0.0.1:${port}`, pid: child.pid, errorLog: t.errorLog,
    async stop() { await t.stop(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

const APACHE_MODULES = ['mpm_event', 'authz_core', 'authz_host', 'mime', 'dir', 'alias', 'filter', 'deflate', 'setenvif',
  'headers', 'macro', 'expires'];

/** The same for Apache: Debian's default modules (deflate among them) plus the guide's headers and macro. */
export async function startApache({ copies, siteRule = false }) {
  const dir = tempDir('apache');
  const port = await freePort();
  fs.mkdirSync(path.join(dir, 'docroot'));
  const root = process.getuid && process.getuid() === 0;
  fs.writeFileSync(path.join(dir, 'httpd.conf'), `
ServerRoot ${dir}
DefaultRuntimeDir ${dir}
PidFile ${dir}/httpd.pid
ErrorLog ${dir}/error.log
LogLevel warn
Listen 127.0.0.1:${port}
ServerName 127.0.0.1
${root ? 'User www-data\nGroup www-data' : ''}
${APACHE_MODULES.map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`).join('\n')}
TypesConfig /etc/mime.types
Include /etc/apache2/mods-available/deflate.conf
Include /etc/apache2/mods-available/setenvif.conf
DocumentRoot ${dir}/docroot
<Directory />
  AllowOverride None
  Require all denied
</Directory>
${siteRule ? SITE_RULE.apache : ''}
Include ${DEPLOY}/apache/livermets.conf
${copies.map((c) => exampleBlock('apache', c)).join('\n')}
`);
  const child = spawn('/usr/sbin/apache2', ['-f', path.join(dir, 'httpd.conf'), '-DFOREGROUND'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const t = track(child, dir);
  await waitUntilServing(`http://127.0.0.1:${port}/`, child, t, dir);
  return { origin: `http://127.0.0.1:${port}`, pid: child.pid, errorLog: t.errorLog,
    async stop() { await t.stop(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

/**
 * scripts/run's server, started as scripts/run starts it (node
 * scripts/lib/serve.mjs ROOT PORT): one copy, at /, with one list of
 * embedding origins ($LIVERMETS_EMBED_ORIGINS).
 */
export async function startServeMjs({ copies }) {
  if (copies.length !== 1 || copies[0].prefix !== '/') throw new Error('scripts/run serves one copy, at /');
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/lib/serve.mjs'), copies[0].folder, String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LIVERMETS_EMBED_ORIGINS: copies[0].embedders } });
  const t = track(child, null);
  await waitUntilServing(`http://127.0.0.1:${port}/`, child, t, null);
  return { origin: `http://127.0.0.1:${port}`, pid: child.pid, errorLog: t.errorLog, stop: t.stop };
}

export const SERVERS = { nginx: startNginx, apache: startApache, run: startServeMjs };
