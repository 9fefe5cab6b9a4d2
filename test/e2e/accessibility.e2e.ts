/**
 * axe-core audits of the popup (each view, with results expanded) and the
 * options page, in the light and the dark theme: no violations allowed.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from './support/chromium';
import { openOptions, openPopup, setLocal } from './support/extension-pages';
import { openClaimsPage } from './support/claims-page';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';

let ext: ExtensionBrowser;
let server: FixtureServer;
let tabId: number;

async function audit(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${what}: ${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(summary).toEqual([]);
}

beforeAll(async () => {
  ext = await launchExtension();
  server = await startFixtureServer();
  ({ tabId } = await openClaimsPage(ext, server));
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
  beforeAll(async () => {
    await setLocal(ext, { settings: { version: 1, changed: { theme, detailLevel: 'full' } } });
  });

  it('popup: search results with one expanded, filters and footer', async () => {
    const popup = await openPopup(ext, { tabId });
    expect(await popup.getAttribute('html', 'data-theme')).toBe(theme);
    await popup.keyboard.type('E139');
    await popup.locator('#results .row').nth(3).waitFor();
    await popup.check('#include-terminated');
    await popup.click('[data-code="E1392"] .row-main');
    await popup.locator('[data-code="E1392"] .hl-level-full').waitFor();
    await audit(popup, `popup search (${theme})`);
    await popup.close();
  });

  it('popup: paste table and codes on this page', async () => {
    const popup = await openPopup(ext, { tabId });
    await popup.click('#tab-paste');
    await popup.fill('#paste-input', 'E1392-RR\nJ1100, 99213 25, Z9999');
    await popup.locator('#paste-table tbody tr').nth(3).waitFor();
    await audit(popup, `popup paste (${theme})`);
    await popup.click('#tab-page');
    await popup.locator('#page-codes .row').first().waitFor();
    await popup.click('#page-codes .row-main');
    await popup.locator('#page-codes .hl-detail').waitFor();
    await audit(popup, `popup page codes (${theme})`);
    await popup.close();
  });

  it('options page, with an invalid field showing its error', async () => {
    const options = await openOptions(ext);
    expect(await options.getAttribute('html', 'data-theme')).toBe(theme);
    await options.fill('#sites', 'not a host');
    await options.locator('#sites-error').waitFor();
    await audit(options, `options (${theme})`);
    await options.close();
  });
});
