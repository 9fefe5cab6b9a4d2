/**
 * Messages between the options page and its import worker (import-worker.ts).
 * The page sends the File; the worker converts, compares and keeps the result
 * until the page says "use" (it then stores it) or drops the worker (cancel).
 */
import type { ReleaseInfo } from '../../hcpcs/release';
import type { ChangeKind } from '../../hcpcs/release-diff';

export type ToWorker = { type: 'load'; file: File } | { type: 'use' };

export type Stage = 'reading' | 'unpacking' | 'converting' | 'comparing';

/** What the user reads before anything changes. */
export interface ImportSummary {
  fileName: string;
  release: ReleaseInfo;
  /** The active release it was compared with. */
  against: ReleaseInfo;
  inputSha256: string;
  used: { data: string; layout: string; notes: string };
  aidsFromExtension: boolean;
  ignored: string[];
  otherQuarters: string[];
  /** Distinct converter warnings, summarised. */
  warnings: string[];
  counts: Record<ChangeKind, number>;
  /** Per kind: one line per change (code, what changed, before → after). */
  lists: Record<ChangeKind, ChangeLine[]>;
  /** The whole diff as TSV (diffRows → toTsv). */
  tsv: string;
}

export interface ChangeLine {
  code: string;
  what: string;
  before: string;
  after: string;
}

export type FromWorker =
  | { type: 'stage'; stage: Stage }
  | { type: 'summary'; summary: ImportSummary }
  | { type: 'stored' }
  | { type: 'failed'; message: string };
