/**
 * Loads the bundled dataset once per worker life and keeps the promise, so
 * concurrent first requests share one load. MV3 stops idle workers; the next
 * request after a restart simply loads it again.
 */
import browser from 'webextension-polyfill';
import { DatasetError, openDataset } from '../hcpcs/dataset-format';
import { HcpcsLookup } from '../hcpcs/lookup';

export const DATASET_PATH = 'data/hcpcs-dataset.tsv';

/** The dataset is missing or corrupt: every view says so instead of hanging. */
export class DatasetUnavailableError extends Error {
  override name = 'DatasetUnavailableError';
}

let loading: Promise<HcpcsLookup> | undefined;

export function getLookup(): Promise<HcpcsLookup> {
  loading ??= load().catch((error: unknown) => {
    // A failed load is not cached as success, but is not retried in a loop
    // either: the next request tries once more.
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(): Promise<HcpcsLookup> {
  let text: string;
  try {
    // fetch() of the extension's own file: a dynamic import() is not allowed in service workers.
    const response = await fetch(browser.runtime.getURL(DATASET_PATH));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (error) {
    throw new DatasetUnavailableError(`The HCPCS dataset is missing from this build (${(error as Error).message}). Reinstall the extension.`);
  }
  let lookup: HcpcsLookup;
  try {
    lookup = new HcpcsLookup(openDataset(text));
  } catch (error) {
    throw corrupt(error);
  }
  // Records are checked as they are first used; once the first answer is out,
  // check the rest, so a damaged record anywhere stops every answer rather
  // than surfacing one hover at a time.
  setTimeout(() => {
    try {
      lookup.all();
    } catch (error) {
      const failure = corrupt(error);
      loading = Promise.reject(failure);
      loading.catch(() => undefined);
    }
  }, 0);
  return lookup;
}

function corrupt(error: unknown): DatasetUnavailableError {
  const detail = error instanceof DatasetError ? error.message : String(error);
  return new DatasetUnavailableError(`The HCPCS dataset in this build is corrupt (${detail}). Reinstall the extension.`);
}
