/**
 * Keeps the copy of the organisation's policy in storage.local equal to
 * storage.managed, where every context reads it with the user's settings
 * (common/settings-storage.ts): at each worker start (the browser's start
 * included, when Firefox has just read its policies), when Chrome reports a
 * policy change, and when something removes the copy.
 */
import { ext as browser } from '../common/extension-api';
import { POLICY_KEY, readManagedStorage } from '../common/settings-storage';

export async function mirrorPolicy(): Promise<void> {
  const managed = await readManagedStorage();
  const { [POLICY_KEY]: copy } = await browser.storage.local.get(POLICY_KEY);
  // Written only when it differs (whatever the order of its keys): each write wakes every open tab's settings watcher.
  if (canonical(copy) !== canonical(managed)) await browser.storage.local.set({ [POLICY_KEY]: managed });
}

export function registerPolicyMirror(): void {
  void mirrorPolicy();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && POLICY_KEY in changes)) void mirrorPolicy();
  });
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
