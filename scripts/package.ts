/**
 * npm run package: store-ready zips in release/.
 *   hcpcs-lens-chrome-<version>.zip   Chrome Web Store (and Edge Add-ons)
 *   hcpcs-lens-firefox-<version>.zip  addons.mozilla.org
 *   hcpcs-lens-source-<version>.zip   the source AMO's reviewers rebuild from
 * Builds first, so a zip never holds a stale dist/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'release');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
// A fixed timestamp makes the zips byte-for-byte reproducible from the same tree.
const MTIME = new Date('2026-01-01T00:00:00Z');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function zip(entries: [name: string, path: string][], to: string): number {
  const tree: Zippable = {};
  for (const [name, path] of entries.sort(([a], [b]) => a.localeCompare(b))) tree[name] = [readFileSync(path), { mtime: MTIME, level: 9 }];
  const bytes = zipSync(tree);
  writeFileSync(to, bytes);
  return bytes.length;
}

function manifestVersion(dist: string): string {
  return (JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { version: string }).version;
}

execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
mkdirSync(OUT, { recursive: true });

for (const browser of ['chrome', 'firefox'] as const) {
  const dist = join(ROOT, 'dist', browser);
  if (manifestVersion(dist) !== version) throw new Error(`manifest.json version ${manifestVersion(dist)} differs from package.json ${version}`);
  const file = join(OUT, `hcpcs-lens-${browser}-${version}.zip`);
  const size = zip(filesUnder(dist).map((p) => [relative(dist, p), p]), file);
  console.log(`${relative(ROOT, file)}  ${size} bytes`);
}

// The source archive is what git tracks: no node_modules, no build output, no raw CMS files.
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
const source = join(OUT, `hcpcs-lens-source-${version}.zip`);
const size = zip(tracked.map((p) => [p, join(ROOT, p)]), source);
console.log(`${relative(ROOT, source)}  ${size} bytes (build: npm ci && npm run build → dist/firefox; see README "Building from source")`);
