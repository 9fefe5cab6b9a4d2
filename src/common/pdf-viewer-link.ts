/**
 * "Open in HCPCS Lens" for the PDF a tab shows (popup button, context menu):
 * the viewer's address for that tab. The viewer reads the PDF again from the
 * address the browser loaded, with the user's own session, once; where that
 * cannot give the same file, the address says why instead, and the viewer
 * offers the file picker.
 */
export const VIEWER_PAGE = 'src/pdf-viewer/index.html';

/** `new URL` that answers undefined for a bad address (URL.parse is newer than Chrome 123). */
export function parseUrl(address: string): URL | undefined {
  try {
    return new URL(address);
  } catch {
    return undefined;
  }
}

/** Why a tab's PDF cannot be read again from its address. */
export type Unreadable = 'local-file' | 'private' | 'container' | 'not-web';

export interface PdfTab {
  url?: string | undefined;
  incognito?: boolean | undefined;
  /** Firefox: the container the tab lives in. */
  cookieStoreId?: string | undefined;
}

/** Firefox's default container: the one the viewer's own requests use. */
const DEFAULT_STORE = 'firefox-default';

export function unreadableReason(tab: PdfTab): Unreadable | undefined {
  const url = parseUrl(tab.url ?? '');
  if (!url) return 'not-web';
  if (url.protocol === 'file:') return 'local-file';
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'not-web';
  // The viewer runs outside a private window's or a container's cookies: it would read the address as someone else.
  if (tab.incognito) return 'private';
  if (tab.cookieStoreId !== undefined && tab.cookieStoreId !== DEFAULT_STORE) return 'container';
  return undefined;
}

/** Whether the address names a PDF (the tab may show one at any address; this is the cheap first look). */
export function looksLikePdfAddress(url: string | undefined): boolean {
  const parsed = parseUrl(url ?? '');
  return parsed !== undefined && /\.pdf$/i.test(parsed.pathname);
}

/** The viewer's path (relative to the extension root) for the PDF this tab shows. */
export function viewerPathFor(tab: PdfTab): string {
  const params = new URLSearchParams({ src: tab.url ?? '' });
  const reason = unreadableReason(tab);
  if (reason) params.set('unreadable', reason);
  return `${VIEWER_PAGE}?${params}`;
}
