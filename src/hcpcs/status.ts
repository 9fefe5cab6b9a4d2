/**
 * Whether a code can be billed on a given date, and what this release did to
 * it. Computed against a reference date (today by default) so tests, and a
 * clerk checking an older date of service, get the answer for that date.
 */
import { meaningOf, type CodeTables } from './code-tables';
import { formatDate } from './dates';
import type { HcpcsRecord } from './record';
import { nextReleaseDate, releaseLabel, type ReleaseInfo } from './release';

/** The release whose quarter "New in / Changed in / Discontinued in" refers to: the one in force on the date. */
type ReleaseQuarter = Pick<ReleaseInfo, 'year' | 'quarter' | 'effective'>;

export type StatusKind = 'active' | 'not-yet-effective' | 'terminating' | 'terminated' | 'new' | 'changed' | 'discontinued';

export interface StatusBadge {
  kind: StatusKind;
  /** Short text for the badge: "Terminated Dec 31, 2025". */
  label: string;
}

/** The validity badge first, then what this release changed, if anything. */
export function recordStatus(record: HcpcsRecord, release: ReleaseQuarter, tables: CodeTables, today: string): StatusBadge[] {
  const badges: StatusBadge[] = [validity(record, today)];
  const change = releaseChange(record, release, tables);
  if (change) badges.push(change);
  return badges;
}

function validity(record: HcpcsRecord, today: string): StatusBadge {
  if (record.added && today < record.added) {
    return { kind: 'not-yet-effective', label: `Not yet effective: starts ${formatDate(record.added)}` };
  }
  // CMS's termination date is the last date the code may be used.
  if (record.termination) {
    return today > record.termination
      ? { kind: 'terminated', label: `Terminated ${formatDate(record.termination)}` }
      : { kind: 'terminating', label: `Terminating: last valid date ${formatDate(record.termination)}` };
  }
  return { kind: 'active', label: 'Active' };
}

function releaseChange(record: HcpcsRecord, release: ReleaseQuarter, tables: CodeTables): StatusBadge | undefined {
  const inQuarter = (date: string) => date >= release.effective && date < nextReleaseDate(release);
  const label = releaseLabel(release);
  if (record.action === 'D' && inQuarter(record.actionEffective || record.termination)) {
    return { kind: 'discontinued', label: `Discontinued in ${label}` };
  }
  if (record.action === 'A' || (record.added && inQuarter(record.added))) {
    return inQuarter(record.added || record.actionEffective) ? { kind: 'new', label: `New in ${label}` } : undefined;
  }
  if (record.action && record.action !== 'N' && inQuarter(record.actionEffective)) {
    const meaning = meaningOf(tables.action, record.action)?.meaning ?? `action ${record.action}`;
    return { kind: 'changed', label: `Changed in ${label}: ${lowerFirst(meaning)}` };
  }
  return undefined;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
