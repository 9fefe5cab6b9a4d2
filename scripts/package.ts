/**
 * npm run package: builds, then writes the store-ready zips to release/
 * (see release-packages.ts). Building first means a zip never holds a stale dist/.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writePackages } from './release-packages';

const ROOT = new URL('..', import.meta.url).pathname;

execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
const packages = writePackages(ROOT, join(ROOT, 'release'));
for (const file of Object.values(packages)) console.log(`${relative(ROOT, file)}  ${statSync(file).size} bytes`);
console.log('Source review: npm ci && npm run build → dist/firefox (README "Building from source")');
