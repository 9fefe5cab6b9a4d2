/**
 * The project rules of test/unit/project-rules.test.ts, checked again on what
 * ships: the built code of both browsers (bundled dependencies included)
 * evaluates no strings, loads no remote code and builds no markup from
 * strings; the built manifests keep the default extension CSP, expose no
 * resource or messaging port to web pages, and ask for exactly the
 * permissions of the source manifest. `web-ext lint` (what AMO runs) finds no
 * error in the Firefox build, and any warning it gives is explained in the
 * README's Firefox section. Here, not among the unit tests, because it needs
 * the build.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../../scripts/files-under';
import { CONTENT_PARTS } from '../../src/common/content-parts';
import { forbiddenCode } from '../support/code-rules';
import { readmeSection } from '../support/readme';

const ROOT = new URL('../../', import.meta.url).pathname;
const BROWSERS = ['chrome', 'firefox'] as const;

/**
 * Addresses pdf.js names in the PDF viewer's bundles (pdf-viewer.js, pdf.worker.js), none fetched:
 * the XML namespaces of XFA forms and XMP metadata (www.xfa.org/schema/…, ns.adobe.com/…);
 * http://example.com and https://foo.bar, bases `new URL` parses a relative link or file name
 * against; http://${…}, the scheme pdf.js adds to a "www." link written in a PDF (the viewer
 * has no annotation layer: it follows no link). From core-js, which pdf.js's legacy build
 * bundles: its own address and license (fields of its version record), and the addresses its
 * URL polyfill hands `new URL` to test the browser's parser (https://a@b, https://тест …).
 */
const PDFJS_NAMES = new RegExp(
  '^assets/pdf[-.][\\w.-]*\\.js: (?:' +
    [
      'http://www\\.xfa\\.org/schema/[\\w./-]*',
      'http://ns\\.adobe\\.com/[\\w./-]*',
      'http://example\\.com',
      'https://foo\\.bar',
      'http://\\$\\{\\w+\\}',
      'https://github\\.com/zloirock/core-js(?:/blob/v[\\d.]+/LICENSE)?',
      'https://(?:a|a/c%20d\\?a=1&c=3|a@b|тест|a#б|x)',
    ].join('|') +
    ')$',
);

const sourceManifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
const built = (browser: string) => JSON.parse(readFileSync(join(ROOT, 'dist', browser, 'manifest.json'), 'utf8'));

describe.each(BROWSERS)('dist/%s', (browser) => {
  const dist = join(ROOT, 'dist', browser);
  const code = filesUnder(dist)
    .filter((p) => /\.(?:js|html)$/.test(p))
    .map((p) => ({ path: relative(dist, p), text: readFileSync(p, 'utf8') }));

  it('evaluates no strings and builds no markup from strings, in its own code or any bundled library', () => {
    expect(code.length).toBeGreaterThan(3);
    const offences = forbiddenCode(code);
    expect(offences).toEqual([]);
  });

  it('loads no remote code, and names no remote address but XML namespaces', () => {
    const urls = code.flatMap(({ path, text }) => [...text.matchAll(/(?:https?|wss?):\/\/[^\s"'`)<>]+/g)].map((m) => `${path}: ${m[0]}`));
    // XML namespaces are names, never fetched: the W3C's, and the Office Open XML ones the Excel reader matches (options page import), and pdf.js's (PDFJS_NAMES).
    expect(urls.filter((u) => !/: http:\/\/(?:www\.w3\.org|schemas\.openxmlformats\.org|purl\.oclc\.org\/ooxml)\//.test(u) && !PDFJS_NAMES.test(u))).toEqual([]);
    const remoteLoads = code.filter(({ text }) => /importScripts\s*\(|import\s*\(\s*["'`]https?:|<script[^>]+src=["']https?:/.test(text)).map(({ path }) => path);
    expect(remoteLoads).toEqual([]);
  });

  it('injects only self-contained classic scripts into pages: the bootstrap, the session and each of its parts, named by the worker', () => {
    const injected = ['src/content/index.js', 'src/content/session.js', ...CONTENT_PARTS.map((part) => `src/content/parts/${part}-part.js`)];
    const shipped = code.filter(({ path }) => path.startsWith('src/content/')).map(({ path }) => path);
    expect(shipped.sort()).toEqual([...injected].sort());
    for (const path of injected) {
      const text = code.find((c) => c.path === path)!.text;
      // scripting.executeScript and content_scripts run classic scripts: one function, nothing imported or exported.
      expect(text.startsWith('(function(){'), path).toBe(true);
      expect(/(?:^|[;}])\s*(?:import\s*[\w{*'"]|export\s)|import\(/m.test(text), path).toBe(false);
    }
    // The worker injects the session and the parts by these names.
    const worker = code.filter(({ path }) => path.startsWith('assets/')).map(({ text }) => text).join('\n');
    for (const path of injected.slice(1)) expect(worker.includes(path), path).toBe(true);
  });

  it('keeps the default extension CSP, exposes nothing to web pages, and asks for the source manifest’s permissions', () => {
    const manifest = built(browser);
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toBeUndefined();
    expect(manifest.permissions).toEqual(sourceManifest.permissions);
    expect(manifest.host_permissions).toEqual(sourceManifest.host_permissions);
  });
});

describe('web-ext lint (the linter AMO runs) on dist/firefox', () => {
  it('finds no errors; every warning it gives is explained in the README', async () => {
    const { stdout } = await promisify(execFile)('npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--output', 'json', '--no-config-discovery'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }).catch(
      // web-ext exits non-zero when it finds errors; its report is still on stdout.
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
    );
    const report = JSON.parse(stdout) as { summary: { errors: number }; errors: { code: string; message: string }[]; warnings: { code: string; message: string }[] };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
    const firefox = readmeSection('Firefox');
    expect(report.warnings.filter((w) => !firefox.includes(w.code)).map((w) => `${w.code}: ${w.message}`)).toEqual([]);
    // A ceiling for a hang only: the linter parses the PDF viewer's 2 MB of pdf.js, over a minute on a busy machine.
  }, 300_000);
});
