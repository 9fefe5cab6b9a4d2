/**
 * Was the code (or modifier) valid on the date of service the page gives?
 * CMS's added date is the first day a code may be billed, its termination
 * date the last; a line outside them is denied (CARC 181 for a code, 182 for
 * a modifier). A period that crosses either date is a caution, not a
 * verdict: payers differ on which day of the period they check. A date the
 * release cannot speak for (after the last day it covers) is neutral.
 */
import { addMonths } from './dates';
import { nextReleaseDate, releaseLabel, type ReleaseInfo } from './release';
import { isFallbackSource, SERVICE_DATE_SOURCES, type ServiceDate } from './service-date';
import { EARLIEST_SERVICE_DATE, usDate } from './service-date-parse';

export type ServiceVerdictKind = 'valid' | 'not-valid' | 'caution' | 'neutral' | 'not-understood' | 'not-in-release';

export interface ServiceVerdict {
  kind: ServiceVerdictKind;
  /** "Valid on 01/15/2026", "Not valid on 12/15/2025: added 01/01/2026" … */
  text: string;
  /** Where the date came from: "DOS column", "DTP*472". */
  source: string;
  /** Full level: the long description in force on the date of service, where it differed from today's. */
  then?: string;
}

/** The CMS dates a verdict needs: ISO dates, "" when the record has none. */
export interface ValidityDates {
  added: string;
  termination: string;
}

type Release = Pick<ReleaseInfo, 'year' | 'quarter' | 'effective'>;

/** The last day the release speaks for: the day before the next quarterly release. */
export function lastCoveredDay(release: Pick<ReleaseInfo, 'effective'>): string {
  const next = nextReleaseDate(release);
  const d = new Date(`${next}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** `dates` undefined: the release does not hold the code. */
export function serviceVerdict(dates: ValidityDates | undefined, service: ServiceDate, release: Release): ServiceVerdict {
  const source = SERVICE_DATE_SOURCES[service.source];
  const label = `CMS ${releaseLabel(release)}`;
  const say = (kind: ServiceVerdictKind, text: string): ServiceVerdict => ({ kind, text, source });
  // A date far past the release is a misreading as often as a date: 1983 … a year after the release.
  if ('unreadable' in service || service.from < EARLIEST_SERVICE_DATE || (service.to ?? service.from) > addMonths(release.effective, 12)) {
    return say('not-understood', 'Date of service not understood: no check made');
  }
  const { from } = service;
  const to = service.to ?? from;
  const when = to === from ? `on ${usDate(from)}` : `${usDate(from)} – ${usDate(to)}`;
  const last = lastCoveredDay(release);
  if (to > last) return say('neutral', `After ${usDate(last)}, the end of ${label}: a newer release may differ`);
  if (!dates) return say('not-in-release', `Not in ${label}: added after this release, dropped before it, or not an HCPCS code`);
  const { added, termination } = dates;
  const fallback = isFallbackSource(service.source);
  const notValid = (why: string) =>
    fallback ? say('caution', `The claim’s period ${when.replace(/^on /, '')} is ${why}: check the line’s own date`) : say('not-valid', `Not valid ${when}: ${why}`);
  if (added && to < added) return notValid(fallback ? `before the added date ${usDate(added)}` : `added ${usDate(added)}`);
  if (termination && from > termination) return notValid(fallback ? `after the termination on ${usDate(termination)}` : `terminated ${usDate(termination)}`);
  if (added && from < added) return say('caution', `${when} spans the added date ${usDate(added)}: split the line`);
  if (termination && to > termination) return say('caution', `${when} spans the termination on ${usDate(termination)}: split the line`);
  return say('valid', to === from ? `Valid on ${usDate(from)}` : `Valid ${when}`);
}
