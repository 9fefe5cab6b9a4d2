/**
 * Settings and requests from an extension page, as the options page and the
 * popup make them (chrome.* runs in that page, inside page.evaluate).
 */
import type { Page } from 'playwright-core';
import type { Settings } from '../../../src/common/settings';
import type { ExtensionBrowser } from './chromium';

/** Stores settings as the options page does (only changed values); open tabs get them through storage.onChanged. */
export async function setSettings(ext: ExtensionBrowser, changed: Partial<Settings>): Promise<void> {
  const page = await settingsPage(ext);
  await page.evaluate((c) => chrome.storage.local.set({ settings: { version: 1, changed: c } }), changed);
}

const settingsPages = new WeakMap<ExtensionBrowser, Page>();

/** An extension page kept open to write storage and send messages, as the popup would. */
export async function settingsPage(ext: ExtensionBrowser): Promise<Page> {
  let page = settingsPages.get(ext);
  if (!page || page.isClosed()) {
    page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('src/options/index.html'));
    settingsPages.set(ext, page);
  }
  return page;
}

/** Sends a content-script request to the top frame of the tab showing `url`, from an extension page (as the popup does). */
export async function sendToPage(ext: ExtensionBrowser, url: string, type: string, params: unknown): Promise<unknown> {
  const sender = await settingsPage(ext);
  return sender.evaluate(
    async ([u, t, p]) => {
      const [tab] = await chrome.tabs.query({ url: u as string });
      const send = () => chrome.tabs.sendMessage(tab!.id!, { type: t, params: p }, { frameId: 0 });
      try {
        return await send();
      } catch {
        // The frame has only the bootstrap: start its session first, as the product does (common/session-script.ts).
        await chrome.scripting.executeScript({ target: { tabId: tab!.id!, frameIds: [0] }, files: ['src/content/session.js'] });
        return send().catch((e: Error) => ({ failed: e.message }));
      }
    },
    [url, type, params] as const,
  );
}

/** Test speed: a 50 ms dwell (the default 200 ms is tested on its own). */
export const FAST = { hoverDelayMs: 50 } satisfies Partial<Settings>;
