/**
 * Where a code's date of service can come from: its X12 loop, its table
 * row, its claim form line (service-date-of.ts reads them). The session
 * keeps this much without the date-of-service part, to know when to ask for
 * that part: a code with none of these around it has no date of service to
 * find, so a page of prose never gets the part.
 */
import type { FoundCode } from '../finding/code-at-point';
import { cellAround } from '../finding/stand-in-cells';

/** A claim form's line or group of fields. */
export const FORM_LINE = 'form, fieldset, [role="form"], [role="group"]';
/** Looks like an X12 segment ("SV1*", "DTP*"), as code-at-point tests before looking for an ISA. */
export const SEGMENT_LIKE = /(?:^|[~\n])\s*[A-Z][A-Z0-9]{1,2}[*|^]/;

/** The text before a code (and a little after) that shows whether it sits in an X12 segment. */
export function segmentWindow(node: Text, offset: number): string {
  return node.data.slice(Math.max(0, offset - 200), offset + 20);
}

/**
 * Whether the code at `at` sits where a date of service may be read. A field always may: its line's date fields are
 * looked for around it. A text with a stand-in cell (a tagged PDF's table) may, as a cell's text does.
 */
export function mayHaveServiceDate(at: FoundCode['at']): boolean {
  if ('field' in at) return true;
  const parent = at.node.parentElement;
  if (!parent) return false;
  if (cellAround(parent) ?? parent.closest(FORM_LINE)) return true;
  return SEGMENT_LIKE.test(segmentWindow(at.node, at.offset));
}

/** Tables, grids, forms and preformatted text (an EDI file): a page with none gets the part only if a hover finds a place above. */
const DATED_STRUCTURES = 'table, [role="grid"], [role="treegrid"], [role="table"], form, fieldset, [role="form"], pre, textarea';

export function pageMayHaveServiceDates(doc: Document): boolean {
  return doc.querySelector(DATED_STRUCTURES) !== null;
}
