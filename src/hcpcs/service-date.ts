/**
 * The date of service a page gives for a code: where it was read (a DOS
 * column, an X12 DTP*472 …) and the date or period, as ISO dates. Found by
 * the content script from the page's structure, checked when it reaches the
 * worker, judged against the code's CMS dates there (service-date-verdict.ts).
 */
import { isIsoDate } from './dates';

/** Where a date of service was read. Fixed names: no page text travels with the date. */
export const SERVICE_DATE_SOURCES = {
  'dos-column': 'DOS column',
  'from-to-columns': 'From/To columns',
  'form-field': 'date of service field',
  'from-to-fields': 'From/To fields',
  'dtp-472': 'DTP*472',
  'dtm-472': 'DTM*472',
  'dtm-150-151': 'DTM*150/151',
  // Claim-level periods: the fallback when the service line has no date of its own.
  'dtp-434': 'DTP*434 statement period',
  'dtm-232-233': 'DTM*232/233 claim period',
  pasted: 'pasted date',
} as const;

export type ServiceDateSource = keyof typeof SERVICE_DATE_SOURCES;

/**
 * A date (`to` absent) or a period; `unreadable` when the place for the date
 * held something date-like that is not a real date (02/30/2026).
 */
export type ServiceDate = { source: ServiceDateSource; from: string; to?: string } | { source: ServiceDateSource; unreadable: true };

/**
 * A claim-level period stands in for a missing line date: X12 allows a line
 * without one, and payers then judge each line on its own date, which the
 * file does not give. Such a period may raise a caution, never a verdict.
 */
export function isFallbackSource(source: ServiceDateSource): boolean {
  return source === 'dtp-434' || source === 'dtm-232-233';
}

/** Whether a value that crossed a message boundary is a ServiceDate; the reason when not. */
export function serviceDateProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'service must be an object';
  const v = value as Record<string, unknown>;
  if (typeof v.source !== 'string' || !Object.hasOwn(SERVICE_DATE_SOURCES, v.source)) return 'service.source is not a known place';
  const keys = Object.keys(v);
  if (v.unreadable === true) return keys.length === 2 ? undefined : 'service: unexpected key';
  if (!keys.every((k) => k === 'source' || k === 'from' || k === 'to')) return 'service: unexpected key';
  if (typeof v.from !== 'string' || !isIsoDate(v.from)) return 'service.from must be an ISO date';
  if (v.to !== undefined && (typeof v.to !== 'string' || !isIsoDate(v.to) || v.to < v.from)) return 'service.to must be an ISO date on or after from';
  return undefined;
}
