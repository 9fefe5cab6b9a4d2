/**
 * The options page's import worker: the project's one converter
 * (data/converter) run off the page's main thread on the file the user
 * picked, compared with the active release, kept until the user chooses
 * "Use this release", then stored (common/release-store.ts). The page
 * cancels by terminating this worker; nothing is stored before "use".
 */
import { convertFile } from '../../../data/converter/convert-file';
import type { KnownAids } from '../../../data/converter/convert-release';
import { layoutFrom } from '../../../data/converter/layout-positions';
import { ReleaseError, summariseWarnings } from '../../../data/converter/release-error';
import bundledLayout from '../../../data/hcpcs-layout.json';
import { partNames, readStoredHistory, readStoredRelease, readStoredText, storeRelease, type StoredRelease } from '../../common/release-store';
import { sha256Hex } from '../../common/sha256';
import { toTsv } from '../../common/tsv';
import type { Dataset } from '../../hcpcs/dataset';
import { datasetParts } from '../../hcpcs/dataset-parts';
import { encodeDataset } from '../../hcpcs/dataset-format';
import { decodeDataset } from '../../hcpcs/dataset-open';
import { diffReleases, diffRows } from '../../hcpcs/release-diff';
import { appendReleaseChanges } from '../../hcpcs/release-history';
import { summaryLists } from './summary-lists';
import type { FromWorker, Stage, ToWorker } from './import-protocol';

/** The bundled dataset, as the extension ships it (same origin as this worker). */
const BUNDLED_DATASET = '/data/hcpcs-dataset.tsv';

/** The bundled history of changes (the release before the bundled one → the bundled one). */
const BUNDLED_CHANGES = '/data/hcpcs-changes.tsv';

let prepared: { description: StoredRelease; parts: Record<string, string>; history: string } | undefined;

const post = (message: FromWorker) => postMessage(message);
const stage = (s: Stage) => post({ type: 'stage', stage: s });

addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  const work = message.type === 'load' ? load(message.file) : use();
  work.catch((error: unknown) => post({ type: 'failed', message: describe(error) }));
});

async function load(file: File): Promise<void> {
  prepared = undefined;
  stage('reading');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const [inputSha256, bundledText] = await Promise.all([sha256Hex(bytes), fetchBundled()]);
  const bundled = decodeDataset(bundledText);
  const known: KnownAids = { layout: layoutFrom(bundledLayout, bundled), notes: bundled.release.notesFile ? { file: bundled.release.notesFile, notes: bundled.notes } : undefined };
  const result = await convertFile(file.name, bytes, known, (s) => stage(s));
  stage('comparing');
  const { stored, active } = await activeRelease(bundled);
  const diff = diffReleases(active.records, result.dataset.records);
  // The history goes on from the active release's: what changed from it to this one is the next step.
  const before = stored ? await readStoredHistory() : await fetchText(BUNDLED_CHANGES).catch(() => undefined);
  const history = appendReleaseChanges(before, active, result.dataset);

  const text = encodeDataset(result.dataset);
  // What is stored must be what the worker reads: checked here, before anything is stored.
  decodeDataset(text);
  const encoded = new TextEncoder().encode(text);
  const parts = datasetParts(encoded);
  const decoder = new TextDecoder();
  const texts: Record<string, string> = {};
  for (const name of partNames(parts)) {
    const [start, end] = name === 'head' ? parts.head : parts.letters[name]!;
    texts[name] = decoder.decode(encoded.subarray(start, end));
  }
  prepared = {
    description: {
      release: result.dataset.release,
      fileName: file.name,
      loadedAt: '',
      inputSha256,
      textSha256: await sha256Hex(encoded),
      parts,
      checkedFor: '',
    },
    parts: texts,
    history,
  };
  post({
    type: 'summary',
    summary: {
      fileName: file.name,
      release: result.dataset.release,
      against: active.release,
      inputSha256,
      used: result.used,
      aidsFromExtension: result.aidsFromExtension,
      ignored: result.ignored,
      otherQuarters: result.otherQuarters,
      warnings: summariseWarnings(result.warnings),
      counts: diff.counts,
      lists: summaryLists(diff),
      tsv: toTsv(diffRows(diff)),
    },
  });
}

/**
 * The release the worker answers from: the stored one, else the bundled one.
 * A stored release that cannot be read is compared with as the bundled one
 * (the worker falls back to it too), so a damaged store never blocks loading
 * a good release over it.
 */
async function activeRelease(bundled: Dataset): Promise<{ stored: StoredRelease | undefined; active: Dataset }> {
  try {
    const stored = await readStoredRelease();
    if (stored) return { stored, active: decodeDataset(await readStoredText(stored)) };
  } catch {
    // Damaged or unreadable: as if none were stored.
  }
  return { stored: undefined, active: bundled };
}

async function use(): Promise<void> {
  if (!prepared) throw new Error('No release is ready to use: load one first.');
  // The version comes from the page's manifest: a worker has no extension API.
  const version = await manifestVersion();
  await storeRelease({ ...prepared.description, loadedAt: new Date().toISOString(), checkedFor: version }, prepared.parts, prepared.history);
  prepared = undefined;
  post({ type: 'stored' });
}

async function fetchBundled(): Promise<string> {
  return fetchText(BUNDLED_DATASET).catch((error: unknown) => {
    throw new Error(`The bundled dataset is missing from this build (${(error as Error).message}). Reinstall the extension.`);
  });
}

async function fetchText(path: string): Promise<string> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

async function manifestVersion(): Promise<string> {
  const manifest = (await (await fetch('/manifest.json')).json()) as { version?: unknown };
  if (typeof manifest.version !== 'string') throw new Error('The extension’s manifest has no version.');
  return manifest.version;
}

function describe(error: unknown): string {
  if (error instanceof ReleaseError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
