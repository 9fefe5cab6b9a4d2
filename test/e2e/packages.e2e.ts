/**
 * The store packages (npm run package) from the build just made: each zip
 * holds its own browser's manifest at its root, and the source archive holds
 * what AMO's reviewers need, enough to rebuild the Firefox package exactly.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../../scripts/files-under';
import { writePackages, type Packages } from '../../scripts/release-packages';

const ROOT = new URL('../../', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
let out: string;
let packages: Packages;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'hcpcs-lens-release-'));
  packages = writePackages(ROOT, out);
});

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

const unzip = (file: string) => unzipSync(readFileSync(file));
const manifestOf = (file: string) => JSON.parse(Buffer.from(unzip(file)['manifest.json']!).toString('utf8'));

describe('store packages', () => {
  it('are named with the version', () => {
    expect(Object.values(packages).map((p) => relative(out, p))).toEqual([`hcpcs-lens-chrome-${version}.zip`, `hcpcs-lens-firefox-${version}.zip`, `hcpcs-lens-source-${version}.zip`]);
  });

  it('Chrome/Edge: a service worker, no Firefox keys, and every file the manifest names', () => {
    const files = unzip(packages.chrome);
    const manifest = manifestOf(packages.chrome);
    expect(manifest.version).toBe(version);
    expect(manifest.background).toEqual({ service_worker: expect.any(String), type: 'module' });
    expect(manifest.browser_specific_settings).toBeUndefined();
    expect(manifest.content_scripts[0].match_origin_as_fallback).toBe(true);
    // The development build's fixed id stays out of the store package: the store gives the extension its own.
    expect(JSON.parse(readFileSync(join(ROOT, 'dist/chrome/manifest.json'), 'utf8')).key).toEqual(expect.any(String));
    expect(manifest.key).toBeUndefined();
    expect(manifest.storage).toEqual({ managed_schema: 'managed-schema.json' });
    const named = [manifest.storage.managed_schema, manifest.background.service_worker, manifest.action.default_popup, manifest.options_ui.page, ...manifest.content_scripts[0].js, ...Object.values(manifest.icons), 'data/hcpcs-dataset.tsv'];
    expect(named.filter((f: string) => !(f in files))).toEqual([]);
  });

  it('Firefox: background scripts, the gecko id and the data-collection declaration AMO requires', () => {
    const files = unzip(packages.firefox);
    const manifest = manifestOf(packages.firefox);
    expect(manifest.version).toBe(version);
    expect(manifest.background).toEqual({ scripts: [expect.any(String)], type: 'module' });
    expect(manifest.background.service_worker).toBeUndefined();
    expect(manifest.browser_specific_settings.gecko).toMatchObject({ id: 'hcpcs-lens@hcpcs-lens.example', data_collection_permissions: { required: ['none'] } });
    expect(manifest.content_scripts[0].match_origin_as_fallback).toBeUndefined();
    // Firefox reads policies without a schema, and its id is the gecko id: neither Chrome key is there.
    expect(manifest.storage).toBeUndefined();
    expect(manifest.key).toBeUndefined();
    const named = [...manifest.background.scripts, manifest.action.default_popup, manifest.options_ui.page, ...manifest.content_scripts[0].js, ...Object.values(manifest.icons), 'data/hcpcs-dataset.tsv'];
    expect(named.filter((f: string) => !(f in files))).toEqual([]);
  });

  it('the source archive holds the sources, lockfile, build config and build steps, and no build output, dependencies or raw CMS files', () => {
    const names = Object.keys(unzip(packages.source));
    for (const needed of ['package.json', 'package-lock.json', 'vite.config.ts', 'manifest.json', 'tsconfig.json', 'README.md', 'data/hcpcs-dataset.tsv', 'data/README.md', 'src/background/index.ts', 'src/content/index.ts', 'public/icons/icon-128.png']) {
      expect(names).toContain(needed);
    }
    expect(names.filter((n) => /^(?:dist|node_modules|release)\//.test(n) || /(?:^|\/)HCPC\d{4}_/i.test(n))).toEqual([]);
    const readme = Buffer.from(unzip(packages.source)['README.md']!).toString('utf8');
    expect(readme).toMatch(/Building from source[\s\S]*npm ci && npm run build/);
  });

  it('rebuilds, from the source archive alone (with the locked dependencies), the Firefox package byte for byte', () => {
    const tree = mkdtempSync(join(tmpdir(), 'hcpcs-lens-amo-'));
    try {
      for (const [name, bytes] of Object.entries(unzip(packages.source))) {
        mkdirSync(dirname(join(tree, name)), { recursive: true });
        writeFileSync(join(tree, name), bytes);
      }
      // What `npm ci` installs from the lockfile; this machine's copy of it, not the network.
      symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
      execFileSync('npm', ['run', '-s', 'build:firefox'], { cwd: tree, stdio: 'pipe' });
      const rebuilt = join(tree, 'dist/firefox');
      const ours = unzip(packages.firefox);
      const files = filesUnder(rebuilt).map((p) => relative(rebuilt, p)).sort();
      expect(files).toEqual(Object.keys(ours).sort());
      const differing = files.filter((f) => !readFileSync(join(rebuilt, f)).equals(Buffer.from(ours[f]!)));
      expect(differing).toEqual([]);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });
});
