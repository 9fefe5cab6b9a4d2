import type { DatasetMeta, OpenDataset } from './dataset';
import type { HcpcsRecord } from './record';

/** The dataset of one worker life: records by code, decoded as they are asked for. */
export class HcpcsLookup {
  readonly dataset: DatasetMeta;
  readonly #open: OpenDataset;
  #codeList: readonly string[] | undefined;

  constructor(open: OpenDataset) {
    this.#open = open;
    this.dataset = open.meta;
  }

  /** HCPCS codes (not modifiers) in code order, for prefix search; listed on first use. */
  get codeList(): readonly string[] {
    return (this.#codeList ??= this.#open.codes.filter((code) => code.length === 5));
  }

  /** Every code and modifier, in file order. */
  get codesAndModifiers(): readonly string[] {
    return this.#open.codes;
  }

  /** The HCPCS code (E1392) of that exact spelling, or undefined. */
  code(code: string): HcpcsRecord | undefined {
    return code.length === 5 ? this.#open.record(code) : undefined;
  }

  /** The Level II modifier (RR) of that exact spelling, or undefined. */
  modifier(code: string): HcpcsRecord | undefined {
    return code.length === 2 ? this.#open.record(code) : undefined;
  }

  /** Every record, decoding all that were not yet. */
  all(): readonly HcpcsRecord[] {
    return this.#open.all();
  }

  /** Checks records from..to of the dataset; returns where it stopped (see OpenDataset.verify). */
  verify(from?: number, to?: number): number {
    return this.#open.verify(from, to);
  }

  get size(): number {
    return this.#open.size;
  }
}
