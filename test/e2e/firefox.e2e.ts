/** The Firefox build loads in Firefox ESR and its background answers from the bundled dataset. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefoxExtension, type FirefoxExtension } from './support/firefox';

let ff: FirefoxExtension;
let page: Page;

beforeAll(async () => {
  ff = await launchFirefoxExtension();
  page = await ff.openExtensionPage('src/popup/index.html');
});

afterAll(async () => {
  await ff?.close();
});

describe('background in Firefox', () => {
  it('answers lookupCodes for E1392 with RR', async () => {
    const reply = await page.evaluate(() =>
      browser.runtime.sendMessage({ type: 'lookupCodes', params: { items: [{ code: 'E1392', modifiers: ['RR'] }], level: 'brief', asOf: '2026-02-01' } }),
    );
    expect(reply).toMatchObject({
      result: { release: 'CMS 2026 Q1', cards: [{ code: 'E1392', title: 'Portable oxygen concentrator', modifiers: [{ code: 'RR', title: 'Rental (dme)' }] }] },
    });
  });

  it('refuses a malformed request and keeps serving', async () => {
    expect(await page.evaluate(() => browser.runtime.sendMessage({ type: 'lookupCodes', params: { items: 'E1392' } }))).toEqual({
      error: 'lookupCodes: items must be a non-empty list',
    });
    expect(await page.evaluate(() => browser.runtime.sendMessage({ type: 'getDatasetInfo', params: {} }))).toMatchObject({ result: { label: 'CMS HCPCS 2026 Q1' } });
  });
});
