/**
 * What changed between two CMS releases, record by record.
 *
 *   diffReleases(before, after) → { changes, counts }
 *   diffRows(diff)              → the changes as table rows (toTsv(diffRows(d)) copies as TSV)
 *   fieldText(record, field)    → a field's value as the diff holds it
 *
 * Each change is one code (or modifier) and one kind; a code whose description
 * and pricing both changed gives a 'long' change and an 'other' change:
 *
 * - added:      in `after` only (no field changes; `after` holds the record).
 * - removed:    in `before` only (no field changes; `before` holds the record).
 * - terminated: a termination date set or moved (field `termination`).
 * - reinstated: a termination date cleared (CMS action R).
 * - long/short: the long or short description changed.
 * - other:      any other field changed: pricing, coverage, BETOS, type of
 *               service, ASC group, cross-references … each one a FieldChange.
 *
 * The action code and action effective date are CMS's note of its latest
 * change to a record, not a property of the code: they date a change (see
 * release-history.ts) and are not changes of their own. Without this, a code
 * added last quarter would show as "changed" when its action A becomes N.
 *
 * Values are text as in the dataset file: a repeating field joins its
 * positions with commas (a blank position is an empty value), a blank field
 * is "". Pure and deterministic: changes come in code order (modifiers
 * first), then in the order of CHANGE_KINDS.
 */
import { FIELD_LABELS } from './field-labels';
import type { HcpcsRecord, RecordKind } from './record';

export type ChangeKind = 'added' | 'terminated' | 'reinstated' | 'removed' | 'long' | 'short' | 'other';

export const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'terminated', 'reinstated', 'removed', 'long', 'short', 'other'];

/** What a kind of change is called in a list or a TSV column. */
export const CHANGE_KIND_LABELS: Readonly<Record<ChangeKind, string>> = {
  added: 'Added',
  terminated: 'Terminated',
  reinstated: 'Reinstated',
  removed: 'Removed from the file',
  long: 'Long description changed',
  short: 'Short description changed',
  other: 'Other field changed',
};

/** Every field a change can name. */
export type RecordField = Exclude<keyof HcpcsRecord, 'code' | 'kind'>;

export interface FieldChange {
  field: RecordField;
  before: string;
  after: string;
}

export interface ReleaseChange {
  code: string;
  recordKind: RecordKind;
  kind: ChangeKind;
  /** The fields that changed, in record layout order; empty for added and removed. */
  fields: FieldChange[];
  /** The record in the older release (absent when added). */
  before?: HcpcsRecord;
  /** The record in the newer release (absent when removed). */
  after?: HcpcsRecord;
}

export interface ReleaseDiff {
  changes: ReleaseChange[];
  counts: Record<ChangeKind, number>;
}

/** Fields that date a change rather than being one (see above). */
const DATING_FIELDS: ReadonlySet<RecordField> = new Set(['action', 'actionEffective']);
const OWN_KIND_FIELDS: ReadonlySet<RecordField> = new Set(['long', 'short', 'termination']);
const OTHER_FIELDS: readonly RecordField[] = FIELD_LABELS.map((f) => f.field).filter((f) => !DATING_FIELDS.has(f) && !OWN_KIND_FIELDS.has(f));

export function diffReleases(before: readonly HcpcsRecord[], after: readonly HcpcsRecord[]): ReleaseDiff {
  const old = new Map(before.map((r) => [r.code, r]));
  const changes: ReleaseChange[] = [];
  for (const a of after) {
    const b = old.get(a.code);
    old.delete(a.code);
    if (!b) changes.push({ code: a.code, recordKind: a.kind, kind: 'added', fields: [], after: a });
    else changes.push(...recordChanges(b, a));
  }
  for (const b of old.values()) changes.push({ code: b.code, recordKind: b.kind, kind: 'removed', fields: [], before: b });
  changes.sort(compareChanges);
  const counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const c of changes) counts[c.kind]++;
  return { changes, counts };
}

function recordChanges(b: HcpcsRecord, a: HcpcsRecord): ReleaseChange[] {
  const out: ReleaseChange[] = [];
  const push = (kind: ChangeKind, fields: FieldChange[]) => {
    if (fields.length > 0) out.push({ code: a.code, recordKind: a.kind, kind, fields, before: b, after: a });
  };
  if (b.termination !== a.termination) push(a.termination ? 'terminated' : 'reinstated', [change(b, a, 'termination')]);
  for (const field of ['long', 'short'] as const) {
    if (sameText(b[field], a[field])) continue;
    push(field, [change(b, a, field)]);
  }
  push('other', OTHER_FIELDS.filter((f) => fieldText(b, f) !== fieldText(a, f)).map((f) => change(b, a, f)));
  return out;
}

function change(b: HcpcsRecord, a: HcpcsRecord, field: RecordField): FieldChange {
  return { field, before: fieldText(b, field), after: fieldText(a, field) };
}

/**
 * The text edition splits a long description over 80-column lines and the
 * Excel edition holds it whole, so the same words come with different spacing
 * (a double space at a former line break): spacing alone is not a change.
 */
function sameText(x: string, y: string): boolean {
  return x === y || squeeze(x) === squeeze(y);
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A field's value as text: repeating fields joined with commas, blank as "". */
export function fieldText(record: HcpcsRecord, field: RecordField): string {
  const value = record[field];
  if (Array.isArray(value)) return value.join(',').replace(/,+$/, '');
  return value === null ? '' : String(value);
}

function compareChanges(x: ReleaseChange, y: ReleaseChange): number {
  if (x.recordKind !== y.recordKind) return x.recordKind === 'modifier' ? -1 : 1;
  if (x.code !== y.code) return x.code < y.code ? -1 : 1;
  return CHANGE_KINDS.indexOf(x.kind) - CHANGE_KINDS.indexOf(y.kind);
}

export const DIFF_COLUMNS = ['Code', 'Change', 'Field', 'Before', 'After'] as const;

/**
 * The diff as a spreadsheet reads it: a header, then one row per field that
 * changed; an added or removed code is one row with its long description.
 * common/tsv.ts turns the rows into the text a clipboard takes.
 */
export function diffRows(diff: ReleaseDiff): string[][] {
  const label = (field: RecordField) => FIELD_LABELS.find((f) => f.field === field)?.label ?? field;
  const rows: string[][] = [[...DIFF_COLUMNS]];
  for (const c of diff.changes) {
    const kind = CHANGE_KIND_LABELS[c.kind];
    if (c.kind === 'added') rows.push([c.code, kind, label('long'), '', c.after!.long]);
    else if (c.kind === 'removed') rows.push([c.code, kind, label('long'), c.before!.long, '']);
    else for (const f of c.fields) rows.push([c.code, kind, label(f.field), f.before, f.after]);
  }
  return rows;
}
