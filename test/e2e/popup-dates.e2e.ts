/**
 * The popup and dates of service: Search's "as of" date sets the status of
 * the results (today by default), and a pasted list with a date column gets
 * a "Valid on date" column, in the table and in its TSV. Real 2026 Q1 dates:
 * A4295 added 2026-01-01; C5271 terminated 2025-12-31; JG terminated 2024-12-31.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localIsoDate } from '../../src/hcpcs/dates';
import { lastCopied, openPopup } from './support/extension-pages';
import { freshPageEachTest } from './support/fresh-page';

let popup: Page;

freshPageEachTest(openPopup, (_browser, page) => {
  popup = page;
});

async function search(query: string): Promise<void> {
  await popup.fill('#query', query);
  await popup.locator('#results[aria-busy="false"]').waitFor();
}

describe('search as of a date', () => {
  it('is today by default, and the status of each result follows the date chosen', async () => {
    expect(await popup.inputValue('#as-of')).toBe(localIsoDate());
    await search('A4295');
    await popup.locator('#results [data-code="A4295"]').waitFor();
    expect(await popup.textContent('#results .hl-badge')).toBe('Active');

    await popup.fill('#as-of', '2025-06-01');
    await expect.poll(() => popup.textContent('#results .hl-badge')).toBe('Not yet effective: starts Jan 1, 2026');
    expect(await popup.textContent('#search-status')).toContain('Status as of 06/01/2025.');

    // A code terminated before today is found without "include terminated" on a day it was valid.
    await search('C5271');
    await popup.locator('#results [data-code="C5271"]').waitFor();
    expect(await popup.textContent('#results .hl-badge')).toBe('Terminating: last valid date Dec 31, 2025');
    await popup.fill('#as-of', localIsoDate());
    await expect.poll(() => popup.locator('#results .row').count()).toBe(0);
  });
});

describe('paste a list with dates', () => {
  it('adds a "Valid on date" column to the table and to its TSV', async () => {
    await popup.click('#tab-paste');
    await popup.fill('#paste-input', 'HCPCS\tMod\tPaid Date\tDOS\nC5271\t\t03/01/2026\t02/01/2026\nA4295\t\t03/01/2026\t01/15/2026\nE1392\tJG\t03/01/2026\t01/15/2026\nA4253\t\t03/01/2026\tN/A');
    await popup.locator('#paste-table tbody tr').nth(3).waitFor();
    expect(await popup.isVisible('#paste-valid-col')).toBe(true);
    const valid = await popup.locator('#paste-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())).map((cells) => [cells[0], cells[4]]));
    expect(valid).toEqual([
      ['C5271', 'Not valid on 02/01/2026: terminated 12/31/2025'],
      ['A4295', 'Valid on 01/15/2026'],
      ['E1392', 'Valid on 01/15/2026; JG: Not valid on 01/15/2026: terminated 12/31/2024'],
      ['A4253', ''],
    ]);

    await popup.click('#paste-copy');
    const tsv = (await lastCopied(popup))!.split('\n').map((line) => line.split('\t'));
    expect(tsv[0]).toEqual(['Code', 'Modifiers', 'Description', 'Status', 'Modifier descriptions', 'Valid on date']);
    expect(tsv[1]![0]).toBe('C5271');
    expect(tsv[1]![5]).toBe('Not valid on 02/01/2026: terminated 12/31/2025');
  });

  it('reads code,date lines, and a list without dates keeps its four columns', async () => {
    await popup.click('#tab-paste');
    await popup.fill('#paste-input', 'A4295,12/15/2025');
    await popup.locator('#paste-table tbody tr td.valid-on').waitFor();
    expect(await popup.textContent('#paste-table tbody td.valid-on')).toBe('Not valid on 12/15/2025: added 01/01/2026');
    await popup.fill('#paste-input', 'E1392\nA4295');
    await popup.locator('#paste-table tbody tr').nth(1).waitFor();
    await expect.poll(() => popup.isVisible('#paste-valid-col')).toBe(false);
    expect(await popup.locator('#paste-table tbody tr').first().locator('td').count()).toBe(4);
  });
});
