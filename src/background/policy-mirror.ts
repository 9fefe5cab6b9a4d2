/**
 * Keeps the copy of the organisation's policy in storage.local equal to
 * storage.managed, where every context reads it with the user's settings
 * (common/settings-storage.ts): at each worker start (the browser's start
 * included, when Firefox has just read its policies), when Chrome reports a
 * policy change, and when something removes the copy. The policy is checked
 * here, once (common/policy.ts), not in every frame of every tab.
 */
import { ext as browser } from '../common/extension-api';
import { NO_POLICY, type Policy } from '../common/policy';
import { readPolicy } from '../common/policy-read';
import { POLICY_KEY } from '../common/settings-storage';
import { afterFirstAnswer } from './start-chores';

/** Firefox without a policy for the extension rejects storage.managed.get() with this: no policy, not an error. */
const NO_MANAGED_STORAGE = /managed storage manifest not found/i;

/** storage.managed, checked; a policy that cannot be read is reported and ignored, never fatal. */
export async function readManagedPolicy(): Promise<Policy> {
  try {
    return readPolicy(await browser.storage.managed.get(null));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return NO_MANAGED_STORAGE.test(message) ? NO_POLICY : { ...NO_POLICY, problems: [`The policy could not be read: ${message}`] };
  }
}

export async function mirrorPolicy(): Promise<void> {
  const policy = await readManagedPolicy();
  // No policy, no copy: where IT sets nothing, storage holds nothing more than before.
  const next = canonical(policy) === canonical(NO_POLICY) ? undefined : policy;
  const { [POLICY_KEY]: copy } = await browser.storage.local.get(POLICY_KEY);
  // Written only when it differs (whatever the order of its keys): each write wakes every open tab's settings watcher.
  if (canonical(copy) === canonical(next)) return;
  if (next) await browser.storage.local.set({ [POLICY_KEY]: next });
  else await browser.storage.local.remove(POLICY_KEY);
}

export function registerPolicyMirror(): void {
  afterFirstAnswer(() => void mirrorPolicy());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && POLICY_KEY in changes)) void mirrorPolicy();
  });
}

function canonical(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
