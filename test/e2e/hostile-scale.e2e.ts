/**
 * Pages too big for comfort: a 10 MB text node, 100,000 codes, a DOM nested
 * 5,000 deep, 100 iframes (each built by a script in its fixture under
 * test/fixtures/hostile/). Hovering works, "codes on this page" counts them
 * all, marking codes neither hangs the page nor throws, and the console stays
 * empty. No timings are asserted: "does not hang" is the page and the
 * extension still answering.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useExtension } from './support/extension-session';
import { FAST, sendToPage, setSettings } from './support/extension-page';
import { openPopup, tabIdOf } from './support/extension-pages';
import { useWatchedPage } from './support/watched-page';
import { expectDescribes, hoverText, pointAway, record, tooltipText } from './support/page-tools';

const e2e = useExtension({ settings: FAST });
// Each test starts from FAST: some turn marking on.
const watched = useWatchedPage(e2e, { settings: FAST });
const open = (path: string) => watched.open(`hostile/${path}`);
let page: Page;
beforeEach(() => {
  page = watched.page;
});

async function pageCodes(): Promise<Record<string, number>> {
  const reply = (await sendToPage(e2e.ext, page.url(), 'listPageCodes', {})) as { result: { codes: { code: string; count: number }[] } };
  return Object.fromEntries(reply.result.codes.map(({ code, count }) => [code, count]));
}

/** Turns "mark codes" on for the open page and waits until `text` is marked (a code's mark covers the modifiers written with it: "E1392-RR"). */
async function expectMarked(text: string): Promise<void> {
  await setSettings(e2e.ext, { ...FAST, markCodes: true });
  await expect
    .poll(
      () =>
        page.evaluate((wanted) => {
          for (const highlight of CSS.highlights.values()) {
            for (const r of highlight) if ((r.startContainer as Text).data.slice(r.startOffset, r.endOffset).startsWith(wanted)) return true;
          }
          return false;
        }, text),
      { timeout: 20_000 },
    )
    .toBe(true);
}

describe('a 10 MB text node', () => {
  it('explains a code at its start and one in its middle', async () => {
    await open('huge-text.html');
    expect(await page.evaluate(() => (window as unknown as { __size: number }).__size)).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    await hoverText(page, page.locator('#dump'), 'E1392-RR');
    expectDescribes(await tooltipText(page), 'E1392', ['RR']);
    await pointAway(page);
    await page.evaluate(() => (window as unknown as { scrollToText(t: string): void }).scrollToText('Line 065000'));
    await hoverText(page, page.locator('#dump'), 'Line 065000: E0431', 13);
    expectDescribes(await tooltipText(page), 'E0431', ['RR']);
  });

  it('"codes on this page" counts every code in it; marking leaves the page working', async () => {
    await open('huge-text.html');
    const expected = await page.evaluate(() => {
      const data = (document.getElementById('dump')!.firstChild as Text).data;
      return { A4253: data.match(/A4253 /g)!.length, E0431: data.match(/E0431-RR/g)!.length, E1392: 1, J1100: 1 };
    });
    expect(await pageCodes()).toEqual(expected);
    await expectMarked('E1392');
    await hoverText(page, page.locator('#dump'), 'J1100');
    expectDescribes(await tooltipText(page), 'J1100');
  });
});

describe('100,000 codes on one page', () => {
  const CODES = ['E1392', 'J1100', 'A4253', 'E0431', 'E1390', 'A4604', 'E0601', 'A7030', 'G0439', 'K0001'];

  it('explains a code, counts all 100,000, and marks the ones on screen', async () => {
    await open('many-codes.html');
    await hoverText(page, page.locator('#l3'), 'E1392');
    expectDescribes(await tooltipText(page), 'E1392', ['RR']);
    await pointAway(page);
    for (const code of CODES) record(code);
    expect(await pageCodes()).toEqual(Object.fromEntries(CODES.map((c) => [c, 10_000])));
    await expectMarked('G0439');
    await hoverText(page, page.locator('#l5'), 'A7030');
    expectDescribes(await tooltipText(page), 'A7030');
  });
});

describe('a DOM nested 5,000 deep', () => {
  it('explains and marks the code at the bottom', async () => {
    await open('deep-dom.html');
    expect(await page.evaluate(() => (window as unknown as { __depth: number }).__depth)).toBeGreaterThan(5000);
    await page.locator('#innermost').scrollIntoViewIfNeeded();
    await hoverText(page, page.locator('#bottom'), 'E1392');
    expectDescribes(await tooltipText(page), 'E1392', ['RR']);
    expect(await pageCodes()).toEqual({ E1392: 1 });
    await expectMarked('E1392');
  });
});

describe('100 iframes', () => {
  it('explains a code in one of them, and the popup lists the codes of all 101 frames', async () => {
    await open('many-frames.html');
    await page.frameLocator('#f99').locator('#c').waitFor();
    await hoverText(page, page.frameLocator('#f57').locator('#c'), 'J1100');
    expectDescribes(await tooltipText(page), 'J1100');
    await pointAway(page);
    const popup = await openPopup(e2e.ext, { tabId: await tabIdOf(e2e.ext, page) });
    await popup.click('#tab-page');
    await popup.locator('#page-status').filter({ hasText: 'in all' }).waitFor({ timeout: 20_000 });
    expect(await popup.textContent('#page-status')).toBe('4 different codes, 100 in all in 101 frames.');
    await popup.close();
  });
});
