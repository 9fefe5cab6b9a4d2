/**
 * The PDF viewer in Chromium, with the built extension, on PDFs the tests
 * generate (test/support/pdf-fixtures.ts): the text layer read as a reader
 * sees it (split runs, columns out of order), hover tooltips, "mark codes",
 * "codes in this PDF" and its jumps and TSV, find, opening by picker and by
 * drop, and every kind of bad file, after which the viewer still works.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './support/chromium';
import { lastCopied } from './support/extension-pages';
import { FAST, setSettings } from './support/extension-page';
import { expectDescribes, hoverText, pointAway, tooltipText } from './support/page-tools';
import { dropFile, foundText, layerLines, listedCodes, markedTexts, openViewer, pickFile, textLayerOf, viewerMessage } from './support/pdf-viewer';
import {
  cmsChangesPdf,
  cmsQuarterChanges,
  damagedPdf,
  feeSchedulePdf,
  longPdf,
  notAPdf,
  PASSWORD,
  policyPdf,
  remittancePdf,
  scannedPdf,
  truncatedPdf,
} from '../support/pdf-fixtures';
import { bundledLookup } from '../support/dataset';

let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchExtension();
  await setSettings(ext, FAST);
});
afterAll(async () => ext?.close());

describe('reading a PDF as a reader sees it', () => {
  it('joins a code split over two runs and a table’s columns written out of order into the rows on the page', async () => {
    const page = await openViewer(ext);
    await pickFile(page, 'remittance.pdf', remittancePdf());
    const lines = await layerLines(page);
    expect(lines).toContain('Claim DOS HCPCS Mod 1 Mod 2 Adj Paid');
    expect(lines).toContain('CLM-1001 10/01/2025 E1392 RR KX CO 45 212.40');
    expect(lines).toContain('CLM-1003 10/03/2025 A4253 NU PR 1 31.10');
    await page.close();
  });

  it('reads a landscape remittance stored turned a quarter (/Rotate 90) as it is shown, and its tooltips land on its codes', async () => {
    const page = await openViewer(ext);
    await pickFile(page, 'landscape.pdf', remittancePdf({ rotate: 90 }));
    expect(await layerLines(page)).toContain('CLM-1001 10/01/2025 E1392 RR KX CO 45 212.40');
    const layer = await textLayerOf(page);
    await hoverText(page, layer, 'E0601');
    expectDescribes(await tooltipText(page), 'E0601', ['RR']);
    expect(await listedCodes(page)).toEqual(['A4253 ×1 p. 1', 'E0601 ×1 p. 1', 'E1392 ×1 p. 1', 'J1100 ×1 p. 1']);
    await page.close();
  });

  it('reads a two-column article line by line across the page', async () => {
    const page = await openViewer(ext);
    await pickFile(page, 'policy.pdf', policyPdf());
    const lines = await layerLines(page);
    expect(lines).toContain('met. Suppliers must append the KX modifier Positive airway pressure devices (E0601)');
    await page.close();
  });
});

describe('tooltips', () => {
  it('describes the code under the pointer with the modifiers of its row, in a remittance table', async () => {
    const page = await openViewer(ext);
    await pickFile(page, 'remittance.pdf', remittancePdf());
    const layer = await textLayerOf(page);
    // On "92", the run of the split code drawn in another font.
    await hoverText(page, layer, 'E1392', 3);
    expectDescribes(await tooltipText(page), 'E1392', ['RR', 'KX']);
    await pointAway(page);
    await hoverText(page, layer, 'J1100');
    expectDescribes(await tooltipText(page), 'J1100');
    await pointAway(page);
    // A group and reason code after the modifiers is not read as one: "CO 45".
    await hoverText(page, layer, 'A4253');
    const text = await tooltipText(page);
    expectDescribes(text, 'A4253', ['NU']);
    await page.close();
  });

  it('describes modifiers named in prose, in a two-column policy article', async () => {
    const page = await openViewer(ext);
    await pickFile(page, 'policy.pdf', policyPdf());
    const layer = await textLayerOf(page);
    await hoverText(page, layer, 'KX modifier', 0);
    expectDescribes(await tooltipText(page), 'KX');
    await pointAway(page);
    await hoverText(page, layer, 'GY and', 0);
    expectDescribes(await tooltipText(page), 'GY');
    await pointAway(page);
    await hoverText(page, layer, 'E0601');
    expectDescribes(await tooltipText(page), 'E0601');
    await page.close();
  });

  it('describes a fee schedule’s code with the modifier of its column', async () => {
    const page = await openViewer(ext);
    await pickFile(page, 'fees.pdf', feeSchedulePdf());
    const layer = await textLayerOf(page);
    await hoverText(page, layer, 'K0001');
    expectDescribes(await tooltipText(page), 'K0001', ['RR']);
    await page.close();
  });
});

describe('marking, the code list, find', () => {
  it('marks the codes on the page and lists a CMS quarterly update’s codes, each jumping to where it is, copied as TSV', async () => {
    const page = await openViewer(ext);
    await pickFile(page, 'cms-changes.pdf', cmsChangesPdf());
    await textLayerOf(page);
    const lookup = bundledLookup();
    const expected = cmsQuarterChanges()
      .map((c) => c.code)
      .filter((code) => lookup.code(code) !== undefined)
      .sort();
    expect(expected.length).toBeGreaterThan(3);
    expect(await listedCodes(page)).toEqual(expected.map((code) => `${code} ×1 p. 1`));

    await page.check('#mark-codes');
    await expect.poll(() => markedTexts(page), { timeout: 10_000 }).toEqual(expected);

    await page.click('#copy-codes');
    expect(await lastCopied(page)).toBe(['Code\tCount\tFirst page', ...expected.map((code) => `${code}\t1\t1`)].join('\n'));

    const last = expected.at(-1)!;
    await page.click(`#codes-list [data-code="${last}"]`);
    await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe(last);
    await page.close();
  });

  it('finds text anywhere in the file, ignoring case and spacing, and goes from match to match', async () => {
    const page = await openViewer(ext);
    await pickFile(page, 'claims.pdf', longPdf(12));
    await textLayerOf(page);
    await page.fill('#find', 'e1392  rr');
    await page.press('#find', 'Enter');
    await expect.poll(() => page.locator('#find-status').innerText()).toBe('1 of 36');
    expect(await foundText(page)).toEqual({ text: 'E1392 RR', page: '1' });
    await page.press('#find', 'Shift+Enter');
    await expect.poll(() => page.locator('#find-status').innerText()).toBe('36 of 36');
    // The last match is on the last page: drawn to show it.
    await expect.poll(() => foundText(page)).toEqual({ text: 'E1392 RR', page: '12' });
    await page.fill('#find', 'Q9999');
    await page.press('#find', 'Enter');
    await expect.poll(() => page.locator('#find-status').innerText()).toBe('No matches');
    await page.close();
  });
});

describe('opening a local file', () => {
  it('opens a PDF dropped on the viewer', async () => {
    const page = await openViewer(ext);
    await dropFile(page, 'dropped.pdf', feeSchedulePdf());
    expect(await layerLines(page)).toContain('E1392 RR Portable oxygen concentrator, rental 180.00');
    expect(await page.locator('#file-name').innerText()).toBe('dropped.pdf');
    await page.close();
  });
});

describe('bad files', () => {
  it('says a file is not a PDF, or is damaged, and keeps the PDF that was open', async () => {
    const page = await openViewer(ext);
    await pickFile(page, 'eob.pdf', notAPdf());
    await viewerMessage(page, /not a PDF/);
    await pickFile(page, 'remittance.pdf', remittancePdf());
    await textLayerOf(page);
    await pickFile(page, 'cut-short.pdf', truncatedPdf());
    expect(await viewerMessage(page, /damaged or incomplete/)).toContain('The PDF open before is still shown');
    await page.locator('#message').evaluate((el) => (el.textContent = ''));
    await pickFile(page, 'overwritten.pdf', damagedPdf());
    expect(await viewerMessage(page, /damaged or incomplete/)).toContain('The PDF open before is still shown');
    expect(await page.locator('#file-name').innerText()).toBe('remittance.pdf');
    // Still working: the remittance is there and its tooltips show.
    await hoverText(page, await textLayerOf(page), 'J1100');
    expectDescribes(await tooltipText(page), 'J1100');
    await page.close();
  });

  it('asks for the password of a protected PDF, again when it is wrong, and says so when the user gives up', async () => {
    const page = await openViewer(ext);
    const locked = remittancePdf({ userPassword: PASSWORD });
    await pickFile(page, 'locked.pdf', locked);
    await page.locator('#password-dialog').waitFor();
    await page.fill('#password', 'wrong');
    await page.click('#password-dialog button[value="open"]');
    await page.locator('#password-note').filter({ hasText: 'not right' }).waitFor();
    await page.fill('#password', PASSWORD);
    await page.click('#password-dialog button[value="open"]');
    expect(await layerLines(page)).toContain('CLM-1002 10/02/2025 J1100 18.75');

    await pickFile(page, 'locked-again.pdf', locked);
    await page.locator('#password-dialog').waitFor();
    await page.click('#password-dialog button[value="cancel"]');
    await viewerMessage(page, /protected by a password/);
    await page.close();
  });

  it('says a scanned PDF has no text, so no codes', async () => {
    const page = await openViewer(ext);
    await pickFile(page, 'scan.pdf', scannedPdf());
    await viewerMessage(page, /No text found/);
    expect(await listedCodes(page)).toEqual([]);
    await page.close();
  });

  it('opens a 500-page PDF drawing only the pages near the screen, stays responsive while it reads them all, and goes to the last', async () => {
    const page = await openViewer(ext);
    await pickFile(page, 'long.pdf', longPdf(500));
    await textLayerOf(page);
    await expect.poll(() => page.locator('#page-count').innerText()).toBe('/ 500');
    // While the whole file is read for its codes, a hover on the first page answers.
    await hoverText(page, await textLayerOf(page), 'E1392');
    expectDescribes(await tooltipText(page), 'E1392', ['RR', 'KX']);
    await pointAway(page);
    expect(await page.locator('.page canvas').count()).toBeLessThanOrEqual(12);
    expect(await listedCodes(page)).toEqual(['E1392 ×1500 p. 1', 'L3000 ×1 p. 500']);
    await page.click('#codes-list [data-code="L3000"]');
    await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe('L3000');
    expect(await page.locator('#page-number').inputValue()).toBe('500');
    expect(await page.locator('.page canvas').count()).toBeLessThanOrEqual(12);
    await page.close();
  });
});

describe('pages, zoom, theme', () => {
  it('goes to a page by number and by the arrows, and zooms with the text layer still over the text', async () => {
    const page = await openViewer(ext);
    await pickFile(page, 'claims.pdf', longPdf(30));
    await textLayerOf(page);
    await page.fill('#page-number', '17');
    await page.press('#page-number', 'Enter');
    expect(await layerLines(page, 17)).toContain('Claim detail, page 17 of 30');
    await page.click('#next-page');
    await expect.poll(() => page.locator('#page-number').inputValue()).toBe('18');
    await textLayerOf(page, 18);

    const width = () => page.locator('.page[data-page="18"]').evaluate((el) => el.getBoundingClientRect().width);
    const before = await width();
    await page.click('#zoom-in');
    await expect.poll(width).toBeGreaterThan(before * 1.1);
    // Drawn again at the new size, and a hover still lands on the code it shows.
    const layer = await textLayerOf(page, 18);
    await hoverText(page, layer, 'E1392');
    expectDescribes(await tooltipText(page), 'E1392', ['RR', 'KX']);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('follows the %s theme, and passes an accessibility audit with a PDF and its codes shown', async (theme) => {
    await setSettings(ext, { ...FAST, theme });
    const page = await openViewer(ext);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await pickFile(page, 'remittance.pdf', remittancePdf());
    await textLayerOf(page);
    await listedCodes(page);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)).toEqual([]);
    await setSettings(ext, FAST);
    await page.close();
  });
});
