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

/**
 * `overPages`: the table runs over two pages, its header row printed again
 * at the top of the second (tagged TH there too, as report writers repeat
 * it), the lines from "valid" on on page 2; one Table element spans both.
 */
export function datedRemittancePdf(tagging: Tagging, overPages = false): Uint8Array {
  const pages: TextRun[][] = [[], []];
  const mcids = [0, 0];
  /** A run on page `p`, tagged with that page's next MCID when the file is tagged; returns the MCID. */
  const put = (p: number, x: number, y: number, text: string, bold = false): number | undefined => {
    const id = tagging === 'none' ? undefined : mcids[p]!++;
    pages[p]!.push({ x, y, text: bold ? [{ text, bold }] : text, mcid: id });
    return id;
  };
  const title = put(0, 40, 40, 'REMITTANCE ADVICE: CLAIM LINES', true);
  const note = put(0, 40, 62, DATED_NOTE);
  const head = DATED_COLUMNS.map((h, c) => put(0, X[c]!, 100, h, true));
  const split = overPages ? 2 : DATED_ROWS.length;
  const repeated = overPages ? DATED_COLUMNS.map((h, c) => put(1, X[c]!, 40, h, true)) : [];
  const lines = DATED_ROWS.map((r, i) => {
    const [p, y] = i < split ? [0, 120 + i * 18] : [1, 60 + (i - split) * 18];
    return { page: p, ids: r.cells.map((text, c) => (text ? put(p, X[c]!, y, text) : undefined)) };
  });
  const kid = (id: number | undefined) => (id === undefined ? [] : [id]);
  const cells = (role: string, ids: (number | undefined)[]) => ids.map((id): StructElement => ({ role, kids: kid(id) }));
  let structure: StructElement[] | undefined;
  if (tagging === 'table') {
    const body: StructElement[] = lines.map((l) => ({ role: 'TR', page: l.page, kids: cells('TD', l.ids) }));
    if (overPages) body.splice(split, 0, { role: 'TR', page: 1, kids: cells('TH', repeated) });
    structure = [
      { role: 'H1', kids: kid(title) },
      { role: 'P', kids: kid(note) },
      { role: 'Table', kids: [{ role: 'THead', kids: [{ role: 'TR', kids: cells('TH', head) }] }, { role: 'TBody', kids: body }] },
    ];
  } else if (tagging === 'paragraphs') {
    const paragraph = (page: number, ids: (number | undefined)[]): StructElement => ({ role: 'P', page, kids: ids.flatMap(kid) });
    structure = [paragraph(0, [title]), paragraph(0, [note]), paragraph(0, head), ...(overPages ? [paragraph(1, repeated)] : []), ...lines.map((l) => paragraph(l.page, l.ids))];
  }
  const tagged = structure !== undefined;
  const written = [{ runs: pages[0], structure }, ...(overPages ? [{ runs: pages[1], structure: tagged ? [] : undefined }] : [])];
  return writePdf(written, { title: `dated-remittance-${tagging}${overPages ? '-2' : ''}` });
}
