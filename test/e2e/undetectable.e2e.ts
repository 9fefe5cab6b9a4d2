/**
 * A site cannot tell the extension is installed by loading its files: every
 * file of the build, and the usual guesses, fail to load from a web page.
 */
import { relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../../scripts/files-under';
import { CHROME_DIST, launchExtension, type ExtensionBrowser } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';

let ext: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  ext = await launchExtension();
  server = await startFixtureServer({ '/probe.html': '<!doctype html><title>probe</title><p>A site probing for extensions.</p>' });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('probing from a web page', () => {
  it('loads none of the extension’s files, by fetch, image or script', async () => {
    const built = filesUnder(CHROME_DIST).map((p) => relative(CHROME_DIST, p));
    const guesses = ['manifest.json', 'icons/icon-16.png', 'icons/icon-128.png', 'src/content/index.js', 'data/hcpcs-dataset.tsv', 'src/popup/index.html'];
    const urls = [...new Set([...built, ...guesses])].map((p) => ext.extensionUrl(p));
    expect(urls.length).toBeGreaterThan(10);
    const page = await ext.context.newPage();
    await page.goto(server.url('probe.html'));
    const loaded = await page.evaluate(async (list) => {
      const viaFetch = (u: string) => fetch(u).then(() => true, () => false);
      const viaElement = (tag: 'img' | 'script', u: string) =>
        new Promise<boolean>((resolve) => {
          const el = document.createElement(tag);
          el.onload = () => resolve(true);
          el.onerror = () => resolve(false);
          el.src = u;
          document.body.append(el);
        });
      const found: string[] = [];
      for (const u of list) {
        if ((await viaFetch(u)) || (await viaElement('img', u)) || (await viaElement('script', u))) found.push(u);
      }
      return found;
    }, urls);
    expect(loaded).toEqual([]);
    await page.close();
  });

  it('and the build declares no web-accessible resources at all', async () => {
    const manifest = await (await ext.context.newPage()).goto(ext.extensionUrl('manifest.json')).then((r) => r!.json());
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
});
