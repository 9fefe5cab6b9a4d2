/**
 * Codes inside the portal's frames: same- and cross-origin, srcdoc,
 * about:blank, blob:, sandboxed and nested. A frame too small for the
 * tooltip gets it from the top frame, placed by the code and not clipped by
 * the frame's edges, when every frame up to the top has the frame's origin
 * (the top page could read that frame anyway); a cross-origin or sandboxed
 * frame draws its own, so the page embedding it never holds its tooltip; a
 * large frame shows its own.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useExtension } from './support/extension-session';
import { FAST, setSettings } from './support/extension-page';
import { expectDescribes, expectNoTooltip, hostCount, hoverText, pointAway, tooltipOf, tooltipText } from './support/page-tools';

const e2e = useExtension({ settings: FAST });
let page: Page;

beforeAll(async () => {
  page = await e2e.ext.context.newPage();
});

beforeEach(async () => {
  await page.goto(`${e2e.server.url('frames.html')}?other=${encodeURIComponent(e2e.server.otherOrigin)}`);
  await page.bringToFront();
  // Every frame has loaded its content (the cross-origin and blob ones are set by script).
  for (const id of ['same', 'cross', 'srcdoc', 'blank', 'blob', 'sandboxed']) await page.frameLocator(`#${id}`).locator('#c').waitFor();
  await page.frameLocator('#nest').frameLocator('#inner').locator('#c').waitFor();
});

const SMALL_FRAMES: [string, (p: Page) => FrameLocator, string, string[]][] = [
  ['same-origin', (p) => p.frameLocator('#same'), 'E1392', ['RR']],
  ['srcdoc', (p) => p.frameLocator('#srcdoc'), 'E0601', []],
  ['about:blank', (p) => p.frameLocator('#blank'), 'A4253', []],
  ['blob:', (p) => p.frameLocator('#blob'), 'K0001', []],
];

/** Small frames whose origin differs from a frame above them (opaque for the sandboxed one): they draw their own tooltip. */
const FOREIGN_FRAMES: [string, (p: Page) => FrameLocator, string][] = [
  ['cross-origin', (p) => p.frameLocator('#cross'), 'E0431'],
  ['sandboxed', (p) => p.frameLocator('#sandboxed'), 'E1390'],
  ['nested (cross-origin inside same-origin)', (p) => p.frameLocator('#nest').frameLocator('#inner'), 'L3908'],
];

describe('small frames of another origin', () => {
  it.each(FOREIGN_FRAMES)('%s: the frame draws its own tooltip; the top page holds none', async (_name, frame, code) => {
    await hoverText(page, frame(page).locator('#c'), code);
    expectDescribes(await tooltipText(frame(page)), code);
    expect(await hostCount(page)).toBe(0);
    // Nothing for the embedding page to read, whatever it looks through.
    const seen = await page.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      return { popovers: all.filter((e) => e.hasAttribute('popover')).length, roots: all.filter((e) => e.shadowRoot).length, text: document.documentElement.textContent ?? '' };
    });
    expect(seen.popovers).toBe(0);
    expect(seen.roots).toBe(0);
    expect(seen.text).not.toContain(code);
  });
});

describe('small frames of the top page’s origin', () => {
  it.each(SMALL_FRAMES)('%s: the top frame shows the tooltip next to the code, unclipped', async (_name, frame, code, modifiers) => {
    const target = frame(page).locator('#c');
    const point = await hoverText(page, target, code);
    expectDescribes(await tooltipText(page), code, modifiers);
    const tip = (await tooltipOf(page).boundingBox())!;
    const codeBox = (await target.boundingBox())!;
    // Beside the code, in the top page's coordinates: just below it (or above, if no room).
    expect(Math.abs(tip.x - codeBox.x)).toBeLessThan(12);
    const gapBelow = tip.y - (codeBox.y + codeBox.height);
    const gapAbove = codeBox.y - (tip.y + tip.height);
    expect(Math.min(Math.abs(gapBelow), Math.abs(gapAbove))).toBeLessThan(12);
    // Taller than the frame it came from: a tooltip inside it would be clipped.
    expect(tip.height).toBeGreaterThan(90);
    expect(point.y).toBeGreaterThan(0);
    await pointAway(page);
  });

  it('keeps the tooltip while the pointer moves from the frame onto it, then hides it', async () => {
    const target = page.frameLocator('#same').locator('#c');
    await hoverText(page, target, 'E1392');
    await tooltipText(page);
    const tip = (await tooltipOf(page).boundingBox())!;
    await page.mouse.move(tip.x + 20, tip.y + 10, { steps: 4 });
    await page.mouse.move(tip.x + 40, tip.y + 40, { steps: 2 });
    await new Promise((r) => setTimeout(r, 600));
    expect(await tooltipOf(page).isVisible()).toBe(true);
    await pointAway(page);
  });
});

describe('large frames', () => {
  it('shows the tooltip inside a frame with room for it', async () => {
    const frame = page.frameLocator('#big');
    await hoverText(page, frame.locator('#c'), 'B4035');
    expectDescribes(await tooltipText(frame), 'B4035');
    expect(await tooltipOf(page).isVisible()).toBe(false);
  });
});

describe('page-sent messages', () => {
  it('the extension neither sends nor swallows any: the page’s own listeners get every message, the old relay key included', async () => {
    // Every message any frame receives, as the page's own listeners see it.
    const listen = () => {
      const w = window as unknown as { __got: string[] };
      w.__got = [];
      addEventListener('message', (e) => w.__got.push(JSON.stringify(e.data)));
    };
    // Every frame, the top one included.
    for (const f of page.frames()) await f.evaluate(listen).catch(() => undefined);
    // A tooltip the top page draws for a small frame, and one a cross-origin frame draws.
    await hoverText(page, page.frameLocator('#same').locator('#c'), 'E1392');
    expectDescribes(await tooltipText(page), 'E1392', ['RR']);
    await pointAway(page);
    await hoverText(page, page.frameLocator('#cross').locator('#c'), 'E0431');
    expectDescribes(await tooltipText(page.frameLocator('#cross')), 'E0431');
    const got = async () => {
      const all: string[] = [];
      for (const f of page.frames()) all.push(...((await f.evaluate(() => (window as unknown as { __got?: string[] }).__got ?? []).catch(() => [])) as string[]));
      return all;
    };
    expect(await got()).toEqual([]);
    // The key the extension once used, from the page's own child frame: delivered to the page.
    await page.frameLocator('#same').locator('body').evaluate(() => parent.postMessage({ hcpcsLensAnchor: 1 }, '*'));
    await page.waitForFunction(() => (window as unknown as { __got: string[] }).__got.length === 1);
    expect(await page.evaluate(() => (window as unknown as { __got: string[] }).__got)).toEqual(['{"hcpcsLensAnchor":1}']);
  });
});

describe('site rules', () => {
  it('turning the top page’s site off quiets its cross-origin frames, even one loaded with referrerpolicy="no-referrer"', async () => {
    // The frame does not learn its top page from the page (Firefox has no location.ancestorOrigins): the worker names the tab's host.
    await page.evaluate((other) => {
      const frame = Object.assign(document.createElement('iframe'), { id: 'noref', referrerPolicy: 'no-referrer', src: `${other}/frame-cross.html` });
      frame.className = 'small';
      document.querySelector('main')!.prepend(frame);
    }, e2e.server.otherOrigin);
    const frame = page.frameLocator('#noref');
    await frame.locator('#c').waitFor();
    await hoverText(page, frame.locator('#c'), 'E0431');
    expectDescribes(await tooltipText(frame), 'E0431');
    await pointAway(page).catch(() => undefined);
    await page.mouse.move(5, 5);
    await setSettings(e2e.ext, { ...FAST, sites: [new URL(page.url()).host] });
    try {
      await hoverText(page, frame.locator('#c'), 'E0431');
      await expectNoTooltip(frame);
      expect(await hostCount(page)).toBe(0);
    } finally {
      await setSettings(e2e.ext, FAST);
    }
  });
});

describe('the tooltip’s buttons', () => {
  it('answer only the user’s own click: a script’s click on pin or close does nothing', async () => {
    await hoverText(page, page.frameLocator('#same').locator('#c'), 'E1392');
    await tooltipText(page);
    const pin = tooltipOf(page).locator('button[aria-label="Keep open"]');
    const close = tooltipOf(page).locator('button[aria-label="Close"]');
    // Script clicks (isTrusted false), even from code that could reach inside the closed root.
    await pin.evaluate((b) => b.click());
    await close.evaluate((b) => b.click());
    expect(await pin.getAttribute('aria-pressed')).toBe('false');
    expect(await tooltipOf(page).isVisible()).toBe(true);
    // The user's click pins it.
    await pin.click();
    expect(await pin.getAttribute('aria-pressed')).toBe('true');
    await close.click();
    await tooltipOf(page).waitFor({ state: 'hidden', timeout: 5000 });
  });
});
