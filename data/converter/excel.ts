/**
 * Reads CMS's Excel edition (HCPCyyyy_<QTR>_ANWEB*.xlsx): a header row, then
 * one row per code with its long description already joined. Every cell is
 * read as text: a few cells are stored as numbers, some are empty.
 */
// The universal entry reads an ArrayBuffer in node and in a browser worker alike
// (the browser entry starts blob: workers, which an extension's CSP blocks).
import readXlsxFile from 'read-excel-file/universal';
import { LIST_FIELD_SIZE } from '../../src/hcpcs/record';
import { XLSX_COLUMNS, type LayoutKey } from './layout-fields';
import { ReleaseError } from './release-error';
import type { SourceLine } from './source-line';

export async function readExcel(file: string, bytes: Uint8Array): Promise<SourceLine[]> {
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    // parseNumber keeps numeric cells as the digits stored; trim: false keeps
    // the blanks CMS pads modifiers with, which the reader removes itself.
    sheets = await readXlsxFile(bytes.slice().buffer, { trim: false, parseNumber: (s: string) => s });
  } catch (error) {
    throw new ReleaseError(file, undefined, `not a readable Excel file (${(error as Error).message})`);
  }
  const rows = sheets[0]?.data ?? [];
  const header = (rows[0] ?? []).map((cell) => (typeof cell === 'string' ? cell.trim().toUpperCase() : ''));
  const columns = columnIndexes(file, header);
  return rows.slice(1).flatMap((row, i) => {
    const where = `row ${i + 2}`;
    const text = (index: number) => cellText(file, where, header[index] ?? '', row[index]);
    if (row.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''))) return [];
    const values: Partial<Record<LayoutKey, string[]>> = {};
    for (const [key, indexes] of Object.entries(columns) as [LayoutKey, number[]][]) {
      values[key] = indexes.map((index) => text(index).trim());
    }
    return [{ where, values }];
  });
}

/** Finds each field's column(s) by header; repeating fields are PRICE1…PRICE4 and so on. */
function columnIndexes(file: string, header: string[]): Record<LayoutKey, number[]> {
  const out = {} as Record<LayoutKey, number[]>;
  for (const [key, name] of Object.entries(XLSX_COLUMNS) as [LayoutKey, string][]) {
    const size = (LIST_FIELD_SIZE as Record<string, number>)[key];
    const names = size ? Array.from({ length: size }, (_, i) => `${name}${i + 1}`) : [name];
    out[key] = names.map((n) => {
      const index = header.indexOf(n);
      if (index === -1) throw new ReleaseError(file, 'row 1', `missing column "${n}"`);
      return index;
    });
  }
  return out;
}

function cellText(file: string, where: string, column: string, cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  // A line break or tab typed into a cell reads as a blank, as it would in the fixed-width edition.
  if (typeof cell === 'string') return cell.replace(/[\t\r\n]/g, ' ');
  if (typeof cell === 'number') return String(cell);
  throw new ReleaseError(file, where, `${column}: cell holds ${cell instanceof Date ? 'a date-formatted value' : typeof cell}; expected text`);
}
