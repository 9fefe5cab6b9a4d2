/**
 * Codes inside the portal's frames: same- and cross-origin, srcdoc,
 * about:blank, blob:, sandboxed and nested. A frame too small for the
 * tooltip gets it from the top frame, placed by the code and not clipped by
 * the frame's edges; a large frame shows its own.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useExtension } from './support/extension-session';
import { FAST } from './support/extension-page';
import { expectDescribes, hoverText, pointAway, tooltipOf, tooltipText } from './support/page-tools';

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
  ['cross-origin', (p) => p.frameLocator('#cross'), 'E0431', []],
  ['srcdoc', (p) => p.frameLocator('#srcdoc'), 'E0601', []],
  ['about:blank', (p) => p.frameLocator('#blank'), 'A4253', []],
  ['blob:', (p) => p.frameLocator('#blob'), 'K0001', []],
  ['sandboxed', (p) => p.frameLocator('#sandboxed'), 'E1390', []],
  ['nested (cross-origin inside same-origin)', (p) => p.frameLocator('#nest').frameLocator('#inner'), 'L3908', []],
];

describe('small frames', () => {
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
  it('ignores forged anchor messages: no tooltip, and the real ones still work', async () => {
    await page.evaluate(() => {
      const rect = { left: 10, top: 10, width: 50, height: 20 };
      for (let i = 0; i < 50; i++) {
        window.postMessage({ hcpcsLensAnchor: { token: `forged-token-${i}`, rect } }, '*');
        (document.getElementById('same') as HTMLIFrameElement).contentWindow!.postMessage({ hcpcsLensAnchor: { token: 'x', rect: 'big' } }, '*');
      }
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(await tooltipOf(page).isVisible()).toBe(false);
    await hoverText(page, page.frameLocator('#same').locator('#c'), 'E1392');
    expectDescribes(await tooltipText(page), 'E1392', ['RR']);
  });
});
