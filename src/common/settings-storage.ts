/**
 * Where settings live: the user's changes in browser.storage.local under one
 * key, and beside them (another key) a copy of the organisation's policy,
 * which the worker keeps equal to browser.storage.managed
 * (background/policy-mirror.ts). Every context reads the settings in effect
 * here, merged by common/policy.ts, with one read of one area: Chrome's first
 * storage.managed read after the browser starts takes about two seconds, too
 * long for a content script to wait before its first tooltip.
 *
 * Reading never fails (bad values fall back to defaults, a missing or broken
 * policy is no policy); only the worker writes repairs, and only the worker
 * talks to storage.sync (background/settings-sync.ts mirrors the settings key
 * when the user opts in), so policy values are never stored with the user's
 * settings, exported or synced.
 */
import { ext as browser } from './extension-api';
import { mergeSettings, NO_POLICY, userChangesAfter, type Policy } from './policy';
import { readSettings, SETTINGS_VERSION, type ReadResult, type Settings } from './settings';

export const SETTINGS_KEY = 'settings';
/** The worker's copy of storage.managed, as a checked Policy. */
export const POLICY_KEY = 'managedPolicy';

/** The user's own settings (ReadResult) with `settings` the values in effect under the policy. */
export interface LoadedSettings extends ReadResult {
  policy: Policy;
}

/**
 * The worker's copy, checked by the worker (common/policy-read.ts) as it
 * was made; read here by its shape, and mergeSettings checks each value again.
 */
function policyOf(copy: unknown): Policy {
  const p = copy as Policy | undefined;
  return Array.isArray(p?.locked) && Array.isArray(p.problems) && p.values instanceof Object ? p : NO_POLICY;
}

function loaded(storedSettings: unknown, policyCopy: unknown): LoadedSettings {
  const read = readSettings(storedSettings);
  const policy = policyOf(policyCopy);
  return { ...read, settings: mergeSettings(policy, read.stored.changed), policy };
}

async function readLocal(): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.local.get([SETTINGS_KEY, POLICY_KEY]);
  } catch {
    return {};
  }
}

export async function loadSettings(): Promise<LoadedSettings> {
  const items = await readLocal();
  return loaded(items[SETTINGS_KEY], items[POLICY_KEY]);
}

export async function loadPolicy(): Promise<Policy> {
  return (await loadSettings()).policy;
}

/** Stores exactly these user changes (a reset, an import, an undo): policy values are not among them. */
export async function saveUserChanges(changed: Partial<Settings>): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: { version: SETTINGS_VERSION, changed } });
}

/** Saves settings as the user's choices, where they differ from the defaults in effect; locked ones are left alone. */
export async function saveSettings(settings: Settings): Promise<void> {
  const { policy, stored } = await loadSettings();
  await saveUserChanges(userChangesAfter(policy, stored.changed, settings));
}

/** Changes some settings, keeping the rest as they are now; returns the settings then in effect. */
export async function updateSettings(change: (settings: Settings) => Partial<Settings>): Promise<Settings> {
  const { settings, policy, stored } = await loadSettings();
  const changed = userChangesAfter(policy, stored.changed, change(settings));
  await saveUserChanges(changed);
  return mergeSettings(policy, changed);
}

export interface StoredChange {
  oldValue?: unknown;
  newValue?: unknown;
}

/** The change to the user's settings in a storage.onChanged event, or undefined when it changed something else. */
export function settingsChange(changes: Record<string, StoredChange>, area: string): StoredChange | undefined {
  return area === 'local' ? changes[SETTINGS_KEY] : undefined;
}

/** Whether a storage.onChanged event changes the settings in effect: the user's or the policy's. */
export function changesSettings(changes: Record<string, StoredChange>, area: string): boolean {
  return settingsChange(changes, area) !== undefined || (area === 'local' && POLICY_KEY in changes);
}

export type SettingsListener = (settings: Settings, policy: Policy) => void;

/**
 * Calls back with the settings in effect whenever the user's settings change
 * (from any context) or the policy does: Chrome reports a policy change at
 * once, and the worker copies it here; Firefox reads policies at browser start.
 * The change event carries the new value, and the other key is remembered,
 * so a change reaches every frame without another read of storage.
 */
export function watchSettings(callback: SettingsListener, signal?: AbortSignal): void {
  let known: Record<string, unknown> | undefined;
  void readLocal().then((items) => (known ??= items));
  const listener = (changes: Record<string, StoredChange>, area: string) => {
    if (!changesSettings(changes, area)) return;
    const apply = (items: Record<string, unknown>) => {
      for (const key of [SETTINGS_KEY, POLICY_KEY]) if (key in changes) items[key] = changes[key]!.newValue;
      known = items;
      const read = loaded(items[SETTINGS_KEY], items[POLICY_KEY]);
      if (!signal?.aborted) callback(read.settings, read.policy);
    };
    if (known) apply({ ...known });
    else void readLocal().then(apply);
  };
  browser.storage.onChanged.addListener(listener);
  // After an update or reload of the extension, an orphaned content script has no storage API left.
  signal?.addEventListener('abort', () => browser.storage?.onChanged.removeListener(listener), { once: true });
}
