/**
 * A site cannot tell the extension is installed by loading its files: every
 * file of the build, and the usual guesses, fail to load from a web page.
 * Nor by the probes of issue 10 (test/fixtures/hostile/probe.html): the old
 * frame-relay message key, a field focused by script, the highlight's name,
 * the tooltip's shadow root. The same probes run in Firefox
 * (firefox-undetectable.e2e.ts).
 */
import { relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../../scripts/files-under';
import type { Page } from 'playwright-core';
import { CHROME_DIST, launchExtension, type ExtensionBrowser } from './support/chromium';
import { FAST, setSettings, settingsPage } from './support/extension-page';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { expectDescribes, hoverText, record, tooltipText } from './support/page-tools';

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

type Probe = Window & {
  probeMessageKey(): Promise<string[]>;
  probeFocus(): Promise<{ focused: boolean; added: string[]; toggles: number }>;
  probeHost(): { hosts: number; shadowRoots: string[]; text: string[]; openRootsText: string[]; pageText: string };
  probeHighlights(): { names: string[]; rules: string[] };
};

describe('zero-click probes from a hostile page', () => {
  let page: Page;
  const open = async () => {
    page = await ext.context.newPage();
    await page.goto(server.url('hostile/probe.html'));
    await page.bringToFront();
  };
  /** Whether a session of the extension runs in any frame of the page's tab (the bootstrap alone is a no-op). */
  const sessions = async () =>
    (await settingsPage(ext)).evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      const frames = await chrome.scripting.executeScript({ target: { tabId: tab!.id!, allFrames: true }, func: () => Boolean((globalThis as unknown as Record<symbol, unknown>)[Symbol.for('hcpcs-lens.session')]) });
      return frames.filter((f) => f.result).length;
    }, page.url());

  beforeAll(async () => {
    await setSettings(ext, FAST);
  });

  it('the old relay key, posted from the page’s own child frame, reaches the page and wakes nothing', async () => {
    await open();
    expect(await page.evaluate(() => (window as unknown as Probe).probeMessageKey())).toEqual(['{"hcpcsLensAnchor":1}']);
    expect(await sessions()).toBe(0);
    await page.close();
  });

  it('a field holding a code, focused by script, shows nothing: no element, no popover, no session', async () => {
    await open();
    const seen = await page.evaluate(() => (window as unknown as Probe).probeFocus());
    expect(seen).toEqual({ focused: true, added: [], toggles: 0 });
    expect(await sessions()).toBe(0);
    await page.close();
  });

  it('after the user rests on a code, the page finds one element with a closed root, and reads nothing of the tooltip', async () => {
    await open();
    await hoverText(page, page.locator('#code'), 'E1392');
    expectDescribes(await tooltipText(page), 'E1392');
    const seen = await page.evaluate(() => (window as unknown as Probe).probeHost());
    expect(seen.hosts).toBe(1);
    expect(seen.shadowRoots).toEqual(['closed or none']);
    expect(seen.text).toEqual(['|']);
    expect(seen.openRootsText).toEqual([]);
    expect(seen.pageText).not.toContain(record('E1392').long);
    await page.close();
  });

  it('with "mark codes" on, the highlight has a new random name on every page, naming nothing', async () => {
    await setSettings(ext, { ...FAST, markCodes: true });
    try {
      const names: string[] = [];
      for (let i = 0; i < 2; i++) {
        await open();
        await page.waitForFunction(() => CSS.highlights.size > 0);
        const seen = await page.evaluate(() => (window as unknown as Probe).probeHighlights());
        expect(seen.names).toHaveLength(1);
        expect(seen.names[0]).toMatch(/^[a-z][a-z0-9]{11}$/);
        expect(seen.names[0]).not.toMatch(/hcpcs|lens/i);
        expect(seen.rules.join('\n')).not.toMatch(/hcpcs|lens/i);
        names.push(seen.names[0]!);
        await page.close();
      }
      expect(names[0]).not.toBe(names[1]);
    } finally {
      await setSettings(ext, FAST);
    }
  });
});
