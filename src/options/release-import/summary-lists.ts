/** A release diff as the lines the import summary shows, per kind of change. */
import { FIELD_LABELS } from '../../hcpcs/field-labels';
import { CHANGE_KINDS, type ChangeKind, type ReleaseDiff } from '../../hcpcs/release-diff';
import type { ChangeLine } from './import-protocol';

const labelOf = (field: string) => FIELD_LABELS.find((f) => f.field === field)?.label ?? field;

export function summaryLists(diff: ReleaseDiff): Record<ChangeKind, ChangeLine[]> {
  const lists = Object.fromEntries(CHANGE_KINDS.map((k) => [k, [] as ChangeLine[]])) as Record<ChangeKind, ChangeLine[]>;
  for (const c of diff.changes) {
    if (c.kind === 'added') lists.added.push({ code: c.code, what: 'added', before: '', after: c.after!.long });
    else if (c.kind === 'removed') lists.removed.push({ code: c.code, what: 'removed', before: c.before!.long, after: '' });
    else for (const f of c.fields) lists[c.kind].push({ code: c.code, what: labelOf(f.field), before: f.before, after: f.after });
  }
  return lists;
}
