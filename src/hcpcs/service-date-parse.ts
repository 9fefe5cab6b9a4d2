/**
 * Reads a date of service as billing pages and claim forms write it:
 * MM/DD/YYYY, M/D/YY, MM-DD-YYYY, YYYY-MM-DD, YYYYMMDD, MMDDYY, MMDDCCYY,
 * "MM DD YY" (CMS-1500 box 24A), DD-Mon-YYYY, and a period of any two
 * ("01/02/2026 - 01/31/2026", X12 RD8 "20260101-20260131").
 */
import { addMonths, isRealDate } from './dates';

export type DateText = { from: string; to?: string } | 'not-understood';

/**
 * CMS HCPCS Level II codes date from 1983; a date of service before that is
 * a misreading, not a claim line (and a wrong "not valid" is worse than none).
 */
export const EARLIEST_SERVICE_DATE = '1983-01-01';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const SEP = '[/.-]';
const ONE_DATE = [
  `\\d{1,2}${SEP}\\d{1,2}${SEP}\\d{2}(?:\\d{2})?`, // 01/15/2026, 1/5/26, 01-15-2026
  `\\d{4}-\\d{2}-\\d{2}`, // 2026-01-15 (also <input type=date>)
  `\\d{1,2}[- ][A-Za-z]{3}[- ]\\d{2}(?:\\d{2})?`, // 15-Jan-2026
  `\\d{2} \\d{2} \\d{2}(?:\\d{2})?`, // 01 15 26, as typed in CMS-1500 box 24A
  `\\d{8}|\\d{6}`, // 20260115 (CCYYMMDD), 01152026 (MMDDCCYY), 011526 (MMDDYY)
].join('|');
const WHOLE = new RegExp(`^(${ONE_DATE})(?:\\s*(?:-|–|—|to|thru|through)\\s*(${ONE_DATE}))?$`, 'i');
/** Shapes that are meant as a date but are not one (02/30/2026, 13/01/2026): not understood. */
const EMPTY = /^(?:|n\/?a|none|-+|—|–)$/i;

/**
 * The date or period `text` holds: undefined when it holds no date at all
 * (empty, "N/A", words), 'not-understood' when it is written like a date but
 * is not a real one or lies before 1983. `today` (ISO) settles two-digit
 * years: 20YY unless that is more than a year ahead of today, else 19YY.
 */
export function parseDateText(text: string, today: string): DateText | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  if (EMPTY.test(t) || t.length > 40) return undefined;
  const m = WHOLE.exec(t);
  if (!m) return looksLikeDate(t) ? 'not-understood' : undefined;
  const from = parseOne(m[1]!, today);
  const to = m[2] === undefined ? undefined : parseOne(m[2], today);
  if (!from || (m[2] !== undefined && !to)) return 'not-understood';
  if (from < EARLIEST_SERVICE_DATE) return 'not-understood';
  if (to === undefined || to === from) return { from };
  return to > from ? { from, to } : 'not-understood';
}

/** Digits and separators only, as dates are written: "02/30/2026", "2026-13-01". */
function looksLikeDate(t: string): boolean {
  return /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/.test(t);
}

function parseOne(s: string, today: string): string | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) return iso(+m[1]!, +m[2]!, +m[3]!);
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s))) return iso(year(m[3]!, +m[1]!, +m[2]!, today), +m[1]!, +m[2]!);
  if ((m = /^(\d{1,2})[- ]([A-Za-z]{3})[- ](\d{2}|\d{4})$/.exec(s))) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    return month ? iso(year(m[3]!, month, +m[1]!, today), month, +m[1]!) : undefined;
  }
  if ((m = /^(\d{2}) (\d{2}) (\d{2}|\d{4})$/.exec(s))) return iso(year(m[3]!, +m[1]!, +m[2]!, today), +m[1]!, +m[2]!);
  if (/^\d{8}$/.test(s)) {
    // CCYYMMDD (X12 D8) when it reads as one from 19xx or 20xx, else MMDDCCYY (CMS-1500).
    const ccyy = /^(19|20)\d{2}(0[1-9]|1[0-2])\d{2}$/.test(s) ? iso(+s.slice(0, 4), +s.slice(4, 6), +s.slice(6, 8)) : undefined;
    return ccyy ?? iso(+s.slice(4, 8), +s.slice(0, 2), +s.slice(2, 4));
  }
  if (/^\d{6}$/.test(s)) return iso(year(s.slice(4, 6), +s.slice(0, 2), +s.slice(2, 4), today), +s.slice(0, 2), +s.slice(2, 4));
  return undefined;
}

/** A four-digit year as written; a two-digit one in the century that keeps the date at most a year ahead of today. */
function year(text: string, month: number, day: number, today: string): number {
  if (text.length === 4) return +text;
  const yy = +text;
  const in2000s = `${2000 + yy}-${pad(month)}-${pad(day)}`;
  return in2000s <= addMonths(today, 12) ? 2000 + yy : 1900 + yy;
}

function iso(y: number, m: number, d: number): string | undefined {
  return isRealDate(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "01/15/2026": how the users read a date of service. */
export function usDate(iso: string): string {
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}
