// One deployment, served by the server named in $LIVERMETS_DEPLOY_SERVER:
//   nginx   Debian's nginx with the guide's own files (deploy/nginx), two copies from the one snippet
//   apache  Debian's Apache with the guide's own macro (deploy/apache), two copies
//   run     scripts/run's server (scripts/lib/serve.mjs), one copy at /
// nginx and Apache run again with a typical site-wide caching rule for .js and .css present.
// ctest registers each server as its own test (deploy.nginx, deploy.apache, deploy.run).
import { describe, test, before, after } from 'node:test';
import { deploymentChecks } from './checks.mjs';
import { SERVERS } from './servers.mjs';

const name = process.env.LIVERMETS_DEPLOY_SERVER;
const start = SERVERS[name];
if (!start) throw new Error(`LIVERMETS_DEPLOY_SERVER must be one of ${Object.keys(SERVERS).join(', ')}`);
const variants = name === 'run' ? [false] : [false, true];

for (const siteRule of variants) {
  describe(`${name}${siteRule ? ' with a site-wide caching rule for .js and .css' : ''}`, () => {
    const s = deploymentChecks({ start, siteRule, twoCopies: name !== 'run', livePrefix: name === 'run' ? '/' : '/tools/livermets/' });
    before(s.setUp);
    after(s.tearDown);
    test('every file type gets its MIME type and the guide\'s headers, and revalidates to a 304', s.headers);
    test('the page works, its service worker caches every file checked, and the wasm compiles by streaming', s.page);
    test('embed.html is framed only by the origins its copy lists; index.html and livermets.html by nobody', s.framing);
  });
}
