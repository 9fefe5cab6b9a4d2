/**
 * The one message protocol of the extension. Each request names its params
 * and result; a handler map typed over it fails to compile when a request has
 * no handler. Requests are verbs; every reply is { result } or { error }.
 */
import type { ReleaseInfo } from '../hcpcs/release';
import type { SearchHit } from '../hcpcs/search';
import type { DetailLevel } from '../hcpcs/detail-level';
import type { LookupItem, TooltipModel } from '../hcpcs/tooltip-model';

/** Requests the background worker answers (content script → worker, popup/options → worker). */
export interface BackgroundApi {
  lookupCodes: {
    params: { items: LookupItem[]; level?: DetailLevel; asOf?: string };
    result: TooltipModel;
  };
  searchCodes: {
    params: { query: string; category?: string; includeTerminated?: boolean; limit?: number; asOf?: string };
    result: { hits: SearchHit[]; release: string };
  };
  /**
   * The popup asks for this as it opens: the search index is built while the
   * user starts typing, not after the first keystroke.
   */
  prepareSearch: {
    params: Record<string, never>;
    result: { ready: true };
  };
  getDatasetInfo: {
    params: Record<string, never>;
    result: { release: ReleaseInfo; label: string; stale?: string };
  };
}

/** Requests a content script answers (worker or popup → one frame of a tab). */
export interface ContentApi {
  /** Context menu "Look up HCPCS code": show the tooltip for the codes in the selection. */
  showSelectionLookup: {
    params: { text: string };
    result: { shown: boolean };
  };
  /** Popup "Codes on this page": the codes this frame shows, with how often each appears. */
  listPageCodes: {
    params: Record<string, never>;
    result: { codes: PageCode[] };
  };
}

export interface PageCode {
  code: string;
  count: number;
}

export type Api = BackgroundApi | ContentApi;
export type Params<A, K extends keyof A> = A[K] extends { params: infer P } ? P : never;
export type Result<A, K extends keyof A> = A[K] extends { result: infer R } ? R : never;

export interface Request<A, K extends keyof A = keyof A> {
  type: K;
  params: Params<A, K>;
}

export type Reply<T> = { result: T } | { error: string };

/** Most codes a single request may carry: a whole claim, not a whole page. */
export const MAX_LOOKUP_ITEMS = 500;
export const MAX_QUERY_LENGTH = 200;
/** What a lookup may ask about: an HCPCS code, a CPT code, or a modifier. */
export const LOOKUP_CODE = /^(?:[A-Z]\d{4}|\d{4}[0-9A-Z]|[A-Z0-9]{2})$/;
