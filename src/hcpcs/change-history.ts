/**
 * The history of changes, asked about one code at a time: what changed and
 * when, and which record was in force on a date. A release loaded before its
 * effective date is active, yet until that day the record in force is the
 * one it replaced: CMS posts each quarter weeks ahead, and a claim served
 * before the date is billed under the old descriptions and status.
 */
import { decodeEntry, encodeHistory, HISTORY_MAGIC, scanHistory, type HistoryScan } from './history-format';
import { fieldText, type ChangeKind, type RecordField } from './release-diff';
import { blankRecord, LIST_FIELD_SIZE, type HcpcsRecord } from './record';
import type { ReleaseInfo } from './release';
import type { HistoryEntry, HistoryStep, ReleaseHistory, ReleaseStamp } from './release-history';

type StepReleases = Pick<HistoryStep, 'from' | 'to'>;

export class ChangeHistory {
  static readonly EMPTY = ChangeHistory.fromText(HISTORY_MAGIC);

  /** The steps' releases, oldest first. */
  readonly steps: readonly StepReleases[];
  readonly #lines: readonly string[];
  /** Each code's change lines (indexes into #lines), in file order: steps oldest first. */
  readonly #lineIndex = new Map<string, number[]>();
  /** Each code's changes, oldest first, read from its lines when first asked for. */
  readonly #entries = new Map<string, HistoryEntry[]>();
  /** Where the last step's change lines start. */
  readonly #lastFirst: number;
  #changed: { sha: string; codes: Map<string, ChangeKind[]> } | undefined;

  private constructor({ steps, lines }: HistoryScan) {
    this.steps = steps.map(({ from, to }) => ({ from, to }));
    this.#lines = lines;
    this.#lastFirst = steps.at(-1)?.first ?? lines.length;
    for (const { first, end } of steps) {
      for (let i = first; i < end; i++) {
        const line = lines[i]!;
        const code = line.slice(0, line.indexOf('\t') >>> 0);
        const list = this.#lineIndex.get(code);
        if (list) list.push(i);
        else this.#lineIndex.set(code, [i]);
      }
    }
  }

  /**
   * A stored or bundled history (history-format.ts). Only the step lines are
   * read here (a cold worker must answer in milliseconds); a code's lines are
   * read and checked when it is first asked for, and verify() checks them all.
   * Throws HistoryError.
   */
  static fromText(text: string): ChangeHistory {
    return new ChangeHistory(scanHistory(text));
  }

  static of(history: ReleaseHistory): ChangeHistory {
    return ChangeHistory.fromText(encodeHistory(history));
  }

  /** Reads and checks every change line; throws HistoryError at the first fault. */
  verify(): void {
    for (const code of this.#lineIndex.keys()) this.entriesFor(code);
  }

  /** The code's changes, oldest first. Throws HistoryError if one of its lines is damaged. */
  entriesFor(code: string): readonly HistoryEntry[] {
    let entries = this.#entries.get(code);
    if (!entries) {
      const at = this.#lineIndex.get(code) ?? [];
      entries = at.map((i) => decodeEntry(this.#lines[i]!, i + 1));
      // Steps are oldest first and a step's changes in kind order, so a stable sort by date keeps ties in that order.
      entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      this.#entries.set(code, entries);
    }
    return entries;
  }

  /**
   * The code's latest change, when it is one the active release brought (the
   * last step, leading to the active release).
   */
  lastChangeIn(code: string, active: Pick<ReleaseInfo, 'sourceSha256'>): HistoryEntry | undefined {
    if (this.steps.at(-1)?.to.sourceSha256 !== active.sourceSha256) return undefined;
    const at = this.#lineIndex.get(code);
    if (!at || at.at(-1)! < this.#lastFirst) return undefined;
    return this.entriesFor(code).at(-1);
  }
  /**
   * The record in force on `date`, given the active release's record
   * (undefined if the active release lacks the code): every change that
   * takes effect after the date is undone, newest first. Undefined when the
   * code did not exist on that date as far as the history knows.
   */
  inForce(code: string, current: HcpcsRecord | undefined, date: string): HcpcsRecord | undefined {
    const entries = this.entriesFor(code);
    let record = current;
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i]!;
      if (entry.date <= date) break;
      if (entry.kind === 'added') record = undefined;
      else if (entry.kind === 'removed') record = withValues(blankRecord(code), entry.before);
      else if (record) record = withValues(record, entry.before);
    }
    return record;
  }

  /**
   * The record a tooltip or a search hit shows on `date`: the one in force
   * then, or, for a code the active release adds after it, the active
   * release's own (its badge says when it starts). A termination the active
   * release sets for a day not yet past is kept: CMS's termination date is
   * the code's last valid date, so the code is still billable, and a biller
   * must see "Terminating: last valid date …" before that day, not "Active".
   */
  recordOn(code: string, current: HcpcsRecord | undefined, date: string): HcpcsRecord | undefined {
    const record = this.inForce(code, current, date) ?? current;
    if (record && current?.termination && !record.termination && current.termination >= date) return { ...record, termination: current.termination };
    return record;
  }

  /** A code removed from the file, as the release before its removal had it; undefined if the history has no removal of it. */
  removedRecord(code: string): HcpcsRecord | undefined {
    const removal = this.entriesFor(code).findLast((e) => e.kind === 'removed');
    return removal ? withValues(blankRecord(code), removal.before) : undefined;
  }

  /**
   * The value a field had just after the change at `index` of the code's
   * entries: the next change's "before" for that field, else the active record's.
   */
  valueAfter(code: string, index: number, field: RecordField, current: HcpcsRecord | undefined): string {
    const entries = this.entriesFor(code);
    for (let i = index + 1; i < entries.length; i++) {
      const next = entries[i]!;
      if (next.kind === 'removed') return '';
      const value = next.before[field];
      if (value !== undefined) return value;
    }
    return current ? fieldText(current, field) : '';
  }

  /** The release whose records are in force on `date`: the active one from its effective date, else the one it replaced. */
  releaseOn(active: ReleaseInfo, date: string): ReleaseStamp {
    if (date >= active.effective) return active;
    for (let i = this.steps.length - 1; i >= 0; i--) {
      const { from } = this.steps[i]!;
      if (from.effective <= date) return from;
    }
    return this.steps[0]?.from ?? active;
  }

  /**
   * What changed in the active release against the one it replaced: the last
   * step, when it leads to the active release. Code → its kinds of change.
   */
  changedIn(active: Pick<ReleaseInfo, 'sourceSha256'>): ReadonlyMap<string, ChangeKind[]> {
    if (this.#changed?.sha === active.sourceSha256) return this.#changed.codes;
    const codes = new Map<string, ChangeKind[]>();
    if (this.steps.at(-1)?.to.sourceSha256 === active.sourceSha256) {
      for (let i = this.#lastFirst; i < this.#lines.length; i++) {
        const { code, kind } = decodeEntry(this.#lines[i]!, i + 1);
        codes.set(code, [...(codes.get(code) ?? []), kind]);
      }
    }
    this.#changed = { sha: active.sourceSha256, codes };
    return codes;
  }
}

/** A copy of the record with fields set from history text (release-diff.ts fieldText, reversed). */
function withValues(record: HcpcsRecord, values: Partial<Record<RecordField, string>>): HcpcsRecord {
  const out = { ...record } as Record<string, unknown>;
  for (const [field, text] of Object.entries(values)) {
    if (Object.hasOwn(LIST_FIELD_SIZE, field)) out[field] = text === '' ? [] : text.split(',');
    else if (field === 'anesthesiaBaseUnits') out[field] = text === '' ? null : Number(text);
    else out[field] = text;
  }
  return out as unknown as HcpcsRecord;
}
