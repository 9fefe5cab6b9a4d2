/**
 * The date-of-service check as the hover uses it: the date a code's row,
 * form line or X12 loop gives, and a code the release lacks billed on a
 * date. The reading itself is a part of its own (parts/service-date-part.ts),
 * asked for when the session starts on a page with a table, form or
 * preformatted text (so it is there when the first dwell ends), or when a
 * hover finds a code where a date may be. A tooltip waits for it rather than
 * show a code without its verdict.
 */
import type { Settings } from '../../common/settings';
import type { CodeCandidate } from '../../hcpcs/code-pipeline';
import type { LookupItem } from '../../hcpcs/tooltip-model';
import type { FoundCode } from '../finding/code-at-point';
import type { LookupClient } from '../lookup-client';
import { loadPart } from '../parts/part-loader';
import { mayHaveServiceDate, pageMayHaveServiceDates } from './date-places';

export class ServiceDates {
  readonly #settings: () => Settings;
  readonly #client: LookupClient;

  constructor(settings: () => Settings, client: LookupClient) {
    this.#settings = settings;
    this.#client = client;
  }

  /** With the check on, where the page may hold dates: the part is asked for now, while the pointer still rests. */
  prepare(doc: Document): void {
    if (this.#settings().checkDateOfService && pageMayHaveServiceDates(doc)) void loadPart('service-date');
  }

  /** A code found where a date may be: the part is asked for while the worker looks the code up. */
  prefetch(at: FoundCode['at']): void {
    if (this.#settings().checkDateOfService && mayHaveServiceDate(at)) void loadPart('service-date');
  }

  /** The item with the date of service its place gives, when the check is on. */
  async withServiceDate(item: LookupItem, at: FoundCode['at']): Promise<LookupItem> {
    if (item.service || !this.#settings().checkDateOfService || !mayHaveServiceDate(at)) return item;
    const part = await loadPart('service-date');
    const service = part?.serviceDateAt(at);
    return service ? { ...item, service } : item;
  }

  /** A code the release lacks, billed on a date in a procedure column or X12 line: said to be not in the release. */
  async unlisted(candidate: CodeCandidate, at: FoundCode['at']): Promise<{ item: LookupItem; start: number; end: number } | undefined> {
    if (!this.#settings().checkDateOfService || !mayHaveServiceDate(at)) return undefined;
    const part = await loadPart('service-date');
    const item = part?.unlistedCode(candidate, at);
    // A real code the detector turned down ("E1392XY" is some other token) stays turned down. Answered from the cache.
    if (!item || (await this.#client.known([item.code]).catch(() => () => true))(item.code)) return undefined;
    return { item, start: candidate.start, end: candidate.end };
  }
}
