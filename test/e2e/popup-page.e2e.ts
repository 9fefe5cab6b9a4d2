/**
 * The popup's "Paste a list" table, "On this page" and "Show tooltips on this
 * site", against a real page tab with a cross-origin frame: not the tab the
 * popup itself was opened in.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './support/chromium';
import { clearSettings, eventually, expectStored, getLocal, lastCopied, openPopup, openTab, setLocal } from './support/extension-pages';
import { openClaimsPage } from './support/claims-page';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';

let ext: ExtensionBrowser;
let server: FixtureServer;
let tabId: number;

beforeAll(async () => {
  ext = await launchExtension();
  server = await startFixtureServer();
  ({ tabId } = await openClaimsPage(ext, server));
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

beforeEach(async () => {
  await clearSettings(ext);
});

describe('paste a list', () => {
  it('shows code, modifiers, description and status, and copies the table as TSV', async () => {
    const popup = await openPopup(ext);
    await popup.click('#tab-paste');
    await popup.fill('#paste-input', 'E1392-RR\nJ1100, A4253 KX; 99213 25\nZ9999 rental');
    await popup.locator('#paste-table tbody tr').nth(4).waitFor();
    const rows = await popup.locator('#paste-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
    expect(rows[0]).toEqual(['E1392', "RR Rental (use the 'rr' modifier when dme is to be rented)", 'Portable oxygen concentrator, rental', 'Active']);
    expect(rows[1]).toEqual(['J1100', '', 'Injection, dexamethasone sodium phosphate, 1 mg', 'Active']);
    expect(rows[2]![1]).toBe('KX Requirements specified in the medical policy have been met');
    expect(rows[3]).toEqual(['99213', '25 CPT® modifier (HCPCS Level I): Description not included (AMA-licensed).', 'CPT® code (HCPCS Level I): Description not included (AMA-licensed).', 'CPT (not described)']);
    expect(rows[4]![0]).toBe('Z9999');
    expect(rows[4]![3]).toBe('Not in this release');
    expect(await popup.textContent('#paste-status')).toBe('5 codes, 1 not in CMS HCPCS 2026 Q1. Not codes, left out: rental');

    await popup.click('#paste-copy');
    const tsv = (await lastCopied(popup))!.split('\n').map((line) => line.split('\t'));
    expect(tsv[0]).toEqual(['Code', 'Modifiers', 'Description', 'Status', 'Modifier descriptions']);
    expect(tsv[1]).toEqual(['E1392', 'RR', 'Portable oxygen concentrator, rental', 'Active', "RR: Rental (use the 'rr' modifier when dme is to be rented)"]);
    expect(tsv).toHaveLength(6);
    await popup.close();
  });

  it('takes a list pasted into the search box to the table', async () => {
    const popup = await openPopup(ext);
    await popup.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'E1392 RR\nJ1100');
      document.getElementById('query')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    expect(await popup.getAttribute('#tab-paste', 'aria-selected')).toBe('true');
    expect(await popup.inputValue('#paste-input')).toBe('E1392 RR\nJ1100');
    await popup.locator('#paste-table tbody tr').nth(1).waitFor();
    expect(await popup.inputValue('#query')).toBe('');
    await popup.close();
  });
});

describe('codes on this page', () => {
  it('lists the codes of every frame of the page tab with how often each appears, expandable, copyable as TSV', async () => {
    const popup = await openPopup(ext, { tabId });
    await popup.click('#tab-page');
    await popup.locator('#page-codes .row').first().waitFor();
    const rows = await popup.locator('#page-codes .row-main').evaluateAll((buttons) =>
      Object.fromEntries(buttons.map((b) => [b.querySelector('.row-code')!.textContent, b.querySelector('.row-count')!.textContent])),
    );
    // E1392: twice in the claim table, once in the remittance frame (another origin); A4253 once and twice.
    expect(rows).toMatchObject({ E1392: '×3', A4253: '×3', J1100: '×1', E1390: '×1', E1391: '×1' });
    expect(await popup.textContent('#page-status')).toMatch(/in 2 frames/);
    expect(await popup.textContent('[data-code="E1392"] .hl-badge')).toBe('Active');

    await popup.click('[data-code="J1100"] .row-main');
    await popup.locator('[data-code="J1100"] .row-detail .hl-title').waitFor();
    expect(await popup.textContent('[data-code="J1100"] .row-detail .hl-title')).toBe('Injection, dexamethasone sodium phosphate, 1 mg');

    await popup.click('#page-copy');
    const tsv = (await lastCopied(popup))!.split('\n');
    expect(tsv[0]).toBe('Code\tCount\tDescription\tStatus');
    expect(tsv).toContain('E1392\t3\tPortable oxygen concentrator, rental\tActive');
    await popup.close();
  });

  it('says so when HCPCS Lens cannot read the page', async () => {
    const { page: browserPage, tabId: browserTab } = await openTab(ext, 'chrome://version');
    const popup = await openPopup(ext, { tabId: browserTab });
    await popup.click('#tab-page');
    await popup.locator('#page-status').filter({ hasText: 'cannot read this page' }).waitFor();
    expect(await popup.isHidden('#site')).toBe(true);
    await popup.close();
    await browserPage.close();
  });
});

describe('show tooltips on this site', () => {
  it('turns the page tab’s site off and on again in the site rules', async () => {
    const popup = await openPopup(ext, { tabId });
    // The switch shows once the settings are read, ticked or not.
    await popup.locator('#site').waitFor();
    expect(await popup.textContent('#site-host')).toBe('127.0.0.1');
    expect(await popup.isChecked('#site-enabled')).toBe(true);
    await popup.uncheck('#site-enabled');
    await expectStored(ext, 'settings', { version: 1, changed: { sites: ['127.0.0.1'] } });
    await popup.check('#site-enabled');
    await expectStored(ext, 'settings', { version: 1, changed: {} });
    await popup.close();
  });

  it('names a wider rule that keeps the site off, and adds the site in "only listed" mode', async () => {
    await setLocal(ext, { settings: { version: 1, changed: { sites: ['*.0.0.1'] } } });
    const popup = await openPopup(ext, { tabId });
    await popup.locator('#site-note').filter({ hasText: '“*.0.0.1”' }).waitFor();
    expect(await popup.isChecked('#site-enabled')).toBe(false);

    await setLocal(ext, { settings: { version: 1, changed: { siteMode: 'only-listed' } } });
    await eventually(() => popup.isChecked('#site-enabled'), (checked) => checked === false);
    await popup.check('#site-enabled');
    await expectStored(ext, 'settings', { version: 1, changed: { siteMode: 'only-listed', sites: ['127.0.0.1'] } });
    await popup.close();
  });

  it('shows when HCPCS Lens is turned off everywhere, and turns it on', async () => {
    await setLocal(ext, { settings: { version: 1, changed: { enabled: false } } });
    const popup = await openPopup(ext, { tabId });
    await popup.locator('#off-banner').waitFor();
    await popup.click('#turn-on');
    await popup.locator('#off-banner').waitFor({ state: 'hidden' });
    expect(await getLocal(ext, 'settings')).toEqual({ version: 1, changed: {} });
    await popup.close();
  });
});
