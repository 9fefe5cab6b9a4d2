/**
 * Pages that fight back: they swallow events, rewrite themselves under the
 * pointer, stack layers over their text, forge messages and events, and hide
 * invisible characters in codes. Each has its own fixture in
 * test/fixtures/hostile/. The extension keeps working or stays quiet, never
 * runs a string the page wrote, and never throws into the page's console.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useExtension } from './support/extension-session';
import { GAP } from '../../src/content/tooltip/placement';
import { FAST, settingsPage } from './support/extension-page';
import { useWatchedPage } from './support/watched-page';
import { expectDescribes, expectNoTooltip, hostCount, hoverText, pointAway, tooltipOf, tooltipText } from './support/page-tools';

const e2e = useExtension({ settings: FAST });
const watched = useWatchedPage(e2e);
const open = (path: string) => watched.open(`hostile/${path}`);
let page: Page;
beforeEach(() => {
  page = watched.page;
});

const call = (name: string, ...args: unknown[]) =>
  page.evaluate(([n, a]) => (window as unknown as Record<string, (...x: unknown[]) => void>)[n as string]!(...(a as unknown[])), [name, args] as const);

/**
 * The tooltip sits by the code's text under the pointer as laid out now: its
 * top at the text's bottom plus the placement's gap, or flipped, its bottom at the text's top
 * minus the gap (a pixel either way for rounding), give or take `rowsMoved`
 * rows as measured when rows move under the pointer.
 */
async function expectBy(point: { x: number; y: number }, rowsMoved = 0): Promise<void> {
  // Where it comes to rest: it slides in over 80 ms (tooltip.css).
  await tooltipOf(page).evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)).then(() => undefined));
  const tip = (await tooltipOf(page).boundingBox())!;
  // The code cell under the pointer now (rows may have moved since), and its text's box.
  const text = await page.evaluate(({ x, y }) => {
    const cell = document.elementsFromPoint(x, y).find((el) => el.matches('.code'))!;
    const range = document.createRange();
    range.selectNodeContents(cell);
    const r = range.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, row: cell.closest('tr')!.getBoundingClientRect().height };
  }, point);
  const below = Math.abs(tip.y - (text.bottom + GAP));
  const above = Math.abs(tip.y + tip.height - (text.top - GAP));
  expect(Math.min(below, above)).toBeLessThanOrEqual(1.5 + rowsMoved * text.row);
}

describe('the console watch', () => {
  it('sees an error thrown in the extension’s isolated world, so a quiet console means something', async () => {
    await open('layers.html');
    const sender = await settingsPage(e2e.ext);
    await sender.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, world: 'ISOLATED', func: () => void setTimeout(() => { throw new Error('thrown in the extension world'); }) });
    }, page.url());
    await expect.poll(() => watched.errors.fromExtension()).toEqual([expect.stringContaining('thrown in the extension world')]);
    watched.errors.clear();
  });
});

describe('a page that swallows pointer and key events in the capture phase', () => {
  it('still shows the tooltip, and Escape still dismisses it without reaching the page', async () => {
    await open('swallowed-events.html');
    await hoverText(page, page.locator('#row1 .code'), 'E1392');
    expectDescribes(await tooltipText(page), 'E1392', ['RR']);
    await page.keyboard.press('Escape');
    await tooltipOf(page).waitFor({ state: 'hidden' });
    const swallowed = await page.evaluate(() => (window as unknown as { __swallowed: Record<string, number> }).__swallowed);
    // The page's listeners ran and stopped every pointer move, yet the extension had seen them first;
    // the Escape keydown was the extension's alone: the page never saw it.
    expect(swallowed.pointermove).toBeGreaterThan(0);
    expect(swallowed.keydown).toBeUndefined();
  });

  it('shows the tooltip of a field the user tabs to though focus events are swallowed too', async () => {
    await open('swallowed-events.html');
    // The only focusable element: the user's Tab lands on it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('hcpcs');
    expectDescribes(await tooltipText(page), 'A4253');
  });
});

describe('documents written with document.open() and document.write()', () => {
  it('a frame written that way gets tooltips', async () => {
    await open('document-write.html');
    await hoverText(page, page.frameLocator('#report').locator('#c'), 'E0431');
    expectDescribes(await tooltipText(page.frameLocator('#report')), 'E0431');
  });

  it('a page that replaces itself so, before or after a tooltip has shown, keeps working: it cannot switch the extension off', async () => {
    await open('document-write.html');
    // Once before any session ran here, once after: both erase every listener of the document and window.
    await call('rewritePage');
    await hoverText(page, page.locator('#after'), 'A4253');
    expectDescribes(await tooltipText(page), 'A4253');
    await pointAway(page);
    await call('rewritePage');
    await hoverText(page, page.locator('#after'), 'A4253');
    expectDescribes(await tooltipText(page), 'A4253');
    // The frame written again, with its session running, works again too.
    await open('document-write.html');
    await hoverText(page, page.frameLocator('#report').locator('#c'), 'E0431');
    await tooltipText(page.frameLocator('#report'));
    await pointAway(page).catch(() => undefined);
    await page.mouse.move(700, 600);
    await call('writeFrame');
    await hoverText(page, page.frameLocator('#report').locator('#c'), 'E0431');
    expectDescribes(await tooltipText(page.frameLocator('#report')), 'E0431');
  });
});

describe('a page that rewrites itself', () => {
  beforeEach(async () => {
    await open('rewrites.html');
    await hoverText(page, page.locator('#row1 .code'), 'E1392');
    expectDescribes(await tooltipText(page), 'E1392', ['RR']);
  });

  it.each([['body.innerHTML', 'wipeBody', '#next', 'E0431'], ['body.replaceChildren', 'replaceBody', '#replaced', 'A4604']] as const)(
    'wiped by %s while the tooltip shows: the new content works',
    async (_how, rewrite, selector, code) => {
      await call(rewrite);
      await pointAway(page);
      await hoverText(page, page.locator(selector), code);
      expectDescribes(await tooltipText(page), code);
      expect(await hostCount(page)).toBe(1);
    },
  );

  it.each([
    ['the whole <html> rewritten (innerHTML)', 'rewriteDocument', '#next', 'E0431'],
    ['the host removed by a clean-up script', 'removeStrangers', '#row2 .code', 'J1100'],
  ] as const)('%s while the tooltip shows, taking its host: the next hover brings it back', async (_how, rewrite, selector, code) => {
    await call(rewrite);
    expect(await hostCount(page)).toBe(0);
    await page.mouse.move(6, 600);
    await hoverText(page, page.locator(selector), code);
    expectDescribes(await tooltipText(page), code);
    expect(await hostCount(page)).toBe(1);
  });

  it('the text node under a resting pointer replaced every few milliseconds: the tooltip shows by the code', async () => {
    await pointAway(page);
    await call('startRerender', 5);
    const point = await hoverText(page, page.locator('#row2 .code'), 'J1100');
    expectDescribes(await tooltipText(page), 'J1100');
    await expectBy(point);
    await call('stopRerender');
  });

  it('rows moving under a resting pointer: the tooltip explains a code of the board, next to the pointer', async () => {
    await pointAway(page);
    await call('startRotating', 12);
    const point = await hoverText(page, page.locator('#row1 .code'), 'E1392');
    const text = await tooltipText(page);
    await call('stopRotating');
    expect(['E1392', 'J1100', 'A4253'].some((code) => text.startsWith(code))).toBe(true);
    // By the code it explains, which may have moved on while the worker answered: three rows rotate, so at most two rows off.
    await expectBy(point, 2);
  });
});

describe('layers over the text', () => {
  beforeEach(() => open('layers.html'));

  it('text with user-select: none', async () => {
    await hoverText(page, page.locator('#nosel'), 'E1392');
    expectDescribes(await tooltipText(page), 'E1392', ['RR']);
  });

  it('text under a pointer-events: none watermark', async () => {
    await hoverText(page, page.locator('#marked'), 'J1100');
    expectDescribes(await tooltipText(page), 'J1100');
  });

  it('table cells with pointer-events: none', async () => {
    await hoverText(page, page.locator('#inert-cells .code'), 'A4253');
    expectDescribes(await tooltipText(page), 'A4253', ['KX']);
  });

  it('text under a transparent overlay that takes the pointer: quiet (the page hit-tests its overlay, not the text)', async () => {
    await hoverText(page, page.locator('#glassed'), 'E0431');
    await expectNoTooltip(page);
  });
});

describe('a page that forges messages and events', () => {
  const ran = () => page.evaluate(() => (window as unknown as { __ran: string[] }).__ran);

  it('its synthetic pointer, key, focus and message events show nothing', async () => {
    await open('forged-traffic.html');
    await page.mouse.move(600, 500);
    // Forged every 20 ms, at the code's position, since the page loaded.
    await expectNoTooltip(page, 600);
    // One forged move onto the code, then a rest, as a page probing for the extension would do.
    await call('stopForging');
    await call('forgeRest');
    await expectNoTooltip(page, 600);
    expect(await hostCount(page)).toBe(0);
  });

  it('the user’s own hover works through the forged traffic, and forged Escape, scroll and resize do not close the tooltip', async () => {
    await open('forged-traffic.html');
    await hoverText(page, page.locator('#code'), 'E1392');
    expectDescribes(await tooltipText(page), 'E1392', ['RR']);
    await new Promise((r) => setTimeout(r, 300));
    expect(await tooltipOf(page).isVisible()).toBe(true);
    await pointAway(page);
    // A code in a small child frame goes through the frame relay the page floods.
    await hoverText(page, page.frameLocator('#child').locator('span'), 'J1100');
    expectDescribes(await tooltipText(page), 'J1100');
  });

  it('never runs the page’s strings: markup next to a code, in messages, in tokens', async () => {
    await open('forged-traffic.html');
    await hoverText(page, page.locator('#markup'), 'E0431');
    expectDescribes(await tooltipText(page), 'E0431');
    expect(await tooltipOf(page).evaluate((tip) => tip.querySelectorAll('img, script').length)).toBe(0);
    expect(await ran()).toEqual([]);
  });
});

describe('invisible characters around codes', () => {
  beforeEach(() => open('invisible-chars.html'));

  it.each([
    ['a zero-width space inside', '#zwsp', 'E'],
    ['a zero-width joiner inside', '#zwj', 'J'],
    ['a soft hyphen inside', '#shy', 'A42'],
  ])('%s: not a code', async (_name, selector, text) => {
    await hoverText(page, page.locator(selector), text, 0);
    await expectNoTooltip(page);
  });

  it.each([
    ['bidi marks around it', '#bidi', 'E1392', []],
    ['a bidi isolate in right-to-left text', '#rtl', 'E0431', ['RR']],
    ['embedding controls around it', '#embed', 'J1100', []],
    ['a no-break space before the modifier', '#nbsp', 'E1392', ['RR']],
    ['narrow no-break spaces between modifiers', '#nnbsp', 'E1392', ['RR', 'KX']],
  ])('%s: the code, with its modifiers', async (_name, selector, code, modifiers) => {
    await hoverText(page, page.locator(selector), code);
    expectDescribes(await tooltipText(page), code, modifiers);
  });
});
