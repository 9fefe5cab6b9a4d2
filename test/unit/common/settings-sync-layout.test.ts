/** The storage.sync layout: every item within the quota, lists split and joined back, the fewest writes. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, MAX_SITES, readSettings, toStored } from '../../../src/common/settings';
import { fromSyncItems, itemBytes, planSyncWrite, SYNC_QUOTA, toSyncItems } from '../../../src/common/settings-sync-layout';

/** The longest site list settings allow: 200 patterns of 253 characters. */
function longestSites(): string[] {
  return Array.from({ length: MAX_SITES }, (_, i) => {
    const label = `${String(i).padStart(3, '0')}${'a'.repeat(57)}`;
    return `*.${[label, label, label, label].join('.')}`.slice(0, 249) + '.com';
  });
}

describe('toSyncItems / fromSyncItems', () => {
  it('keeps small settings in one item, without the per-browser sync switch', () => {
    const items = toSyncItems(toStored({ ...DEFAULT_SETTINGS, theme: 'dark', syncSettings: true, sites: ['portal.example.com'] }));
    expect(items).toEqual({
      settings: { version: 1, changed: { theme: 'dark' }, siteItems: 1 },
      'settings.sites.0': ['portal.example.com'],
    });
    expect(readSettings(fromSyncItems(items)).settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', sites: ['portal.example.com'] });
  });

  it('splits the longest site list over items that each fit the per-item quota, and within the total', () => {
    const sites = longestSites();
    expect(readSettings({ version: 1, changed: { sites } }).problems).toEqual([]);
    const items = toSyncItems(toStored({ ...DEFAULT_SETTINGS, sites }));
    const entries = Object.entries(items);
    expect(entries.length).toBeGreaterThan(6);
    for (const [key, value] of entries) expect(itemBytes(key, value), key).toBeLessThanOrEqual(SYNC_QUOTA.bytesPerItem);
    expect(entries.reduce((sum, [k, v]) => sum + itemBytes(k, v), 0)).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
    expect(entries.length).toBeLessThanOrEqual(SYNC_QUOTA.items);
    expect(readSettings(fromSyncItems(items)).settings.sites).toEqual(sites);
  });

  it('waits while a site item has not arrived yet, and leaves bad items to the checks', () => {
    const items = toSyncItems(toStored({ ...DEFAULT_SETTINGS, sites: longestSites() }));
    delete items['settings.sites.1'];
    expect(fromSyncItems(items)).toBeUndefined();
    expect(fromSyncItems({})).toBeUndefined();
    const corrupt = readSettings(fromSyncItems({ settings: { version: 1, changed: { theme: 'dark' }, siteItems: 1 }, 'settings.sites.0': 'oops' }));
    expect(corrupt.settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(corrupt.problems).toEqual(['invalid value for "sites" replaced by the default']);
    expect(readSettings(fromSyncItems({ settings: 'garbage' })).problems).toEqual(['stored settings were not an object']);
  });
});

describe('planSyncWrite', () => {
  it('writes only the items that changed and removes site items no longer needed', () => {
    const before = toSyncItems(toStored({ ...DEFAULT_SETTINGS, sites: longestSites() }));
    const after = toSyncItems(toStored({ ...DEFAULT_SETTINGS, theme: 'light', sites: longestSites().slice(0, 2) }));
    const plan = planSyncWrite(before, after);
    expect(Object.keys(plan.set).sort()).toEqual(['settings', 'settings.sites.0']);
    expect(plan.remove.length).toBe(Object.keys(before).length - 2);
    expect(plan.remove.every((k) => k.startsWith('settings.sites.'))).toBe(true);
  });

  it('writes nothing when sync already holds the same settings', () => {
    const items = toSyncItems(toStored({ ...DEFAULT_SETTINGS, theme: 'dark' }));
    expect(planSyncWrite(structuredClone(items), items)).toEqual({ set: {}, remove: [] });
  });

  it('leaves items that are not ours alone', () => {
    expect(planSyncWrite({ other: 1 }, toSyncItems(toStored(DEFAULT_SETTINGS))).remove).toEqual([]);
  });
});
