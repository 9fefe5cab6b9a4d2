/**
 * Where settings live: browser.storage.local under one key, the only place
 * every context reads them from. Reading never fails (bad values fall back to
 * defaults); only the worker writes repairs, and only the worker talks to
 * storage.sync (background/settings-sync.ts mirrors this key when the user
 * opts in), so content scripts watch one key in one area.
 */
import { ext as browser } from './extension-api';
import { readSettings, toStored, type ReadResult, type Settings } from './settings';

export const SETTINGS_KEY = 'settings';

export async function loadSettings(): Promise<ReadResult> {
  try {
    const items = await browser.storage.local.get(SETTINGS_KEY);
    return readSettings(items[SETTINGS_KEY]);
  } catch {
    return readSettings(undefined);
  }
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: toStored(settings) });
}

/** Changes some settings, keeping the rest as they are now; returns the result. */
export async function updateSettings(change: (settings: Settings) => Partial<Settings>): Promise<Settings> {
  const { settings } = await loadSettings();
  const next = { ...settings, ...change(settings) };
  await saveSettings(next);
  return next;
}

export interface StoredChange {
  oldValue?: unknown;
  newValue?: unknown;
}

/** The change to the settings in a storage.onChanged event, or undefined when it changed something else. */
export function settingsChange(changes: Record<string, StoredChange>, area: string): StoredChange | undefined {
  return area === 'local' ? changes[SETTINGS_KEY] : undefined;
}

/** Calls back with the new settings whenever they change in storage, from any context. */
export function watchSettings(callback: (settings: Settings) => void, signal?: AbortSignal): void {
  const listener = (changes: Record<string, StoredChange>, area: string) => {
    const change = settingsChange(changes, area);
    if (change) callback(readSettings(change.newValue).settings);
  };
  browser.storage.onChanged.addListener(listener);
  // After an update or reload of the extension, an orphaned content script has no storage API left.
  signal?.addEventListener('abort', () => browser.storage?.onChanged.removeListener(listener), { once: true });
}
