/**
 * The history of changes the extension knows: one step per pair of releases
 * (the bundled release and the one before it; each loaded release and the one
 * it replaced), each change dated by the record's own dates.
 *
 * A change is dated by the record, not by the release it was first seen in:
 * CMS gives each record an added date, an action effective date and a
 * termination date, so after a jump from 2026 Q1 to 2026 Q4 a description
 * changed with effect from April is "changed in 2026 Q2". A date older than
 * the earlier release cannot be the change's (that release did not have it;
 * CMS left the action date as it was), so such a change is dated by the newer
 * release's effective date.
 *
 * Each change keeps the values its fields had before it; the values after are
 * the next change's "before", or the active record's (change-history.ts).
 *
 * The import calls appendReleaseChanges(history, replaced, active) when a user
 * loads a release; the build writes the bundled step (data/converter/changes-cli.ts).
 */
import type { Dataset } from './dataset';
import { diffReleases, fieldText, type ChangeKind, type RecordField, type ReleaseChange } from './release-diff';
import type { HcpcsRecord } from './record';
import type { ReleaseInfo } from './release';
import { decodeHistory, encodeHistory } from './history-format';

/** What the history says of a release: which quarter, from when, which file. */
export type ReleaseStamp = Pick<ReleaseInfo, 'year' | 'quarter' | 'effective' | 'sourceSha256'>;

export interface HistoryEntry {
  code: string;
  kind: ChangeKind;
  /** When the change takes effect (ISO). */
  date: string;
  /**
   * The fields the change touched, as they were before it (release-diff.ts
   * fieldText). A removed code keeps every non-blank field of its record.
   * The first change of a code in a step also keeps the action code and its
   * date as they were, so the record in force before the change says what
   * the earlier release said.
   */
  before: Partial<Record<RecordField, string>>;
}

export interface HistoryStep {
  from: ReleaseStamp;
  to: ReleaseStamp;
  entries: HistoryEntry[];
}

export interface ReleaseHistory {
  /** Oldest first; each step's `to` is the release the next step came `from`, as far as the user loaded them in order. */
  steps: HistoryStep[];
}

/** The records and release of one side of a step: a Dataset, or an opened one's meta and all(). */
export interface ReleaseRecords {
  release: ReleaseInfo;
  records: readonly HcpcsRecord[];
}

export { quarterLabel } from './quarter-label';

export function stampOf(release: ReleaseInfo): ReleaseStamp {
  return { year: release.year, quarter: release.quarter, effective: release.effective, sourceSha256: release.sourceSha256 };
}

/** The step from one release to a newer one: every change of diffReleases, dated. */
export function historyStep(before: ReleaseRecords, after: ReleaseRecords): HistoryStep {
  const from = stampOf(before.release);
  const to = stampOf(after.release);
  const seen = new Set<string>();
  const entries = diffReleases(before.records, after.records).changes.map((change): HistoryEntry => {
    const entry: HistoryEntry = { code: change.code, kind: change.kind, date: changeDate(change, from, to), before: beforeValues(change) };
    if (!seen.has(change.code) && change.before && change.after) {
      for (const field of ['action', 'actionEffective'] as const) {
        if (change.before[field] !== change.after[field]) entry.before[field] = change.before[field];
      }
    }
    seen.add(change.code);
    return entry;
  });
  return { from, to, entries };
}

/** The date a change takes effect, from the record's own dates (see the top of this file). */
export function changeDate(change: ReleaseChange, from: ReleaseStamp, to: ReleaseStamp): string {
  const a = change.after;
  const b = change.before;
  let date = '';
  if (change.kind === 'added') date = a!.added || a!.actionEffective;
  else if (change.kind === 'removed') {
    // A code the earlier file still listed as terminated left the file later: only a termination after that release dates it.
    const end = b!.termination ? dayAfter(b!.termination) : '';
    date = end > from.effective ? end : '';
  }
  else if (change.kind === 'terminated') {
    // CMS's termination date is the last day of use: without a current action date, the change is the day after.
    date = a!.actionEffective >= from.effective ? a!.actionEffective : dayAfter(a!.termination);
  } else date = a!.actionEffective;
  return date && date >= from.effective ? date : to.effective;
}

function beforeValues(change: ReleaseChange): Partial<Record<RecordField, string>> {
  const out: Partial<Record<RecordField, string>> = {};
  if (change.kind === 'removed') {
    const r = change.before!;
    for (const field of Object.keys(r) as (keyof HcpcsRecord)[]) {
      if (field === 'code' || field === 'kind') continue;
      const text = fieldText(r, field);
      if (text !== '') out[field] = text;
    }
  } else for (const f of change.fields) out[f.field] = f.before;
  return out;
}

function dayAfter(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

function releaseKey(r: ReleaseStamp): string {
  return r.effective;
}

/**
 * The history after a user has replaced `replaced` with `active`, as the text
 * to store (history-format.ts). `history` is the stored text, or undefined or
 * "" for none (pass the bundled changes part when the replaced release is the
 * bundled one). Steps that end after the replaced release are dropped (they
 * belonged to a release no longer in the chain); a newer release (or another
 * issue of the same quarter) adds the step replaced → active; an older or
 * the same release adds none, and keeps only the steps up to it.
 * Throws HistoryError if the stored text is damaged.
 */
export function appendReleaseChanges(history: string | undefined, replaced: ReleaseRecords | Dataset, active: ReleaseRecords | Dataset): string {
  const steps = history ? decodeHistory(history).steps : [];
  const newer =
    releaseKey(active.release) > releaseKey(replaced.release) ||
    (active.release.effective === replaced.release.effective && active.release.sourceSha256 !== replaced.release.sourceSha256);
  const upTo = newer ? replaced.release.effective : active.release.effective;
  const kept = steps.filter((s) => s.to.effective <= upTo);
  if (newer) kept.push(historyStep(replaced, active));
  return encodeHistory({ steps: kept });
}
