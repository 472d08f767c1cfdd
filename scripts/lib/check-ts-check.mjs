// Fails when a page module (web/js/*.js) or the service worker (web/sw.js)
// lacks its first line `// @ts-check`: the type checks (tsconfig.json and
// tsconfig.sw.json, checkJs off) read only the files that ask for it, so a
// file without the line would silently go unchecked.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.argv[2] || 'web/js');
const files = readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => path.join(dir, f));
if (!process.argv[2]) files.push(path.resolve('web/sw.js'));
const unchecked = files.filter((f) => !readFileSync(f, 'utf8').startsWith('// @ts-check\n')).map((f) => path.relative(process.cwd(), f));
if (unchecked.length) {
  console.error(`check-ts-check: these files do not start with "// @ts-check": ${unchecked.join(', ')}`);
  process.exit(1);
}
console.log(`check-ts-check: every page module in ${path.relative(process.cwd(), dir) || '.'}${process.argv[2] ? '' : ' and web/sw.js'} is type-checked`);
