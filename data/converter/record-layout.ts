/**
 * Reads CMS's "HCPCS Contractor Record" layout: where each field sits in a
 * fixed-width line, how often it repeats, what the layout says it is, and the
 * code tables that decode its values.
 */
import type { CodeMeaning, CodeTables, TableName } from '../../src/hcpcs/code-tables';
import { TABLE_NAMES } from '../../src/hcpcs/code-tables';
import { LIST_FIELD_SIZE } from '../../src/hcpcs/record';
import { LAYOUT_FIELD_KEYS, type LayoutKey } from './layout-fields';
import { ReleaseError } from './release-error';

export interface FieldPosition {
  key: LayoutKey;
  /** 1-based first column of the first occurrence. */
  begin: number;
  width: number;
  occurs: number;
}

export interface RecordLayout {
  file: string;
  recordLength: number;
  fields: Readonly<Record<LayoutKey, FieldPosition>>;
  help: Readonly<Partial<Record<LayoutKey, string>>>;
  tables: CodeTables;
}

/** Which layout field's CODES list fills which table. */
const FIELD_TABLES: Partial<Record<LayoutKey, TableName>> = {
  recordId: 'recordId',
  pricing: 'pricing',
  multiplePricing: 'multiplePricing',
  labCertification: 'labCertification',
  coverage: 'coverage',
  mogGroup: 'mogGroup',
  mogPolicy: 'mogPolicy',
  action: 'action',
};

/** Appendix tables, by the name the layout gives them. */
const APPENDIX_TABLES: Readonly<Record<string, TableName>> = {
  BETOS_TB: 'betos',
  CMS_TYPE_SRVC_TB: 'typeOfService',
};

const FIELD_HEADER = /^ {2}(\d+)\.\s+(.+?)(?:\s{2,}(?:CHAR|NUM|GRP))?\s*$/;
const POSITION = /^\s+(\d+)\s+(\d+)\s+(\d+)(?:\s+[A-Z]+)?\s*$/;
const SECTION_END = /^\s*(?:DB2|SAS|STANDARD|TITLE)\s+ALIAS\b|^\s*(?:REDEFINE|LENGTH|OCCURS|EDIT RULES|COMMENTS|CODE TABLE)\b/;
const ENTRY = /^(\s*)([0-9A-Z]{1,3})\s*=\s*(.*)$/;

export function parseRecordLayout(file: string, text: string): RecordLayout {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map(expandTabs);
  const appendixAt = lines.findIndex((l) => /TABLE OF CODES APPENDIX/.test(l));
  const body = appendixAt === -1 ? lines : lines.slice(0, appendixAt);

  const fields: Partial<Record<LayoutKey, FieldPosition>> = {};
  const help: Partial<Record<LayoutKey, string>> = {};
  const tables: Partial<Record<TableName, Record<string, CodeMeaning>>> = {};
  let recordLength = 0;

  for (const section of fieldSections(body)) {
    const header = FIELD_HEADER.exec(section[0]!)!;
    const name = header[2]!.trim();
    const position = section.slice(1).map((l) => POSITION.exec(l)).find(Boolean);
    if (!position) throw new ReleaseError(file, `field ${header[1]}`, `no position line for "${name}"`);
    const key = (LAYOUT_FIELD_KEYS as Record<string, LayoutKey>)[name];
    if (!key) continue; // fillers, redefinitions and fields the dataset does not use
    const width = Number(position[1]);
    const begin = Number(position[2]);
    const end = Number(position[3]);
    if (end - begin + 1 !== width) throw new ReleaseError(file, `field ${header[1]}`, `"${name}" is ${width} wide but spans ${begin}-${end}`);
    const occurs = Number(/OCCURS MIN:\s*\d+\s+OCCURS MAX:\s*(\d+)/.exec(section.join('\n'))?.[1] ?? 1);
    if (key in LIST_FIELD_SIZE && occurs !== LIST_FIELD_SIZE[key as keyof typeof LIST_FIELD_SIZE]) {
      throw new ReleaseError(file, `field ${header[1]}`, `"${name}" occurs ${occurs} times; this converter expects ${LIST_FIELD_SIZE[key as keyof typeof LIST_FIELD_SIZE]}`);
    }
    fields[key] = { key, begin, width, occurs };
    recordLength = Math.max(recordLength, begin + width * occurs - 1);
    help[key] = describe(section);
    const table = FIELD_TABLES[key];
    if (table) tables[table] = parseEntries(codesBlock(section));
    if (key === 'ascGroup') tables.ascGroup = ascTable(section, help[key] ?? '');
  }
  if (appendixAt !== -1) Object.assign(tables, appendixTables(lines.slice(appendixAt)));

  const missingField = Object.values(LAYOUT_FIELD_KEYS).find((key) => !fields[key]);
  if (missingField) throw new ReleaseError(file, undefined, `the layout does not define the ${missingField} field`);
  const missingTable = TABLE_NAMES.find((name) => !tables[name] || Object.keys(tables[name]).length === 0);
  if (missingTable) throw new ReleaseError(file, undefined, `the layout has no ${missingTable} code table`);
  const declared = /^\s+(\d+)\s+1\s+\1\s+REC\s*$/m.exec(lines.join('\n'));
  return {
    file,
    recordLength: declared ? Number(declared[1]) : recordLength,
    fields: fields as Record<LayoutKey, FieldPosition>,
    help,
    tables: tables as CodeTables,
  };
}

function expandTabs(line: string): string {
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
  return out.trimEnd();
}

/** Splits the layout body into one list of lines per numbered field. */
function fieldSections(lines: string[]): string[][] {
  const sections: string[][] = [];
  for (const line of lines) {
    if (FIELD_HEADER.test(line)) sections.push([line]);
    else sections.at(-1)?.push(line);
  }
  return sections;
}

/** The layout's prose about a field: from its position line to its aliases. */
function describe(section: string[]): string {
  const start = section.findIndex((l) => POSITION.test(l)) + 1;
  const out: string[] = [];
  for (const line of section.slice(start)) {
    if (SECTION_END.test(line)) break;
    if (line.trim()) out.push(line.trim());
  }
  return out.join(' ').replace(/\s+/g, ' ');
}

function codesBlock(section: string[]): string[] {
  const start = section.findIndex((l) => /^\s*CODES\s*:/.test(l));
  if (start === -1) return [];
  const block: string[] = [];
  for (const line of section.slice(start + 1)) {
    if (SECTION_END.test(line)) break;
    block.push(line);
  }
  return block;
}

/**
 * Parses "XX = meaning" entries. A line indented past the code column
 * continues the entry above it; an entry indented past the code column is a
 * sub-code of the entry above (lab certification); a line at the code column
 * that is not an entry is a heading (pricing: the fee schedule), possibly over
 * two lines, each underlined with dashes.
 */
export function parseEntries(lines: string[]): Record<string, CodeMeaning> {
  const table: Record<string, CodeMeaning> = {};
  let codeColumn: number | undefined;
  let heading: string[] = [];
  let group: string | undefined;
  let last: { code: string; indent: number } | undefined;
  let parent: string | undefined;
  for (const line of lines) {
    const text = line.trim();
    if (!text) {
      last = undefined;
      continue;
    }
    if (/^-+$/.test(text)) continue;
    const entry = ENTRY.exec(line);
    const indent = line.length - line.trimStart().length;
    if (entry && (codeColumn === undefined || indent >= codeColumn)) {
      codeColumn ??= indent;
      if (heading.length > 0) {
        group = heading.join(' ');
        heading = [];
      }
      const code = entry[2]!;
      const meaning: CodeMeaning = { meaning: entry[3]!.trim() };
      if (group) meaning.group = group;
      if (indent > codeColumn && parent) meaning.parent = parent;
      else parent = code;
      table[code] = meaning;
      last = { code, indent };
    } else if (last && indent > (codeColumn ?? 0)) {
      const entryOf = table[last.code]!;
      entryOf.meaning = `${entryOf.meaning} ${text}`.trim();
    } else {
      heading.push(text);
      last = undefined;
    }
  }
  return table;
}

/**
 * The ASC group field has no CODES list: its edit rules name the one value
 * ("CODE: YY") and what a blank means, and its description says what YY means.
 */
function ascTable(section: string[], description: string): Record<string, CodeMeaning> {
  const text = section.join('\n');
  const table: Record<string, CodeMeaning> = {};
  const code = /CODE:\s*([A-Z]{2})/.exec(text)?.[1];
  if (code) {
    const sentence = description.split(/(?<=\.)\s+/).find((s) => s.includes(`'${code}'`)) ?? description;
    table[code] = { meaning: sentence.trim() };
  }
  const blank = /BLANK\s*=\s*(.+)/.exec(text)?.[1];
  if (blank) table[''] = { meaning: blank.trim() };
  return table;
}

function appendixTables(lines: string[]): Partial<Record<TableName, Record<string, CodeMeaning>>> {
  const out: Partial<Record<TableName, Record<string, CodeMeaning>>> = {};
  let current: TableName | undefined;
  let block: string[] = [];
  const flush = () => {
    if (current) out[current] = parseEntries(block);
    block = [];
  };
  for (const line of lines) {
    const name = /^\s*([A-Z_]+_TB)\b/.exec(line)?.[1];
    if (name) {
      flush();
      current = APPENDIX_TABLES[name];
      continue;
    }
    if (current) block.push(line);
  }
  flush();
  return out;
}
