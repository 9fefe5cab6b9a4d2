/**
 * The history of changes as text, the way it is bundled (data/hcpcs-changes.tsv)
 * and stored after an import. Like the dataset file, one line per change so a
 * quarterly update reads as a git diff, and only what changed is kept:
 *
 *   #hcpcs-lens-history 1
 *   @{"from":{"year":2025,"quarter":4,…},"to":{"year":2026,"quarter":1,…}}   ← one line per step
 *   A2001⇥2026-01-01⇥long⇥long=Innovamatrix ac, per square centimeter⇥action=N
 *   A4295⇥2026-01-01⇥added
 *   C5271⇥2026-01-01⇥terminated⇥termination=⇥action=N
 *
 * Each change line: code, the date it takes effect, its kind, then the fields
 * it touched as they were before it (`field=value`, values as release-diff.ts
 * fieldText writes them). Every line is checked when read: the text may come
 * from storage a browser or another extension version wrote.
 */
import { isIsoDate } from './dates';
import { CHANGE_KINDS, type ChangeKind, type RecordField } from './release-diff';
import { FIELD_LABELS } from './field-labels';
import { DATE_FIELDS, LIST_FIELD_SIZE, type ListField } from './record';
import { quarterLabel } from './quarter-label';
import type { HistoryEntry, HistoryStep, ReleaseHistory, ReleaseStamp } from './release-history';

export const HISTORY_MAGIC = '#hcpcs-lens-history 1';

export class HistoryError extends Error {
  override name = 'HistoryError';
}

const CODE = /^(?:[A-Z0-9]{2}|[A-Z]\d{4})$/;
const FIELDS: ReadonlySet<string> = new Set(FIELD_LABELS.map((f) => f.field));
const KINDS: ReadonlySet<string> = new Set(CHANGE_KINDS);

export function encodeHistory(history: ReleaseHistory): string {
  const lines = [HISTORY_MAGIC];
  for (const step of history.steps) {
    lines.push(`@${JSON.stringify({ from: step.from, to: step.to })}`);
    for (const e of step.entries) {
      const cells = [e.code, e.date, e.kind];
      for (const [field, value] of Object.entries(e.before)) {
        if (/[\t\r\n]/.test(value)) throw new HistoryError(`${e.code}: ${field} holds a tab or line break`);
        cells.push(`${field}=${value}`);
      }
      lines.push(cells.join('\t'));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Reads and checks every line. */
export function decodeHistory(text: string): ReleaseHistory {
  const scan = scanHistory(text);
  return {
    steps: scan.steps.map(({ from, to, first, end }) => ({ from, to, entries: scan.lines.slice(first, end).map((line, i) => decodeEntry(line, first + i + 1)) })),
  };
}

/** A step's releases and where its change lines are (indexes into HistoryScan.lines). */
export interface ScannedStep extends Omit<HistoryStep, 'entries'> {
  first: number;
  end: number;
}

export interface HistoryScan {
  steps: ScannedStep[];
  /** Every line of the text; a change line is read with decodeEntry(line, index + 1). */
  lines: string[];
}

/**
 * Finds the steps without reading the change lines: a worker woken by a hover
 * reads only the lines of the codes it shows (change-history.ts).
 */
export function scanHistory(text: string): HistoryScan {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines[0] !== HISTORY_MAGIC) throw new HistoryError('not an HCPCS Lens history of changes (or a version this build cannot read)');
  if (lines.length > 1 && !lines[1]!.startsWith('@')) throw new HistoryError('line 2: a change before any step');
  const steps: ScannedStep[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.charCodeAt(0) !== AT) continue;
    const last = steps.at(-1);
    if (last) last.end = i;
    steps.push({ ...decodeStepHeader(lines[i]!.slice(1), i + 1), first: i + 1, end: lines.length });
  }
  return { steps, lines };
}

const AT = 0x40;

function decodeStepHeader(json: string, lineNumber: number): Omit<HistoryStep, 'entries'> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new HistoryError(`line ${lineNumber}: the step is not valid JSON`);
  }
  const v = value as { from?: unknown; to?: unknown } | null;
  if (typeof v !== 'object' || v === null) throw new HistoryError(`line ${lineNumber}: not a step`);
  return { from: stamp(v.from, lineNumber), to: stamp(v.to, lineNumber) };
}

function stamp(value: unknown, lineNumber: number): ReleaseStamp {
  const r = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const ok =
    Number.isInteger(r.year) &&
    [1, 2, 3, 4].includes(r.quarter as number) &&
    typeof r.effective === 'string' &&
    isIsoDate(r.effective) &&
    typeof r.sourceSha256 === 'string';
  if (!ok) throw new HistoryError(`line ${lineNumber}: a release of the step is incomplete`);
  return { year: r.year as number, quarter: r.quarter as ReleaseStamp['quarter'], effective: r.effective as string, sourceSha256: r.sourceSha256 as string };
}

export function decodeEntry(line: string, lineNumber: number): HistoryEntry {
  const [code = '', date = '', kind = '', ...cells] = line.split('\t');
  const at = `line ${lineNumber}`;
  if (!CODE.test(code)) throw new HistoryError(`${at}: "${code.slice(0, 12)}" is not a code`);
  if (!isIsoDate(date)) throw new HistoryError(`${at} (${code}): "${date.slice(0, 12)}" is not a date`);
  if (!KINDS.has(kind)) throw new HistoryError(`${at} (${code}): "${kind.slice(0, 12)}" is not a kind of change`);
  const before: Partial<Record<RecordField, string>> = {};
  for (const cell of cells) {
    const eq = cell.indexOf('=');
    const field = cell.slice(0, eq);
    if (eq < 1 || !FIELDS.has(field) || field in before) throw new HistoryError(`${at} (${code}): unexpected "${cell.slice(0, 20)}"`);
    const value = cell.slice(eq + 1);
    checkValue(field as RecordField, value, `${at} (${code})`);
    before[field as RecordField] = value;
  }
  return { code, kind: kind as ChangeKind, date, before };
}

const DATES: ReadonlySet<string> = new Set(DATE_FIELDS);

function checkValue(field: RecordField, value: string, at: string): void {
  if (value === '') return;
  if (DATES.has(field) && !isIsoDate(value)) throw new HistoryError(`${at}: ${field} "${value.slice(0, 12)}" is not a date`);
  if (field === 'anesthesiaBaseUnits' && !/^\d{1,3}$/.test(value)) throw new HistoryError(`${at}: anesthesiaBaseUnits "${value.slice(0, 12)}" is not a whole number`);
  if (Object.hasOwn(LIST_FIELD_SIZE, field) && value.split(',').length > LIST_FIELD_SIZE[field as ListField]) {
    throw new HistoryError(`${at}: ${field} has more than ${LIST_FIELD_SIZE[field as ListField]} values`);
  }
}

/**
 * What the history costs, in UTF-8 bytes of its text by the quarter its
 * changes take effect in ("2026 Q1" → bytes); a step's line counts to the
 * quarter of the release it leads to. The budget is 100 KB per quarter.
 */
export function historyBytesByQuarter(text: string): Map<string, number> {
  const { steps, lines } = scanHistory(text);
  const out = new Map<string, number>();
  const add = (quarter: string, line: string) => out.set(quarter, (out.get(quarter) ?? 0) + utf8Length(line) + 1);
  for (const { to, first, end } of steps) {
    add(quarterLabel(to.effective), lines[first - 1]!);
    for (let i = first; i < end; i++) add(quarterLabel(decodeEntry(lines[i]!, i + 1).date), lines[i]!);
  }
  return out;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return bytes;
}
