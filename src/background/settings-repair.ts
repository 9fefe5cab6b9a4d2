/**
 * Corrupt or foreign settings (a value out of range, an unknown key, a
 * layout from an older version) are read as defaults everywhere, and written
 * back repaired here, once, by the worker: not by every frame of every tab.
 */
import { ext as browser } from '../common/extension-api';
import { loadSettings, settingsChange, SETTINGS_KEY } from '../common/settings-storage';
import { afterFirstAnswer } from './start-chores';

async function repairSettings(): Promise<string[]> {
  const read = await loadSettings();
  // A newer build's settings are kept as they are for when the user updates again.
  if (read.problems.length === 0 || read.newer) return [];
  await browser.storage.local.set({ [SETTINGS_KEY]: read.stored });
  console.warn('HCPCS Lens repaired its stored settings:', read.problems.join('; '));
  return read.problems;
}

/** Repairs at worker start, and whenever something writes settings storage. */
export function registerSettingsRepair(): void {
  afterFirstAnswer(() => void repairSettings());
  browser.storage.onChanged.addListener((changes, area) => {
    if (settingsChange(changes, area)) void repairSettings();
  });
}
