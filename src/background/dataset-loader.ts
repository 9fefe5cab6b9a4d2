/**
 * Loads the bundled dataset once per worker life and keeps the promise, so
 * concurrent first requests share one load. MV3 stops idle workers; the next
 * request after a restart simply loads it again.
 */
import { ext as browser } from '../common/extension-api';
import { DatasetError } from '../hcpcs/dataset-format';
import { openDataset } from '../hcpcs/dataset-open';
import { HcpcsLookup } from '../hcpcs/lookup';

export const DATASET_PATH = 'data/hcpcs-dataset.tsv';

/** The dataset is missing or corrupt: every view says so instead of hanging. */
class DatasetUnavailableError extends Error {
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
  verifyInSlices(lookup);
  return lookup;
}

/**
 * Records are checked as they are first used; once the worker has answered,
 * the rest are checked a slice at a time (a few milliseconds each, so a hover
 * arriving meanwhile waits for one slice at most). A damaged record anywhere
 * then stops every answer, rather than surfacing one hover at a time.
 */
function verifyInSlices(lookup: HcpcsLookup, from = 0): void {
  setTimeout(() => {
    try {
      const next = lookup.verify(from, from + VERIFY_SLICE);
      if (next < lookup.size) verifyInSlices(lookup, next);
    } catch (error) {
      loading = Promise.reject(corrupt(error));
      loading.catch(() => undefined);
    }
  }, from === 0 ? FIRST_VERIFY_DELAY_MS : 0);
}

const VERIFY_SLICE = 500;
const FIRST_VERIFY_DELAY_MS = 1000;

function corrupt(error: unknown): DatasetUnavailableError {
  const detail = error instanceof DatasetError ? error.message : String(error);
  return new DatasetUnavailableError(`The HCPCS dataset in this build is corrupt (${detail}). Reinstall the extension.`);
}
