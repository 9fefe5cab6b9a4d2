/**
 * The built extension loads in Chromium and its worker answers the protocol
 * from the real bundled dataset, including after MV3 stops it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from './support/chromium';

let ext: ExtensionBrowser;
let page: Page;

/** Sends a request from an extension page, as the popup does. */
function send(type: string, params: unknown): Promise<unknown> {
  return page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, params: p }), [type, params] as const);
}

beforeAll(async () => {
  ext = await launchExtension();
  page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('src/popup/index.html'));
});

afterAll(async () => {
  await ext?.close();
});

describe('background worker in Chromium', () => {
  it('answers lookupCodes for E1392 with RR from the bundled release', async () => {
    const reply = (await send('lookupCodes', { items: [{ code: 'E1392', modifiers: ['RR'] }], level: 'standard', asOf: '2026-02-01' })) as {
      result: { cards: { code: string; title: string; modifiers: { code: string; title: string }[] }[]; release: string };
    };
    const card = reply.result.cards[0]!;
    expect(card.code).toBe('E1392');
    expect(card.title).toBe('Portable oxygen concentrator, rental');
    expect(card.modifiers[0]).toMatchObject({ code: 'RR', title: "Rental (use the 'rr' modifier when dme is to be rented)" });
    expect(reply.result.release).toBe('CMS HCPCS 2026 Q1');
  });

  it('refuses malformed and oversized requests with a clear error and keeps serving', async () => {
    expect(await send('lookupCodes', { items: [{ code: '<img>' }] })).toEqual({ error: 'lookupCodes: "<img>" is not a code' });
    expect(await send('dropTables', {})).toEqual({ error: 'unknown request "dropTables"' });
    const many = Array.from({ length: 501 }, () => ({ code: 'E1392' }));
    expect(await send('lookupCodes', { items: many })).toEqual({ error: 'lookupCodes: at most 500 codes per request' });
    expect(await send('getDatasetInfo', {})).toMatchObject({ result: { label: 'CMS HCPCS 2026 Q1' } });
  });

  it('answers again after the worker is stopped', async () => {
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const reply = (await send('lookupCodes', { items: [{ code: 'J1100' }], level: 'brief' })) as { result: { cards: { title: string }[] } };
    expect(reply.result.cards[0]!.title).toBe('Dexamethasone sodium phos');
  });
});
