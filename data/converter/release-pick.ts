/**
 * Which files of a CMS download make the release: the data file (newest
 * quarter; of several issues of one quarter the highest `_vN`, then the later
 * date stamp; the text edition over the Excel one), the record layout of the
 * nearest year, the processing notes of the same quarter. Everything else is
 * named as ignored. Pure, on file names and bytes: `npm run data:build`
 * (release-files.ts) and the options page's import worker both call it.
 */
import { unzipSync } from 'fflate';
import { QUARTER_MONTHS } from '../../src/hcpcs/release';
import { ReleaseError } from './release-error';

export interface SourceFile {
  /** File name without folders, as CMS named it. */
  name: string;
  /** Where it was found, for messages: a path, or "zip › name". */
  origin: string;
  bytes: Uint8Array;
}

export interface ReleaseFiles {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  data: SourceFile;
  /** Undefined when the input had none: the caller supplies one it already has (convert-release.ts). */
  layout?: SourceFile | undefined;
  notes: SourceFile | undefined;
}

/** What else the input held, for the summary a user reads before using the release. */
export interface PickNotes {
  /** Files of the input not used, by name (other workbooks, earlier issues, other quarters). */
  ignored: string[];
  /** Other quarters' data files found beside the one taken (the newest wins). */
  otherQuarters: string[];
}

/** CMS's largest release file is ~5 MB; anything past this is not one, and inflating it could exhaust memory. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const MONTH_QUARTER: Readonly<Record<string, 1 | 2 | 3 | 4>> = { JAN: 1, APR: 2, JUL: 3, OCT: 4 };
export const DATA_FILE = /^HCPC(\d{4})_(JAN|APR|JUL|OCT)_ANWEB(.*)\.(txt|xlsx)$/i;
/** Workbooks CMS ships beside the release whose names also start HCPCyyyy_<MON>_ANWEB. */
const OTHER_WORKBOOKS = /transaction|correction|noc/i;
const LAYOUT_FILE = /^HCPCS?(\d{4})_?record_?layout.*\.txt$/i;
const NOTES_FILE = /^proc_notes_(JAN|APR|JUL|OCT)(\d{4})\.txt$/i;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

export function isZip(bytes: Uint8Array): boolean {
  return [ZIP_MAGIC, EMPTY_ZIP_MAGIC].some((magic) => magic.every((b, i) => bytes[i] === b));
}

/** What a file that is not a zip looks like, for the message refusing it. */
export function looksLike(bytes: Uint8Array): string {
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (head.startsWith('%PDF')) return 'a PDF document';
  if (head.startsWith('\xD0\xCF\x11\xE0')) return 'an old-style Office document (.xls or .doc)';
  if (head.startsWith('<')) return 'a web page or XML file';
  return 'not a zip archive';
}

/**
 * The files in a zip. An entry whose declared size would inflate past
 * MAX_FILE_BYTES is refused before anything is inflated (a "zip bomb" or not
 * a CMS release at all).
 */
export function filesInZip(zipName: string, origin: string, bytes: Uint8Array): SourceFile[] {
  if (!isZip(bytes)) throw new ReleaseError(zipName, undefined, `not a zip file (${looksLike(bytes)})`);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter(entry) {
        if (entry.originalSize > MAX_FILE_BYTES) {
          throw new ReleaseError(zipName, entry.name, `would inflate to ${megabytes(entry.originalSize)}, past the ${megabytes(MAX_FILE_BYTES)} a CMS release file can be`);
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ReleaseError) throw error;
    throw new ReleaseError(zipName, undefined, `not a readable zip file: it is truncated or corrupt (${(error as Error).message})`);
  }
  return Object.entries(entries)
    .filter(([name]) => !name.endsWith('/') && !name.startsWith('__MACOSX/'))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, data]) => ({ name: baseName(name), origin: `${origin} › ${name}`, bytes: data }));
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Picks the release among `files` (those of the input itself); `beside` are
 * files next to it where a layout or notes may be found (node's folder).
 */
export function pickReleaseFiles(input: string, files: readonly SourceFile[], beside: readonly SourceFile[] = []): { files: ReleaseFiles } & PickNotes {
  const candidates = files.filter((f) => !OTHER_WORKBOOKS.test(f.name));
  const ranked = rankData(candidates);
  const best = ranked[0];
  if (!best) {
    throw new ReleaseError(input, undefined, 'no CMS Alpha-Numeric HCPCS file found (expected HCPCyyyy_<JAN|APR|JUL|OCT>_ANWEB….txt or .xlsx, or a zip holding one)');
  }
  const { year, quarter } = best;
  const pool = [...files, ...beside];
  const layout = pickLayout(pool, year);
  const notes = pool.find((f) => {
    const m = NOTES_FILE.exec(f.name);
    return m && m[1]!.toUpperCase() === QUARTER_MONTHS[quarter] && Number(m[2]) === year;
  });
  const used = new Set([best.file, layout, notes]);
  const otherQuarters = ranked.filter((r) => r.year !== year || r.quarter !== quarter).map((r) => r.file.name);
  return {
    files: { year, quarter, data: best.file, layout, notes },
    ignored: files.filter((f) => !used.has(f)).map((f) => f.name),
    otherQuarters: [...new Set(otherQuarters)],
  };
}

interface Ranked {
  file: SourceFile;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  key: number[];
}

/**
 * Newest quarter first; within a quarter the latest re-issue (_v2, _v3), then
 * the later date stamp (_MMDDYYYY, as in HCPC2026_JAN_ANWEB_01122026), then
 * text over Excel (the text edition is the one CMS's layout describes).
 */
function rankData(files: readonly SourceFile[]): Ranked[] {
  return files
    .map((file) => ({ file, m: DATA_FILE.exec(file.name) }))
    .filter((x): x is { file: SourceFile; m: RegExpExecArray } => x.m !== null)
    .map(({ file, m }) => {
      const year = Number(m[1]);
      const quarter = MONTH_QUARTER[m[2]!.toUpperCase()]!;
      const version = Number(/_v(\d+)/i.exec(m[3]!)?.[1] ?? 1);
      return { file, year, quarter, key: [year, quarter, version, dateStamp(m[3]!), m[4]!.toLowerCase() === 'txt' ? 1 : 0] };
    })
    .sort((a, b) => compareKeys(b.key, a.key) || a.file.name.localeCompare(b.file.name));
}

/** "_01122026" (MMDDYYYY) → 20260112; 0 when the name has none. */
function dateStamp(rest: string): number {
  const m = /_(\d{2})(\d{2})(\d{4})(?!\d)/.exec(rest);
  return m ? Number(`${m[3]}${m[1]}${m[2]}`) : 0;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** The layout of the release's own year, else the nearest year (newer on a tie). */
function pickLayout(files: readonly SourceFile[], year: number): SourceFile | undefined {
  return files
    .map((file) => ({ file, year: Number(LAYOUT_FILE.exec(file.name)?.[1] ?? NaN) }))
    .filter((l) => !Number.isNaN(l.year))
    .sort((a, b) => Math.abs(a.year - year) - Math.abs(b.year - year) || b.year - a.year)[0]?.file;
}
