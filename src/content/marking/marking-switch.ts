/**
 * "Mark codes" as the session turns it on and off. The marker itself is a
 * part of its own (parts/marking-part.ts): registered with the session from
 * document_start while marking is on, asked for when it is turned on in an
 * open tab, never fetched by a page where it stays off.
 */
import { pageScanner } from '../finding/page-scanner';
import type { LookupClient } from '../lookup-client';
import { loadPart } from '../parts/part-loader';
import type { PageMarker } from './page-marker';

export class MarkingSwitch {
  readonly #doc: Document;
  readonly #client: LookupClient;
  readonly #host: () => Element | undefined;
  readonly #checkDates: () => boolean;
  #marker: PageMarker | undefined;
  #wanted = false;

  constructor(doc: Document, client: LookupClient, host: () => Element | undefined, checkDates: () => boolean) {
    this.#doc = doc;
    this.#client = client;
    this.#host = host;
    this.#checkDates = checkDates;
  }

  start(): void {
    this.#wanted = true;
    if (this.#marker) return this.#marker.start();
    void loadPart('marking').then((part) => {
      if (!part || !this.#wanted) return;
      this.#marker ??= new part.PageMarker({
        doc: this.#doc,
        client: this.#client,
        host: this.#host,
        scanner: pageScanner,
        checkDates: this.#checkDates,
        loadDates: () => loadPart('service-date'),
      });
      this.#marker.start();
    });
  }

  stop(): void {
    this.#wanted = false;
    this.#marker?.stop();
  }
}
