/** What the page marker (page-marker.ts, in the marking part) is given by the session that creates it. */
import type { PageScanner } from '../finding/page-scanner';
import type { LookupClient } from '../lookup-client';
import type { ServiceDatePart } from '../parts/service-date-part';

export interface MarkerDeps {
  doc: Document;
  client: LookupClient;
  /** The tooltip's host, whose moves are no change to the page. */
  host(): Element | undefined;
  /** The session's detection (finding/page-scanner.ts). */
  scanner: PageScanner;
  checkDates(): boolean;
  /** The date-of-service part, asked for only when a code is found where a date may be. */
  loadDates(): Promise<ServiceDatePart | undefined>;
}
