/**
 * Which columns of a claims table, remittance or work queue hold a code's
 * date of service, from their headers. A wrong "not valid" costs a biller
 * more than a missing one, so any doubt means no column: other dates sit
 * beside codes all the time (paid, check, birth, authorization periods).
 */
import { labelWords } from './field-role';

/** service: one date per line ("DOS"); from/to: the two ends of a period ("From" … "To"/"Thru"). */
export type DateColumnKind = 'service' | 'from' | 'to';

/**
 * Dates that are never the date of service, whatever else the header says:
 * payment and receipt dates, birth dates, authorization and eligibility
 * periods (prior-authorization lists put codes beside Begin/End), coverage
 * effective and term dates, inpatient admit/discharge, claim-level
 * statement periods, and the other dates of a CMS-1500 (onset, injury,
 * hospitalization, unable to work).
 */
const NEVER =
  /\b(?:paid|payment|pmt|check|chk|eft|received|receipt|rcvd|recd|billed|bill|posted|posting|post|birth|dob|born|adjudicat\w*|adj|auth\w*|pa|prior|approv\w*|cert\w*|effective|eff|term|termination|terminated|expir\w*|exp|eligib\w*|elig|admit|admission|admitted|discharge|disch|begin|beginning|end|ending|start|started|stop|statement|stmt|onset|injury|accident|hospitali[sz]\w*|work|process\w*|submit\w*|sent|entered|created|updated|modified|due|deposit|remit\w*|last|next|plan|policy|coverage|enroll\w*)\b/;
/** "Date of Service", "Dates of Service", "DOS", "Service Date", "Svc Date", "Serv Dt", "Date Svc", UB-04 "Service Date" (FL45). */
const SERVICE =
  /\b(?:dates? of (?:service|svc|serv)|dos|(?:service|svc|serv|srv) (?:dates?|dt|dts|from|to|thru|through)|(?:date|dt) (?:of )?(?:service|svc|serv)|servicedate|svcdate)\b/;
const FROM = /\b(?:from|frm)\b/;
const TO = /\b(?:to|thru|through)\b/;
/** A bare period end: "From", "From Date", "Date From", "To", "Thru Date". */
const BARE_FROM = /^(?:(?:date|dt) )?(?:from|frm)(?: (?:date|dt))?$/;
const BARE_TO = /^(?:(?:date|dt) )?(?:to|thru|through)(?: (?:date|dt))?$/;

/** What a column header (both rows of a two-row header, joined) says about dates of service. */
export function dateColumnKind(header: string | null | undefined): DateColumnKind | undefined {
  if (!header) return undefined;
  // Form locator and box numbers ("24A.", "45") go first, before "24A" reads as two words.
  const text = labelWords(header.slice(0, 120).replace(/\(s\)/gi, 's').replace(/\b\d+[A-Za-z]?\b/g, ' '))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  if (!text || NEVER.test(text)) return undefined;
  if (SERVICE.test(text)) return FROM.test(text) ? 'from' : TO.test(text) ? 'to' : 'service';
  if (BARE_FROM.test(text)) return 'from';
  if (BARE_TO.test(text)) return 'to';
  return undefined;
}

export type ColumnPlan = { kind: 'single'; column: number } | { kind: 'period'; from: number; to: number };

/**
 * The column(s) a row's date of service is read from, given each column's
 * kind (undefined: not a date of service). One service column: that one. A
 * From and a To column: the period. Anything else is ambiguous (two DOS
 * columns, a From without a To): no plan, so no verdict.
 */
export function columnPlan(kinds: readonly (DateColumnKind | undefined)[]): ColumnPlan | undefined {
  const at = (kind: DateColumnKind) => kinds.flatMap((k, i) => (k === kind ? [i] : []));
  const service = at('service');
  const from = at('from');
  const to = at('to');
  if (from.length === 1 && to.length === 1 && service.length === 0 && from[0]! < to[0]!) return { kind: 'period', from: from[0]!, to: to[0]! };
  if (service.length === 1 && from.length === 0 && to.length === 0) return { kind: 'single', column: service[0]! };
  return undefined;
}
