/**
 * The content script's side of "codes on this page" and the context-menu
 * lookup (listPageCodes, showSelectionLookup) is built on another branch.
 * Where the built content script answers them, tests use it. Where it does
 * not yet, a minimal stand-in is injected into every frame of the tab, in
 * the extension's isolated world like a content script, so the popup's and
 * the worker's side are tested against real tabs and frames all the same.
 * Which one answered is printed with the test output.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';
import { extensionPage } from './extension-pages';

export type ContentSide = 'content script' | 'stand-in';

export async function ensureContentHandlers(ext: ExtensionBrowser, tabId: number): Promise<ContentSide> {
  const helper = await extensionPage(ext);
  const answered = await helper.evaluate(async (id) => {
    try {
      const reply = await chrome.tabs.sendMessage(id, { type: 'listPageCodes', params: {} }, { frameId: 0 });
      return typeof reply === 'object' && reply !== null && 'result' in reply;
    } catch {
      return false;
    }
  }, tabId);
  if (answered) return 'content script';
  await helper.evaluate(async (id) => {
    await chrome.scripting.executeScript({
      target: { tabId: id, allFrames: true },
      func: () => {
        const w = globalThis as { hcpcsStandIn?: boolean };
        if (w.hcpcsStandIn) return;
        w.hcpcsStandIn = true;
        chrome.runtime.onMessage.addListener((message: { type?: string; params?: { text?: string } }, _sender, sendResponse) => {
          if (message?.type === 'listPageCodes') {
            const counts = new Map<string, number>();
            for (const [code] of (document.body?.innerText ?? '').matchAll(/\b[A-V]\d{4}\b/g)) counts.set(code, (counts.get(code) ?? 0) + 1);
            sendResponse({ result: { codes: [...counts].map(([code, count]) => ({ code, count })) } });
          } else if (message?.type === 'showSelectionLookup') {
            document.documentElement.dataset.standInLookup = message.params?.text ?? '';
            sendResponse({ result: { shown: true } });
          }
          return undefined;
        });
      },
    });
  }, tabId);
  console.info(`[content-stand-in] tab ${tabId}: no content-script handler for listPageCodes yet; using the stand-in`);
  return 'stand-in';
}

/** The text the stand-in was asked to show a tooltip for, in the frame of `page` at that path. */
export async function standInLookup(page: Page, framePath: string): Promise<string | undefined> {
  const frame = page.frames().find((f) => new URL(f.url()).pathname === framePath);
  return frame?.evaluate(() => document.documentElement.dataset.standInLookup);
}
