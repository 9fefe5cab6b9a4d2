/**
 * Firefox: what a hostile page can learn of the extension, and frames that
 * let go (issue 10's probes, as undetectable.e2e.ts runs them in Chromium;
 * issue 11 section 3's frame cases). The page's probes are in
 * test/fixtures/hostile/probe.html. The site rules of a cross-origin frame
 * come from the worker, which knows the tab's URL.
 */
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../src/common/settings';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { launchFirefoxExtension, type FirefoxExtension } from './support/firefox';
import { waitForTooltipIn } from './support/firefox-closed-tooltip';
import { firefoxTooltipText, hoverTextIn, hoverTextInFrame } from './support/firefox-page-tools';
import { expectDescribes, record } from './support/page-tools';

let ff: FirefoxExtension;
let server: FixtureServer;
let extensionPage: Page;

const settings = (changed: Partial<Settings>) =>
  extensionPage.evaluate((c) => browser.storage.local.set({ settings: { version: 1, changed: c } }), changed as Record<string, unknown>);
const FAST = { hoverDelayMs: 50 };

beforeAll(async () => {
  server = await startFixtureServer();
  ff = await launchFirefoxExtension();
  extensionPage = await ff.openExtensionPage('src/popup/index.html');
  await settings(FAST);
});

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

async function openPage(path: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(server.url(path));
  await page.bringToFront();
  return page;
}

type Probe = Window & {
  probeMessageKey(): Promise<string[]>;
  probeFocus(): Promise<{ focused: boolean; added: string[]; toggles: number }>;
  probeHost(): { hosts: number; shadowRoots: string[]; text: string[]; openRootsText: string[]; pageText: string };
  probeHighlights(): { names: string[]; rules: string[] };
};

describe('zero-click probes from a hostile page, in Firefox', () => {
  it('the old relay key, posted from the page’s own child frame, reaches the page', async () => {
    const page = await openPage('hostile/probe.html');
    expect(await page.evaluate(() => (window as unknown as Probe).probeMessageKey())).toEqual(['{"hcpcsLensAnchor":1}']);
    await page.close();
  });

  it('a field holding a code, focused by script, shows nothing: no element, no popover', async () => {
    const page = await openPage('hostile/probe.html');
    expect(await page.evaluate(() => (window as unknown as Probe).probeFocus())).toEqual({ focused: true, added: [], toggles: 0 });
    await page.close();
  });

  it('after the user rests on a code, the page finds one element with a closed root, and reads nothing of the tooltip', async () => {
    const page = await openPage('hostile/probe.html');
    await hoverTextIn(page, '#code', 'E1392');
    expectDescribes(await firefoxTooltipText(page), 'E1392');
    const seen = await page.evaluate(() => (window as unknown as Probe).probeHost());
    expect(seen.hosts).toBe(1);
    expect(seen.shadowRoots).toEqual(['closed or none']);
    expect(seen.text).toEqual(['|']);
    expect(seen.openRootsText).toEqual([]);
    expect(seen.pageText).not.toContain(record('E1392').long);
    await page.close();
  });

  it('with "mark codes" on, the highlight has a new random name on every page, naming nothing', async () => {
    await settings({ ...FAST, markCodes: true });
    try {
      const names: string[] = [];
      for (let i = 0; i < 2; i++) {
        const page = await openPage('hostile/probe.html');
        await page.waitForFunction(() => CSS.highlights.size > 0, { timeout: 10_000 });
        const seen = await page.evaluate(() => (window as unknown as Probe).probeHighlights());
        expect(seen.names).toHaveLength(1);
        expect(seen.names[0]).toMatch(/^[a-z][a-z0-9]{11}$/);
        expect(seen.rules.join('\n')).not.toMatch(/hcpcs|lens/i);
        names.push(seen.names[0]!);
        await page.close();
      }
      expect(names[0]).not.toBe(names[1]);
    } finally {
      await settings(FAST);
    }
  });
});

describe('frames in Firefox', () => {
  let page: Page;
  const frameOf = (name: string): Frame => page.frames().find((f) => f.url().includes(name))!;

  beforeAll(async () => {
    page = await ff.browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(`${server.url('frames-let-go.html')}?other=${encodeURIComponent(server.otherOrigin)}`);
    await page.bringToFront();
    await page.waitForFunction(() => (document.getElementById('tall') as HTMLIFrameElement).contentDocument?.getElementById('p59') !== null, { timeout: 10_000 });
    await page.waitForFunction(() => (document.getElementById('small') as HTMLIFrameElement).contentDocument?.getElementById('c') !== null);
    await page.waitForFunction(() => document.getElementById('cross') !== null);
  });

  it('a tall srcdoc frame draws its own tooltip, which goes when the pointer leaves for the top page', async () => {
    await hoverTextIn(page, '#p2 .c', 'E0601', 1, '#tall');
    const tall = page.frames().find((f) => f.url() === 'about:srcdoc' && f !== page.mainFrame() && f.parentFrame() === page.mainFrame())!;
    expectDescribes(await waitForTooltipIn(tall), 'E0601');
    await page.mouse.move(1240, 60, { steps: 2 });
    await waitForTooltipIn(tall, false);
  });

  it('a small same-origin frame’s tooltip, drawn by the top page, goes when the pointer leaves for another frame', async () => {
    await hoverTextIn(page, '#c', 'E1392', 1, '#small');
    expectDescribes(await firefoxTooltipText(page), 'E1392', ['RR']);
    const tall = (await page.$('#tall'))!;
    const box = (await tall.boundingBox())!;
    await page.mouse.move(box.x + 12, box.y + box.height - 12, { steps: 2 });
    await waitForTooltipIn(page, false);
  });

  it('a small cross-origin frame draws its own tooltip (the page embedding it holds none), and Escape in the top page takes it down', async () => {
    const cross = await waitForFrame(() => frameOf('frame-cross.html'));
    await cross.waitForSelector('#c');
    await hoverTextInFrame(page, cross, '#c', 'E0431');
    expectDescribes(await waitForTooltipIn(cross), 'E0431');
    expect(await waitForTooltipIn(page, false)).toBe('');
    // The pointer still on the code, the keyboard focus in the top page: Escape there reaches the frame's tooltip.
    await page.keyboard.press('Escape');
    await waitForTooltipIn(cross, false);
  });

  it('turning the top page’s site off quiets its cross-origin frames (the worker names the tab’s host)', async () => {
    const cross = await waitForFrame(() => frameOf('frame-cross.html'));
    await settings({ ...FAST, sites: [new URL(page.url()).host] });
    try {
      await page.mouse.move(1240, 60);
      await hoverTextInFrame(page, cross, '#c', 'E0431');
      // Past the dwell and a warm worker's answer, which the test before saw arrive.
      await new Promise((r) => setTimeout(r, 600));
      expect(await waitForTooltipIn(cross, false)).toBe('');
    } finally {
      await settings(FAST);
    }
  });
});

async function waitForFrame(find: () => Frame | undefined): Promise<Frame> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const frame = find();
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('frame not found');
    await new Promise((r) => setTimeout(r, 50));
  }
}
