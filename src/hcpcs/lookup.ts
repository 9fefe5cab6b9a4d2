import type { DatasetMeta, OpenDataset } from './dataset';
import type { HcpcsRecord } from './record';

/** The dataset of one worker life: records by code, decoded as they are asked for. */
export class HcpcsLookup {
  readonly dataset: DatasetMeta;
  readonly #open: OpenDataset;
  /** HCPCS codes (not modifiers) in code order, for prefix search. */
  readonly codeList: readonly string[];

  constructor(open: OpenDataset) {
    this.#open = open;
    this.dataset = open.meta;
    this.codeList = open.codes.filter((code) => code.length === 5);
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
}
