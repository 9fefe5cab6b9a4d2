/**
 * Rules of this project that a reviewer would otherwise have to remember:
 * no remote code or string evaluation, no markup built from strings, the
 * manifest and package agree, every permission is used and explained, the
 * pure core stays pure. The same rules are checked on the built extension in
 * test/e2e/build-output.e2e.ts (it needs the build).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forbiddenCode } from '../support/code-rules';
import { readmeSection } from '../support/readme';

const ROOT = new URL('../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|html|css)$/.test(name) ? [path] : [];
  });
}

const SRC = sources(join(ROOT, 'src')).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

describe('project rules', () => {
  it('no eval, new Function, string timers, or markup built from strings', () => {
    const offences = forbiddenCode(SRC);
    expect(offences).toEqual([]);
  });

  it('loads no remote code: no http(s) script or import sources', () => {
    const offences = SRC.filter(({ text }) => /<script[^>]+src=["']https?:|import\s*\(\s*['"]https?:|importScripts\s*\(/.test(text)).map(({ path }) => path);
    expect(offences).toEqual([]);
  });

  it('the pure HCPCS core uses no browser API', () => {
    const offences = SRC.filter(({ path, text }) => path.startsWith('src/hcpcs/') && /webextension-polyfill|\bchrome\.|\bbrowser\./.test(text)).map(({ path }) => path);
    expect(offences).toEqual([]);
  });

  it('the extension code talks to browser APIs through webextension-polyfill or its typed ext (common/extension-api.ts), not chrome.*', () => {
    const offences = SRC.filter(({ text }) => /\bchrome\.(runtime|storage|tabs|scripting|contextMenus|action|commands)\b/.test(text)).map(({ path }) => path);
    expect(offences).toEqual([]);
  });

  it('manifest.json and package.json carry the same version', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { version: string };
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(manifest.version).toBe(pkg.version);
  });

  it('every file the manifest names exists', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
    const named: string[] = [
      ...Object.values(manifest.icons as Record<string, string>).map((p) => `public/${p}`),
      manifest.action.default_popup,
      manifest.options_ui.page,
      manifest.background.service_worker,
      ...manifest.content_scripts.flatMap((c: { js: string[] }) => c.js),
    ];
    const missing = named.filter((p) => {
      try {
        return !statSync(join(ROOT, p)).isFile();
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });

  it('the manifest keeps the default CSP and exposes nothing to web pages', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
    for (const key of ['content_security_policy', 'web_accessible_resources', 'externally_connectable', 'optional_permissions', 'optional_host_permissions']) {
      expect(manifest[key], key).toBeUndefined();
    }
  });

  it('the README’s Permissions table lists exactly the permissions the manifest asks for, and the code uses each', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { permissions: string[]; host_permissions: string[] };
    const listed = readmeSection('Permissions')
      .split('\n')
      .map((line) => /^\| `([^`]+)`/.exec(line)?.[1])
      .filter((name) => name !== undefined);
    const asked = [...manifest.host_permissions.map((h) => `host_permissions: ${h}`), ...manifest.permissions];
    expect(listed.sort()).toEqual(asked.sort());
    // Each permission, and the API it grants as the code calls it: a permission nothing calls is one too many.
    const uses: Record<string, RegExp> = {
      storage: /\.storage\.(?:local|sync|session)\b/,
      contextMenus: /\.contextMenus\.(?:create|onClicked)\b/,
      scripting: /\.scripting\.executeScript\b/,
    };
    const unused = manifest.permissions.filter((p) => !uses[p] || !SRC.some(({ text }) => uses[p]!.test(text)));
    expect(unused).toEqual([]);
  });
});
