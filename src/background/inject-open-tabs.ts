/**
 * Chrome runs manifest content scripts only in pages loaded after the
 * extension was installed or updated: tabs already open would need a reload
 * (and after an update their old scripts are orphaned). On install and update
 * the worker injects the content script into every open tab it may script.
 * Firefox injects into open tabs by itself, so there this does nothing: the
 * script would otherwise run twice.
 */
import type { Runtime, Tabs } from 'webextension-polyfill';
import { ext as browser } from '../common/extension-api';

/** Pages an extension cannot script; executeScript would only fail on them. */
const SCRIPTABLE = /^(?:https?|file):/;

export function isFirefox(): boolean {
  return browser.runtime.getURL('').startsWith('moz-extension:');
}

/** Tabs worth injecting into: loaded (not discarded or unloaded), showing a web page. */
export function injectableTabs(tabs: readonly Tabs.Tab[]): number[] {
  return tabs.filter((t) => t.id !== undefined && !t.discarded && t.status !== 'unloaded' && SCRIPTABLE.test(t.url ?? '')).map((t) => t.id!);
}

export async function injectIntoOpenTabs(details: Runtime.OnInstalledDetailsType): Promise<void> {
  if ((details.reason !== 'install' && details.reason !== 'update') || isFirefox()) return;
  const files = browser.runtime.getManifest().content_scripts?.flatMap((s) => s.js ?? []) ?? [];
  if (files.length === 0) return;
  const tabIds = injectableTabs(await browser.tabs.query({}));
  await Promise.all(
    tabIds.map((tabId) =>
      // A tab may close, navigate to a page we cannot script, or be the Web Store: skip it quietly.
      browser.scripting.executeScript({ target: { tabId, allFrames: true }, files }).catch(() => undefined),
    ),
  );
}
