/**
 * Inputs that once froze the page (issue 10, findings 4–7), in Chromium with
 * the built extension: "A12   A12   … (E1392" before a code, a 256 KB line,
 * a 10 MB code-free text node with marking on, a 200,000-row table without
 * <thead>. Each still gets its tooltip or its mark; the ceilings are only
 * there to catch a hang. Their times are figures in the bench
 * (test/bench/suites/slow-inputs.ts).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { headlessTablePage, codeFreeNodePage, slowLinesPage } from '../support/slow-text';
import { FAST, setSettings } from './support/extension-page';
import { useExtension } from './support/extension-session';
import { expectDescribes, hoverText, pointAway, tooltipOf, tooltipText } from './support/page-tools';

const HANG = { timeout: 180_000 };
const e2e = useExtension({
  settings: FAST,
  pages: {
    '/generated/slow-lines.html': slowLinesPage(),
    '/generated/code-free-node.html': codeFreeNodePage(10 * 1024 * 1024),
    '/generated/headless-table.html': headlessTablePage(200_000),
  },
});
let page: Page;

beforeAll(async () => {
  page = await e2e.ext.context.newPage();
});

describe('slow inputs', () => {
  it('explains the code after "A12   A12   … (" and the last code of a 256 KB line', HANG, async () => {
    await page.goto(e2e.server.url('generated/slow-lines.html'));
    await hoverText(page, page.locator('#adversarial'), 'E1392');
    expectDescribes(await tooltipText(page), 'E1392');
    await pointAway(page);
    await page.locator('#long').evaluate((el) => el.lastElementChild?.scrollIntoView() ?? window.scrollTo(0, document.body.scrollHeight));
    await hoverText(page, page.locator('#long'), 'last code E0431', 11);
    expectDescribes(await tooltipText(page), 'E0431');
    await pointAway(page);
  });

  it('marks the code after a 10 MB code-free text node, and the page still answers a hover', HANG, async () => {
    await setSettings(e2e.ext, { ...FAST, markCodes: true });
    try {
      await page.goto(e2e.server.url('generated/code-free-node.html'), { timeout: 120_000 });
      // The node fills the screen: the paragraph after it comes near the viewport once scrolled to.
      await page.locator('#after').scrollIntoViewIfNeeded();
      await expect
        .poll(() => page.evaluate(() => [...CSS.highlights.values()].some((h) => [...h].some((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset) === 'E1392'))), {
          timeout: 60_000,
        })
        .toBe(true);
      await hoverText(page, page.locator('#after'), 'E1392');
      expectDescribes(await tooltipText(page), 'E1392');
      await pointAway(page);
    } finally {
      await setSettings(e2e.ext, FAST);
    }
  });

  it('explains a code deep in a 200,000-row table without <thead>, with the modifier of its row', { timeout: 600_000 }, async () => {
    // Loading, laying out and hit-testing 200,000 rows is the browser's work, and slow on a busy machine: ceilings only catch a hang.
    await page.goto(e2e.server.url('generated/headless-table.html'), { timeout: 300_000 });
    await page.evaluate(() => document.getElementById('r150001')!.scrollIntoView({ block: 'center' }));
    const cell = page.locator('#r150001 td').first();
    await expect.poll(() => cell.evaluate((td) => td.getBoundingClientRect().top > 0), { timeout: 120_000 }).toBe(true);
    await hoverText(page, cell, 'E0431');
    await expect.poll(() => tooltipOf(page).isVisible(), { timeout: 240_000 }).toBe(true);
    expectDescribes(await tooltipOf(page).innerText(), 'E0431', ['RR']);
  });
});
