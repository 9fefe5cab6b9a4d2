/**
 * The codes "mark codes" shows as not valid on their row's date of service:
 * a highlight of their own, over the tint of every code, filled from what the
 * page marker has just found near the screen. Cautions (a period across an
 * added or termination date), neutral and unreadable dates get no mark.
 * Part of marking (parts/marking-part.ts); the dates are read by the
 * date-of-service part: there from the page's start while marking and the
 * check are on, else asked for the first time marking finds a code where a
 * date may be (date-places.ts), after which the page is marked again.
 */
import type { ServiceDate } from '../../hcpcs/service-date';
import type { LookupClient } from '../lookup-client';
import type { NodeCode } from '../finding/page-scan';
import type { ServiceDatePart } from '../parts/service-date-part';
import { mayHaveServiceDate } from './date-places';
import { registeredPart } from '../parts/part-registry';
import type { DateContext } from './service-date-of';

export interface DateMarksDeps {
  client: LookupClient;
  /** The highlight's name, in the marker's style sheet with the rule of invalid-mark-rule.ts. */
  name: string;
  enabled(): boolean;
  loadPart(): Promise<ServiceDatePart | undefined>;
  /** The part arrived: what is marked is marked again, with the dates. */
  onPart(): void;
}

export class DateMarks {
  readonly #d: DateMarksDeps;
  #part: ServiceDatePart | undefined;
  #asked = false;
  #highlight: Highlight | undefined;
  #context: DateContext | undefined;
  readonly #ranges = new Map<Text, StaticRange[]>();

  constructor(deps: DateMarksDeps) {
    this.#d = deps;
  }

  /** Registered with the first code to mark: a page with none has only the tint's highlight, as without the check. */
  start(): void {
    this.#highlight = new Highlight();
    // Painted over the tint of the same code.
    this.#highlight.priority = 1;
  }

  stop(): void {
    CSS.highlights.delete(this.#d.name);
    this.#highlight = undefined;
    this.#ranges.clear();
    this.reset();
  }

  /** Headers may have changed: each table's date columns are read again. */
  reset(): void {
    this.#context = this.#part?.newDateContext();
  }

  unmark(node: Text): void {
    const ranges = this.#ranges.get(node);
    if (!ranges) return;
    for (const r of ranges) this.#highlight?.delete(r);
    this.#ranges.delete(node);
  }

  /** Marks the codes of `found` (known to the dataset) that their date of service rules out; `current` says the pass still counts. */
  async mark(found: readonly [Text, NodeCode[]][], known: (code: string) => boolean, current: () => boolean): Promise<void> {
    if (!this.#highlight || !this.#d.enabled()) return;
    // Registered before the session (with marking and the check on, background/session-registration.ts): taken at once, nothing read twice.
    const part = (this.#part ??= registeredPart('service-date'));
    if (!part) return this.#askForPart(found);
    const today = part.today();
    const context = (this.#context ??= part.newDateContext());
    const dated: [Text, Place, ServiceDate][] = [];
    for (const [node, codes] of found) {
      this.unmark(node);
      for (const c of codes) {
        const place = placeOf(c);
        if (!place || !known(place.code)) continue;
        const service = part.serviceDateOfText(place.node, place.start, today, context);
        if (service && !('unreadable' in service)) dated.push([node, place, service]);
      }
    }
    if (dated.length === 0) return;
    // Without the dates (the worker failed) the tint stays as it is: this mark is the extra.
    const answer = await this.#d.client.codeDates(dated.map(([, c]) => c.code)).catch(() => undefined);
    const highlight = this.#highlight;
    if (!answer || !highlight || !current()) return;
    for (const [node, c, service] of dated) {
      if (part.serviceVerdict(answer.dates(c.code), service, answer.release).kind !== 'not-valid') continue;
      if (!CSS.highlights.has(this.#d.name)) CSS.highlights.set(this.#d.name, highlight);
      const range = new StaticRange({ startContainer: c.node, startOffset: c.start, endContainer: c.node, endOffset: c.end });
      highlight.add(range);
      const list = this.#ranges.get(node);
      if (list) list.push(range);
      else this.#ranges.set(node, [range]);
    }
  }

  /** The first code found where a date may be: the part is asked for, once (again after a failure). */
  #askForPart(found: readonly [Text, NodeCode[]][]): void {
    if (this.#asked || !found.some(([, codes]) => codes.some(mayHaveDate))) return;
    this.#asked = true;
    void this.#d.loadPart().then((part) => {
      this.#asked = false;
      if (!part || this.#part) return;
      this.#part = part;
      this.reset();
      this.#d.onPart();
    });
  }
}

function mayHaveDate(c: NodeCode): boolean {
  const at = c.at(c.candidate.start, false);
  return at !== undefined && mayHaveServiceDate(at);
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
