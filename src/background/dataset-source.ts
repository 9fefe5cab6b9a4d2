/**
 * Which release the worker answers from: the one the user loaded (stored in
 * IndexedDB, common/release-store.ts, and marked in storage.local by
 * common/loaded-release.ts), else the bundled one. Decided once per worker
 * life and again when the options page says the release changed.
 *
 * A loaded release is read in parts, like the bundled file: a cold worker
 * reads the head and the letter it needs. Its checksum is checked when an
 * extension update first runs (the import checked it before storing), not on
 * every start. After an update that bundles a newer release than the loaded
 * one, the bundled one serves again. A stored release found damaged is
 * removed and the bundled one serves; both leave a notice for the options page.
 */
import { ext as browser } from '../common/extension-api';
import { LOADED_RELEASE_KEY } from '../common/loaded-release';
import { clearStoredRelease, markChecked, readPart, readStoredHistory, readStoredRelease, readStoredText, type StoredRelease } from '../common/release-store';
import { sha256Hex } from '../common/sha256';
import { DATASET_MAGIC, DatasetError } from '../hcpcs/dataset-format';
import { openDataset } from '../hcpcs/dataset-open';
import { HcpcsLookup } from '../hcpcs/lookup';
import { compareReleases, releaseLabel } from '../hcpcs/release';
import { DATASET_PATH, getLookup as bundledLookup } from './dataset-loader';
import { createPartsLoader } from './dataset-parts-loader';
import { CHANGES_PATH, readBundledChanges } from './history-loader';

export interface ReleaseSource {
  /** The loaded release's description; undefined when the bundled release serves. */
  stored: StoredRelease | undefined;
  lookupFor(codes: Iterable<string>): Promise<HcpcsLookup>;
  full(): Promise<HcpcsLookup>;
  /** The text of the history of changes that goes with this release (background/history-loader.ts). */
  history(): Promise<string>;
}

let current: Promise<ReleaseSource> | undefined;

/** The source of this worker life, read once. */
export function releaseSource(): Promise<ReleaseSource> {
  current ??= choose();
  return current;
}

/** The options page stored or removed a release: the next request reads it afresh. */
export function releaseChanged(): void {
  current = undefined;
}

export async function getLookup(): Promise<HcpcsLookup> {
  return (await releaseSource()).full();
}

export async function getLookupFor(codes: Iterable<string>): Promise<HcpcsLookup> {
  return (await releaseSource()).lookupFor(codes);
}

function bundled(): ReleaseSource {
  const parts = createPartsLoader({
    url: browser.runtime.getURL(DATASET_PATH),
    parts: typeof __DATASET_PARTS__ === 'undefined' ? undefined : __DATASET_PARTS__,
    full: bundledLookup,
  });
  parts.readHead();
  // Started with the head, before the marker read decides between releases: the first
  // tooltip needs the history, and nearly every start is the bundled release's.
  const changes = readBundledChanges(browser.runtime.getURL(CHANGES_PATH));
  changes.catch(() => undefined);
  return { stored: undefined, lookupFor: parts.lookupFor, full: bundledLookup, history: () => changes };
}

async function choose(): Promise<ReleaseSource> {
  const fallback = bundled();
  // Most users never load a release: without the marker the options page writes with one, IndexedDB
  // is not opened at all (its first open in a cold worker costs more than the lookup itself).
  if (!(await releaseMarked())) return fallback;
  let stored: StoredRelease | undefined;
  try {
    stored = await readStoredRelease();
  } catch (error) {
    // No IndexedDB here (a private window may refuse it): nothing was stored to lose.
    if (error instanceof DatasetError) await fallBack(`The CMS release you loaded could not be read (${error.message}).`);
    return fallback;
  }
  if (!stored) return fallback;
  const version = browser.runtime.getManifest().version;
  const bundledRelease = typeof __BUNDLED_RELEASE__ === 'undefined' ? undefined : __BUNDLED_RELEASE__;
  if (stored.checkedFor !== version && bundledRelease && compareReleases(bundledRelease, stored.release) > 0) {
    await fallBack(`This version of the extension bundles CMS HCPCS ${releaseLabel(bundledRelease)}, newer than the CMS HCPCS ${releaseLabel(stored.release)} you loaded, so it is now the active release.`);
    return fallback;
  }
  return imported(stored, version);
}

/** Whether the options page has put a loaded release to use (common/loaded-release.ts); when unsure, yes. */
async function releaseMarked(): Promise<boolean> {
  try {
    return (await browser.storage.local.get(LOADED_RELEASE_KEY))[LOADED_RELEASE_KEY] !== undefined;
  } catch {
    return true;
  }
}

function imported(stored: StoredRelease, version: string): ReleaseSource {
  let loading: Promise<HcpcsLookup> | undefined;
  const full = (): Promise<HcpcsLookup> => {
    loading ??= load(stored, version).catch(async (error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      await fallBack(`The CMS HCPCS ${releaseLabel(stored.release)} release you loaded was found damaged (${detail}).`);
      current = Promise.resolve(bundled());
      return (await current).full();
    });
    return loading;
  };
  const parts = createPartsLoader({ url: '', parts: stored.parts, full, readPart: async (name) => checkedPart(name, await readPart(name)) });
  parts.readHead();
  const history = async () => (await readStoredHistory()) ?? readBundledChanges(browser.runtime.getURL(CHANGES_PATH));
  return { stored, lookupFor: parts.lookupFor, full, history };
}

/**
 * A part must look like its place in the dataset file (the head starts with
 * the format's first line; a letter's part holds only lines of that letter's
 * codes): anything else sends the lookup to the full load, which finds the
 * damage and falls back, rather than answering "unknown code" from it.
 */
function checkedPart(name: string, text: string): string {
  const ok = name === 'head' ? text.startsWith(DATASET_MAGIC) : text[0] === name && /^[A-Z]\d{4}\t/.test(text) && text.endsWith('\n');
  if (!ok) throw new DatasetError(`the stored part ${name} is damaged`);
  return text;
}

async function load(stored: StoredRelease, version: string): Promise<HcpcsLookup> {
  const text = await readStoredText(stored);
  if (stored.checkedFor !== version) {
    if ((await sha256Hex(new TextEncoder().encode(text))) !== stored.textSha256) throw new DatasetError('its checksum does not match what was stored');
    await markChecked(stored, version);
  }
  const lookup = new HcpcsLookup(openDataset(text));
  lookup.verify();
  return lookup;
}

async function fallBack(why: string): Promise<void> {
  await clearStoredRelease(`${why} The bundled release serves again.`).catch(() => undefined);
}
