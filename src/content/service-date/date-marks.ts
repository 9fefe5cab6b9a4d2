/**
 * The codes "mark codes" shows as not valid on their row's date of service:
 * a highlight of their own, over the tint of every code, filled from what the
 * page marker has just found near the screen. Cautions (a period across an
 * added or termination date), neutral and unreadable dates get no mark.
 */
import { localIsoDate } from '../../hcpcs/dates';
import type { ServiceDate } from '../../hcpcs/service-date';
import { serviceVerdict } from '../../hcpcs/service-date-verdict';
import type { LookupClient } from '../lookup-client';
import type { NodeCode } from '../finding/page-scan';
import { randomHighlightName } from '../marking/highlight-rule';
import { invalidMarkRule } from './invalid-mark-rule';
import { newDateContext, serviceDateOfText, type DateContext } from './service-date-of';

export class DateMarks {
  /** Random, as the tint's: a page cannot probe for it by name. */
  readonly name = randomHighlightName();
  readonly #client: LookupClient;
  readonly #enabled: () => boolean;
  #highlight: Highlight | undefined;
  #context: DateContext = newDateContext();
  readonly #ranges = new Map<Text, StaticRange[]>();

  constructor(client: LookupClient, enabled: () => boolean) {
    this.#client = client;
    this.#enabled = enabled;
  }

  rule(): string {
    return invalidMarkRule(this.name);
  }

  /** Registered with the first code to mark: a page with none has only the tint's highlight, as without the check. */
  start(): void {
    this.#highlight = new Highlight();
    // Painted over the tint of the same code.
    this.#highlight.priority = 1;
  }

  stop(): void {
    CSS.highlights.delete(this.name);
    this.#highlight = undefined;
    this.#ranges.clear();
    this.reset();
  }

  /** Headers may have changed: each table's date columns are read again. */
  reset(): void {
    this.#context = newDateContext();
  }

  unmark(node: Text): void {
    const ranges = this.#ranges.get(node);
    if (!ranges) return;
    for (const r of ranges) this.#highlight?.delete(r);
    this.#ranges.delete(node);
  }

  /** Marks the codes of `found` (known to the dataset) that their date of service rules out; `current` says the pass still counts. */
  async mark(found: readonly [Text, NodeCode[]][], known: (code: string) => boolean, current: () => boolean): Promise<void> {
    if (!this.#highlight || !this.#enabled()) return;
    const today = localIsoDate();
    const dated: [Text, Place, ServiceDate][] = [];
    for (const [node, codes] of found) {
      this.unmark(node);
      for (const c of codes) {
        const place = placeOf(c);
        if (!place || !known(place.code)) continue;
        const service = serviceDateOfText(place.node, place.start, today, this.#context);
        if (service && !('unreadable' in service)) dated.push([node, place, service]);
      }
    }
    if (dated.length === 0) return;
    // Without the dates (the worker failed) the tint stays as it is: this mark is the extra.
    const answer = await this.#client.codeDates(dated.map(([, c]) => c.code)).catch(() => undefined);
    const highlight = this.#highlight;
    if (!answer || !highlight || !current()) return;
    for (const [node, c, service] of dated) {
      if (serviceVerdict(answer.dates(c.code), service, answer.release).kind !== 'not-valid') continue;
      if (!CSS.highlights.has(this.name)) CSS.highlights.set(this.name, highlight);
      const range = new StaticRange({ startContainer: c.node, startOffset: c.start, endContainer: c.node, endOffset: c.end });
      highlight.add(range);
      const list = this.#ranges.get(node);
      if (list) list.push(range);
      else this.#ranges.set(node, [range]);
    }
  }
}

/** A code as one text node holds it; a code split over inline nodes gets no date mark (the tint still shows it). */
interface Place {
  code: string;
  node: Text;
  start: number;
  end: number;
}

function placeOf(c: NodeCode): Place | undefined {
  const start = c.at(c.candidate.start, false);
  const end = c.at(c.candidate.end, true);
  if (!start || !end || start.node !== end.node || end.offset > end.node.length) return undefined;
  return { code: c.candidate.code, node: start.node, start: start.offset, end: end.offset };
}
