/**
 * "This tab shows a PDF": a banner with "Open in HCPCS Lens", which opens the
 * extension's viewer for it (no content script can enter the browser's own
 * PDF viewer, so the popup's other views cannot help there).
 */
import type { Tabs } from 'webextension-polyfill';
import { ext as browser } from '../common/extension-api';
import { openPdfViewer } from '../common/open-pdf-viewer';
import { looksLikePdfAddress } from '../common/pdf-viewer-link';

/**
 * Whether the tab shows a PDF: its address ends in .pdf, or (Chrome) the
 * document the browser made around its PDF viewer says application/pdf.
 * Firefox lets no extension into its PDF viewer; there the address decides.
 */
async function tabShowsPdf(tab: Tabs.Tab): Promise<boolean> {
  if (looksLikePdfAddress(tab.url)) return true;
  if (tab.id === undefined || tab.id < 0 || !/^(?:https?|file):/.test(tab.url ?? '')) return false;
  // After the popup's own first work (the search box, the first query): this is only a banner.
  await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 }));
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: () => document.contentType });
    return frame?.result === 'application/pdf';
  } catch {
    return false;
  }
}

export async function setUpPdfOpen(doc: Document, tab: Tabs.Tab | undefined): Promise<void> {
  const banner = doc.getElementById('pdf-banner')!;
  const isPdf = tab !== undefined && (await tabShowsPdf(tab));
  // Decided (either way): what the tests wait for before asserting there is no banner.
  banner.dataset.decided = String(isPdf);
  if (!isPdf) return;
  banner.hidden = false;
  doc.getElementById('open-pdf')!.addEventListener('click', () => void openPdfViewer(tab).then(() => window.close()));
}
