/**
 * An organisation's policy (storage.managed, read by policy-read.ts) merged
 * with the user's settings and the defaults: the one place that decides what
 * a setting's value is and whether the user may change it. Pure, so every
 * case is unit-tested; small, as the content script carries it.
 *
 *   locked key:      the policy's value (the built-in default if the policy's was bad)
 *   otherwise:       the user's value, else the policy's (a default the user may change), else the built-in default
 */
import { DEFAULT_SETTINGS, isValidSetting, sameValue, type SettingKey, type Settings } from './settings';

export interface Policy {
  /** The policy's valid values: enforced where locked, defaults elsewhere. */
  values: Partial<Settings>;
  locked: readonly SettingKey[];
  organization: string | undefined;
  /** One sentence per policy value ignored, for the options page. */
  problems: string[];
}

export const NO_POLICY: Policy = { values: {}, locked: [], organization: undefined, problems: [] };

export function isLocked(policy: Policy, key: SettingKey): boolean {
  return policy.locked.includes(key);
}

/** What a setting is when the user has not changed it: the policy's value, else the built-in default. */
export function policyDefaults(policy: Policy): Settings {
  return mergeSettings(policy, {});
}

/**
 * The settings in effect: the policy's values over the defaults, the user's
 * over those unless locked. Every value is checked again: the policy comes
 * from storage here (common/settings-storage.ts).
 */
export function mergeSettings(policy: Policy, userChanged: Partial<Settings>): Settings {
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS, sites: [] };
  const unlocked = Object.entries(userChanged).filter(([key]) => !policy.locked.includes(key as SettingKey));
  for (const [key, value] of [...Object.entries(policy.values), ...unlocked]) if (isValidSetting(key as SettingKey, value)) settings[key] = value;
  return settings as Settings;
}

/**
 * The user's stored changes once `change` is made: a locked setting is not
 * theirs to change (what they stored before is kept for when the lock is
 * lifted), and a value equal to the default in effect is no change, so a
 * later policy default reaches them.
 */
export function userChangesAfter(policy: Policy, previous: Partial<Settings>, change: Partial<Settings>): Partial<Settings> {
  const defaults = policyDefaults(policy);
  const next: Record<string, unknown> = { ...previous };
  for (const [key, value] of Object.entries(change)) {
    if (!isValidSetting(key as SettingKey, value) || isLocked(policy, key as SettingKey)) continue;
    if (sameValue(value, defaults[key as SettingKey])) delete next[key];
    else next[key] = value;
  }
  return next as Partial<Settings>;
}

/** "Set by your organization", or by its name when the policy gives one. */
export function lockedByText(policy: Policy): string {
  return policy.organization ? `Set by your organization (${policy.organization})` : 'Set by your organization';
}
