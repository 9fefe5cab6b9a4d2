/**
 * Settings read from storage: defaults in one place, only changed values
 * kept, every value checked, old layouts migrated, never a throw.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, MIGRATIONS, readSettings, SETTINGS_VERSION, toStored, type Migration } from '../../../src/common/settings';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8'));

describe('readSettings', () => {
  it('gives the defaults when nothing is stored, with nothing to repair', () => {
    expect(readSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, stored: { version: SETTINGS_VERSION, changed: {} }, problems: [], newer: false });
  });

  it('reads the version 1 layout exactly: a layout change without a migration fails here', () => {
    const { settings, problems, stored } = readSettings(fixture('settings-v1.json'));
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      detailLevel: 'full',
      hoverDelayMs: 350,
      trigger: 'alt',
      markCodes: true,
      theme: 'dark',
      siteMode: 'only-listed',
      sites: ['portal.example.com', '*.payer.example', 'intranet:8443'],
    });
    expect(stored).toEqual(fixture('settings-v1.json'));
  });

  it('replaces each corrupt or foreign value by its default, keeps the sound ones, and reports each repair', () => {
    const { settings, stored, problems } = readSettings({
      version: 1,
      changed: { hoverDelayMs: -5, theme: 'neon', sites: ['ok.example', 'not a host'], trigger: 'alt', evil: '<script>', __proto__: { enabled: false } },
    });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, trigger: 'alt' });
    expect(stored).toEqual({ version: SETTINGS_VERSION, changed: { trigger: 'alt' } });
    expect(problems).toEqual([
      'invalid value for "hoverDelayMs" replaced by the default',
      'invalid value for "theme" replaced by the default',
      'invalid value for "sites" replaced by the default',
      'unknown setting "evil" dropped',
    ]);
  });

  it('never throws, whatever storage holds', () => {
    for (const raw of [null, 42, 'settings', [], { version: 'x' }, { version: 1, changed: [1, 2] }, { changed: { theme: 'dark' } }, { version: 0 }]) {
      const read = readSettings(raw);
      expect(read.problems.length, JSON.stringify(raw)).toBeGreaterThan(0);
      expect(Object.keys(read.settings)).toEqual(Object.keys(DEFAULT_SETTINGS));
    }
    // Without a version, sound values are still kept.
    expect(readSettings({ changed: { theme: 'dark' } }).settings.theme).toBe('dark');
  });

  it('stores only values that differ from the defaults, and reads back a stored value equal to a default as the user\'s choice', () => {
    const stored = toStored({ ...DEFAULT_SETTINGS, theme: 'dark', hoverDelayMs: DEFAULT_SETTINGS.hoverDelayMs, sites: [] });
    expect(stored).toEqual({ version: SETTINGS_VERSION, changed: { theme: 'dark' } });
    // Under an organisation's default of "dark", "system" stored is the user's own choice (common/policy.ts).
    const read = readSettings({ version: 1, changed: { theme: 'system', markCodes: false } });
    expect(read.stored.changed).toEqual({ theme: 'system', markCodes: false });
    expect(read.problems).toEqual([]);
  });

  it('reads settings of a newer build as far as it understands them, and marks them not to be repaired', () => {
    const read = readSettings({ version: SETTINGS_VERSION + 1, changed: { theme: 'dark', newThing: true } });
    expect(read.settings.theme).toBe('dark');
    expect(read.newer).toBe(true);
  });
});

describe('migrations', () => {
  it('has one step per version after the first', () => {
    expect(SETTINGS_VERSION).toBe(MIGRATIONS.length + 1);
  });

  // A future layout, to prove the mechanism on the committed v1 fixture: it
  // renames hoverDelayMs to a seconds value and the site mode values.
  const v1ToV2: Migration = ({ hoverDelayMs, siteMode, ...rest }) => ({
    ...rest,
    ...(hoverDelayMs !== undefined ? { hoverDelaySeconds: (hoverDelayMs as number) / 1000 } : {}),
    ...(siteMode !== undefined ? { siteMode: siteMode === 'only-listed' ? 'allow-list' : 'block-list' } : {}),
  });

  it('runs each step from the stored version up, and reports the migration so the worker stores it', () => {
    const seen: unknown[] = [];
    const v2ToV3: Migration = (changed) => {
      seen.push(changed);
      const { hoverDelaySeconds, siteMode, ...rest } = changed;
      return { ...rest, hoverDelayMs: Math.round((hoverDelaySeconds as number) * 1000), siteMode: siteMode === 'allow-list' ? 'only-listed' : 'all-except' };
    };
    const read = readSettings(fixture('settings-v1.json'), [v1ToV2, v2ToV3]);
    expect(seen[0]).toMatchObject({ hoverDelaySeconds: 0.35, siteMode: 'allow-list', theme: 'dark' });
    expect(read.settings).toMatchObject({ hoverDelayMs: 350, siteMode: 'only-listed', theme: 'dark', sites: ['portal.example.com', '*.payer.example', 'intranet:8443'] });
    expect(read.stored.version).toBe(3);
    expect(read.problems).toEqual(['migrated from version 1']);
  });

  it('starts from the stored version, not from the first', () => {
    const v2ToV3: Migration = (changed) => ({ ...changed, theme: 'light' });
    const read = readSettings({ version: 2, changed: { theme: 'dark' } }, [v1ToV2, v2ToV3]);
    expect(read.settings.theme).toBe('light');
  });

  it('falls back to the defaults when a step cannot read what was stored', () => {
    const broken: Migration = () => {
      throw new TypeError('boom');
    };
    const read = readSettings(fixture('settings-v1.json'), [broken]);
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
    expect(read.problems).toEqual(['stored settings could not be migrated from version 1']);
  });
});
