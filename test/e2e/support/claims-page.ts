import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';
import { tabIdOf } from './extension-pages';
import type { FixtureServer } from './fixture-server';

/**
 * Opens test/fixtures/popup/claims.html in a tab of its own, with its
 * remittance frame from the server's other origin, once both have loaded.
 */
export async function openClaimsPage(ext: ExtensionBrowser, server: FixtureServer): Promise<{ page: Page; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(server.url(`popup/claims.html?frame=${encodeURIComponent(`${server.otherOrigin}/popup/remittance.html`)}`));
  await page.frameLocator('#remit').locator('pre').waitFor();
  return { page, tabId: await tabIdOf(ext, page) };
}
