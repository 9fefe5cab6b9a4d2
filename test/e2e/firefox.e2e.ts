/**
 * The Firefox build in Firefox ESR, end to end: its background (an event page
 * there, not a service worker) answers from the bundled dataset; a page open
 * before the extension was installed gets one content script (Firefox injects
 * it by itself; the worker must not add a second); hovering a code shows the
 * tooltip the dataset says, in the page and for a code in a small
 * same-origin frame, with what changed since the previous release; the popup page searches; an option changed on the
 * options page takes effect in the open tab, marked codes painted included;
 * the context-menu lookup shows the tooltip, or opens the search where no
 * tooltip can show: in the toolbar popup, or in a popup window where Firefox
 * refuses to open the toolbar popup.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { clickLookupMenu, launchFirefoxExtension, setBoolPref, type FirefoxExtension } from './support/firefox';
import { firefoxHostCount, firefoxPointAway, firefoxTooltipText, hoverTextIn } from './support/firefox-page-tools';
import { highlightPaint } from './support/in-page';
import { expectDescribes, record } from './support/page-tools';
import { STATE_TIMEOUT_MS } from './support/wait';

let ff: FirefoxExtension;
let server: FixtureServer;
/** A claims page the user had open before installing the extension. */
let claims: Page;
let extensionPage: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startFixtureServer();
  ff = await launchFirefoxExtension({
    beforeInstall: async (browser) => {
      claims = await browser.newPage();
      claims.on('pageerror', (e) => pageErrors.push(String(e)));
      claims.on('console', (m) => void (m.type() === 'error' && pageErrors.push(m.text())));
      await claims.goto(server.url('claims-table.html'));
    },
  });
  extensionPage = await ff.openExtensionPage('src/popup/index.html');
});

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

describe('background in Firefox', () => {
  it('answers lookupCodes for E1392 with RR', async () => {
    const reply = await extensionPage.evaluate(() =>
      browser.runtime.sendMessage({ type: 'lookupCodes', params: { items: [{ code: 'E1392', modifiers: ['RR'] }], level: 'brief', asOf: '2026-02-01' } }),
    );
    expect(reply).toMatchObject({
      result: { release: 'CMS 2026 Q1', cards: [{ code: 'E1392', title: 'Portable oxygen concentrator', modifiers: [{ code: 'RR', title: 'Rental (dme)' }] }] },
    });
  });

  it('refuses a malformed request and keeps serving', async () => {
    expect(await extensionPage.evaluate(() => browser.runtime.sendMessage({ type: 'lookupCodes', params: { items: 'E1392' } }))).toEqual({
      error: 'lookupCodes: items must be a non-empty list',
    });
    expect(await extensionPage.evaluate(() => browser.runtime.sendMessage({ type: 'getDatasetInfo', params: {} }))).toMatchObject({ result: { label: 'CMS HCPCS 2026 Q1' } });
  });
});

describe('hovering in Firefox', () => {
  it('a tab open before the install: one content script, and the tooltip says what the dataset says', async () => {
    await claims.bringToFront();
    await hoverTextIn(claims, '#row1 .code', 'E1392');
    expectDescribes(await firefoxTooltipText(claims), 'E1392', ['RR', 'KX']);
    expect(await firefoxHostCount(claims)).toBe(1);
    await firefoxPointAway(claims);
  });

  it('a claims table with a DOS column: the code is judged on its row’s date of service', async () => {
    const page = await ff.browser.newPage();
    await page.goto(server.url('dos-tables.html'));
    await hoverTextIn(page, '#c-after .code', 'C5271');
    expect(await firefoxTooltipText(page)).toContain('Not valid on 02/01/2026: terminated 12/31/2025 (DOS column)');
    await page.close();
  });

  it('a code in a small same-origin frame: the top frame shows its tooltip', async () => {
    const page = await ff.browser.newPage();
    await page.goto(`${server.url('frames.html')}?other=${encodeURIComponent(server.otherOrigin)}`);
    await page.waitForFunction(() => (document.getElementById('same') as HTMLIFrameElement).contentDocument?.getElementById('c') !== null);
    await hoverTextIn(page, '#c', 'E1392', 1, '#same');
    expectDescribes(await firefoxTooltipText(page), 'E1392', ['RR']);
    await page.close();
  });

  it('a code changed since October 2025 says what it was: the history of changes ships in the Firefox build too', async () => {
    const page = await ff.browser.newPage();
    await page.goto(server.url('quarter-changes.html'));
    await hoverTextIn(page, '#changed .code', 'A2001');
    expect(await firefoxTooltipText(page)).toContain('Long description changed in 2026 Q1 — was: Innovamatrix ac, per square centimeter');
    await page.close();
  });
});

describe('the popup and the options page in Firefox', () => {
  it('the popup searches as the user types, and names the release', async () => {
    const popup = await ff.openExtensionPage('src/popup/index.html');
    await popup.type('#query', 'portable oxygen');
    await popup.waitForFunction(() => document.querySelector('#results .row')?.getAttribute('data-code') === 'E1392', { timeout: STATE_TIMEOUT_MS });
    expect(await popup.evaluate(() => document.getElementById('dataset')!.textContent)).toBe('CMS HCPCS 2026 Q1 · 8,623 codes · 383 modifiers');
    await popup.close();
  });

  it('an option changed on the options page takes effect in the open tab: brief tooltips, marked codes painted', async () => {
    const options = await ff.openExtensionPage('src/options/index.html');
    await options.waitForSelector('#preview .hl-card');
    // No policy: Firefox rejects storage.managed.get() ("Managed storage manifest not found"), which is no policy, not an error.
    expect(await options.evaluate(() => browser.storage.managed.get(null).then(() => 'read', (e: Error) => e.message))).toBe('Managed storage manifest not found');
    expect(await options.evaluate(() => [document.getElementById('policy')!.hidden, document.querySelectorAll('.locked-note:not([hidden]), input:disabled').length])).toEqual([true, 0]);
    await options.click('input[name=detailLevel][value=brief]');
    await options.click('input[name=markCodes]');
    await options.waitForFunction(async () => JSON.stringify(((await browser.storage.local.get('settings')).settings as { changed?: unknown } | undefined)?.changed) === '{"detailLevel":"brief","markCodes":true}');
    await options.close();

    await claims.bringToFront();
    await claims.waitForFunction(() => [...CSS.highlights.values()].some((h) => h.size > 0), { timeout: STATE_TIMEOUT_MS });
    // Painted, not only registered: Firefox has no highlight inheritance, so a rule on :root alone paints nothing.
    expect(await claims.evaluate(highlightPaint, '#row2 .code')).toEqual(['rgba(255, 200, 0, 0.35)']);
    await hoverTextIn(claims, '#row2 .code', 'J1100');
    const text = await firefoxTooltipText(claims);
    expect(text).toContain(record('J1100').short);
    expect(text).not.toContain(record('J1100').long);
    expect(pageErrors).toEqual([]);
  });
});

describe('the context menu "Look up HCPCS code" in Firefox', () => {
  /** Opens a browser page no content script may enter; puppeteer's navigation wait does not end for about: pages. */
  async function openAboutRobots(): Promise<Page> {
    const page = await ff.browser.newPage();
    await page.goto('about:robots', { timeout: 1000 }).catch(() => undefined);
    await expect.poll(() => ff.chromeEval(`gBrowser.tabs.some((t) => t.linkedBrowser.currentURI.spec === 'about:robots')`)).toBe(true);
    return page;
  }

  /** The query and first result of the popup page open as `type`: the toolbar popup, or a tab (of a popup window) opened with a query. */
  const searchIn = (type: 'popup' | 'tab') =>
    extensionPage.evaluate((t) => {
      const view = browser.extension.getViews({ type: t }).find((w) => w.location.pathname === '/src/popup/index.html' && (t === 'popup' || w.location.search.includes('window=1')));
      const doc = view?.document;
      return doc ? [(doc.getElementById('query') as HTMLInputElement).value, doc.querySelector('#results .row')?.getAttribute('data-code')] : [];
    }, type);

  it('shows the tooltip for the selected code in the page', async () => {
    // Back to the defaults (standard detail) the options test changed.
    await extensionPage.evaluate(() => browser.storage.local.clear());
    await claims.bringToFront();
    await firefoxPointAway(claims);
    await clickLookupMenu(ff, claims.url(), 'e1392-rr');
    expectDescribes(await firefoxTooltipText(claims), 'E1392', ['RR']);
    await claims.keyboard.press('Escape');
  });

  it('where no tooltip can show, opens the toolbar popup with the selection searched', async () => {
    const robots = await openAboutRobots();
    await clickLookupMenu(ff, 'about:robots', ' E0431 ');
    // The toolbar popup is an extension view: an extension page can look into it.
    await expect.poll(() => searchIn('popup'), { timeout: STATE_TIMEOUT_MS }).toEqual(['E0431', 'E0431']);
    await extensionPage.evaluate(() => browser.extension.getViews({ type: 'popup' })[0]?.close());
    await robots.close();
  });

  it('where Firefox refuses to open the toolbar popup, opens the search in a popup window instead', async () => {
    // Firefox opens an extension's toolbar popup without a click only while this preference is on (its default).
    await setBoolPref(ff, 'extensions.openPopupWithoutUserGesture.enabled', false);
    try {
      const robots = await openAboutRobots();
      // A selection holding patient data around the code: only the code reaches the search, and nothing reaches the window's address.
      await clickLookupMenu(ff, 'about:robots', 'Pt Jane Roe DOB 01/02/1960 A4253 denied');
      await expect.poll(() => searchIn('tab'), { timeout: STATE_TIMEOUT_MS }).toEqual(['A4253', 'A4253']);
      const opened = await extensionPage.evaluate(async () =>
        (await browser.windows.getAll({ populate: true })).flatMap((w) => (w.tabs ?? []).filter((t) => t.url?.includes('/src/popup/index.html?window=')).map((t) => ({ type: w.type, url: t.url! }))),
      );
      expect(opened).toHaveLength(1);
      expect(opened[0]!.type).toBe('popup');
      expect(opened[0]!.url).not.toMatch(/Jane|Roe|1960|A4253|q=/);
      // The hand-over is read once and gone from session storage.
      expect(await extensionPage.evaluate(() => browser.storage.session.get(null))).toEqual({});
      await robots.close();
    } finally {
      await setBoolPref(ff, 'extensions.openPopupWithoutUserGesture.enabled', true);
    }
  });
});
