// The response headers the deployment note (docs/deployment.md) asks for,
// written once.  scripts/lib/serve.mjs sends them; the shipped server
// configurations (deploy/nginx, deploy/apache) carry the same texts, and
// tests/deploy checks that real nginx and Apache send exactly these.
//
// Framing: index.html, livermets.html and every other file may not be framed
// by anyone (frame-ancestors 'none': a framing page could drive the form and
// read the answers it shows).  Only embed.html may be framed, and only by the
// origins the deployment lists.

/** For every file of the site. */
export const COMMON = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

/** The site's policy: the page's <meta> policy plus what only a header can say. */
export const SITE_POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; " +
  "style-src 'self'; img-src 'self' data:; font-src 'self'; manifest-src 'self'; worker-src 'self'; " +
  "frame-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'";

/** livermets.html carries its own hash-based <meta> policy; the header adds only this. */
export const SINGLE_FILE_POLICY = "frame-ancestors 'none'";

/** embed.html: framable by the listed origins only (a space-separated CSP source list). */
export function embedPolicy(origins) {
  const list = String(origins || '').trim();
  if (!list || /[;,\r\n]/.test(list)) throw new Error(`embed origins must be a space-separated list (got "${origins}")`);
  return `frame-ancestors ${list}`;
}

/** The Content-Security-Policy header for a file name (its last path segment). */
export function policyFor(fileName, embedOrigins) {
  if (fileName === 'embed.html') return embedPolicy(embedOrigins);
  if (fileName === 'livermets.html') return SINGLE_FILE_POLICY;
  return SITE_POLICY;
}
