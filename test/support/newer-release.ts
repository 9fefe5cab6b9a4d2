/**
 * A newer CMS release for the import tests, in CMS's own formats: the bundled
 * release's source (the raw January 2026 text file when ../shared/data/hcpcs
 * has it, else the same records written back in CMS's fixed-width columns
 * from the bundled dataset) with a few codes added, one terminated, and two
 * descriptions changed, dated April 2026 (or the quarter asked for) and
 * zipped the way CMS zips a quarter: the re-issue `_v2` beside the first
 * issue, the Excel edition, the record layout, the processing notes and the
 * other workbooks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { decodeDataset } from '../../src/hcpcs/dataset-open';
import { QUARTER_MONTHS } from '../../src/hcpcs/release';
import type { HcpcsRecord } from '../../src/hcpcs/record';
import { asRaw, POSITIONS } from '../unit/support/raw-release';

const ROOT = new URL('../../', import.meta.url).pathname;
export const RELEASES = resolve(process.env.HCPCS_RELEASE_DIR ?? join(ROOT, '../shared/data/hcpcs'));
const RAW_JANUARY = join(RELEASES, 'HCPC2026_JAN_ANWEB_01122026.txt');
const RAW_LAYOUT = join(RELEASES, 'HCPC2026_recordlayout.txt');
const RAW_NOTES = join(RELEASES, 'proc_notes_JAN2026.txt');
const RAW_OCTOBER = join(RELEASES, 'HCPC2025_OCT_ANWEB.xlsx');
export const CMS_FIXTURES = join(ROOT, 'test/fixtures/cms/');
const BUNDLED = decodeDataset(readFileSync(join(ROOT, 'data/hcpcs-dataset.tsv'), 'utf8'));

const LINE = 320;

/** A CMS quarter: 2026 Q2 is the April 2026 file, effective 2026-04-01. */
export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

/** What the newer release changes, for the test to expect exactly that. */
export interface NewerRelease {
  zip: Uint8Array;
  zipName: string;
  /** The quarter's first day (ISO), the release's effective date and its changes' date. */
  effective: string;
  added: { code: string; long: string }[];
  terminated: { code: string; termination: string };
  longChanged: { code: string; before: string; after: string };
  shortChanged: { code: string; before: string; after: string };
  /** Names in the zip that are not the release (the first issue, the Excel edition, other workbooks). */
  ignored: string[];
  /** Where the source came from, for the test's name. */
  source: 'raw CMS file' | 'bundled dataset';
}

/** The bundled release as CMS's fixed-width text (CRLF): the raw file when present. */
function januaryText(): { text: string; source: NewerRelease['source'] } {
  if (existsSync(RAW_JANUARY)) return { text: readFileSync(RAW_JANUARY, 'latin1'), source: 'raw CMS file' };
  return { text: BUNDLED.records.flatMap(fixedWidthLines).join('\r\n') + '\r\n', source: 'bundled dataset' };
}

/** A record in CMS's fixed-width columns: a first line, then continuation lines for the long description. */
export function fixedWidthLines(record: HcpcsRecord): string[] {
  const raw = asRaw(record);
  const pieces = splitDescription(record.long);
  const recordId = record.kind === 'modifier' ? ['7', '8'] : ['3', '4'];
  const code = record.kind === 'modifier' ? `   ${record.code}` : record.code;
  const first = [...' '.repeat(LINE)];
  const put = (line: string[], from: number, to: number, value: string) => {
    const width = to - from + 1;
    [...value.padEnd(width).slice(0, width)].forEach((ch, i) => (line[from - 1 + i] = ch));
  };
  for (const [column, from, to] of POSITIONS) {
    const value = column === 'ANEST_BU' ? (raw.get(column) ?? '').padStart(3) : column === 'LONG DESCRIPTION' ? pieces[0]! : (raw.get(column) ?? '');
    put(first, from, to, column === 'HCPC' ? code : column === 'SEQNUM' ? '00100' : column === 'RECID' ? recordId[0]! : value);
  }
  const lines = [first.join('')];
  pieces.slice(1).forEach((piece, i) => {
    const line = [...' '.repeat(LINE)];
    put(line, 1, 5, code);
    put(line, 6, 10, String((i + 2) * 100).padStart(5, '0'));
    put(line, 11, 11, recordId[1]!);
    put(line, 12, 91, piece);
    lines.push(line.join(''));
  });
  return lines;
}

/** CMS cuts long descriptions at word boundaries into 80-column pieces. */
function splitDescription(text: string): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && current.length + 1 + word.length > 80) {
      pieces.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  pieces.push(current);
  return pieces;
}

const put = (line: string, from: number, value: string) => line.slice(0, from - 1) + value + line.slice(from - 1 + value.length);

const MONTH_NAMES = { 1: 'january', 2: 'april', 3: 'july', 4: 'october' } as const;

/** The first quarter that starts after `isoDate`: the release CMS posts ahead of time, as of that day. */
export function quarterAfter(isoDate: string): Quarter {
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  const next = Math.floor((month - 1) / 3) + 2;
  return next > 4 ? { year: year + 1, quarter: 1 } : { year, quarter: next as Quarter['quarter'] };
}

/** `quarter`: the quarter the release is for (April 2026 by default); its file names and record dates follow it. */
export function newerRelease({ year, quarter }: Quarter = { year: 2026, quarter: 2 }): NewerRelease {
  const mon = QUARTER_MONTHS[quarter];
  const effective = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
  const cmsDate = effective.replaceAll('-', '');
  // CMS's termination date is the last day of use: the day before the quarter starts.
  const lastDay = new Date(Date.UTC(year, (quarter - 1) * 3, 0)).toISOString().slice(0, 10);
  const { text, source } = januaryText();
  const lines = text.split('\r\n');
  const codes = new Set(BUNDLED.records.map((r) => r.code));
  const firstLine = (code: string) => lines.findIndex((l) => l.slice(0, 5) === code && l[10] === '3');

  // Two new codes after E1392, in its place in code order, as CMS adds them (action A, added on the quarter's first day).
  const base = lines[firstLine('E1392')]!;
  const free: string[] = [];
  for (let n = 1393; free.length < 2; n++) if (!codes.has(`E${n}`)) free.push(`E${n}`);
  const added = free.map((code, i) => ({ code, long: `Portable oxygen concentrator, test addition ${i + 1}` }));
  const addedLines = added.map(({ code, long }) => {
    let line = put(base, 1, code);
    line = put(line, 12, long.padEnd(80));
    line = put(line, 92, `Test oxygen addition ${added.findIndex((a) => a.code === code) + 1}`.padEnd(28));
    return put(put(put(line, 269, cmsDate), 277, cmsDate), 293, 'A');
  });
  // Insert before the first code that sorts after them.
  const insertAt = lines.findIndex((l) => (l[10] === '3' || l[10] === '4') && l.slice(0, 5) > free.at(-1)!);
  lines.splice(insertAt, 0, ...addedLines);

  // J1100 terminated on the previous quarter's last day (action D, effective the day after).
  const terminated = { code: 'J1100', termination: lastDay };
  const j = firstLine('J1100');
  lines[j] = put(put(put(lines[j]!, 285, lastDay.replaceAll('-', '')), 277, cmsDate), 293, 'D');

  // E1392: a longer long description (one line); A4215: a new short description. Action C.
  const e = firstLine('E1392');
  const longChanged = { code: 'E1392', before: 'Portable oxygen concentrator, rental', after: 'Portable oxygen concentrator, rental, per month' };
  lines[e] = put(put(put(lines[e]!, 12, longChanged.after.padEnd(80)), 277, cmsDate), 293, 'C');
  const a = firstLine('A4215');
  const shortBefore = lines[a]!.slice(91, 119).trim();
  const shortChanged = { code: 'A4215', before: shortBefore, after: 'Sterile needle, any size' };
  lines[a] = put(put(put(lines[a]!, 92, shortChanged.after.padEnd(28)), 277, cmsDate), 293, 'C');

  const v2 = new TextEncoder().encode(lines.join('\r\n'));
  const firstIssue = new TextEncoder().encode(text);
  const sample = (name: string) => new Uint8Array(readFileSync(CMS_FIXTURES + name));
  const layout = existsSync(RAW_LAYOUT) ? new Uint8Array(readFileSync(RAW_LAYOUT)) : sample('sample-recordlayout.txt');
  const notes = existsSync(RAW_NOTES) ? new Uint8Array(readFileSync(RAW_NOTES)) : sample('sample-proc-notes.txt');
  const workbook = sample('sample-anweb.xlsx');
  const others = {
    [`HCPC${year}_${mon}_ANWEB.txt`]: firstIssue,
    [`HCPC${year}_${mon}_ANWEB_v2.xlsx`]: workbook,
    [`NOC codes_${mon}${year}.xlsx`]: workbook,
    [`HCPC${year}_${mon}_ANWEB_Transaction Report_v2.xlsx`]: workbook,
  };
  const zip = zipSync({
    [`HCPC${year}_${mon}_ANWEB_v2.txt`]: v2,
    'HCPC2026_recordlayout.txt': layout,
    // Only the raw notes are the whole set; the sample's would leave notes unexplained.
    ...(existsSync(RAW_NOTES) ? { [`proc_notes_${mon}${year}.txt`]: notes } : {}),
    ...others,
  });
  const zipName = `${MONTH_NAMES[quarter]}-${year}-alpha-numeric-hcpcs-file.zip`;
  return { zip, zipName, effective, added, terminated, longChanged, shortChanged, ignored: Object.keys(others), source };
}

/** October 2025's Excel edition: the raw file when present, else the sample cut from it. */
export function octoberWorkbook(): { bytes: Uint8Array; name: string } {
  const bytes = existsSync(RAW_OCTOBER) ? readFileSync(RAW_OCTOBER) : readFileSync(CMS_FIXTURES + 'sample-anweb.xlsx');
  return { bytes: new Uint8Array(bytes), name: 'HCPC2025_OCT_ANWEB.xlsx' };
}
