/**
 * Opens a dataset file for lookups without decoding it. A worker woken by one
 * hover must answer within a few milliseconds, so opening checks the header,
 * the column line and the number of records; a record is found by binary
 * search (the converter writes modifiers, then codes, each in code order) and
 * decoded and checked when it is first asked for. verify() checks the rest:
 * every line's code, the order, every record.
 */
import type { Dataset, DatasetMeta, OpenDataset } from './dataset';
import { COLUMN_LINE, DATASET_MAGIC, DatasetError, decodeRecord, decodeRelease, decodeTables, object, stringMap } from './dataset-format';
import type { HcpcsRecord } from './record';

const TAB = 9;
const NEWLINE = '\n';

/**
 * `partial`: the text holds the header, every modifier and only some of the
 * codes (parts of the file joined in order, see dataset-parts.ts); it answers
 * for the codes it holds, and is not checked for being complete.
 */
export function openDataset(text: string, { partial = false } = {}): OpenDataset {
  const end1 = text.indexOf(NEWLINE);
  const end2 = text.indexOf(NEWLINE, end1 + 1);
  const end3 = text.indexOf(NEWLINE, end2 + 1);
  if (end1 === -1 || text.slice(0, end1) !== DATASET_MAGIC) throw new DatasetError('not an HCPCS Lens dataset (or a version this build cannot read)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text[end1 + 1] === '#' && end2 !== -1 ? text.slice(end1 + 2, end2) : '');
  } catch {
    throw new DatasetError('line 2: the release description is not valid JSON');
  }
  if (end3 === -1 || text.slice(end2 + 1, end3) !== COLUMN_LINE) throw new DatasetError('line 3: columns do not match this version');
  const m = object(parsed, 'release description');
  const meta: DatasetMeta = {
    release: decodeRelease(m.release),
    tables: decodeTables(m.tables),
    fieldHelp: stringMap(m.fieldHelp, 'fieldHelp') as DatasetMeta['fieldHelp'],
    notes: stringMap(m.notes, 'notes'),
  };

  // split() is native code; a worker's first (cold, interpreted) pass over
  // 9,000 lines in JavaScript is what opening must avoid. Lines are checked
  // one by one in verify(), which the worker runs once it has answered.
  const lines = text.slice(end3 + 1).split(NEWLINE);
  if (lines.at(-1) === '') lines.pop();
  const { release } = meta;
  if (partial ? lines.length < release.modifiers : lines.length !== release.codes + release.modifiers) {
    throw new DatasetError(`the file holds ${lines.length} records, the release ${release.codes} codes and ${release.modifiers} modifiers: it is incomplete`);
  }
  const modifiers = release.modifiers;

  const decoded = new Map<number, HcpcsRecord>();
  const dates = new Set<string>();
  const recordAt = (index: number): HcpcsRecord => {
    let r = decoded.get(index);
    if (!r) {
      r = decodeRecord(lines[index]!, index + 4, dates);
      decoded.set(index, r);
    }
    return r;
  };
  const find = (code: string): number => {
    // Modifiers (two characters) fill the first block, codes the rest.
    let lo = code.length === 2 ? 0 : modifiers;
    let hi = code.length === 2 ? modifiers : lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareCode(code, lines[mid]!);
      if (c === 0) return mid;
      if (c < 0) hi = mid;
      else lo = mid + 1;
    }
    return -1;
  };
  let codes: string[] | undefined;
  const codeList = () => (codes ??= lines.map((line) => line.slice(0, codeLength(line))));
  return {
    meta,
    size: lines.length,
    get codes() {
      return codeList();
    },
    record(code) {
      if (code.length !== 2 && code.length !== 5) return undefined;
      const index = find(code);
      return index === -1 ? undefined : recordAt(index);
    },
    verify(from = 0, to = lines.length) {
      // Every line holds a code of the right shape, modifiers first, each block in strict code order.
      const all = codeList();
      const end = Math.min(to, lines.length);
      for (let i = from; i < end; i++) {
        const code = all[i]!;
        const lineNumber = i + 4;
        if (!isCode(code) || (i < modifiers) !== (code.length === 2)) throw new DatasetError(`line ${lineNumber}: "${code.slice(0, 12)}" is not a code in its place`);
        const before = all[i - 1];
        if (before !== undefined && before.length === code.length && before >= code) {
          throw new DatasetError(`line ${lineNumber}: ${code} is out of order or appears twice`);
        }
        recordAt(i);
      }
      return end;
    },
    all: () => lines.map((_, i) => recordAt(i)),
  };
}

function codeLength(line: string): number {
  const tab = line.indexOf('\t');
  return tab === -1 ? line.length : tab;
}

/** A modifier ([A-Z0-9]{2}) or an HCPCS code ([A-Z] and four digits). */
function isCode(code: string): boolean {
  return /^(?:[A-Z0-9]{2}|[A-Z]\d{4})$/.test(code);
}

/** Compares a code with the code a line starts with (of the same length, within a block). */
function compareCode(code: string, line: string): number {
  for (let i = 0; i < code.length; i++) {
    const d = code.charCodeAt(i) - line.charCodeAt(i);
    if (d !== 0) return d;
  }
  const next = line.charCodeAt(code.length);
  return next === TAB || Number.isNaN(next) ? 0 : -1;
}

/** Reads and checks every record of a dataset file. */
export function decodeDataset(text: string): Dataset {
  const open = openDataset(text);
  open.verify();
  return { ...open.meta, records: open.all() };
}
