/**
 * The content script's side of the protocol, as the popup and the context
 * menu use it: a selection lookup shows the tooltip; "codes on this page"
 * lists this frame's codes with counts; malformed requests get no answer.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useExtension } from './support/extension-session';
import { FAST, sendToPage } from './support/extension-page';
import { expectDescribes, tooltipOf, tooltipText } from './support/page-tools';
import { GAP } from '../../src/content/tooltip/placement';

const e2e = useExtension({ settings: FAST });
let page: Page;

beforeAll(async () => {
  page = await e2e.ext.context.newPage();
});

describe('showSelectionLookup', () => {
  it('shows the tooltip for the codes in a selection, lower case included, next to the selection', async () => {
    await page.goto(e2e.server.url('policy-article.html'));
    await page.evaluate(() => {
      const p = document.getElementById('p4')!;
      const range = document.createRange();
      range.selectNodeContents(p.firstChild!);
      getSelection()!.addRange(range);
    });
    const reply = await sendToPage(e2e.ext, page.url(), 'showSelectionLookup', { text: 'e1392-rr and J1100' });
    expect(reply).toEqual({ result: { shown: true } });
    const text = await tooltipText(page);
    expectDescribes(text, 'E1392', ['RR']);
    expectDescribes(text, 'J1100');
    // By the selection as laid out: below it by the placement's gap, or flipped above it.
    // Where it comes to rest: it slides in over 80 ms (tooltip.css).
    await tooltipOf(page).evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)).then(() => undefined));
    const tip = (await tooltipOf(page).boundingBox())!;
    const selection = await page.evaluate(() => {
      const r = getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });
    expect(Math.min(Math.abs(tip.y - (selection.bottom + GAP)), Math.abs(tip.y + tip.height - (selection.top - GAP)))).toBeLessThanOrEqual(1.5);
  });

  it('looks up a lone modifier, and says when the selection holds no code', async () => {
    await page.goto(e2e.server.url('policy-article.html'));
    expect(await sendToPage(e2e.ext, page.url(), 'showSelectionLookup', { text: ' kx ' })).toEqual({ result: { shown: true } });
    expectDescribes(await tooltipText(page), 'KX');
    await page.keyboard.press('Escape');
    expect(await sendToPage(e2e.ext, page.url(), 'showSelectionLookup', { text: 'no codes here, XE1392' })).toEqual({ result: { shown: false } });
  });
});

describe('listPageCodes', () => {
  it('lists the codes of a claims table with counts, without the Dx column or claim numbers', async () => {
    await page.goto(e2e.server.url('claims-table.html'));
    expect(await sendToPage(e2e.ext, page.url(), 'listPageCodes', {})).toEqual({
      result: {
        codes: [
          { code: 'E0431', count: 1 },
          { code: 'E1390', count: 1 },
          { code: 'E1392', count: 1 },
          { code: 'J1100', count: 1 },
        ],
      },
    });
  });

  it('counts codes in form fields, not in diagnosis or password fields', async () => {
    await page.goto(e2e.server.url('claim-form.html'));
    expect(await sendToPage(e2e.ext, page.url(), 'listPageCodes', {})).toEqual({
      result: {
        codes: [
          { code: 'A4253', count: 1 },
          { code: 'E0431', count: 2 },
          { code: 'E1390', count: 1 },
        ],
      },
    });
  });

  it('counts codes inside open shadow roots', async () => {
    await page.goto(e2e.server.url('shadow-widget.html'));
    expect(await sendToPage(e2e.ext, page.url(), 'listPageCodes', {})).toEqual({
      result: {
        codes: [
          { code: 'A7030', count: 1 },
          { code: 'E0601', count: 1 },
        ],
      },
    });
  });
});

describe('checks', () => {
  it('answers nothing to malformed requests', async () => {
    await page.goto(e2e.server.url('claims-table.html'));
    for (const [type, params] of [
      ['listPageCodes', { all: true }],
      ['showSelectionLookup', { text: 42 }],
      ['showSelectionLookup', { text: 'x'.repeat(2001) }],
      ['showFrameTooltip', { token: 'short', items: [{ code: 'E1392' }] }],
      ['dropTables', {}],
    ] as const) {
      const reply = (await sendToPage(e2e.ext, page.url(), type, params)) as { failed?: string } | undefined;
      expect(reply === undefined || reply.failed !== undefined).toBe(true);
    }
    expect(await tooltipOf(page).isVisible()).toBe(false);
  });

  it('shows nothing for a top-frame request whose frame is not there (or not of the top page’s origin)', async () => {
    await page.goto(e2e.server.url('claims-table.html'));
    const request = { token: 'a1b2c3d4-e5f6', items: [{ code: 'E1392' }], anchor: { left: 10, top: 10, width: 40, height: 16 }, path: [3] };
    expect(await sendToPage(e2e.ext, page.url(), 'showFrameTooltip', request)).toEqual({ result: { shown: false } });
    expect(await tooltipOf(page).isVisible()).toBe(false);
  });
});
