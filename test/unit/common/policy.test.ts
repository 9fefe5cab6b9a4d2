/**
 * An organisation's policy merged with the user's settings and the defaults:
 * locked values win, unlocked ones are defaults the user may change, bad
 * values are ignored one by one with a reason, and nothing the user stores,
 * exports or syncs ever holds a policy value.
 */
import { describe, expect, it } from 'vitest';
import { isLocked, lockedByText, mergeSettings, NO_POLICY, policyDefaults, userChangesAfter } from '../../../src/common/policy';
import { readPolicy } from '../../../src/common/policy-read';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_VERSION } from '../../../src/common/settings';
import { settingsFileText } from '../../../src/common/settings-file';
import { toSyncItems } from '../../../src/common/settings-sync-layout';

describe('readPolicy', () => {
  it('reads no policy (Chrome\'s empty object, Firefox\'s missing manifest) as nothing set and nothing wrong', () => {
    expect(readPolicy(undefined)).toEqual(NO_POLICY);
    expect(readPolicy({})).toEqual({ values: {}, locked: [], organization: undefined, problems: [] });
  });

  it('reads a sound policy: values, locks and the organisation\'s name', () => {
    const policy = readPolicy({
      detailLevel: 'brief',
      hoverDelayMs: 400,
      siteMode: 'only-listed',
      sites: ['Portal.Example.com', '*.payer.example'],
      syncSettings: false,
      allowReleaseImport: false,
      checkDateOfService: true,
      LockedSettings: ['siteMode', 'sites', 'syncSettings', 'allowReleaseImport', 'sites'],
      OrganizationName: '  Acme Billing ',
    });
    expect(policy).toEqual({
      values: { detailLevel: 'brief', hoverDelayMs: 400, siteMode: 'only-listed', sites: ['portal.example.com', '*.payer.example'], syncSettings: false, allowReleaseImport: false, checkDateOfService: true },
      locked: ['siteMode', 'sites', 'syncSettings', 'allowReleaseImport'],
      organization: 'Acme Billing',
      problems: [],
    });
    expect(lockedByText(policy)).toBe('Set by your organization (Acme Billing)');
    expect(lockedByText(NO_POLICY)).toBe('Set by your organization');
  });

  it('ignores each bad value on its own, keeps the sound ones, and says why for each', () => {
    // As Firefox hands them over from policies.json: no schema has checked them.
    const policy = readPolicy({
      hoverDelayMs: '300',
      trigger: 'middle-click',
      markCodes: 1,
      theme: 'dark',
      sites: ['portal.example.com', 'https://bad host/'],
      enabled: { Value: false },
      tooltipSize: 'large',
      LockedSettings: ['theme', 'colour', 7],
      OrganizationName: '',
    });
    expect(policy.values).toEqual({ theme: 'dark' });
    expect(policy.locked).toEqual(['theme']);
    expect(policy.organization).toBeUndefined();
    expect(policy.problems).toEqual([
      'hoverDelayMs: "300" is not a whole number from 0 to 2000, so it was ignored.',
      'trigger: "middle-click" is not one of "hover", "alt", "ctrl", "shift", so it was ignored.',
      'markCodes: 1 is not true or false, so it was ignored.',
      'sites: ["portal.example.com","https://bad host/"] is not a list of at most 200 host names or patterns, so it was ignored.',
      'enabled: {"Value":false} is not true or false, so it was ignored.',
      'tooltipSize: not a setting of HCPCS Lens, so it was ignored.',
      'LockedSettings: "colour" is not a setting, so it locks nothing.',
      'LockedSettings: 7 is not a setting, so it locks nothing.',
      'OrganizationName: "" is not a name of 1 to 100 characters.',
    ]);
  });

  it('survives a policy that is not an object, or a lock list that is not a list', () => {
    expect(readPolicy('on')).toEqual({ ...NO_POLICY, problems: ['The policy is not an object: it was ignored.'] });
    expect(readPolicy([1])).toMatchObject({ values: {}, locked: [] });
    expect(readPolicy({ LockedSettings: 'sites', theme: 'light' })).toEqual({
      values: { theme: 'light' },
      locked: [],
      organization: undefined,
      problems: ['LockedSettings: "sites" is not a list of setting names; no setting is locked.'],
    });
  });
});

describe('mergeSettings', () => {
  it('with no policy, is the user\'s settings over the defaults, exactly as stored settings read', () => {
    const user = readSettings({ version: SETTINGS_VERSION, changed: { theme: 'dark', sites: ['a.example'] } });
    expect(mergeSettings(NO_POLICY, user.stored.changed)).toEqual(user.settings);
  });

  it('takes an unlocked policy value as the default, which the user\'s own value overrides', () => {
    const policy = readPolicy({ detailLevel: 'brief', theme: 'dark' });
    expect(policyDefaults(policy)).toEqual({ ...DEFAULT_SETTINGS, detailLevel: 'brief', theme: 'dark' });
    expect(mergeSettings(policy, {})).toMatchObject({ detailLevel: 'brief', theme: 'dark' });
    expect(mergeSettings(policy, { detailLevel: 'full', theme: 'system' })).toMatchObject({ detailLevel: 'full', theme: 'system' });
  });

  it('takes a locked policy value whatever the user stored', () => {
    const policy = readPolicy({ markCodes: true, siteMode: 'only-listed', sites: ['portal.example.com'], LockedSettings: ['markCodes', 'siteMode', 'sites'] });
    const settings = mergeSettings(policy, { markCodes: false, siteMode: 'all-except', sites: ['elsewhere.example'], theme: 'dark' });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, markCodes: true, siteMode: 'only-listed', sites: ['portal.example.com'], theme: 'dark' });
    expect([isLocked(policy, 'markCodes'), isLocked(policy, 'theme')]).toEqual([true, false]);
  });

  it('holds a locked setting whose policy value was bad at the built-in default, and an unlocked one at the user\'s value', () => {
    const policy = readPolicy({ hoverDelayMs: 99_999, theme: 'purple', LockedSettings: ['hoverDelayMs'] });
    expect(isLocked(policy, 'hoverDelayMs')).toBe(true);
    const settings = mergeSettings(policy, { hoverDelayMs: 800, theme: 'dark' });
    expect(settings.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(settings.theme).toBe('dark');
    expect(mergeSettings(policy, {}).theme).toBe(DEFAULT_SETTINGS.theme);
  });

  it('ignores a user value that is not sound, whatever put it there', () => {
    expect(mergeSettings(NO_POLICY, { hoverDelayMs: -5 } as never).hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
  });
});

describe('userChangesAfter', () => {
  const policy = readPolicy({ detailLevel: 'brief', syncSettings: false, sites: ['portal.example.com'], LockedSettings: ['syncSettings', 'sites'] });

  it('stores a choice that differs from the organisation\'s default, even when it is the built-in default', () => {
    const changed = userChangesAfter(policy, {}, { detailLevel: 'standard' });
    expect(changed).toEqual({ detailLevel: 'standard' });
    expect(mergeSettings(policy, readSettings({ version: SETTINGS_VERSION, changed }).stored.changed).detailLevel).toBe('standard');
  });

  it('drops a choice equal to the default in effect, so a later policy default reaches the user', () => {
    expect(userChangesAfter(policy, { detailLevel: 'full', theme: 'dark' }, { detailLevel: 'brief' })).toEqual({ theme: 'dark' });
  });

  it('never changes a locked setting, keeping what the user stored for when the lock is lifted', () => {
    expect(userChangesAfter(policy, { sites: ['mine.example'] }, { sites: [], syncSettings: true, theme: 'light' })).toEqual({ sites: ['mine.example'], theme: 'light' });
  });

  it('leaves policy values out of everything stored, exported and synced', () => {
    // The whole settings in effect saved back, as the options page and a reset do.
    const changed = userChangesAfter(policy, {}, { ...mergeSettings(policy, {}), theme: 'dark' });
    expect(changed).toEqual({ theme: 'dark' });
    const stored = { version: SETTINGS_VERSION, changed };
    expect(JSON.parse(settingsFileText(stored, new Date(0))).changed).toEqual({ theme: 'dark' });
    expect(toSyncItems(stored)).toEqual({ settings: { version: SETTINGS_VERSION, changed: { theme: 'dark' }, siteItems: 0 } });
  });
});
