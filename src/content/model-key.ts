/**
 * What a cached tooltip depends on, as one key: a cached answer is reused
 * only while every input is the same. Status ("Terminating", "Terminated")
 * and "New in / Changed in" are worked out for a day, so the day is part of
 * it (a tab left open past midnight asks again); so are the release the
 * worker answers from and the date of service or "as of" date, when given.
 * An input added later (a payer, a locality) goes here and nowhere else.
 */
import type { DetailLevel } from '../hcpcs/detail-level';
import type { LookupItem } from '../hcpcs/tooltip-model';

export interface ModelKeyInputs {
  items: readonly LookupItem[];
  level: DetailLevel;
  /** The local calendar day, in any fixed format (Date.toDateString: no date library in the content script). */
  day: string;
  /** The active release's id, when the session knows it. */
  release?: string;
  /** The date of service or "as of" date, YYYY-MM-DD, when the user gave one. */
  asOf?: string;
}

export function modelKey({ items, level, day, release = '', asOf = '' }: ModelKeyInputs): string {
  return JSON.stringify([level, day, release, asOf, items]);
}
