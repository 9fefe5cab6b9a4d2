/**
 * Settings reach open tabs without a reload: on/off, site rules, detail
 * level, theme, trigger key and the dwell time before a tooltip shows.
 */
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useExtension } from './support/extension-session';
import { FAST, setSettings } from './support/extension-page';
import { expectDescribes, expectNoTooltip, hoverText, pointAt, pointAway, record, tooltipOf, tooltipText } from './support/page-tools';

const e2e = useExtension();
let page: Page;

beforeAll(async () => {
  page = await e2e.ext.context.newPage();
});

beforeEach(async () => {
  await setSettings(e2e.ext, FAST);
  await page.goto(e2e.server.url('claims-table.html'));
  await page.bringToFront();
});

const code = () => page.locator('#row1 .code');

/** Changes settings, then waits for the page to have them: a tooltip that shows (or not) proves it. */
async function change(changed: Parameters<typeof setSettings>[1]): Promise<void> {
  await pointAway(page).catch(() => undefined);
  await setSettings(e2e.ext, { ...FAST, ...changed });
}

describe('turning the extension off and on', () => {
  it('stops and resumes hover tooltips in an open tab', async () => {
    expectDescribes(await (await hoverText(page, code(), 'E1392'), tooltipText(page)), 'E1392');
    await change({ enabled: false });
    await hoverText(page, code(), 'E1392', 2);
    await expectNoTooltip(page);
    await change({ enabled: true });
    await hoverText(page, code(), 'E1392', 3);
    expectDescribes(await tooltipText(page), 'E1392');
  });
});

describe('site rules', () => {
  it('is quiet on a listed site in "all except" mode and only on listed sites in "only listed" mode', async () => {
    await change({ sites: ['127.0.0.1'] });
    await hoverText(page, code(), 'E1392');
    await expectNoTooltip(page);
    await change({ siteMode: 'only-listed', sites: ['127.0.0.1'] });
    await hoverText(page, code(), 'E1392', 2);
    expectDescribes(await tooltipText(page), 'E1392');
    await change({ siteMode: 'only-listed', sites: ['portal.example.com'] });
    await hoverText(page, code(), 'E1392', 3);
    await expectNoTooltip(page);
  });
});

describe('detail level', () => {
  it('shows brief, standard or full as chosen, without reloading', async () => {
    await change({ detailLevel: 'brief' });
    let text = await (await hoverText(page, code(), 'E1392'), tooltipText(page));
    expect(text).toContain(record('E1392').short);
    expect(text).not.toContain('Coverage');
    expect(text).toContain('CMS 2026 Q1');
    await change({ detailLevel: 'standard' });
    text = await (await hoverText(page, code(), 'E1392', 3), tooltipText(page));
    expect(text).toContain('Coverage');
    expect(text).toContain('CMS HCPCS 2026 Q1');
    await change({ detailLevel: 'full' });
    text = await (await hoverText(page, code(), 'E1392', 2), tooltipText(page));
    expect(text).toContain(record('E1392').long);
    expect(text).toContain('BETOS category');
    expect(text).toContain('Multiple pricing indicator');
    expect(text).toContain('CMS HCPCS 2026 Q1');
  });
});

describe('a terminated code', () => {
  it('says "terminated" with its date at every detail level', async () => {
    for (const detailLevel of ['brief', 'standard', 'full'] as const) {
      await change({ detailLevel });
      await page.goto(e2e.server.url('remittance.html'));
      const text = await (await hoverText(page, page.locator('#svc3'), 'A4397'), tooltipText(page));
      expect(text).toContain('Terminated Dec 31, 2021');
    }
  });
});

describe('theme', () => {
  it('follows the chosen theme', async () => {
    await change({ theme: 'dark' });
    await hoverText(page, code(), 'E1392');
    await tooltipText(page);
    const dark = await tooltipOf(page).evaluate((el) => [el.getAttribute('data-theme'), getComputedStyle(el).backgroundColor]);
    expect(dark).toEqual(['dark', 'rgb(28, 33, 40)']);
    await change({ theme: 'light' });
    await hoverText(page, code(), 'E1392', 2);
    await tooltipText(page);
    const light = await tooltipOf(page).evaluate((el) => [el.getAttribute('data-theme'), getComputedStyle(el).backgroundColor]);
    expect(light).toEqual(['light', 'rgb(255, 255, 255)']);
  });

  it('follows the system in "system" mode', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await hoverText(page, code(), 'E1392');
    await tooltipText(page);
    expect(await tooltipOf(page).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(28, 33, 40)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await tooltipOf(page).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
  });
});

describe('trigger key', () => {
  it('shows the tooltip only while the chosen key is held', async () => {
    await change({ trigger: 'alt' });
    await hoverText(page, code(), 'E1392');
    await expectNoTooltip(page);
    await page.keyboard.down('Alt');
    expectDescribes(await tooltipText(page), 'E1392');
    await page.keyboard.up('Alt');
  });
});

describe('hover intent with the default dwell (200 ms)', () => {
  it('shows nothing while the pointer sweeps across codes, and the tooltip after a rest of about 200 ms', async () => {
    await setSettings(e2e.ext, { hoverDelayMs: 200 });
    // Loaded after the write: the page's session reads the 200 ms dwell when it starts (no fixed wait for the change to arrive).
    await page.reload();
    // The page's own record of when the pointer moved (on a busy machine the moves may come further apart than
    // meant) and of the tooltip's openings (its host's popover toggles: reading the closed root between moves
    // would slow the sweep).
    await page.evaluate(() => {
      const w = window as unknown as { __moves: number[]; __opened: number[] };
      w.__moves = [];
      w.__opened = [];
      addEventListener('pointermove', (e) => w.__moves.push(e.timeStamp), { capture: true, passive: true });
      addEventListener('beforetoggle', (e) => void ((e as ToggleEvent).newState === 'open' && w.__opened.push(e.timeStamp)), { capture: true });
    });
    // Sweep down the HCPCS column, a move every 40 ms.
    const start = await pointAt(page.locator('#row1 .code'), 'E1392');
    const end = await pointAt(page.locator('#row5 .code'), '99213');
    for (let i = 0; i <= 20; i++) {
      await page.mouse.move(start.x + ((end.x - start.x) * i) / 20, start.y + ((end.y - start.y) * i) / 20);
      await new Promise((r) => setTimeout(r, 40));
    }
    // Only a real rest may have shown it: before each opening the pointer stood still for the dwell.
    const rests = await page.evaluate(() => {
      const w = window as unknown as { __moves: number[]; __opened: number[] };
      return w.__opened.map((t) => t - Math.max(...w.__moves.filter((m) => m <= t)));
    });
    for (const rest of rests) expect(rest).toBeGreaterThanOrEqual(190);
    await pointAway(page).catch(() => undefined);
    const rest = await pointAt(page.locator('#row2 .code'), 'J1100');
    await page.mouse.move(rest.x, rest.y);
    const restedAt = Date.now();
    await tooltipOf(page).waitFor({ state: 'visible' });
    expect(Date.now() - restedAt).toBeGreaterThanOrEqual(190);
  });

  it('keeps the tooltip while the pointer moves into it, lets its text be selected, and copies the code', async () => {
    await e2e.ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.server.origin });
    await hoverText(page, code(), 'E1392');
    await tooltipText(page);
    const tip = (await tooltipOf(page).boundingBox())!;
    await page.mouse.move(tip.x + 30, tip.y + 30, { steps: 5 });
    await new Promise((r) => setTimeout(r, 500));
    expect(await tooltipOf(page).isVisible()).toBe(true);
    // Select the title by dragging across it.
    const title = (await tooltipOf(page).locator('.hl-title').boundingBox())!;
    await page.mouse.move(title.x + 1, title.y + title.height / 2);
    await page.mouse.down();
    await page.mouse.move(title.x + title.width - 2, title.y + title.height / 2, { steps: 5 });
    await page.mouse.up();
    const selected = await tooltipOf(page).evaluate((tip) => {
      const root = tip.getRootNode() as unknown as { getSelection?(): Selection };
      return root.getSelection?.()?.toString() ?? document.getSelection()?.toString();
    });
    expect(record('E1392').long.startsWith(selected!.trim().slice(0, 10))).toBe(true);
    await tooltipOf(page).locator('button[aria-label="Copy code"]').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('E1392');
    expect(await tooltipOf(page).isVisible()).toBe(true);
  });
});
