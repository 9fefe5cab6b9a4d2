/**
 * The history of changes, asked about one code at a time: what changed and
 * when, and which record was in force on a date. A release loaded before its
 * effective date is active, yet until that day the record in force is the
 * one it replaced: CMS posts each quarter weeks ahead, and a claim served
 * before the date is billed under the old descriptions and status.
 */
import { decodeHistory } from './history-format';
import { fieldText, type ChangeKind, type RecordField } from './release-diff';
import { LIST_FIELD_SIZE, type HcpcsRecord } from './record';
import type { ReleaseInfo } from './release';
import type { HistoryEntry, HistoryStep, ReleaseHistory, ReleaseStamp } from './release-history';

export class ChangeHistory {
  static readonly EMPTY = new ChangeHistory({ steps: [] });

  readonly steps: readonly HistoryStep[];
  /** Each code's changes, oldest first (by date, then step, then kind). */
  readonly #byCode = new Map<string, HistoryEntry[]>();
  #changed: { sha: string; codes: Map<string, ChangeKind[]> } | undefined;

  constructor(history: ReleaseHistory) {
    this.steps = history.steps;
    for (const step of history.steps) {
      for (const entry of step.entries) {
        const list = this.#byCode.get(entry.code);
        if (list) list.push(entry);
        else this.#byCode.set(entry.code, [entry]);
      }
    }
    // Steps are oldest first and their entries in kind order, so a stable sort by date keeps ties in that order.
    for (const list of this.#byCode.values()) if (list.length > 1) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  /** Reads and checks a stored or bundled history (history-format.ts); throws HistoryError. */
  static fromText(text: string): ChangeHistory {
    return new ChangeHistory(decodeHistory(text));
  }

  /** The code's changes, oldest first. */
  entriesFor(code: string): readonly HistoryEntry[] {
    return this.#byCode.get(code) ?? [];
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
    const step = this.steps.at(-1);
    const codes = new Map<string, ChangeKind[]>();
    if (step && step.to.sourceSha256 === active.sourceSha256) {
      for (const e of step.entries) codes.set(e.code, [...(codes.get(e.code) ?? []), e.kind]);
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

function blankRecord(code: string): HcpcsRecord {
  return {
    code,
    kind: code.length === 2 ? 'modifier' : 'code',
    long: '',
    short: '',
    pricing: [],
    multiplePricing: '',
    cim: [],
    mcm: [],
    statute: '',
    labCertification: [],
    crossReference: [],
    coverage: '',
    ascGroup: '',
    ascDate: '',
    mogGroup: '',
    mogPolicy: '',
    mogDate: '',
    processingNote: '',
    betos: '',
    typeOfService: [],
    anesthesiaBaseUnits: null,
    added: '',
    actionEffective: '',
    termination: '',
    action: '',
  };
}
