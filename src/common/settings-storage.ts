/**
 * Where settings live: the user's changes in browser.storage.local under one
 * key, an organisation's policy in browser.storage.managed. Every context
 * reads the settings in effect here, merged by common/policy.ts. Reading
 * never fails (bad values fall back to defaults, a missing or broken policy
 * is no policy); only the worker writes repairs, and only the worker talks to
 * storage.sync (background/settings-sync.ts mirrors the local key when the
 * user opts in), so policy values are never stored, exported or synced.
 */
import { ext as browser } from './extension-api';
import { mergeSettings, NO_POLICY, readPolicy, userChangesAfter, type Policy } from './policy';
import { readSettings, SETTINGS_VERSION, type ReadResult, type Settings } from './settings';

export const SETTINGS_KEY = 'settings';

/** The user's own settings (ReadResult) with `settings` the values in effect under the policy. */
export interface LoadedSettings extends ReadResult {
  policy: Policy;
}

/** Firefox without a policy for the extension rejects storage.managed.get() with this: no policy, not an error. */
const NO_MANAGED_STORAGE = /managed storage manifest not found/i;

/** What storage.managed held, or why it could not be read. */
type Managed = { raw: unknown } | { error: string };

async function readManaged(): Promise<Managed> {
  try {
    return { raw: await browser.storage.managed.get(null) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return NO_MANAGED_STORAGE.test(message) ? { raw: undefined } : { error: message };
  }
}

/** A broken policy never stops the extension: it is reported, and ignored. */
function policyOf(managed: Managed): Policy {
  return 'error' in managed ? { ...NO_POLICY, problems: [`The policy could not be read: ${managed.error}`] } : readPolicy(managed.raw);
}

export async function loadPolicy(): Promise<Policy> {
  return policyOf(await readManaged());
}

async function loadUserSettings(): Promise<ReadResult> {
  try {
    const items = await browser.storage.local.get(SETTINGS_KEY);
    return readSettings(items[SETTINGS_KEY]);
  } catch {
    return readSettings(undefined);
  }
}

export async function loadSettings(): Promise<LoadedSettings> {
  const [read, policy] = await Promise.all([loadUserSettings(), loadPolicy()]);
  return { ...read, settings: mergeSettings(policy, read.stored.changed), policy };
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

export type SettingsListener = (settings: Settings, before: Settings, policy: Policy) => void;

/**
 * Calls back with the settings in effect whenever the user's settings change
 * (from any context) or the policy does: Chrome reports a policy change as a
 * storage change in area "managed"; Firefox reads policies at browser start.
 */
export function watchSettings(callback: SettingsListener, signal?: AbortSignal): void {
  const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[SETTINGS_KEY]) {
      const { oldValue, newValue } = changes[SETTINGS_KEY];
      void loadPolicy().then((policy) => {
        if (signal?.aborted) return;
        callback(mergeSettings(policy, readSettings(newValue).stored.changed), mergeSettings(policy, readSettings(oldValue).stored.changed), policy);
      });
    } else if (area === 'managed') {
      void Promise.all([readManaged(), loadUserSettings()]).then(([managed, user]) => {
        if (signal?.aborted) return;
        const now = 'raw' in managed && typeof managed.raw === 'object' && managed.raw !== null ? managed.raw : {};
        // The policy before the change: today's, with the changed keys as they were.
        const old: Record<string, unknown> = { ...now };
        for (const [key, { oldValue }] of Object.entries(changes)) {
          if (oldValue === undefined) delete old[key];
          else old[key] = oldValue;
        }
        const policy = policyOf(managed);
        callback(mergeSettings(policy, user.stored.changed), mergeSettings(readPolicy(old), user.stored.changed), policy);
      });
    }
  };
  browser.storage.onChanged.addListener(listener);
  // After an update or reload of the extension, an orphaned content script has no storage API left.
  signal?.addEventListener('abort', () => browser.storage?.onChanged.removeListener(listener), { once: true });
}
