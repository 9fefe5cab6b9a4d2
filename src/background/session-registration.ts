/**
 * "Mark codes on the page" marks as a page loads, so while it is on the
 * session must start with every page, not wait for the pointer to rest: the
 * worker registers it as a content script from document_start (and removes
 * it when marking or the extension is turned off), with the marking part
 * before it, so the session finds the marker there at once. Turned on, it also starts
 * in the tabs already open, so their codes are marked at once.
 */
import type { Scripting } from 'webextension-polyfill';
import { ext as browser } from '../common/extension-api';
import type { Settings } from '../common/settings';
import { ensureSessions, PART_SCRIPTS, SESSION_SCRIPT } from '../common/session-script';
import { loadSettings, watchSettings } from '../common/settings-storage';
import { injectableTabs, isFirefox } from './inject-open-tabs';

const ID = 'hcpcs-lens-session';

const wanted = (s: Settings) => s.enabled && s.markCodes;

export async function syncSessionRegistration(settings: Settings): Promise<void> {
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [ID] })).length > 0;
  if (wanted(settings) && !registered) {
    const script: Scripting.RegisteredContentScript = { id: ID, js: [PART_SCRIPTS.marking, SESSION_SCRIPT], matches: ['<all_urls>'], allFrames: true, runAt: 'document_start', persistAcrossSessions: true };
    // As the manifest's content script: about:blank, srcdoc, blob: and sandboxed frames too (Firefox has no such key).
    if (!isFirefox()) script.matchOriginAsFallback = true;
    await browser.scripting.registerContentScripts([script]);
  } else if (!wanted(settings) && registered) {
    await browser.scripting.unregisterContentScripts({ ids: [ID] });
  }
}

async function startInOpenTabs(): Promise<void> {
  const tabs = injectableTabs(await browser.tabs.query({}));
  await Promise.all(tabs.map((tabId) => ensureSessions(tabId).catch(() => undefined)));
}

/** Registrations outlast the worker; they are checked when the browser starts, the extension is installed or updated, and the settings change. */
export function registerSessionRegistration(): void {
  const sync = () => void loadSettings().then(({ settings }) => syncSessionRegistration(settings).catch(() => undefined));
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
  // Whether marking was wanted before a change: read when the worker starts, kept as settings change.
  let before: Promise<boolean> = loadSettings().then(({ settings }) => wanted(settings));
  // The user's change or the organisation's policy (Chrome applies a policy change live).
  watchSettings((after) => {
    const was = before;
    before = Promise.resolve(wanted(after));
    void was.then((wasWanted) => {
      if (wasWanted === wanted(after)) return;
      // Open tabs first: the user is looking at one of them.
      if (wanted(after)) void startInOpenTabs();
      void syncSessionRegistration(after).catch(() => undefined);
    });
  });
}
