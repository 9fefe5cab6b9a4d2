/**
 * The storage.local marker of a CMS release the user loaded (options page,
 * options/cms-data.ts): written when one is put to use, removed on the return
 * to the bundled release. Open tabs watch it, so that what they learnt from
 * the release before (which codes exist, their dates, tooltips) is not kept.
 */
import { ext as browser } from './extension-api';

export const LOADED_RELEASE_KEY = 'loadedRelease';

/** Calls back whenever a loaded release is put to use or put away. */
export function watchLoadedRelease(callback: () => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && LOADED_RELEASE_KEY in changes) callback();
  };
  browser.storage.onChanged.addListener(listener);
  // After an update or reload of the extension, an orphaned content script has no storage API left.
  signal.addEventListener('abort', () => browser.storage?.onChanged.removeListener(listener), { once: true });
}
