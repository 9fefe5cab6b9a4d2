/**
 * The code tables of the CMS record layout, as the converter reads them from
 * the layout file: what each value of a coded field means.
 */
export interface CodeMeaning {
  meaning: string;
  /** Heading the value is listed under (pricing indicators: the fee schedule). */
  group?: string;
  /** Enclosing value (lab certification: 110 Bacteriology sits under 100 Microbiology). */
  parent?: string;
}

export type CodeTable = Readonly<Record<string, CodeMeaning>>;

export const TABLE_NAMES = [
  'recordId',
  'pricing',
  'multiplePricing',
  'labCertification',
  'coverage',
  'ascGroup',
  'mogGroup',
  'mogPolicy',
  'action',
  'betos',
  'typeOfService',
] as const;

export type TableName = (typeof TABLE_NAMES)[number];

export type CodeTables = Readonly<Record<TableName, CodeTable>>;

/** The meaning of a value, or undefined when the layout does not list it. */
export function meaningOf(table: CodeTable, value: string): CodeMeaning | undefined {
  return Object.hasOwn(table, value) ? table[value] : undefined;
}
