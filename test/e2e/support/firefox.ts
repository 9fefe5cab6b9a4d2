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
export const GECKO_ID = 'hcpcs-lens@hcpcs-lens.example';

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
  /**
   * Evaluates `expression` in the browser window's own (chrome) scope, where
   * Firefox's internals are reachable: WebDriver BiDi with system access
   * (--remote-allow-system-access), through puppeteer's connection.
   */
  chromeEval(expression: string): Promise<unknown>;
  close(): Promise<void>;
}

/** puppeteer's BiDi connection: not in its public types, but the way to send a raw BiDi command. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/**
 * `beforeInstall` runs in the browser before the extension is installed (to
 * have tabs open already, as a user has); `dist` and `geckoId` install a copy
 * of the build under an id of its own.
 */
export async function launchFirefoxExtension(
  options: { beforeInstall?: (browser: Browser) => Promise<void>; dist?: string; geckoId?: string } = {},
): Promise<FirefoxExtension> {
  const dist = options.dist ?? FIREFOX_DIST;
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`No build at ${dist}: run npm run build first.`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    protocol: 'webDriverBiDi',
    // Firefox 153 lets WebDriver open moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [options.geckoId ?? GECKO_ID]: FIREFOX_UUID }) },
  });
  await options.beforeInstall?.(browser);
  await browser.installExtension(dist);
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
    async chromeEval(expression) {
      const connection = (browser as unknown as { connection: BidiConnection }).connection;
      const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string }[] };
      const { result } = await connection.send('script.evaluate', { expression, target: { context: tree.contexts[0]!.context }, awaitPromise: true });
      if (result.type !== 'success') throw new Error(`chrome scope: ${JSON.stringify(result)}`);
      return (result.result as { value?: unknown }).value;
    },
    close: () => browser.close(),
  };
}

/**
 * Clicks the extension's "Look up HCPCS code" context-menu item on the tab
 * showing `url` with `selectionText` selected, as Firefox's own menu code does
 * (browser/components/extensions/parent/ext-menus.js: it emits
 * "webext-menu-menuitem-click" to the extension, whose menus.onClicked
 * listeners then run, the event page woken if needed). WebDriver cannot click
 * the browser's native context menu.
 */
export async function clickLookupMenu(ff: FirefoxExtension, url: string, selectionText: string, frameId = 0): Promise<void> {
  const info = { menuItemId: 'lookup-hcpcs-code', selectionText, frameId, editable: false, pageUrl: url, modifiers: [], button: 0 };
  const outcome = await ff.chromeEval(`(() => {
    const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)});
    const tab = gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec === ${JSON.stringify(url)});
    if (!extension || !tab) return 'no extension or no tab';
    extension.emit('webext-menu-menuitem-click', ${JSON.stringify(info)}, tab);
    return 'clicked';
  })()`);
  if (outcome !== 'clicked') throw new Error(`context menu: ${String(outcome)}`);
}

/** Sets a boolean preference of the running Firefox. */
export async function setBoolPref(ff: FirefoxExtension, name: string, value: boolean): Promise<void> {
  await ff.chromeEval(`Services.prefs.setBoolPref(${JSON.stringify(name)}, ${value})`);
}

export const EXTENSION_NAME = baseManifest.name;
