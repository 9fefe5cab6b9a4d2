/**
 * The settings the worker answers with, read once per worker life and again
 * after a change: a lookup then waits for no storage read of its own (on a
 * cold start, that read queued behind the ones every listener makes when
 * the worker starts, and could add a few milliseconds to the first tooltip).
 * A change drops the copy at once, in the change event, so no answer given
 * after it is built from the settings before it.
 */
import { ext as browser } from '../common/extension-api';
import type { Settings } from '../common/settings';
import { changesSettings, loadSettings } from '../common/settings-storage';

export function settingsInEffect(): () => Promise<Settings> {
  let current: Promise<Settings> | undefined;
  browser.storage.onChanged.addListener((changes, area) => {
    if (changesSettings(changes, area)) current = undefined;
  });
  // loadSettings does not fail: a storage it cannot read gives the defaults, as in every context.
  return () => (current ??= loadSettings().then((loaded) => loaded.settings));
}
