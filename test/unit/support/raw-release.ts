/**
 * An independent reading of a raw CMS release for the tests: fixed column
 * positions as CMS's record layout prints them, Excel columns by header, no
 * code shared with the converter. Each record becomes a map of CMS column name
 * (HCPC, PRICE1 … ACTION CD) to its text, as CMS wrote it.
 */
import readXlsxFile from 'read-excel-file/node';
import type { HcpcsRecord } from '../../../src/hcpcs/record';

/** [column, first position, last position] (1-based, inclusive), from the 2026 record layout. */
export const POSITIONS: [string, number, number][] = [
  ['HCPC', 1, 5], ['SEQNUM', 6, 10], ['RECID', 11, 11], ['LONG DESCRIPTION', 12, 91], ['SHORT DESCRIPTION', 92, 119],
  ['PRICE1', 120, 121], ['PRICE2', 122, 123], ['PRICE3', 124, 125], ['PRICE4', 126, 127], ['MULT_PI', 128, 128],
  ['CIM1', 129, 134], ['CIM2', 135, 140], ['CIM3', 141, 146], ['MCM1', 147, 154], ['MCM2', 155, 162], ['MCM3', 163, 170],
  ['STATUTE', 171, 180],
  ...Array.from({ length: 8 }, (_, i): [string, number, number] => [`LABCERT${i + 1}`, 181 + 3 * i, 183 + 3 * i]),
  ...Array.from({ length: 5 }, (_, i): [string, number, number] => [`XREF${i + 1}`, 205 + 5 * i, 209 + 5 * i]),
  ['COV', 230, 230], ['ASC_GRP', 231, 232], ['ASC_DT', 233, 240], ['OPPS', 241, 243], ['OPPS_PI', 244, 244], ['OPPS_DT', 245, 252],
  ['PROCNOTE', 253, 256], ['BETOS', 257, 259],
  ...Array.from({ length: 5 }, (_, i): [string, number, number] => [`TOS${i + 1}`, 261 + i, 261 + i]),
  ['ANEST_BU', 266, 268], ['ADD DT', 269, 276], ['ACT EFF DT', 277, 284], ['TERM DT', 285, 292], ['ACTION CD', 293, 293],
];

/** The CMS columns a dataset record keeps (all but SEQNUM and RECID, which describe line structure). */
export const KEPT_COLUMNS = POSITIONS.map(([c]) => c).filter((c) => c !== 'SEQNUM' && c !== 'RECID');

export type RawRecord = Map<string, string>;

export function readRawText(text: string): Map<string, RawRecord> {
  const out = new Map<string, RawRecord>();
  for (const line of text.split('\r\n')) {
    if (line.trim() === '') continue;
    const code = line.slice(0, 5).trim();
    const recordId = line[10];
    if (recordId === '4' || recordId === '8') {
      const record = out.get(code)!;
      record.set('LONG DESCRIPTION', `${record.get('LONG DESCRIPTION')} ${line.slice(11, 91).trimEnd()}`);
      continue;
    }
    const record: RawRecord = new Map();
    for (const [column, from, to] of POSITIONS) record.set(column, line.slice(from - 1, to).trim());
    record.set('LONG DESCRIPTION', line.slice(11, 91).trimEnd());
    out.set(code, record);
  }
  return out;
}

export async function readRawExcel(bytes: Buffer): Promise<Map<string, RawRecord>> {
  const [sheet] = await readXlsxFile(bytes, { trim: false, parseNumber: (s: string) => s });
  const [header, ...rows] = sheet!.data;
  const out = new Map<string, RawRecord>();
  for (const row of rows) {
    const record: RawRecord = new Map();
    header!.forEach((name, i) => record.set(String(name).trim(), row[i] === null ? '' : String(row[i]).trim()));
    out.set(record.get('HCPC')!, record);
  }
  return out;
}

const cms = (iso: string) => iso.replaceAll('-', '');
const at = (list: readonly string[], i: number) => list[i] ?? '';

/** A dataset record written back in CMS's columns, as CMS writes each value. */
export function asRaw(r: HcpcsRecord): RawRecord {
  const m: RawRecord = new Map([
    ['HCPC', r.code], ['LONG DESCRIPTION', r.long], ['SHORT DESCRIPTION', r.short], ['MULT_PI', r.multiplePricing],
    ['STATUTE', r.statute], ['COV', r.coverage], ['ASC_GRP', r.ascGroup], ['ASC_DT', cms(r.ascDate)], ['OPPS', r.mogGroup],
    ['OPPS_PI', r.mogPolicy], ['OPPS_DT', cms(r.mogDate)], ['PROCNOTE', r.processingNote], ['BETOS', r.betos],
    ['ANEST_BU', r.anesthesiaBaseUnits === null ? '' : String(r.anesthesiaBaseUnits)], ['ADD DT', cms(r.added)],
    ['ACT EFF DT', cms(r.actionEffective)], ['TERM DT', cms(r.termination)], ['ACTION CD', r.action],
  ]);
  for (let i = 0; i < 4; i++) m.set(`PRICE${i + 1}`, at(r.pricing, i));
  for (let i = 0; i < 3; i++) m.set(`CIM${i + 1}`, at(r.cim, i)).set(`MCM${i + 1}`, at(r.mcm, i));
  for (let i = 0; i < 8; i++) m.set(`LABCERT${i + 1}`, at(r.labCertification, i));
  for (let i = 0; i < 5; i++) m.set(`XREF${i + 1}`, at(r.crossReference, i)).set(`TOS${i + 1}`, at(r.typeOfService, i));
  return m;
}

/** Every column of every record that differs, as "CODE COLUMN: raw | dataset". */
export function differences(raw: Map<string, RawRecord>, records: readonly HcpcsRecord[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    seen.add(record.code);
    const source = raw.get(record.code);
    if (!source) {
      out.push(`${record.code}: not in the raw file`);
      continue;
    }
    const mine = asRaw(record);
    for (const column of KEPT_COLUMNS) {
      const expected = column === 'ANEST_BU' ? String(source.get(column) ?? '').replace(/^0+(?=\d)/, '') : (source.get(column) ?? '');
      if (expected !== mine.get(column)) out.push(`${record.code} ${column}: ${JSON.stringify(expected)} | ${JSON.stringify(mine.get(column))}`);
    }
  }
  for (const code of raw.keys()) if (!seen.has(code)) out.push(`${code}: missing from the dataset`);
  return out;
}
