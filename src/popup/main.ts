/**
 * The toolbar popup. The search box is in the page's HTML with autofocus, so
 * it takes keystrokes before this script has run; this file only wires the
 * views together.
 */
import '../common/detail-view.css';
import './popup.css';
import { ext as browser } from '../common/extension-api';
import { applyTheme } from '../common/page-theme';
import { isPendingSearch, PENDING_SEARCH_KEY } from '../common/pending-search';
import { sendToBackground } from '../common/send';
import { loadSettings, watchSettings } from '../common/settings-storage';
import type { Policy } from '../common/policy';
import type { Settings } from '../common/settings';
import { makeCopier } from './clipboard';
import { showDatasetInfo } from './dataset-info';
import { setUpPageCodes } from './page-codes-view';
import { setUpPaste } from './paste-view';
import { setUpPdfOpen } from './pdf-open-view';
import { setUpSearch } from './search-view';
import { setUpSiteControl } from './site-control';
import { setUpTabs } from './tabs';

// Start building the search index while the user starts typing.
void sendToBackground('prepareSearch', {}).catch(() => undefined);

const copy = makeCopier(document);
const paste = setUpPaste(document, copy);
const pageCodes = setUpPageCodes(document, copy);
const search = setUpSearch(document, { copy, pastedList: (text) => (selectTab('tab-paste'), paste.show(text)) });
let pageTabId: number | undefined;
let pageLoaded = false;
const selectTab = setUpTabs(document, (id) => {
  if (id === 'tab-search') search.input.focus();
  if (id === 'tab-page' && !pageLoaded) {
    pageLoaded = true;
    void pageCodes.load(pageTabId);
  }
});
document.getElementById('open-options')!.addEventListener('click', () => void browser.runtime.openOptionsPage().then(() => window.close()));
void showDatasetInfo(document);
void start();

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const pending = await takePendingSearch();
  // A search handed over in session storage (context menu), or one named in the address (the worker never writes one there).
  const query = pending?.query ?? params.get('q');
  if (query) {
    search.input.value = query;
    search.input.select();
  }
  // Whatever is in the box now (typed before this script ran, or handed over) is searched.
  if (search.input.value) search.search();

  const tab = await pageTab(Number(params.get('tab') ?? pending?.tabId ?? NaN));
  pageTabId = tab?.id;
  const showSettings = setUpSiteControl(document, tab?.url);
  void setUpPdfOpen(document, tab);
  const apply = (settings: Settings, policy: Policy) => {
    applyTheme(document, settings.theme);
    showSettings(settings, policy);
  };
  const { settings, policy } = await loadSettings();
  apply(settings, policy);
  watchSettings(apply);
}

/** The page the popup is about: the tab it was opened for, or the active tab of this window. */
async function pageTab(tabId: number) {
  try {
    if (Number.isInteger(tabId)) return await browser.tabs.get(tabId);
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab;
  } catch {
    return undefined;
  }
}

/** A search the worker handed over (context menu where no tooltip could show), used once. */
async function takePendingSearch() {
  try {
    const { [PENDING_SEARCH_KEY]: pending } = await browser.storage.session.get(PENDING_SEARCH_KEY);
    if (pending === undefined) return undefined;
    await browser.storage.session.remove(PENDING_SEARCH_KEY);
    return isPendingSearch(pending, Date.now()) ? pending : undefined;
  } catch {
    return undefined;
  }
}
