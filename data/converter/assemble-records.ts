/**
 * Turns the lines of a release into records: continuation lines joined to
 * their first line in sequence order, every value checked and normalised
 * (ISO dates, whole-number base units), values the layout's code tables do
 * not explain reported as warnings.
 */
import { meaningOf, type CodeTables, type TableName } from '../../src/hcpcs/code-tables';
import { isoFromCms } from '../../src/hcpcs/dates';
import { DATE_FIELDS, LIST_FIELD_SIZE, type HcpcsRecord, type ListField, type RecordKind } from '../../src/hcpcs/record';
import type { LayoutKey } from './layout-fields';
import { ReleaseError, type ReleaseWarning } from './release-error';
import { first, type SourceLine } from './source-line';

const FIRST_LINE: Readonly<Record<string, RecordKind>> = { '3': 'code', '7': 'modifier' };
const CONTINUATION_OF: Readonly<Record<string, string>> = { '4': '3', '8': '7' };
const CODE_SHAPE: Readonly<Record<RecordKind, RegExp>> = { code: /^[A-Z]\d{4}$/, modifier: /^[A-Z0-9]{2}$/ };

/** Fields whose values the layout's code tables decode. */
const DECODED: Readonly<Partial<Record<keyof HcpcsRecord, TableName>>> = {
  pricing: 'pricing',
  multiplePricing: 'multiplePricing',
  labCertification: 'labCertification',
  coverage: 'coverage',
  ascGroup: 'ascGroup',
  mogGroup: 'mogGroup',
  mogPolicy: 'mogPolicy',
  betos: 'betos',
  typeOfService: 'typeOfService',
  action: 'action',
};

interface Pending {
  first: SourceLine;
  recordId: string;
  continuations: { sequence: number; text: string; where: string }[];
}

export interface Assembled {
  records: HcpcsRecord[];
  warnings: ReleaseWarning[];
}

export function assembleRecords(file: string, lines: readonly SourceLine[], tables: CodeTables): Assembled {
  const pending: Pending[] = [];
  const seen = new Map<string, string>();
  for (const line of lines) {
    const recordId = first(line, 'recordId');
    const code = first(line, 'code');
    const kind = FIRST_LINE[recordId];
    if (kind) {
      if (!CODE_SHAPE[kind].test(code)) throw new ReleaseError(file, line.where, `code "${code}" is not a valid ${kind === 'code' ? 'HCPCS code' : 'modifier'} for record id ${recordId}`);
      const earlier = seen.get(code);
      if (earlier) throw new ReleaseError(file, line.where, `duplicate code ${code} (first at ${earlier})`);
      seen.set(code, line.where);
      pending.push({ first: line, recordId, continuations: [] });
    } else if (CONTINUATION_OF[recordId]) {
      const current = pending.at(-1);
      if (!current || first(current.first, 'code') !== code || current.recordId !== CONTINUATION_OF[recordId]) {
        throw new ReleaseError(file, line.where, `continuation line (record id ${recordId}) for ${code || 'a blank code'} without its first line`);
      }
      current.continuations.push({ sequence: sequenceNumber(file, line), text: first(line, 'long'), where: line.where });
    } else {
      throw new ReleaseError(file, line.where, `unknown record id "${recordId}" (expected 3, 4, 7 or 8)`);
    }
  }
  const warnings: ReleaseWarning[] = [];
  const records = pending.map((p) => toRecord(file, p, tables, warnings));
  return { records, warnings };
}

function sequenceNumber(file: string, line: SourceLine): number {
  const text = first(line, 'sequence');
  if (!/^\d+$/.test(text)) throw new ReleaseError(file, line.where, `sequence number "${text}" is not a number`);
  return Number(text);
}

function toRecord(file: string, p: Pending, tables: CodeTables, warnings: ReleaseWarning[]): HcpcsRecord {
  const line = p.first;
  const code = first(line, 'code');
  const where = `${line.where} (${code})`;
  const firstSequence = sequenceNumber(file, line);
  const parts = [...p.continuations].sort((a, b) => a.sequence - b.sequence);
  parts.forEach((part, i) => {
    const previous = i === 0 ? firstSequence : parts[i - 1]!.sequence;
    if (part.sequence <= previous) throw new ReleaseError(file, part.where, `sequence number ${part.sequence} of ${code} repeats or precedes its first line`);
  });
  // CMS cuts long descriptions at word boundaries into 80-column pieces, so the
  // pieces join with one blank.
  const long = [first(line, 'long'), ...parts.map((c) => c.text)].filter(Boolean).join(' ');
  if (!long) throw new ReleaseError(file, line.where, `${code} has no long description`);

  const text = (key: LayoutKey) => first(line, key);
  const list = (key: ListField): string[] => {
    const values = [...(line.values[key] ?? [])].slice(0, LIST_FIELD_SIZE[key]);
    while (values.length > 0 && values[values.length - 1] === '') values.pop();
    return values;
  };
  const record: HcpcsRecord = {
    code,
    kind: FIRST_LINE[p.recordId]!,
    long,
    short: text('short'),
    pricing: list('pricing'),
    multiplePricing: text('multiplePricing'),
    cim: list('cim'),
    mcm: list('mcm'),
    statute: text('statute'),
    labCertification: list('labCertification'),
    crossReference: list('crossReference'),
    coverage: text('coverage'),
    ascGroup: text('ascGroup'),
    ascDate: text('ascDate'),
    mogGroup: text('mogGroup'),
    mogPolicy: text('mogPolicy'),
    mogDate: text('mogDate'),
    processingNote: text('processingNote'),
    betos: text('betos'),
    typeOfService: list('typeOfService'),
    anesthesiaBaseUnits: baseUnits(file, line.where, text('anesthesiaBaseUnits')),
    added: text('added'),
    actionEffective: text('actionEffective'),
    termination: text('termination'),
    action: text('action'),
  };
  for (const field of DATE_FIELDS) {
    const raw = record[field];
    if (raw === '') continue;
    const iso = isoFromCms(raw);
    if (!iso) throw new ReleaseError(file, where, `${field} "${raw}" is not a real date (YYYYMMDD)`);
    record[field] = iso;
  }
  for (const [field, table] of Object.entries(DECODED) as [keyof HcpcsRecord, TableName][]) {
    const value = record[field];
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (typeof v === 'string' && v !== '' && !meaningOf(tables[table], v)) {
        warnings.push({ where, message: `${field} "${v}" is not in the layout's ${table} table` });
      }
    }
  }
  return record;
}

function baseUnits(file: string, where: string, text: string): number | null {
  if (text === '') return null;
  if (!/^\d+$/.test(text)) throw new ReleaseError(file, where, `anesthesia base units "${text}" is not a whole number`);
  return Number(text);
}
