// Fails when a page module (web/js/*.js) lacks its first line `// @ts-check`:
// the type check (tsconfig.json, checkJs off) reads only the modules that ask
// for it, so a module without the line would silently go unchecked.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.argv[2] || 'web/js');
const unchecked = readdirSync(dir)
  .filter((f) => f.endsWith('.js'))
  .filter((f) => !readFileSync(path.join(dir, f), 'utf8').startsWith('// @ts-check\n'));
if (unchecked.length) {
  console.error(`check-ts-check: these page modules do not start with "// @ts-check": ${unchecked.join(', ')}`);
  process.exit(1);
}
console.log(`check-ts-check: every page module in ${path.relative(process.cwd(), dir) || '.'} is type-checked`);
