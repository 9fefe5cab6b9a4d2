import type { CodeTables } from './code-tables';
import type { HcpcsRecord } from './record';
import type { ReleaseInfo } from './release';

/** What a dataset says about its release, besides the records themselves. */
export interface DatasetMeta {
  release: ReleaseInfo;
  tables: CodeTables;
  /** The record layout's own explanation of each field, keyed by record field name. */
  fieldHelp: Readonly<Partial<Record<keyof HcpcsRecord, string>>>;
  /** Processing notes (HCPCS manual appendix A) by their four-digit number. */
  notes: Readonly<Record<string, string>>;
}

/** Everything the extension knows, converted from one CMS release. */
export interface Dataset extends DatasetMeta {
  /** Modifiers, then codes, in the file's order (which is code order). */
  records: readonly HcpcsRecord[];
}

/** A dataset file opened for lookups: records are decoded when first asked for. */
export interface OpenDataset {
  meta: DatasetMeta;
  /** Every code and modifier, in file order. */
  codes: readonly string[];
  record(code: string): HcpcsRecord | undefined;
  /**
   * Checks lines `from` to `to` (all by default): code shape and order, and
   * every field of each record. Throws DatasetError on the first fault;
   * returns where it stopped, so a caller can check a slice at a time.
   */
  verify(from?: number, to?: number): number;
  /** How many records the dataset holds. */
  readonly size: number;
  /** Every record, decoded. */
  all(): HcpcsRecord[];
}
