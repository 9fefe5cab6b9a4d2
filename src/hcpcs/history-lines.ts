/**
 * A code's history as the sentences a tooltip shows at the standard and full
 * levels, newest first: "Long description changed in 2026 Q1 — was: …",
 * "Terminated 2026-03-31", "Pricing indicator 46 → 45 in 2026 Q1",
 * "Added in 2026 Q4". A change not yet in force on `today` (a release loaded
 * before its effective date) says what it will be, and from when.
 */
import type { ChangeHistory } from './change-history';
import { FIELD_LABELS } from './field-labels';
import type { HcpcsRecord } from './record';
import type { ChangeKind, RecordField } from './release-diff';
import { quarterLabel } from './quarter-label';

export interface ChangeLine {
  kind: ChangeKind;
  /** When the change takes effect (ISO). */
  date: string;
  text: string;
  /** The change takes effect after `today`. */
  upcoming?: true;
}

/** Dating fields are kept to restore the record in force; they are not told as changes. */
const UNTOLD: ReadonlySet<RecordField> = new Set(['action', 'actionEffective']);

export function historyLines(history: ChangeHistory, code: string, current: HcpcsRecord | undefined, today: string): ChangeLine[] {
  const entries = history.entriesFor(code);
  const groups: ChangeLine[][] = [];
  entries.forEach((entry, index) => {
    const lines: ChangeLine[] = [];
    groups.push(lines);
    const upcoming = entry.date > today;
    const quarter = quarterLabel(entry.date);
    const after = (field: RecordField) => history.valueAfter(code, index, field, current);
    const push = (text: string) => lines.push({ kind: entry.kind, date: entry.date, text, ...(upcoming ? { upcoming: true as const } : {}) });
    switch (entry.kind) {
      case 'added':
        return push(upcoming ? `Added ${entry.date} (${quarter})` : `Added in ${quarter}`);
      case 'removed':
        return push(upcoming ? `Removed from the CMS file ${entry.date}` : `Removed from the CMS file in ${quarter}`);
      case 'terminated': {
        const before = entry.before.termination ?? '';
        // CMS's termination date is the code's last valid date: until the change, the code is still billable.
        if (upcoming) return push(before ? `Termination date moves ${before} → ${after('termination')} from ${entry.date}` : `Terminating: last valid date ${after('termination')}`);
        return push(before ? `Termination date moved ${before} → ${after('termination')} in ${quarter}` : `Terminated ${after('termination')}`);
      }
      case 'reinstated':
        return push(`Reinstated ${upcoming ? `from ${entry.date}` : `in ${quarter}`}: no longer terminated ${entry.before.termination ?? ''}`.trim());
      case 'long':
      case 'short': {
        const what = entry.kind === 'long' ? 'Long description' : 'Short description';
        return push(upcoming ? `${what} changes ${entry.date} — will be: ${after(entry.kind)}` : `${what} changed in ${quarter} — was: ${entry.before[entry.kind] ?? ''}`);
      }
      case 'other':
        for (const { field, label } of FIELD_LABELS) {
          const before = entry.before[field];
          if (before === undefined || UNTOLD.has(field)) continue;
          push(`${label} ${shown(before)} → ${shown(after(field))} ${upcoming ? `from ${entry.date}` : `in ${quarter}`}`);
        }
    }
  });
  // Newest first; changes of one date keep their kind order, the fields of one change their layout order.
  return groups.filter((g) => g.length > 0).sort((a, b) => (a[0]!.date < b[0]!.date ? 1 : a[0]!.date > b[0]!.date ? -1 : 0)).flat();
}

/** A list's positions separated for reading; a blank said as such. */
function shown(value: string): string {
  if (value === '') return '(blank)';
  return value.split(',').map((v) => v || '(blank)').join(', ');
}
