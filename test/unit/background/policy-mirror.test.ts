/**
 * The worker's copy of the policy, and the settings every context reads with
 * it, against a fake storage: no policy (Firefox's rejection, Chrome's empty
 * object) is no copy and no error; a policy that cannot be read is reported,
 * not fatal; a copy is written only when it changes; a damaged copy is no
 * policy.
 */
import { beforeEach, describe, expect, it } from 'vitest';

type Area = Record<string, unknown>;
const local: Area = {};
let managed: () => Promise<Area>;
let writes = 0;

(globalThis as unknown as { chrome: unknown }).chrome = {
  storage: {
    managed: { get: () => managed() },
    local: {
      get: async (keys: string | string[]) => Object.fromEntries([keys].flat().filter((k) => k in local).map((k) => [k, structuredClone(local[k])])),
      set: async (items: Area) => {
        writes++;
        Object.assign(local, structuredClone(items));
      },
      remove: async (key: string) => {
        writes++;
        delete local[key];
      },
    },
    onChanged: { addListener: () => undefined },
  },
};
const { mirrorPolicy } = await import('../../../src/background/policy-mirror');
const { loadSettings, POLICY_KEY, SETTINGS_KEY } = await import('../../../src/common/settings-storage');

beforeEach(() => {
  for (const key of Object.keys(local)) delete local[key];
  writes = 0;
});

describe('the policy copy', () => {
  it('is not made when there is no policy: Firefox\u2019s "Managed storage manifest not found", Chrome\u2019s {}', async () => {
    managed = () => Promise.reject(new Error('Managed storage manifest not found'));
    await mirrorPolicy();
    managed = async () => ({});
    await mirrorPolicy();
    expect(writes).toBe(0);
    expect((await loadSettings()).policy.problems).toEqual([]);
  });

  it('holds the checked policy, written once however often it is mirrored, and removed with the policy', async () => {
    managed = async () => ({ theme: 'dark', trigger: 'middle-click', LockedSettings: ['theme'], OrganizationName: 'Acme Billing' });
    await mirrorPolicy();
    await mirrorPolicy();
    expect(writes).toBe(1);
    expect(local[POLICY_KEY]).toEqual({
      values: { theme: 'dark' },
      locked: ['theme'],
      organization: 'Acme Billing',
      problems: ['trigger: "middle-click" is not one of "hover", "alt", "ctrl", "shift", so it was ignored.'],
    });
    local[SETTINGS_KEY] = { version: 1, changed: { theme: 'light', markCodes: true } };
    const read = await loadSettings();
    expect([read.settings.theme, read.settings.markCodes, read.stored.changed]).toEqual(['dark', true, { theme: 'light', markCodes: true }]);
    managed = () => Promise.reject(new Error('Managed storage manifest not found'));
    await mirrorPolicy();
    expect(POLICY_KEY in local).toBe(false);
    expect((await loadSettings()).settings.theme).toBe('light');
  });

  it('reports a policy that cannot be read, and the extension goes on with the user\u2019s settings', async () => {
    managed = () => Promise.reject(new Error('Policy service unavailable'));
    await mirrorPolicy();
    local[SETTINGS_KEY] = { version: 1, changed: { detailLevel: 'full' } };
    const read = await loadSettings();
    expect(read.policy.problems).toEqual(['The policy could not be read: Policy service unavailable']);
    expect(read.settings.detailLevel).toBe('full');
  });

  it('is no policy when damaged, and its values are checked again where they are read', async () => {
    local[SETTINGS_KEY] = { version: 1, changed: { theme: 'light' } };
    local[POLICY_KEY] = 'garbage';
    expect((await loadSettings()).settings.theme).toBe('light');
    local[POLICY_KEY] = { values: { theme: 'purple', hoverDelayMs: 400 }, locked: ['theme'], problems: [] };
    const { settings } = await loadSettings();
    expect([settings.theme, settings.hoverDelayMs]).toEqual(['system', 400]);
  });
});
