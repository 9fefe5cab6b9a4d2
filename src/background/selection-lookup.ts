/**
 * Context menu "Look up HCPCS code" on selected text. The frame's content
 * script shows the tooltip for the codes in the selection; where none can
 * (the browser's PDF viewer, pages extensions may not enter, a frame whose
 * script does not answer) the popup's search opens with the selection in it.
 */
import type { Menus, Tabs } from 'webextension-polyfill';
import { ext as browser } from '../common/extension-api';
import { sendToSession } from '../common/session-script';
import { MAX_QUERY_LENGTH, MAX_SELECTION_LENGTH } from '../common/messages';
import { selectionTokens } from '../hcpcs/selection-tokens';
import { PENDING_SEARCH_KEY, popupUrl, type PendingSearch } from '../common/pending-search';

const MENU_ID = 'lookup-hcpcs-code';
/** A content script that has not answered by then is not going to. */
const ANSWER_TIMEOUT_MS = 1500;

export function registerSelectionLookup(): void {
  // Menus persist across worker restarts; they are (re)made when the extension is installed or updated.
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({ id: MENU_ID, title: 'Look up HCPCS code', contexts: ['selection'] }),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void lookUpSelection(info, tab);
  });
}

export async function lookUpSelection(info: Menus.OnClickData, tab: Tabs.Tab | undefined): Promise<'tooltip' | 'popup' | 'window'> {
  const text = (info.selectionText ?? '').trim().slice(0, MAX_SELECTION_LENGTH);
  if (tab?.id !== undefined && tab.id >= 0 && (await tooltipShown(tab.id, info.frameId ?? 0, text))) return 'tooltip';
  // Only the code tokens go on to the search: the selection around them may be patient data.
  return openSearch({ query: selectionTokens(text, MAX_QUERY_LENGTH), tabId: tab?.id, at: Date.now() }, tab?.windowId);
}

async function tooltipShown(tabId: number, frameId: number, text: string): Promise<boolean> {
  try {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer')), ANSWER_TIMEOUT_MS));
    const { shown } = await Promise.race([sendToSession(tabId, 'showSelectionLookup', { text }, frameId), timeout]);
    return shown === true;
  } catch {
    // No content script in that frame (PDF viewer, a browser page, a frame it cannot enter).
    return false;
  }
}

/**
 * The toolbar popup where the browser lets an extension open it (Chrome 127+,
 * Firefox while the click still counts as a user action); otherwise a small
 * window showing the same page. Either reads the search from session storage
 * (in memory): nothing goes into a window's address, which session restore
 * and history keep.
 */
async function openSearch(pending: PendingSearch, windowId: number | undefined): Promise<'popup' | 'window'> {
  await browser.storage.session.set({ [PENDING_SEARCH_KEY]: pending });
  try {
    await browser.action.openPopup(windowId === undefined ? {} : { windowId });
    return 'popup';
  } catch {
    await browser.windows.create({ url: popupUrl(pending), type: 'popup', width: 460, height: 620 });
    return 'window';
  }
}
