/**
 * The tooltip above everything the page stacks: an open modal dialog with
 * global CSS aimed at every element and a full-page overlay, a popover in
 * that dialog, a fullscreen element, `* { all: unset !important }` with
 * overlays at the highest z-index. Its buttons work although the modal
 * makes the rest of the page inert, and neither showing, using nor
 * dismissing it closes or changes the page's dialog and popover. Nothing is
 * written to the page's console.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useExtension } from './support/extension-session';
import { FAST } from './support/extension-page';
import { useWatchedPage } from './support/watched-page';
import { expectDescribes, hoverText, tooltipOf, tooltipText } from './support/page-tools';

const e2e = useExtension({ settings: FAST });
const watched = useWatchedPage(e2e);
let page: Page;

beforeEach(() => {
  page = watched.page;
});

/** The element the user would hit at the tooltip's centre: ours, not an overlay. */
async function tooltipIsOnTop(): Promise<boolean> {
  const box = (await tooltipOf(page).boundingBox())!;
  return tooltipOf(page).evaluate((tip, [x, y]) => document.elementFromPoint(x!, y!) === (tip.getRootNode() as ShadowRoot).host, [box.x + box.width / 2, box.y + box.height / 2]);
}

const pageState = () =>
  page.evaluate(() => ({
    dialogOpen: (document.getElementById('dlg') as HTMLDialogElement).open,
    popoverOpen: document.getElementById('pop')!.matches(':popover-open'),
    events: (window as unknown as { __dialogEvents: string[] }).__dialogEvents,
    escapes: (window as unknown as { __escapes: number }).__escapes,
  }));

describe('modal dialog under hostile CSS', () => {
  it('shows a readable tooltip above the dialog and the overlay; pin works; Escape closes only the tooltip', async () => {
    await page.goto(e2e.server.url('hostile-modal.html'));
    await page.bringToFront();
    await hoverText(page, page.locator('#code'), 'E1392');
    const text = await tooltipText(page);
    expectDescribes(text, 'E1392', ['RR']);
    expect(await tooltipIsOnTop()).toBe(true);
    // The page's `* { font-size: 22px; color: #c00 }` does not reach inside.
    const style = await tooltipOf(page).evaluate((el) => ({ size: getComputedStyle(el).fontSize, color: getComputedStyle(el).color }));
    expect(style.size).toBe('13px');
    expect(style.color).not.toBe('rgb(204, 0, 0)');
    // A button of the tooltip works though everything outside the dialog is inert.
    const pin = tooltipOf(page).locator('button[aria-label="Keep open"]');
    await pin.click();
    expect(await pin.getAttribute('aria-pressed')).toBe('true');
    await page.mouse.move(2, 2, { steps: 3 });
    await new Promise((r) => setTimeout(r, 500));
    expect(await tooltipOf(page).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await tooltipOf(page).waitFor({ state: 'hidden' });
    expect(await pageState()).toEqual({ dialogOpen: true, popoverOpen: false, events: [], escapes: 0 });
  });

  it('leaves the page’s popover open while the tooltip is shown, used and dismissed', async () => {
    await page.goto(e2e.server.url('hostile-modal.html'));
    await page.bringToFront();
    await page.locator('#details').click();
    expect((await pageState()).popoverOpen).toBe(true);
    await hoverText(page, page.locator('#popcode'), 'A4604');
    expectDescribes(await tooltipText(page), 'A4604');
    expect(await tooltipIsOnTop()).toBe(true);
    await tooltipOf(page).locator('button[aria-label="Copy code"]').click();
    await tooltipOf(page).locator('button[aria-label="Close"]').click();
    await tooltipOf(page).waitFor({ state: 'hidden' });
    const state = await pageState();
    expect(state.dialogOpen).toBe(true);
    expect(state.popoverOpen).toBe(true);
    expect(state.events).toEqual(['popover open']);
  });
});

describe('fullscreen element', () => {
  it('shows the tooltip above a fullscreen element', async () => {
    await page.goto(e2e.server.url('fullscreen-report.html'));
    await page.bringToFront();
    await page.locator('#go').click();
    await page.waitForFunction(() => document.fullscreenElement?.id === 'report');
    await hoverText(page, page.locator('#code'), 'E1392');
    expectDescribes(await tooltipText(page), 'E1392');
    expect(await tooltipIsOnTop()).toBe(true);
    const pin = tooltipOf(page).locator('button[aria-label="Keep open"]');
    await pin.click();
    expect(await pin.getAttribute('aria-pressed')).toBe('true');
    await page.evaluate(() => document.exitFullscreen());
  });
});

describe('global CSS aimed at everything', () => {
  it('`* { all: unset !important }` and overlays at the top z-index: the tooltip is readable, on top, and its buttons work', async () => {
    await page.goto(e2e.server.url('hostile/global-css.html'));
    await page.bringToFront();
    // From here on, the page's own observer sees only what the extension does.
    await page.evaluate(() => (window as unknown as { __mutations: unknown[] }).__mutations.splice(0));
    await hoverText(page, page.locator('#code'), 'E1392');
    expectDescribes(await tooltipText(page), 'E1392', ['RR']);
    expect(await tooltipIsOnTop()).toBe(true);
    const style = await tooltipOf(page).evaluate((el) => ({ size: getComputedStyle(el).fontSize, display: getComputedStyle(el).display, position: getComputedStyle(el).position }));
    expect(style).toEqual({ size: '13px', display: 'block', position: 'fixed' });
    const pin = tooltipOf(page).locator('button[aria-label="Keep open"]');
    await pin.click();
    expect(await pin.getAttribute('aria-pressed')).toBe('true');
    await tooltipOf(page).locator('button[aria-label="Close"]').click();
    await tooltipOf(page).waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => (window as unknown as { __foreignMutations(): string[] }).__foreignMutations())).toEqual([]);
  });
});
