/**
 * "Mark codes on the page" (marking/): needed only while it is on. With
 * marking on, the worker registers this part with the session from
 * document_start (background/session-registration.ts); turned on in an open
 * tab, the session asks for it.
 */
import { PageMarker } from '../marking/page-marker';
import { registerPart } from './part-registry';

const exports = { PageMarker };
export type MarkingPart = typeof exports;

registerPart('marking', exports);
