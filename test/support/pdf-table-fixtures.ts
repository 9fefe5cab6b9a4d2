/**
 * A remittance's claim-line table with a date of service on each line, as a
 * PDF three ways: tagged with a table structure (Table → THead/TBody → TR →
 * TH/TD owning each cell's marked content, as generated remittances and fee
 * schedules are), tagged with paragraphs only (a structure, but no table),
 * and untagged (as a scan's OCR or a print-to-PDF gives). Codes and dates
 * are real (CMS 2026 Q1): A4295 added 2026-01-01, C5271 terminated
 * 2025-12-31; E1392 and its RR valid throughout; E9999 in no release.
 */
import { writePdf, type StructElement, type TextRun } from './pdf-writer';

export const DATED_COLUMNS = ['Date of service', 'HCPCS', 'Mod', 'Units', 'Billed'] as const;

/** id: what a test calls the line; the cells in column order ('' an empty cell). */
export const DATED_ROWS = [
  { id: 'before-added', cells: ['12/15/2025', 'A4295', '', '1', '12.50'] },
  { id: 'after-terminated', cells: ['02/01/2026', 'C5271', '', '1', '310.00'] },
  { id: 'valid', cells: ['01/15/2026', 'A4295', '', '2', '25.00'] },
  { id: 'valid-with-modifier', cells: ['01/15/2026', 'E1392', 'RR', '1', '180.00'] },
  { id: 'not-in-release', cells: ['01/15/2026', 'E9999', '', '1', '10.00'] },
] as const;

/** A line of prose above the table naming a code and a date: no table, so never judged. */
export const DATED_NOTE = 'Note: C5271 billed 02/01/2026 on an earlier claim was adjusted.';

const X = [40, 150, 220, 270, 320];

export type Tagging = 'table' | 'paragraphs' | 'none';

export function datedRemittancePdf(tagging: Tagging): Uint8Array {
  let mcid = 0;
  const runs: TextRun[] = [];
  /** A run, tagged with the next MCID when the file is tagged; returns its MCID. */
  const put = (x: number, y: number, text: string, bold = false): number | undefined => {
    const id = tagging === 'none' ? undefined : mcid++;
    runs.push({ x, y, text: bold ? [{ text, bold }] : text, mcid: id });
    return id;
  };
  const title = put(40, 40, 'REMITTANCE ADVICE: CLAIM LINES', true);
  const note = put(40, 62, DATED_NOTE);
  const head = DATED_COLUMNS.map((h, c) => put(X[c]!, 100, h, true));
  const lines = DATED_ROWS.map((r, i) => r.cells.map((text, c) => (text ? put(X[c]!, 120 + i * 18, text) : undefined)));
  const kid = (id: number | undefined) => (id === undefined ? [] : [id]);
  let structure: StructElement[] | undefined;
  if (tagging === 'table') {
    const cell = (role: string, id: number | undefined): StructElement => ({ role, kids: kid(id) });
    structure = [
      { role: 'H1', kids: kid(title) },
      { role: 'P', kids: kid(note) },
      {
        role: 'Table',
        kids: [
          { role: 'THead', kids: [{ role: 'TR', kids: head.map((id) => cell('TH', id)) }] },
          { role: 'TBody', kids: lines.map((ids) => ({ role: 'TR', kids: ids.map((id) => cell('TD', id)) })) },
        ],
      },
    ];
  } else if (tagging === 'paragraphs') {
    const paragraph = (ids: (number | undefined)[]): StructElement => ({ role: 'P', kids: ids.flatMap(kid) });
    structure = [paragraph([title]), paragraph([note]), paragraph(head), ...lines.map(paragraph)];
  }
  return writePdf([{ runs, structure }], { title: `dated-remittance-${tagging}` });
}
