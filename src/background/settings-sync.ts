/**
 * Opt-in sync: storage.local stays the one place settings are read from; when
 * the user turns sync on, the worker mirrors it to storage.sync and brings
 * changes made in the user's other browsers back into it.
 *
 * storage.sync allows 120 writes a minute and 1,800 an hour: local changes
 * are gathered for SETTLE_MS (a user dragging a slider or typing a site list
 * makes one write, not fifty), flushes are at least MIN_INTERVAL_MS apart
 * (at most two writes each: 1,800 an hour at the very worst), and only items
 * that differ are written. A flush cut short by the worker stopping is
 * resumed when it starts again.
 */
import { ext as browser } from '../common/extension-api';
import { readSettings, toStored, type Settings } from '../common/settings';
import { fromSyncItems, isSyncKey, planSyncWrite, toSyncItems, type SyncItems } from '../common/settings-sync-layout';
import { mergeSettings } from '../common/policy';
import { loadPolicy, loadSettings, settingsChange, SETTINGS_KEY } from '../common/settings-storage';
import { afterFirstAnswer } from './start-chores';

const SETTLE_MS = 2000;
const MIN_INTERVAL_MS = 4000;
/** After a quota error, wait out the per-minute window. */
const RETRY_MS = 61_000;
/** Marks a local change not yet written to sync (session storage outlives the worker, not the browser). */
const PENDING_KEY = 'settingsSyncPending';

let timer: ReturnType<typeof setTimeout> | undefined;
let lastFlush = 0;
/** The local value this worker last wrote from sync: its echo is not a change to push back. */
let lastPulled: string | undefined;

export function registerSettingsSync(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    const change = settingsChange(changes, area);
    if (change) void onLocalChange(change.oldValue, change.newValue);
    if (area === 'sync' && Object.keys(changes).some(isSyncKey)) void pull();
  });
  afterFirstAnswer(() => void resume());
}

async function onLocalChange(oldValue: unknown, newValue: unknown): Promise<void> {
  // Whether sync is on is the setting in effect: an organisation may lock it off.
  const policy = await loadPolicy();
  const before = mergeSettings(policy, readSettings(oldValue).stored.changed);
  const after = mergeSettings(policy, readSettings(newValue).stored.changed);
  if (!after.syncSettings) return;
  if (JSON.stringify(newValue) === lastPulled) return;
  if (!before.syncSettings) {
    // Just turned on: settings this account already syncs (from another
    // browser) win; if there are none yet, this browser's become them.
    if (await pull()) return;
  }
  await schedulePush(SETTLE_MS);
}

async function schedulePush(delay: number): Promise<void> {
  await browser.storage.session.set({ [PENDING_KEY]: true });
  clearTimeout(timer);
  const wait = Math.max(delay, lastFlush + MIN_INTERVAL_MS - Date.now());
  timer = setTimeout(() => void push(), wait);
}

/** Writes local settings to sync, changed items only. */
export async function push(): Promise<void> {
  timer = undefined;
  const { settings, stored } = await loadSettings();
  if (!settings.syncSettings) {
    await browser.storage.session.remove(PENDING_KEY);
    return;
  }
  const plan = planSyncWrite(await syncItems(), toSyncItems(stored));
  lastFlush = Date.now();
  try {
    if (Object.keys(plan.set).length > 0) await browser.storage.sync.set(plan.set);
    if (plan.remove.length > 0) await browser.storage.sync.remove(plan.remove);
    await browser.storage.session.remove(PENDING_KEY);
  } catch (error) {
    // Over a write quota (or sync unavailable): the local settings are safe; try later.
    console.warn('HCPCS Lens could not sync its settings yet:', (error as Error).message);
    timer = setTimeout(() => void push(), RETRY_MS);
  }
}

/**
 * Brings settings synced from another browser into local storage. Returns
 * whether sync held settings. A local change waiting to be pushed wins.
 */
export async function pull(): Promise<boolean> {
  const raw = fromSyncItems(await syncItems());
  if (raw === undefined) return false;
  const local = await loadSettings();
  if (!local.settings.syncSettings) return true;
  if ((await browser.storage.session.get(PENDING_KEY))[PENDING_KEY] && timer !== undefined) return true;
  // Synced values pass the same checks as local ones; bad ones become defaults.
  const synced: Settings = { ...readSettings(raw).settings, syncSettings: true };
  const next = toStored(synced);
  if (JSON.stringify(next) !== JSON.stringify(local.stored)) {
    lastPulled = JSON.stringify(next);
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
  }
  return true;
}

async function syncItems(): Promise<SyncItems> {
  const all = await browser.storage.sync.get(null);
  return Object.fromEntries(Object.entries(all).filter(([key]) => isSyncKey(key)));
}

/** At worker start: finish a push the last worker did not, or catch up with other browsers. */
async function resume(): Promise<void> {
  const { settings } = await loadSettings();
  if (!settings.syncSettings) return;
  const pending = (await browser.storage.session.get(PENDING_KEY))[PENDING_KEY];
  if (pending) await schedulePush(0);
  else await pull();
}
