/**
 * The worker's copy of the settings in effect, against a fake storage that
 * reports its changes as storage.onChanged does: read once while nothing
 * changes, read again after a change of the user's settings or of the
 * policy, not after a change of anything else.
 */
import { beforeEach, describe, expect, it } from 'vitest';

type Area = Record<string, unknown>;
type ChangeListener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;
const local: Area = {};
const listeners: ChangeListener[] = [];
let reads = 0;

(globalThis as unknown as { chrome: unknown }).chrome = {
  storage: {
    local: {
      get: async (keys: string | string[]) => {
        reads++;
        return Object.fromEntries([keys].flat().filter((k) => k in local).map((k) => [k, structuredClone(local[k])]));
      },
    },
    onChanged: { addListener: (listener: ChangeListener) => listeners.push(listener) },
  },
};
const { settingsInEffect } = await import('../../../src/background/settings-in-effect');
const { POLICY_KEY, SETTINGS_KEY } = await import('../../../src/common/settings-storage');
const { SETTINGS_VERSION } = await import('../../../src/common/settings');

/** Writes to the fake storage and tells the listeners, as the browser does. */
function write(key: string, value: unknown, area = 'local'): void {
  if (area === 'local') local[key] = value;
  for (const listener of listeners) listener({ [key]: { newValue: value } }, area);
}

beforeEach(() => {
  for (const key of Object.keys(local)) delete local[key];
  reads = 0;
});

describe('the settings in effect, in the worker', () => {
  it('are read once while nothing changes', async () => {
    const settings = settingsInEffect();
    const [a, b] = await Promise.all([settings(), settings()]);
    expect(await settings()).toBe(a);
    expect(b).toBe(a);
    expect(reads).toBe(1);
  });

  it('follow a change of the user’s settings at once, and of the policy', async () => {
    const settings = settingsInEffect();
    expect((await settings()).theme).toBe('system');
    write(SETTINGS_KEY, { version: SETTINGS_VERSION, changed: { theme: 'dark' } });
    expect((await settings()).theme).toBe('dark');
    write(POLICY_KEY, { values: { theme: 'light' }, locked: ['theme'], problems: [] });
    expect((await settings()).theme).toBe('light');
    expect(reads).toBe(3);
  });

  it('are not read again for a change of anything else', async () => {
    const settings = settingsInEffect();
    await settings();
    write('loadedRelease', { release: '2026-q1' });
    write(SETTINGS_KEY, { version: SETTINGS_VERSION, changed: { theme: 'dark' } }, 'session');
    await settings();
    expect(reads).toBe(1);
  });

});
