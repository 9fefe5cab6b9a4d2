/**
 * How settings are laid out in storage.sync, within its quotas: 8,192 bytes
 * per item (key plus JSON of the value), 102,400 bytes and 512 items in all.
 * The site list can outgrow one item (200 patterns of up to 253 characters),
 * so it is split over numbered items; the main item says how many.
 *
 *   settings          { version, changed: {…all but sites}, siteItems: 2 }
 *   settings.sites.0  ["portal.example.com", "*.payer.example", …]
 *   settings.sites.1  […]
 *
 * Pure, so the splitting and the write plan are unit-tested.
 */
import type { StoredSettings } from './settings';

export const SYNC_QUOTA = {
  bytesPerItem: 8192,
  bytes: 102_400,
  items: 512,
  writesPerMinute: 120,
  writesPerHour: 1800,
} as const;

const SYNC_MAIN_KEY = 'settings';
const SITES_PREFIX = 'settings.sites.';

/** Settings that stay with each browser: whether it syncs at all. */
const LOCAL_ONLY = ['syncSettings'];

export type SyncItems = Record<string, unknown>;

export function isSyncKey(key: string): boolean {
  return key === SYNC_MAIN_KEY || key.startsWith(SITES_PREFIX);
}

/** Bytes an item counts against the quota, as the browsers measure it. */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

export function toSyncItems(stored: StoredSettings): SyncItems {
  const { sites = [], ...rest } = stored.changed;
  const changed: Record<string, unknown> = { ...rest };
  for (const key of LOCAL_ONLY) delete changed[key];
  const chunks = splitSites(sites);
  const items: SyncItems = { [SYNC_MAIN_KEY]: { version: stored.version, changed, siteItems: chunks.length } };
  chunks.forEach((chunk, i) => (items[`${SITES_PREFIX}${i}`] = chunk));
  return items;
}

/** Greedy split: each chunk as full as one item allows. */
function splitSites(sites: readonly string[]): string[][] {
  const chunks: string[][] = [];
  let chunk: string[] = [];
  for (const site of sites) {
    const key = `${SITES_PREFIX}${chunks.length}`;
    if (chunk.length > 0 && itemBytes(key, [...chunk, site]) > SYNC_QUOTA.bytesPerItem) {
      chunks.push(chunk);
      chunk = [];
    }
    chunk.push(site);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * The stored-settings shape held in sync, for readSettings to check; undefined
 * when sync holds no settings, or not all of their items have arrived yet.
 */
export function fromSyncItems(items: SyncItems): unknown {
  const main = items[SYNC_MAIN_KEY];
  if (typeof main !== 'object' || main === null || Array.isArray(main)) return main === undefined ? undefined : main;
  const { version, changed, siteItems } = main as { version?: unknown; changed?: unknown; siteItems?: unknown };
  const count = Number.isInteger(siteItems) && (siteItems as number) >= 0 ? (siteItems as number) : 0;
  const sites: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const chunk = items[`${SITES_PREFIX}${i}`];
    if (chunk === undefined) return undefined;
    if (!Array.isArray(chunk)) return { version, changed: { ...asObject(changed), sites: chunk } };
    sites.push(...(chunk as unknown[]));
  }
  return { version, changed: count > 0 ? { ...asObject(changed), sites } : changed };
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export interface SyncWrite {
  /** Items to set: only those that differ from what sync holds. */
  set: SyncItems;
  /** Items to remove: site chunks the shorter list no longer needs. */
  remove: string[];
}

/** The fewest writes that turn what sync holds into `next`: each costs one of the hourly writes. */
export function planSyncWrite(current: SyncItems, next: SyncItems): SyncWrite {
  const set: SyncItems = {};
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(current[key]) !== JSON.stringify(value)) set[key] = value;
  }
  const remove = Object.keys(current).filter((key) => isSyncKey(key) && !(key in next));
  return { set, remove };
}
