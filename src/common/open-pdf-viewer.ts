/**
 * Opens the viewer for the PDF a tab shows, in a new tab beside it (popup
 * button and context menu).
 */
import type { Tabs } from 'webextension-polyfill';
import { ext as browser } from './extension-api';
import { viewerPathFor } from './pdf-viewer-link';

export async function openPdfViewer(tab: Tabs.Tab): Promise<void> {
  await browser.tabs.create({
    url: browser.runtime.getURL(viewerPathFor(tab)),
    ...(tab.id !== undefined && tab.id >= 0 ? { openerTabId: tab.id } : {}),
    ...(tab.index >= 0 && !tab.incognito ? { index: tab.index + 1 } : {}),
  });
}
