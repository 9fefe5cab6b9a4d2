/**
 * The content script's side of the protocol: asks the worker which codes
 * exist and what a tooltip says, keeping the last few answers. Only code
 * tokens ever leave the page; page text stays in it.
 */
import { MAX_KNOWN_CODES } from '../common/messages';
import { sendToBackground } from '../common/send';
import type { DetailLevel } from '../hcpcs/detail-level';
import type { LookupItem, TooltipModel } from '../hcpcs/tooltip-model';
import { modelKey, type ModelKeyInputs } from './model-key';

const MAX_KNOWN_ENTRIES = 8192;
const MAX_MODELS = 16;

/** What a lookup depends on besides its items and level (model-key.ts): the release and the date of service, when known. */
export type LookupScope = () => Pick<ModelKeyInputs, 'release' | 'asOf'>;

export class LookupClient {
  readonly #known = new Map<string, boolean>();
  readonly #models = new Map<string, TooltipModel>();
  readonly #now: () => Date;
  readonly #scope: LookupScope;

  constructor(now: () => Date = () => new Date(), scope: LookupScope = () => ({})) {
    this.#now = now;
    this.#scope = scope;
  }

  /** Whether each token is in the dataset; asks the worker only about tokens not asked before. */
  async known(tokens: Iterable<string>): Promise<(code: string) => boolean> {
    const ask = [...new Set(tokens)].filter((t) => !this.#known.has(t));
    for (let i = 0; i < ask.length; i += MAX_KNOWN_CODES) {
      const batch = ask.slice(i, i + MAX_KNOWN_CODES);
      const { known } = await sendToBackground('findKnownCodes', { codes: batch });
      const yes = new Set(known);
      if (this.#known.size + batch.length > MAX_KNOWN_ENTRIES) this.#known.clear();
      for (const t of batch) this.#known.set(t, yes.has(t));
    }
    return (code) => this.#known.get(code) === true;
  }

  /** The tooltip model for these items at this level; the last few are kept. */
  async model(items: LookupItem[], level: DetailLevel): Promise<TooltipModel> {
    const { release, asOf } = this.#scope();
    const key = modelKey({ items, level, day: this.#now().toDateString(), release, asOf });
    const hit = this.#models.get(key);
    if (hit) {
      this.#models.delete(key);
      this.#models.set(key, hit);
      return hit;
    }
    const model = await sendToBackground('lookupCodes', asOf ? { items, level, asOf } : { items, level });
    this.#models.set(key, model);
    if (this.#models.size > MAX_MODELS) this.#models.delete(this.#models.keys().next().value!);
    return model;
  }

  /** Settings changed: answers may differ (the key also holds the level; this frees the memory). */
  forgetModels(): void {
    this.#models.clear();
  }
}
