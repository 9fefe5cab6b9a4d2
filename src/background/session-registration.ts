/**
 * "Mark codes on the page" marks as a page loads, so while it is on the
 * session must start with every page, not wait for the pointer to rest: the
 * worker registers it as a content script from document_start (and removes
 * it when marking or the extension is turned off), with the marking part
 * (and the date-of-service part, with that check on) before it, so the
 * session finds them there at once. Turned on, it also starts
 * in the tabs already open, so their codes are marked at once.
 */
import type { Scripting } from 'webextension-polyfill';
import { ext as browser } from '../common/extension-api';
import type { Settings } from '../common/settings';
import { ensureSessions, PART_SCRIPTS, SESSION_SCRIPT } from '../common/session-script';
import { loadSettings, watchSettings } from '../common/settings-storage';
import { injectableTabs, isFirefox } from './inject-open-tabs';

const ID = 'hcpcs-lens-session';

/**
 * The scripts every page starts with, or none: the session and the marking
 * part; with the date-of-service check on, its part too, so rows marked as
 * the page loads are judged as they are marked, not read again once the
 * part has been asked for and injected.
 */
function wantedScripts(s: Settings): string[] {
  if (!s.enabled || !s.markCodes) return [];
  return [PART_SCRIPTS.marking, ...(s.checkDateOfService ? [PART_SCRIPTS['service-date']] : []), SESSION_SCRIPT];
}

/** Registers, changes or removes the scripts pages start with; true when pages had none and now have them (marking just turned on). */
export async function syncSessionRegistration(settings: Settings): Promise<boolean> {
  const [registered] = await browser.scripting.getRegisteredContentScripts({ ids: [ID] });
  const js = wantedScripts(settings);
  if (String(registered?.js ?? []) === String(js)) return false;
  if (registered && js.length === 0) await browser.scripting.unregisterContentScripts({ ids: [ID] });
  // In place: no page loads in between without its session.
  else if (registered) await browser.scripting.updateContentScripts([{ id: ID, js }]);
  else {
    const script: Scripting.RegisteredContentScript = { id: ID, js, matches: ['<all_urls>'], allFrames: true, runAt: 'document_start', persistAcrossSessions: true };
    // As the manifest's content script: about:blank, srcdoc, blob: and sandboxed frames too (Firefox has no such key).
    if (!isFirefox()) script.matchOriginAsFallback = true;
    await browser.scripting.registerContentScripts([script]);
    return true;
  }
  return false;
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
  // The user's change or the organisation's policy (Chrome applies a policy change live), one
  // at a time. What pages started with before is the registration itself: nothing is read
  // when the worker starts, where it would share the browser's time with the first answer.
  let queue = Promise.resolve();
  watchSettings((after) => {
    queue = queue.then(async () => {
      // Marking just turned on: the open tabs too (the user is looking at one of them).
      if (await syncSessionRegistration(after)) await startInOpenTabs();
    }).catch(() => undefined);
  });
}
