/**
 * Finds the files of a CMS release: the data file (fixed-width text or Excel),
 * the record layout whose code tables decode it, and the processing notes.
 * The input may be one file, the zip CMS publishes, or a folder holding either;
 * in a folder the newest release wins, so a new quarter dropped beside the old
 * ones is picked up by the same command.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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
  layout: SourceFile;
  notes: SourceFile | undefined;
}

const MONTH_QUARTER: Readonly<Record<string, 1 | 2 | 3 | 4>> = { JAN: 1, APR: 2, JUL: 3, OCT: 4 };
const DATA_FILE = /^HCPC(\d{4})_(JAN|APR|JUL|OCT)_ANWEB(.*)\.(txt|xlsx)$/i;
const OTHER_WORKBOOKS = /transaction|correction|noc/i;
const LAYOUT_FILE = /^HCPCS?(\d{4})_?record_?layout.*\.txt$/i;
const NOTES_FILE = /^proc_notes_(JAN|APR|JUL|OCT)(\d{4})\.txt$/i;

export interface FindOptions {
  layout?: string;
  notes?: string;
}

export function findReleaseFiles(input: string, options: FindOptions = {}): ReleaseFiles {
  let stats;
  try {
    stats = statSync(input);
  } catch {
    throw new ReleaseError(input, undefined, 'no such file or folder');
  }
  const candidates = stats.isDirectory() ? filesInFolder(input) : filesBeside(input);
  const pool = candidates.filter((f) => !OTHER_WORKBOOKS.test(f.name));
  const data = pickData(input, stats.isDirectory() ? pool : pool.filter((f) => isFromInput(f, input)));
  const match = DATA_FILE.exec(data.name)!;
  const year = Number(match[1]);
  const month = match[2]!.toUpperCase();
  const quarter = MONTH_QUARTER[month]!;
  const layout = options.layout ? readFile(options.layout) : pickLayout(input, pool, year);
  const notes = options.notes
    ? readFile(options.notes)
    : pool.find((f) => {
        const m = NOTES_FILE.exec(f.name);
        return m && m[1]!.toUpperCase() === QUARTER_MONTHS[quarter] && Number(m[2]) === year;
      });
  return { year, quarter, data, layout, notes };
}

function readFile(path: string): SourceFile {
  try {
    return { name: basename(path), origin: path, bytes: readFileSync(path) };
  } catch {
    throw new ReleaseError(path, undefined, 'cannot be read');
  }
}

/** The files of a folder, with the contents of any zip in it. */
function filesInFolder(folder: string): SourceFile[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      if (!statSync(path).isFile()) return [];
      return /\.zip$/i.test(name) ? filesInZip(path) : [readFile(path)];
    });
}

/** A named file (or zip) and the files beside it, where its layout and notes usually are. */
function filesBeside(path: string): SourceFile[] {
  const own = /\.zip$/i.test(path) ? filesInZip(path) : [readFile(path)];
  const siblings = filesInFolder(dirname(path)).filter((f) => f.origin !== path && !f.origin.startsWith(`${path} › `));
  return [...own, ...siblings];
}

function isFromInput(file: SourceFile, input: string): boolean {
  return file.origin === input || file.origin.startsWith(`${input} › `);
}

function filesInZip(path: string): SourceFile[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(readFileSync(path));
  } catch (error) {
    throw new ReleaseError(path, undefined, `not a readable zip file (${(error as Error).message})`);
  }
  return Object.entries(entries)
    .filter(([name]) => !name.endsWith('/') && !name.startsWith('__MACOSX/'))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, bytes]) => ({ name: basename(name), origin: `${path} › ${name}`, bytes }));
}

/** Newest quarter first; within a quarter the latest re-issue (_v2, _v3), then text over Excel. */
function pickData(input: string, files: SourceFile[]): SourceFile {
  const ranked = files
    .map((file) => ({ file, m: DATA_FILE.exec(file.name) }))
    .filter((x): x is { file: SourceFile; m: RegExpExecArray } => x.m !== null)
    .map(({ file, m }) => ({
      file,
      key: [Number(m[1]), MONTH_QUARTER[m[2]!.toUpperCase()]!, Number(/_v(\d+)/i.exec(m[3]!)?.[1] ?? 1), m[4]!.toLowerCase() === 'txt' ? 1 : 0],
    }))
    .sort((a, b) => compareKeys(b.key, a.key));
  const best = ranked[0];
  if (!best) {
    throw new ReleaseError(input, undefined, 'no CMS Alpha-Numeric HCPCS file found (expected HCPCyyyy_<JAN|APR|JUL|OCT>_ANWEB….txt or .xlsx, or a zip holding one)');
  }
  return best.file;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** The layout of the release's own year, else the nearest year (newer on a tie). */
function pickLayout(input: string, files: SourceFile[], year: number): SourceFile {
  const layouts = files
    .map((file) => ({ file, year: Number(LAYOUT_FILE.exec(file.name)?.[1] ?? NaN) }))
    .filter((l) => !Number.isNaN(l.year))
    .sort((a, b) => Math.abs(a.year - year) - Math.abs(b.year - year) || b.year - a.year);
  const best = layouts[0];
  if (!best) throw new ReleaseError(input, undefined, 'no record layout (HCPCyyyy_recordlayout.txt) beside the release; pass one with --layout');
  return best.file;
}
