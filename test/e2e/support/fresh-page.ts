/**
 * The frame of a file that tests one extension page (the popup, the options
 * page): one browser for the file and, before each test, the stored settings
 * cleared and the page opened afresh, so no test sees another's state.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from './chromium';
import { clearSettings } from './extension-pages';

/** `use` hands the browser and the freshly opened page to the file's own variables before each test. */
export function freshPageEachTest(open: (ext: ExtensionBrowser) => Promise<Page>, use: (ext: ExtensionBrowser, page: Page) => void): void {
  let ext: ExtensionBrowser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });
  beforeEach(async () => {
    await clearSettings(ext!);
    await page?.close();
    page = await open(ext!);
    use(ext!, page);
  });
}
