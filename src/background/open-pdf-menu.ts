/**
 * Context menu "Open in HCPCS Lens" on a tab showing a PDF (Chrome's viewer,
 * Firefox's): the extension's own viewer opens beside it and reads the PDF
 * again from the tab's address (see common/pdf-viewer-link.ts). Offered
 * where the address names a PDF; the popup's button also finds PDFs served
 * at other addresses.
 */
import { ext as browser } from '../common/extension-api';
import { openPdfViewer } from '../common/open-pdf-viewer';

export const OPEN_PDF_MENU_ID = 'open-pdf-in-viewer';

/** Match patterns compare the path with its query ("/eob.pdf?id=3"). */
const PDF_ADDRESSES = ['*://*/*.pdf', '*://*/*.PDF', '*://*/*.pdf?*', '*://*/*.PDF?*', 'file:///*.pdf', 'file:///*.PDF'];

export function registerOpenPdfMenu(): void {
  // Made after selection-lookup.ts's removeAll (listeners run, and their calls are queued, in the order added).
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: OPEN_PDF_MENU_ID, title: 'Open in HCPCS Lens', contexts: ['page', 'frame'], documentUrlPatterns: PDF_ADDRESSES });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === OPEN_PDF_MENU_ID && tab) void openPdfViewer(tab);
  });
}
