/**
 * The bundled dataset file, written by the converter and read by the worker.
 *
 * It is text, one record per line, so a quarterly update reads as a git diff
 * and the whole release stays small:
 *
 *   #hcpcs-lens-dataset 1
 *   #{"release":…,"tables":…,"fieldHelp":…,"notes":…}      ← one line of JSON
 *   code⇥long⇥short⇥action⇥added⇥…⇥anesthesiaBaseUnits     ← column names
 *   E1392⇥Portable oxygen concentrator, rental⇥Portable oxygen concentrator⇥N⇥2006-01-01⇥2006-01-01⇥D⇥33⇥A⇥D1C⇥R⇥0⇥cim=60-4
 *
 * The fields nearly every record has (DENSE_COLUMNS) come first, separated by
 * tabs, trailing blanks dropped. Any other non-blank field follows as
 * name=value. Repeating fields (pricing 1–4 …) join their values with commas,
 * keeping a blank position as an empty value. A blank field costs nothing.
 */
import { TABLE_NAMES, type CodeMeaning, type CodeTables, type TableName } from './code-tables';
import type { Dataset } from './dataset';
import { isIsoDate } from './dates';
import { DATE_FIELDS, LIST_FIELD_SIZE, type HcpcsRecord, type ListField } from './record';
import type { ReleaseInfo } from './release';

export const DATASET_MAGIC = '#hcpcs-lens-dataset 1';

const DENSE_COLUMNS = [
  'code',
  'long',
  'short',
  'action',
  'added',
  'actionEffective',
  'coverage',
  'pricing',
  'multiplePricing',
  'betos',
  'typeOfService',
  'anesthesiaBaseUnits',
] as const satisfies readonly (keyof HcpcsRecord)[];

const SPARSE_FIELDS = [
  'cim',
  'mcm',
  'statute',
  'labCertification',
  'crossReference',
  'ascGroup',
  'ascDate',
  'mogGroup',
  'mogPolicy',
  'mogDate',
  'processingNote',
  'termination',
] as const satisfies readonly (keyof HcpcsRecord)[];

export const COLUMN_LINE = DENSE_COLUMNS.join('\t');
const DATE_FIELD_SET: ReadonlySet<string> = new Set(DATE_FIELDS);
type SparseField = (typeof SPARSE_FIELDS)[number];
const SPARSE_SET: ReadonlySet<string> = new Set(SPARSE_FIELDS);
/** Shared by every record with a blank repeating field; never mutated. */
const NO_VALUES: string[] = Object.freeze([]) as unknown as string[];
const CODE = /^(?:[A-Z0-9]{2}|[A-Z]\d{4})$/;


export class DatasetError extends Error {
  override name = 'DatasetError';
}

function isListField(field: string): field is ListField {
  return Object.hasOwn(LIST_FIELD_SIZE, field);
}

/** Serialises a dataset deterministically: the same input always gives the same bytes. */
export function encodeDataset(dataset: Dataset): string {
  const meta = { release: dataset.release, tables: dataset.tables, fieldHelp: dataset.fieldHelp, notes: dataset.notes };
  const lines = [DATASET_MAGIC, `#${JSON.stringify(meta)}`, COLUMN_LINE];
  for (const record of dataset.records) lines.push(encodeRecord(record));
  return `${lines.join('\n')}\n`;
}

function encodeRecord(record: HcpcsRecord): string {
  const cells = DENSE_COLUMNS.map((field) => encodeValue(record, field));
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  const sparse = SPARSE_FIELDS.map((field) => [field, encodeValue(record, field)] as const).filter(([, v]) => v !== '');
  if (sparse.length > 0) {
    while (cells.length < DENSE_COLUMNS.length) cells.push('');
    for (const [field, value] of sparse) cells.push(`${field}=${value}`);
  }
  return cells.join('\t');
}

function encodeValue(record: HcpcsRecord, field: keyof HcpcsRecord): string {
  const value = record[field];
  const parts = Array.isArray(value) ? value : [value === null ? '' : String(value)];
  for (const part of parts) {
    if (/[\t\n\r]/.test(part) || (Array.isArray(value) && part.includes(','))) {
      throw new DatasetError(`${record.code}: ${field} "${part}" holds a character the dataset format reserves`);
    }
  }
  return parts.join(',');
}

/** `dates` remembers dates already checked: a release has a few hundred distinct ones. */
export function decodeRecord(line: string, lineNumber: number, dates: Set<string>): HcpcsRecord {
  const c = line.split('\t');
  const code = c[0]!;
  if (!CODE.test(code)) throw new DatasetError(`line ${lineNumber}: "${code.slice(0, 12)}" is not a code`);
  const at = `line ${lineNumber} (${code})`;
  const date = (field: keyof HcpcsRecord, text = '') => {
    if (text !== '' && !dates.has(text)) {
      if (!isIsoDate(text)) throw new DatasetError(`${at}: ${field} "${text}" is not a date`);
      dates.add(text);
    }
    return text;
  };
  const list = (field: ListField, text = ''): string[] => {
    if (text === '') return NO_VALUES;
    const values = text.split(',');
    if (values.length > LIST_FIELD_SIZE[field]) throw new DatasetError(`${at}: ${field} has more than ${LIST_FIELD_SIZE[field]} values`);
    return values;
  };
  const units = c[11] ?? '';
  if (units !== '' && !/^\d{1,3}$/.test(units)) throw new DatasetError(`${at}: anesthesiaBaseUnits "${units}" is not a whole number`);
  // One object literal of a fixed shape per record: decoding 9,000 of them at
  // worker start must not churn the garbage collector.
  const record: HcpcsRecord = {
    code,
    kind: code.length === 2 ? 'modifier' : 'code',
    long: c[1] ?? '',
    short: c[2] ?? '',
    action: c[3] ?? '',
    added: date('added', c[4]),
    actionEffective: date('actionEffective', c[5]),
    coverage: c[6] ?? '',
    pricing: list('pricing', c[7]),
    multiplePricing: c[8] ?? '',
    betos: c[9] ?? '',
    typeOfService: list('typeOfService', c[10]),
    anesthesiaBaseUnits: units === '' ? null : Number(units),
    cim: NO_VALUES,
    mcm: NO_VALUES,
    statute: '',
    labCertification: NO_VALUES,
    crossReference: NO_VALUES,
    ascGroup: '',
    ascDate: '',
    mogGroup: '',
    mogPolicy: '',
    mogDate: '',
    processingNote: '',
    termination: '',
  };
  if (record.long === '') throw new DatasetError(`${at}: no long description`);
  const seen = new Set<string>();
  for (let i = DENSE_COLUMNS.length; i < c.length; i++) {
    const cell = c[i]!;
    const eq = cell.indexOf('=');
    const field = cell.slice(0, eq) as SparseField;
    if (eq < 1 || !SPARSE_SET.has(field) || seen.has(field)) throw new DatasetError(`${at}: unexpected "${cell.slice(0, 20)}"`);
    seen.add(field);
    const text = cell.slice(eq + 1);
    if (isListField(field)) record[field] = list(field, text);
    else record[field] = DATE_FIELD_SET.has(field) ? date(field, text) : text;
  }
  return record;
}

export function decodeRelease(value: unknown): ReleaseInfo {
  const r = object(value, 'release');
  const ok =
    Number.isInteger(r.year) &&
    [1, 2, 3, 4].includes(r.quarter as number) &&
    typeof r.effective === 'string' &&
    isIsoDate(r.effective) &&
    ['sourceFile', 'sourceSha256', 'layoutFile', 'notesFile'].every((k) => typeof r[k] === 'string') &&
    Number.isInteger(r.codes) &&
    Number.isInteger(r.modifiers);
  if (!ok) throw new DatasetError('release: incomplete description of the CMS release');
  return r as unknown as ReleaseInfo;
}

export function decodeTables(value: unknown): CodeTables {
  const t = object(value, 'tables');
  const tables = {} as Record<TableName, Record<string, CodeMeaning>>;
  for (const name of TABLE_NAMES) {
    const table = object(t[name], `tables.${name}`);
    for (const [code, entry] of Object.entries(table)) {
      const e = object(entry, `tables.${name}.${code}`);
      const ok =
        typeof e.meaning === 'string' &&
        (e.group === undefined || typeof e.group === 'string') &&
        (e.parent === undefined || typeof e.parent === 'string');
      if (!ok) throw new DatasetError(`tables.${name}.${code}: not a code meaning`);
    }
    tables[name] = table as Record<string, CodeMeaning>;
  }
  return tables;
}

export function object(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new DatasetError(`${what}: not an object`);
  return value as Record<string, unknown>;
}

export function stringMap(value: unknown, what: string): Record<string, string> {
  const map = object(value, what);
  for (const [key, v] of Object.entries(map)) {
    if (typeof v !== 'string') throw new DatasetError(`${what}.${key}: not text`);
  }
  return map as Record<string, string>;
}
