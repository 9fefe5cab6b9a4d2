/**
 * A CMS release the user loaded (options page, "CMS data"), kept on this
 * computer only: in IndexedDB, not storage.local (its 10 MB cap, and every
 * tab's storage.onChanged listener would receive the whole value), never
 * synced. It is stored in the parts the worker reads (hcpcs/dataset-parts.ts):
 * a cold worker reads the head and one letter, as it does from the bundled
 * file. One transaction writes or clears it whole, so a failure changes
 * nothing. The worker and the options page both use this module.
 */
import { DatasetError } from '../hcpcs/dataset-format';
import type { DatasetParts } from '../hcpcs/dataset-parts';
import type { ReleaseInfo } from '../hcpcs/release';

const DB_NAME = 'hcpcs-lens-releases';
const STORE = 'release';
const ACTIVE = 'active';
const NOTICE = 'notice';
/** The history of changes up to the stored release (hcpcs/release-history.ts), stored with it. */
const HISTORY = 'history';
const partKey = (name: string) => `part:${name}`;

/** What is known of the stored release without reading its records. */
export interface StoredRelease {
  release: ReleaseInfo;
  /** The file the user picked (the zip, or the .txt / .xlsx). */
  fileName: string;
  /** When it was loaded (ISO timestamp). */
  loadedAt: string;
  /** sha256 of the file picked. */
  inputSha256: string;
  /** sha256 of the dataset text stored, checked at import and after an extension update. */
  textSha256: string;
  /** Byte ranges of the dataset text's parts; each part is stored under its name. */
  parts: DatasetParts;
  /** The extension version that last checked the stored text against textSha256. */
  checkedFor: string;
}

/** Something the options page must tell the user about the stored release (it was found damaged, replaced …). */
export interface ReleaseNotice {
  text: string;
  at: string;
}

let connection: Promise<IDBDatabase> | undefined;

/** One connection per context, kept: a cold worker's reads (description, head, one letter) then open the database once. */
function open(): Promise<IDBDatabase> {
  connection ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      const db = request.result;
      // Closed by the browser, or a newer layout wants to upgrade: open afresh next time.
      db.onclose = () => (connection = undefined);
      db.onversionchange = () => {
        db.close();
        connection = undefined;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB would not open'));
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another page of the extension'));
  });
  connection.catch(() => (connection = undefined));
  return connection;
}

/** Runs one transaction; resolves with what `work` returned once it has committed. */
async function transact<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => () => T): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const result = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(result());
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function get(store: IDBObjectStore, key: string): () => unknown {
  const request = store.get(key);
  return () => request.result;
}

/** The stored release's description, or undefined when none is stored. Throws DatasetError when it is damaged. */
export async function readStoredRelease(): Promise<StoredRelease | undefined> {
  const value = await transact('readonly', (store) => get(store, ACTIVE));
  return value === undefined ? undefined : checkStored(value);
}

/** One part of the stored dataset text. */
export async function readPart(name: string): Promise<string> {
  const text = await transact('readonly', (store) => get(store, partKey(name)));
  if (typeof text !== 'string') throw new DatasetError(`the stored release has lost its part ${name}`);
  return text;
}

/** The history of changes stored with the release; undefined when there is none. */
export async function readStoredHistory(): Promise<string | undefined> {
  const text = await transact('readonly', (store) => get(store, HISTORY));
  return typeof text === 'string' ? text : undefined;
}

/** The names of the parts, in file order (head first). */
export function partNames(parts: DatasetParts): string[] {
  return ['head', ...Object.keys(parts.letters).sort((a, b) => parts.letters[a]![0] - parts.letters[b]![0])];
}

/** The whole stored dataset text, in one transaction. */
export async function readStoredText(stored: StoredRelease): Promise<string> {
  const names = partNames(stored.parts);
  const texts = await transact('readonly', (store) => {
    const reads = names.map((name) => get(store, partKey(name)));
    return () => reads.map((read) => read());
  });
  const missing = names.find((_, i) => typeof texts[i] !== 'string');
  if (missing) throw new DatasetError(`the stored release has lost its part ${missing}`);
  return texts.join('');
}

/** Replaces whatever was stored by this release and its history of changes, whole, and clears any notice. */
export async function storeRelease(description: StoredRelease, parts: Record<string, string>, history: string): Promise<void> {
  await transact('readwrite', (store) => {
    store.clear();
    for (const [name, text] of Object.entries(parts)) store.put(text, partKey(name));
    store.put(history, HISTORY);
    store.put(description, ACTIVE);
    return () => undefined;
  });
}

/** Back to the bundled release: the stored one is removed; a notice (why) may be left for the options page. */
export async function clearStoredRelease(notice?: string): Promise<void> {
  await transact('readwrite', (store) => {
    store.clear();
    if (notice) store.put({ text: notice, at: new Date().toISOString() } satisfies ReleaseNotice, NOTICE);
    return () => undefined;
  });
}

export async function markChecked(stored: StoredRelease, version: string): Promise<void> {
  await transact('readwrite', (store) => {
    store.put({ ...stored, checkedFor: version }, ACTIVE);
    return () => undefined;
  });
}

export async function readNotice(): Promise<ReleaseNotice | undefined> {
  const value = await transact('readonly', (store) => get(store, NOTICE));
  const n = value as Partial<ReleaseNotice> | undefined;
  return n && typeof n.text === 'string' && typeof n.at === 'string' ? { text: n.text, at: n.at } : undefined;
}

function checkStored(value: unknown): StoredRelease {
  const s = value as Partial<StoredRelease> | null;
  const ok =
    typeof s === 'object' &&
    s !== null &&
    typeof s.release === 'object' &&
    s.release !== null &&
    Number.isInteger(s.release.year) &&
    [1, 2, 3, 4].includes(s.release.quarter as number) &&
    ['fileName', 'loadedAt', 'inputSha256', 'textSha256', 'checkedFor'].every((k) => typeof (s as Record<string, unknown>)[k] === 'string') &&
    typeof s.parts === 'object' &&
    s.parts !== null &&
    Array.isArray(s.parts.head) &&
    typeof s.parts.letters === 'object';
  if (!ok) throw new DatasetError('the stored release’s description is damaged');
  return s as StoredRelease;
}
