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
  /**
   * Which of these codes and modifiers the dataset holds. The content script
   * has no dataset: it asks before showing a tooltip or marking a code.
   */
  findKnownCodes: {
    params: { codes: string[] };
    result: { known: string[] };
  };
  /**
   * The added and termination dates of these codes and modifiers, and the
   * release: marking judges each code against its row's date of service
   * without asking for a tooltip. Codes the dataset lacks are left out.
   */
  findCodeDates: {
    params: { codes: string[] };
    result: { release: Pick<ReleaseInfo, 'year' | 'quarter' | 'effective'>; dates: [code: string, added: string, termination: string][] };
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
  /**
   * A frame too small for the tooltip asks the top frame of its tab to show
   * it. The worker relays it, so the top frame knows it comes from this
   * extension (never from page postMessage traffic). `token` pairs it with the
   * code's position, which the frames pass up to the top one by one.
   */
  showInTopFrame: {
    params: { token: string; items: LookupItem[] };
    result: { shown: boolean };
  };
  /**
   * The pointer left the code in the small frame: the top frame hides that
   * tooltip, unless the pointer is on it or it is pinned (`force`: Escape).
   */
  hideInTopFrame: {
    params: { token: string; force?: boolean };
    result: { hidden: boolean };
  };
  /**
   * A frame's bootstrap content script saw the pointer rest (or a field
   * focused, a trigger key, a child frame calling): the worker starts the
   * session in that frame (content/session.ts).
   */
  startSession: {
    params: Record<string, never>;
    result: { started: boolean };
  };
}

/** Requests a content script's session answers (worker or popup → one frame of a tab; see common/session-script.ts). */
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
  /** Relayed showInTopFrame, to the top frame. */
  showFrameTooltip: {
    params: { token: string; items: LookupItem[] };
    result: { shown: boolean };
  };
  /** Relayed hideInTopFrame, to the top frame. */
  hideFrameTooltip: {
    params: { token: string; force?: boolean };
    result: { hidden: boolean };
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
/** Most tokens one findKnownCodes may ask about: a chunk of a page being marked. */
export const MAX_KNOWN_CODES = 2000;
export const MAX_QUERY_LENGTH = 200;
/** Most text a selection lookup takes (a few lines of a claim). */
export const MAX_SELECTION_LENGTH = 2000;
