/**
 * The user's settings: defaults in one place, only changed values stored,
 * every stored value checked, old layouts migrated. Pure: no browser APIs, so
 * the worker, the pages and the content script read settings the same way.
 */
import { DETAIL_LEVELS } from '../hcpcs/detail-level';
import { isHostPattern } from './host-pattern';

export const TRIGGERS = ['hover', 'alt', 'ctrl', 'shift'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;
export const SITE_MODES = ['all-except', 'only-listed'] as const;

export const DEFAULT_SETTINGS = {
  enabled: true,
  detailLevel: 'standard' as (typeof DETAIL_LEVELS)[number],
  /** Pointer rest before the tooltip shows: long enough not to fire while sweeping a table. */
  hoverDelayMs: 200,
  trigger: 'hover' as (typeof TRIGGERS)[number],
  markCodes: false,
  /** Judge each code against the date of service its row, form line or X12 loop gives. */
  checkDateOfService: true,
  theme: 'system' as (typeof THEMES)[number],
  /** all-except: run everywhere but the listed sites; only-listed: run only there. */
  siteMode: 'all-except' as (typeof SITE_MODES)[number],
  sites: [] as string[],
  /** Off by default: site rules name internal portal hosts, which should stay on this machine. */
  syncSettings: false,
  /** Whether the user may load a newer CMS release file into the extension. */
  allowReleaseImport: true,
};

export type Settings = typeof DEFAULT_SETTINGS;
export type SettingKey = keyof Settings;

export const MAX_SITES = 200;
export const HOVER_DELAY_RANGE = { min: 0, max: 2000 } as const;

/** How settings sit in storage: a version and the values the user changed. */
export interface StoredSettings {
  version: number;
  changed: Partial<Settings>;
}

type Check = (value: unknown) => boolean;
const oneOf =
  (values: readonly unknown[]): Check =>
  (v) =>
    values.includes(v);

const CHECKS: { readonly [K in SettingKey]: Check } = {
  enabled: (v) => typeof v === 'boolean',
  detailLevel: oneOf(DETAIL_LEVELS),
  hoverDelayMs: (v) => Number.isInteger(v) && (v as number) >= HOVER_DELAY_RANGE.min && (v as number) <= HOVER_DELAY_RANGE.max,
  trigger: oneOf(TRIGGERS),
  markCodes: (v) => typeof v === 'boolean',
  checkDateOfService: (v) => typeof v === 'boolean',
  theme: oneOf(THEMES),
  siteMode: oneOf(SITE_MODES),
  sites: (v) => Array.isArray(v) && v.length <= MAX_SITES && v.every((s) => typeof s === 'string' && isHostPattern(s)),
  syncSettings: (v) => typeof v === 'boolean',
  allowReleaseImport: (v) => typeof v === 'boolean',
};

export function isValidSetting<K extends SettingKey>(key: K, value: unknown): value is Settings[K] {
  return Object.hasOwn(CHECKS, key) && CHECKS[key](value);
}

/** A step from one stored layout to the next: reads the changed values of version n, returns those of n + 1. */
export type Migration = (changed: Record<string, unknown>) => Record<string, unknown>;

/**
 * MIGRATIONS[i] turns the layout of version i + 1 into that of i + 2, so the
 * current version is one more than the number of steps. Version 1 is the
 * first released layout, so nothing needs migrating yet. A release that
 * changes the layout (renames a setting, changes a value's form) adds one
 * step here, and commits the old layout as a fixture beside the tests
 * (test/unit/fixtures/settings-v<N>.json).
 */
export const MIGRATIONS: readonly Migration[] = [];
export const SETTINGS_VERSION = MIGRATIONS.length + 1;

export interface ReadResult {
  settings: Settings;
  /** What storage should hold; differs from what was read when repairs were made. */
  stored: StoredSettings;
  /** Human-readable repairs made, empty when the stored value was sound. */
  problems: string[];
  /**
   * Written by a newer build (the user went back a version): read as far as
   * understood, but not to be "repaired", which would lose the newer values.
   */
  newer: boolean;
}

/**
 * Reads whatever storage held: nothing, a current or older layout, or
 * something corrupt or foreign. Never throws; bad values fall back to their
 * defaults and are reported so the worker can repair storage once.
 */
export function readSettings(raw: unknown, migrations: readonly Migration[] = MIGRATIONS): ReadResult {
  const version = migrations.length + 1;
  const problems: string[] = [];
  let changed: Record<string, unknown> = {};
  let from = version;
  if (raw === undefined) {
    // Nothing stored: every setting is at its default.
  } else if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push('stored settings were not an object');
  } else {
    const r = raw as Record<string, unknown>;
    if (!Number.isInteger(r.version) || (r.version as number) < 1) {
      problems.push('stored settings had no version');
    } else if ((r.version as number) > version) {
      // Written by a newer build (the user downgraded): read what is understood, keep nothing else.
      problems.push(`stored settings are version ${String(r.version)}, newer than this build's ${version}`);
    }
    from = Number.isInteger(r.version) && (r.version as number) >= 1 ? (r.version as number) : version;
    if (typeof r.changed === 'object' && r.changed !== null && !Array.isArray(r.changed)) changed = { ...(r.changed as object) };
    else if (r.changed !== undefined) problems.push('stored settings values were not an object');
  }
  for (let v = from; v < version; v++) {
    try {
      changed = migrations[v - 1]!(changed);
    } catch {
      // A step that cannot read what was stored: start again from the defaults.
      problems.push(`stored settings could not be migrated from version ${v}`);
      changed = {};
      break;
    }
  }
  const settings: Settings = { ...DEFAULT_SETTINGS, sites: [] };
  const kept: Partial<Settings> = {};
  for (const [key, value] of Object.entries(changed)) {
    if (!Object.hasOwn(DEFAULT_SETTINGS, key)) {
      problems.push(`unknown setting "${key}" dropped`);
    } else if (!isValidSetting(key as SettingKey, value)) {
      problems.push(`invalid value for "${key}" replaced by the default`);
    } else {
      // Kept even when equal to the built-in default: under an organisation's
      // policy default (common/policy.ts) it is the user's own choice.
      (settings as Record<string, unknown>)[key] = value;
      (kept as Record<string, unknown>)[key] = value;
    }
  }
  if (from < version && problems.length === 0 && raw !== undefined) problems.push(`migrated from version ${from}`);
  return { settings, stored: { version, changed: kept }, problems, newer: from > version };
}

/** The stored form of full settings: only what differs from the defaults. */
export function toStored(settings: Settings): StoredSettings {
  const changed: Partial<Settings> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as SettingKey[]) {
    if (!sameValue(settings[key], DEFAULT_SETTINGS[key])) (changed as Record<string, unknown>)[key] = settings[key];
  }
  return { version: SETTINGS_VERSION, changed };
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}
