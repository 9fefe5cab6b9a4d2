/**
 * A tooltip for a code in a frame lets go (issue 11, section 3): whether the
 * frame draws it (tall frames, cross-origin frames) or the top page does
 * (small frames of the top's origin, srcdoc, nested), it hides when the
 * pointer leaves the frame for the top page or another frame, when the frame
 * or the page scrolls, on Escape pressed in any frame of the tab, and when
 * the frame is removed; and a tooltip no longer wanted never takes the
 * pointer from the next code.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useExtension } from './support/extension-session';
import { FAST } from './support/extension-page';
import { expectDescribes, hostCount, hoverText, pointAt, tooltipOf, tooltipText } from './support/page-tools';

const e2e = useExtension({ settings: FAST });
let page: Page;

beforeAll(async () => {
  page = await e2e.ext.context.newPage();
});

beforeEach(async () => {
  await page.goto(`${e2e.server.url('frames-let-go.html')}?other=${encodeURIComponent(e2e.server.otherOrigin)}`);
  await page.bringToFront();
  for (const id of ['small', 'cross', 'plain']) await page.frameLocator(`#${id}`).locator('body').waitFor();
  for (const id of ['tall', 'tallcross']) await page.frameLocator(`#${id}`).locator('#p59').waitFor({ state: 'attached' });
  await page.frameLocator('#nest').frameLocator('#inner').locator('#c').waitFor();
  await page.frameLocator('#nestcross').frameLocator('#inner').locator('#c').waitFor();
});

type Case = { name: string; frame: (p: Page) => FrameLocator; code: string; target: string; drawnBy: 'top' | 'frame'; removable: string };
const CASES: Case[] = [
  { name: 'tall srcdoc frame', frame: (p) => p.frameLocator('#tall'), code: 'E0601', target: '#p2 .c', drawnBy: 'frame', removable: '#tall' },
  { name: 'tall cross-origin frame', frame: (p) => p.frameLocator('#tallcross'), code: 'E1392', target: '#p1 .c', drawnBy: 'frame', removable: '#tallcross' },
  { name: 'small same-origin frame', frame: (p) => p.frameLocator('#small'), code: 'E1392', target: '#c', drawnBy: 'top', removable: '#small' },
  { name: 'small cross-origin frame', frame: (p) => p.frameLocator('#cross'), code: 'E0431', target: '#c', drawnBy: 'frame', removable: '#cross' },
  { name: 'small srcdoc frame nested in a same-origin frame', frame: (p) => p.frameLocator('#nest').frameLocator('#inner'), code: 'A4604', target: '#c', drawnBy: 'top', removable: '#nest' },
  { name: 'small cross-origin frame nested in a same-origin frame', frame: (p) => p.frameLocator('#nestcross').frameLocator('#inner'), code: 'L3908', target: '#c', drawnBy: 'frame', removable: '#nestcross' },
];

/** Where the tooltip for a code in `c` is drawn: the top page, or the frame itself. */
const drawer = (c: Case) => (c.drawnBy === 'top' ? page : c.frame(page));

async function show(c: Case): Promise<void> {
  await hoverText(page, c.frame(page).locator(c.target), c.code);
  expectDescribes(await tooltipText(drawer(c)), c.code);
  // Drawn where it should be: a cross-origin frame's tooltip never in the top page.
  if (c.drawnBy === 'frame') expect(await hostCount(page)).toBe(0);
}

const hidden = (c: Case) => tooltipOf(drawer(c)).waitFor({ state: 'hidden', timeout: 5000 });

/** A blank part of the top page, clear of every frame and of where any of these tooltips is drawn. */
const BLANK = { x: 1240, y: 60 };

/** A point in another frame, clear of the tooltip: the plain frame, or for tooltips the top page draws over the side column, the tall frame's lower left corner. */
async function otherFrame(c: Case): Promise<{ x: number; y: number }> {
  if (c.drawnBy === 'top') {
    const tall = (await page.locator('#tall').boundingBox())!;
    return { x: tall.x + 12, y: tall.y + tall.height - 12 };
  }
  const plain = (await page.locator('#plain').boundingBox())!;
  return { x: plain.x + plain.width / 2, y: plain.y + plain.height / 2 };
}

describe.each(CASES)('$name', (c) => {
  it('hides when the pointer leaves the frame for the top page', async () => {
    await show(c);
    await page.mouse.move(BLANK.x, BLANK.y, { steps: 2 });
    await hidden(c);
  });

  it('hides when the pointer leaves the frame for another frame', async () => {
    await show(c);
    const other = await otherFrame(c);
    await page.mouse.move(other.x, other.y, { steps: 2 });
    await hidden(c);
  });

  it('stays while the pointer moves into it, and when pinned, until Escape is pressed in another frame', async () => {
    await show(c);
    const pin = tooltipOf(drawer(c)).locator('button[aria-label="Keep open"]');
    await pin.click();
    expect(await pin.getAttribute('aria-pressed')).toBe('true');
    // Pinned: leaving for the top page does not take it down.
    await page.mouse.move(BLANK.x, BLANK.y, { steps: 2 });
    await new Promise((r) => setTimeout(r, 600));
    expect(await tooltipOf(drawer(c)).isVisible()).toBe(true);
    // Escape in a frame with no tooltip of its own (the keyboard focus there).
    const other = await otherFrame(c);
    await page.mouse.click(other.x, other.y);
    await page.keyboard.press('Escape');
    await hidden(c);
    // With no tooltip open anywhere, Escape is the page's own.
    await page.mouse.click(BLANK.x, BLANK.y);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (window as unknown as { escapes: number }).escapes)).toBe(1);
  });

  it('hides when the page scrolls', async () => {
    await show(c);
    await page.evaluate(() => scrollBy(0, 30));
    await hidden(c);
  });

  it('hides when the frame is removed', async () => {
    await show(c);
    await page.evaluate((sel) => document.querySelector(sel)!.remove(), c.removable);
    await tooltipOf(page).waitFor({ state: 'hidden', timeout: 5000 });
    expect(await tooltipOf(page).isVisible()).toBe(false);
  });
});

describe.each(CASES.filter((c) => c.name.startsWith('tall')))('$name, scrolled', (c) => {
  it('hides when the frame scrolls, and the code that scrolls under where it was gets its own tooltip', async () => {
    await show(c);
    const old = (await tooltipOf(drawer(c)).boundingBox())!;
    // The user scrolls the frame with the wheel, the pointer still on the code.
    await page.mouse.wheel(0, 90);
    await hidden(c);
    // A code now lying where the old tooltip was: resting on it shows its tooltip, not the old one.
    const frame = c.frame(page);
    const spans = frame.locator('.c');
    let next: { index: number; x: number; y: number } | undefined;
    for (let i = 0; i < (await spans.count()) && !next; i++) {
      const box = await spans.nth(i).boundingBox();
      if (!box) continue;
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      if (x > old.x && x < old.x + old.width && y > old.y && y < old.y + old.height) next = { index: i, x, y };
    }
    expect(next).toBeDefined();
    const code = (await spans.nth(next!.index).textContent())!;
    const point = await pointAt(spans.nth(next!.index), code, 2);
    await page.mouse.move(point.x - 3, point.y);
    await page.mouse.move(point.x, point.y);
    expectDescribes(await tooltipText(drawer(c)), code);
  });
});
