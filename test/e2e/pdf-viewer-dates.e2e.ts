/**
 * The date-of-service check in the PDF viewer, Chromium with the built
 * extension: where a PDF is tagged with a table structure, a code is judged
 * on its row's date exactly as in a web page's claims table (tooltip and
 * "mark codes"); a PDF with no table tags, and text outside the tagged
 * table, get no verdict and no mark; with the check off, silence. Codes and
 * dates are real (test/support/pdf-table-fixtures.ts).
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './support/chromium';
import { FAST, setSettings } from './support/extension-page';
import { expectDescribes, expectNoTooltip, hoverText, pointAway, tooltipText } from './support/page-tools';
import { invalidMarkedTexts, layerLines, markedTexts, openViewer, pickFile, textLayerOf } from './support/pdf-viewer';
import { STATE_TIMEOUT_MS } from './support/wait';
import { datedRemittancePdf, type Tagging } from '../support/pdf-table-fixtures';

let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchExtension();
  await setSettings(ext, FAST);
});
afterAll(async () => ext?.close());

async function open(tagging: Tagging): Promise<{ page: Page; layer: Locator }> {
  const page = await openViewer(ext);
  await pickFile(page, `remittance-${tagging}.pdf`, datedRemittancePdf(tagging));
  return { page, layer: await textLayerOf(page) };
}

/** Hovers the `nth` run reading exactly `code` (0: the first on the page) and returns the tooltip's text. */
async function hover(page: Page, layer: Locator, code: string, nth = 0): Promise<string> {
  await pointAway(page).catch(() => undefined);
  const run = layer.locator('span', { hasText: new RegExp(`^${code}$`) }).nth(nth);
  // Brought into view as a user scrolls to it (a page is taller than the window).
  await run.scrollIntoViewIfNeeded();
  await hoverText(page, run, code);
  return tooltipText(page);
}

function expectNoVerdict(text: string): void {
  expect(text).not.toMatch(/Valid on|Not valid|spans the|Date of service|a newer release may differ|Not in CMS/);
}

describe('a PDF tagged with a table structure', () => {
  it('judges each code on its own row’s date of service, as in a web page’s claims table', async () => {
    const { page, layer } = await open('table');
    // Taken out of their marked-content groups, the runs read as the lines on the page.
    expect(await layerLines(page)).toContain('12/15/2025 A4295 1 12.50');
    expect(await hover(page, layer, 'A4295', 0)).toContain('Not valid on 12/15/2025: added 01/01/2026 (DOS column)');
    expect(await hover(page, layer, 'C5271')).toContain('Not valid on 02/01/2026: terminated 12/31/2025 (DOS column)');
    expect(await hover(page, layer, 'A4295', 1)).toContain('Valid on 01/15/2026 (DOS column)');
    const modifier = await hover(page, layer, 'E1392');
    expect(modifier).toContain('Valid on 01/15/2026');
    expect(modifier).not.toContain('Not valid');
    // A code the release lacks, billed in the HCPCS column on a date: the line will be denied.
    expect(await hover(page, layer, 'E9999')).toContain('Not in CMS 2026 Q1: added after this release, dropped before it, or not an HCPCS code (DOS column)');
    await page.close();
  });

  it('judges the lines of a table running over two pages on each page, by the header printed again on the second', async () => {
    const page = await openViewer(ext);
    await pickFile(page, 'remittance-2-pages.pdf', datedRemittancePdf('table', true));
    const first = await textLayerOf(page, 1);
    expect(await hover(page, first, 'C5271')).toContain('Not valid on 02/01/2026: terminated 12/31/2025 (DOS column)');
    await page.locator('.page[data-page="2"]').scrollIntoViewIfNeeded();
    const second = await textLayerOf(page, 2);
    expect(await hover(page, second, 'A4295')).toContain('Valid on 01/15/2026 (DOS column)');
    expect(await hover(page, second, 'E9999')).toContain('Not in CMS 2026 Q1');
    await page.close();
  });

  it('says nothing of a date for a code outside the table, though its line names a date', async () => {
    const { page, layer } = await open('table');
    // The note above the table: "C5271 billed 02/01/2026 …", in a tagged paragraph.
    await pointAway(page).catch(() => undefined);
    await hoverText(page, layer.locator('span', { hasText: /^Note: C5271/ }), 'C5271');
    const text = await tooltipText(page);
    expectDescribes(text, 'C5271');
    expectNoVerdict(text);
    await page.close();
  });

  it('marks apart exactly the codes not valid on their row’s date', async () => {
    const { page } = await open('table');
    await page.check('#mark-codes');
    await expect.poll(() => invalidMarkedTexts(page), { timeout: STATE_TIMEOUT_MS }).toEqual(['A4295 12/15/2025', 'C5271 02/01/2026']);
    // Every code keeps its tint (the note's C5271 included); the two not valid have the mark over it.
    expect(await markedTexts(page)).toEqual(['A4295', 'A4295', 'A4295', 'C5271', 'C5271', 'C5271', 'E1392 RR']);
    await page.close();
  });
});

describe('a PDF without table tags', () => {
  for (const tagging of ['none', 'paragraphs'] as const) {
    it(`stays silent on the same table ${tagging === 'none' ? 'untagged' : 'tagged as paragraphs only'}: no verdict, no mark`, async () => {
      const { page, layer } = await open(tagging);
      for (const [code, nth] of [['A4295', 0], ['C5271', 0]] as const) {
        const text = await hover(page, layer, code, nth);
        expectDescribes(text, code);
        expectNoVerdict(text);
      }
      // Where no table says it is a billed procedure code, a code the release lacks gets no tooltip.
      await pointAway(page);
      await hoverText(page, layer.locator('span', { hasText: /^E9999$/ }), 'E9999');
      await expectNoTooltip(page);
      await page.check('#mark-codes');
      await expect.poll(() => markedTexts(page), { timeout: STATE_TIMEOUT_MS }).toEqual(['A4295', 'A4295', 'C5271', 'C5271', 'E1392 RR']);
      // The tint and the date pass are one step (page-marker.ts): with the tint painted, the date pass has found no date.
      expect(await invalidMarkedTexts(page)).toEqual([]);
      await page.close();
    });
  }
});

describe('the check turned off', () => {
  it('leaves a tagged table’s codes without a verdict and without the not-valid mark', async () => {
    await setSettings(ext, { ...FAST, checkDateOfService: false });
    try {
      const { page, layer } = await open('table');
      const text = await hover(page, layer, 'A4295', 0);
      expectDescribes(text, 'A4295');
      expectNoVerdict(text);
      await page.check('#mark-codes');
      await expect.poll(() => markedTexts(page), { timeout: STATE_TIMEOUT_MS }).toEqual(['A4295', 'A4295', 'C5271', 'C5271', 'E1392 RR']);
      expect(await invalidMarkedTexts(page)).toEqual([]);

      // Turned on again with the viewer open: the marks are made again, with the dates.
      await setSettings(ext, FAST);
      await expect.poll(() => invalidMarkedTexts(page), { timeout: STATE_TIMEOUT_MS }).toEqual(['A4295 12/15/2025', 'C5271 02/01/2026']);
      await page.close();
    } finally {
      await setSettings(ext, FAST);
    }
  });
});
