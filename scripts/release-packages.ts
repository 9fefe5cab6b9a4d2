/**
 * The store packages, from a build that already exists:
 *   hcpcs-lens-chrome-<version>.zip   Chrome Web Store (and Edge Add-ons): dist/chrome
 *   hcpcs-lens-firefox-<version>.zip  addons.mozilla.org: dist/firefox
 *   hcpcs-lens-source-<version>.zip   the source AMO's reviewers rebuild from
 * Zips are byte-for-byte reproducible from the same tree.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { filesUnder } from './files-under';

export const BROWSERS = ['chrome', 'firefox'] as const;
// A fixed timestamp makes the zips byte-for-byte reproducible from the same tree.
const MTIME = new Date('2026-01-01T00:00:00Z');

export interface Packages {
  chrome: string;
  firefox: string;
  source: string;
}

function zip(entries: [name: string, bytes: Uint8Array][], to: string): void {
  const tree: Zippable = {};
  for (const [name, bytes] of entries.sort(([a], [b]) => a.localeCompare(b))) tree[name] = [bytes, { mtime: MTIME, level: 9 }];
  writeFileSync(to, zipSync(tree));
}

/**
 * The manifest as a store takes it: without the development key that fixes
 * the unpacked build's id (scripts/dev-extension-key.ts). The Chrome Web
 * Store and Edge Add-ons give the published extension its own id.
 */
export function storeManifest(bytes: Uint8Array): Uint8Array {
  const manifest = JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
  if (!('key' in manifest)) return bytes;
  delete manifest.key;
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
}

function manifestVersion(dist: string): string {
  return (JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { version: string }).version;
}

/** Zips root/dist/{chrome,firefox} and the files git tracks into `out`; returns their paths. */
export function writePackages(root: string, out: string): Packages {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  mkdirSync(out, { recursive: true });
  const path = (what: string) => join(out, `hcpcs-lens-${what}-${version}.zip`);
  for (const browser of BROWSERS) {
    const dist = join(root, 'dist', browser);
    if (manifestVersion(dist) !== version) throw new Error(`${browser} manifest.json version ${manifestVersion(dist)} differs from package.json ${version}`);
    const files = filesUnder(dist).map((p): [string, Uint8Array] => [relative(dist, p), readFileSync(p)]);
    zip(files.map(([name, bytes]) => [name, name === 'manifest.json' ? storeManifest(bytes) : bytes]), path(browser));
  }
  // The source archive is what git tracks: no node_modules, no build output, no raw CMS files.
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  zip(tracked.map((p) => [p, readFileSync(join(root, p))]), path('source'));
  return { chrome: path('chrome'), firefox: path('firefox'), source: path('source') };
}
