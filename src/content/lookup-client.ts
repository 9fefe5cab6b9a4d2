/**
 * The content script's side of the protocol: asks the worker which codes
 * exist and what a tooltip says, keeping the last few answers. Only code
 * tokens ever leave the page; page text stays in it.
 */
import { MAX_KNOWN_CODES, MAX_MEANING_CODES } from '../common/messages';
import { meaningsToCheck, tokensToCheck, type CodeCandidate, type ModifierMeaning } from '../hcpcs/code-pipeline';
import { sendToBackground } from '../common/send';
import type { decodeCodeSet } from '../hcpcs/code-set';
import type { DetailLevel } from '../hcpcs/detail-level';
import type { ReleaseInfo } from '../hcpcs/release';
import type { ValidityDates } from '../hcpcs/service-date-verdict';
import type { LookupItem, TooltipModel } from '../hcpcs/tooltip-model';
import { modelKey, type ModelKeyInputs } from './model-key';

const MAX_KNOWN_ENTRIES = 8192;

export interface CodeDates {
  release: Pick<ReleaseInfo, 'year' | 'quarter' | 'effective'>;
  /** A code's CMS dates; undefined when the dataset lacks it. */
  dates(code: string): ValidityDates | undefined;
}
const MAX_MODELS = 16;

/** What a lookup depends on besides its items and level (model-key.ts): the release and the date of service, when known. */
export type LookupScope = () => Pick<ModelKeyInputs, 'release' | 'asOf'>;

export interface Dictionary {
  known: (code: string) => boolean;
  meaning: (code: string) => ModifierMeaning | undefined;
}

export class LookupClient {
  readonly #known = new Map<string, boolean>();
  readonly #models = new Map<string, TooltipModel>();
  /** Modifier descriptions (null: not a modifier); CMS has a few hundred, all may be kept. */
  readonly #meanings = new Map<string, ModifierMeaning | null>();
  readonly #dates = new Map<string, ValidityDates | null>();
  /** Every code of the release, once asked for (loadCodeSet): which tokens are codes is then known here. */
  #codeSet: ((code: string) => boolean) | undefined;
  #codeSetAsked: Promise<void> | undefined;
  #release: Pick<ReleaseInfo, 'year' | 'quarter' | 'effective'> | undefined;
  readonly #now: () => Date;
  readonly #scope: LookupScope;

  constructor(now: () => Date = () => new Date(), scope: LookupScope = () => ({})) {
    this.#now = now;
    this.#scope = scope;
  }

  /** Whether each token is in the dataset; asks the worker only about tokens not asked before. */
  async known(tokens: Iterable<string>): Promise<(code: string) => boolean> {
    if (this.#codeSet) return this.#codeSet;
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

  /**
   * Asks once for every code of the release (hcpcs/code-set.ts): a page
   * being marked then finds the codes of rows it jumps to without a round
   * trip, in the frame that shows them. Without it, tokens are asked about.
   * The decoder comes from the caller (the marking part), so pages that are
   * not marked do not carry it.
   */
  loadCodeSet(decode: typeof decodeCodeSet): Promise<void> {
    const asked = (this.#codeSetAsked ??= sendToBackground('listKnownCodes', {}).then(
      (set) => {
        if (this.#codeSetAsked === asked) this.#codeSet = decode(set);
      },
      () => {
        if (this.#codeSetAsked === asked) this.#codeSetAsked = undefined;
      },
    ));
    return asked;
  }

  /** The CMS descriptions of these modifiers; asks the worker only about those not asked before. */
  async meanings(codes: Iterable<string>): Promise<(code: string) => ModifierMeaning | undefined> {
    const ask = [...new Set(codes)].filter((c) => !this.#meanings.has(c));
    for (let i = 0; i < ask.length; i += MAX_MEANING_CODES) {
      const batch = ask.slice(i, i + MAX_MEANING_CODES);
      const { meanings } = await sendToBackground('findModifierMeanings', { codes: batch });
      for (const c of batch) this.#meanings.set(c, null);
      for (const m of meanings) if (batch.includes(m.code)) this.#meanings.set(m.code, { long: m.long, short: m.short });
    }
    return (code) => this.#meanings.get(code) ?? undefined;
  }

  /** What the dataset says about candidates: which of their tokens exist, and the descriptions their claims need. */
  async dictionaryFor(candidates: readonly CodeCandidate[]): Promise<Dictionary> {
    const claims = candidates.flatMap(meaningsToCheck);
    const [known, meaning] = await Promise.all([this.known(candidates.flatMap(tokensToCheck)), claims.length > 0 ? this.meanings(claims) : () => undefined]);
    return { known, meaning };
  }

  /**
   * The added and termination dates of these codes (undefined for a code the
   * dataset lacks) and the release, for marking by date of service; asks the
   * worker only about codes not asked before.
   */
  async codeDates(codes: Iterable<string>): Promise<CodeDates | undefined> {
    const ask = [...new Set(codes)].filter((c) => !this.#dates.has(c));
    for (let i = 0; i < ask.length; i += MAX_KNOWN_CODES) {
      const batch = ask.slice(i, i + MAX_KNOWN_CODES);
      const { release, dates } = await sendToBackground('findCodeDates', { codes: batch });
      this.#release = release;
      if (this.#dates.size + batch.length > MAX_KNOWN_ENTRIES) this.#dates.clear();
      for (const c of batch) this.#dates.set(c, null);
      for (const [code, added, termination] of dates) this.#dates.set(code, { added, termination });
    }
    const release = this.#release;
    return release && { release, dates: (code) => this.#dates.get(code) ?? undefined };
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

  /** Another release serves now: nothing learnt from the one before holds. */
  forgetAll(): void {
    this.#known.clear();
    this.#meanings.clear();
    this.#dates.clear();
    this.#release = undefined;
    this.#models.clear();
    this.#codeSet = undefined;
    this.#codeSetAsked = undefined;
  }
}
