/**
 * Launches Firefox ESR with the built Firefox extension, through puppeteer-core
 * over WebDriver BiDi (Playwright's Firefox does not drive stock Firefox).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import baseManifest from '../../../manifest.json' with { type: 'json' };

export const FIREFOX_DIST = new URL('../../../dist/firefox', import.meta.url).pathname;
/** A fixed internal UUID, so extension pages have a known moz-extension:// address. */
export const FIREFOX_UUID = '6d1f0c5e-2b7a-4c1e-9a57-3f1c2d9e8b01';
const GECKO_ID = 'hcpcs-lens@hcpcs-lens.example';

export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find(existsSync);
  if (!path || !existsSync(path)) throw new Error('Firefox not found: install it (apt-get install -y firefox-esr) or set FIREFOX_PATH.');
  return path;
}

export interface FirefoxExtension {
  browser: Browser;
  extensionUrl(path: string): string;
  /** Opens an extension page in a new tab and waits until it has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefoxExtension(): Promise<FirefoxExtension> {
  if (!existsSync(join(FIREFOX_DIST, 'manifest.json'))) throw new Error(`No build at ${FIREFOX_DIST}: run npm run build first.`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    protocol: 'webDriverBiDi',
    // Firefox 153 lets WebDriver open moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }) },
  });
  await browser.installExtension(FIREFOX_DIST);
  const extensionUrl = (path: string) => `moz-extension://${FIREFOX_UUID}/${path.replace(/^\//, '')}`;
  return {
    browser,
    extensionUrl,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      const url = extensionUrl(path);
      // The page loads, but puppeteer's BiDi navigation wait never resolves for
      // moz-extension:// URLs; wait for the document instead.
      await page.goto(url, { timeout: 1500 }).catch(() => undefined);
      await page.waitForFunction((u) => location.href === u && document.readyState === 'complete', {}, url);
      return page;
    },
    close: () => browser.close(),
  };
}

export const EXTENSION_NAME = baseManifest.name;
