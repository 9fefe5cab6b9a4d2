/**
 * Helpers for driving the built extension's own pages: the popup opened for
 * a given page tab (as the toolbar button does for the active tab), the
 * options page, and storage as the extension sees it.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';
import { STATE_TIMEOUT_MS } from './wait';

/**
 * Opens a page in a new tab and returns it with its tab id; works for pages
 * whose URL the extension may not see (browser pages).
 */
export async function openTab(ext: ExtensionBrowser, url: string): Promise<{ page: Page; tabId: number }> {
  const helper = await extensionPage(ext);
  const before = new Set(await helper.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id)));
  const page = await ext.context.newPage();
  await page.goto(url);
  const ids = await helper.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id));
  const tabId = ids.find((id) => !before.has(id));
  if (tabId === undefined) throw new Error(`no new tab for ${url}`);
  return { page, tabId };
}

/** The tab id of a page, as the extension knows it. */
export async function tabIdOf(ext: ExtensionBrowser, page: Page): Promise<number> {
  const helper = await extensionPage(ext);
  const url = page.url();
  const id = await helper.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
  if (id === undefined) throw new Error(`no tab for ${url}`);
  return id;
}

/** Frame ids of a tab by URL, as the extension sees them. */
export async function frameIds(ext: ExtensionBrowser, tabId: number): Promise<{ frameId: number; url: string }[]> {
  const helper = await extensionPage(ext);
  return helper.evaluate(async (id) => {
    const results = await chrome.scripting.executeScript({ target: { tabId: id, allFrames: true }, func: () => location.href });
    return results.map((r) => ({ frameId: r.frameId, url: String(r.result) }));
  }, tabId);
}

let helperPage: Page | undefined;

/** A background extension page for chrome.* calls (storage, tabs, scripting). */
export async function extensionPage(ext: ExtensionBrowser): Promise<Page> {
  if (helperPage && !helperPage.isClosed() && helperPage.context() === ext.context) return helperPage;
  helperPage = await ext.context.newPage();
  // Any page of the extension will do; this one has no autofocus to steal.
  await helperPage.goto(ext.extensionUrl('src/options/index.html'));
  return helperPage;
}

/**
 * Opens the popup page for the page tab under test. A toolbar popup reads
 * "the active tab"; a test cannot click the toolbar, so the tab is handed
 * over in the URL, as the context-menu fallback window does.
 */
export async function openPopup(ext: ExtensionBrowser, options: { tabId?: number; query?: string } = {}): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 440, height: 600 });
  await recordClipboard(popup);
  const params = new URLSearchParams();
  if (options.tabId !== undefined) params.set('tab', String(options.tabId));
  if (options.query !== undefined) params.set('q', options.query);
  await popup.goto(ext.extensionUrl(`src/popup/index.html?${params}`));
  // Ready once the footer says something: the release and its codes, or why there are none.
  await popup.locator('#dataset').filter({ hasText: /\S/ }).waitFor();
  return popup;
}

export async function openOptions(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1000, height: 1400 });
  await page.goto(ext.extensionUrl('src/options/index.html'));
  await page.locator('#preview .hl-card').waitFor();
  return page;
}

export async function getLocal(ext: ExtensionBrowser, key: string): Promise<unknown> {
  return (await extensionPage(ext)).evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);
}

export async function setLocal(ext: ExtensionBrowser, items: Record<string, unknown>): Promise<void> {
  await (await extensionPage(ext)).evaluate((i) => chrome.storage.local.set(i), items);
}

/** Back to defaults between tests: nothing stored. */
export async function clearSettings(ext: ExtensionBrowser): Promise<void> {
  await (await extensionPage(ext)).evaluate(async () => {
    await chrome.storage.local.clear();
    await chrome.storage.sync.clear();
  });
}

/**
 * Records what a page writes to the clipboard. Chromium does not let an
 * automation grant clipboard-read to an extension origin, and the extension
 * does not ask for clipboardRead just for tests: the write is observed at
 * the Clipboard API instead (the real write still happens).
 */
export async function recordClipboard(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const clipboard = navigator.clipboard;
    const write = clipboard.writeText.bind(clipboard);
    const w = window as unknown as { copied: string[] };
    w.copied = [];
    clipboard.writeText = (text: string) => {
      w.copied.push(text);
      return write(text);
    };
  });
}

/** The last text the page wrote to the clipboard. */
export async function lastCopied(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (window as unknown as { copied: string[] }).copied.at(-1));
}

/** Polls until storage holds `expected` under `key` (deep equality: storage may reorder keys). */
export async function expectStored(ext: ExtensionBrowser, key: string, expected: unknown): Promise<void> {
  await eventually(() => getLocal(ext, key), (value) => isDeepStrictEqual(value, expected));
}

/** Polls until `read` gives a value `accept`s, or fails with the last value seen. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = STATE_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}
