/**
 * The one message protocol of the extension. Each request names its params
 * and result; a handler map typed over it fails to compile when a request has
 * no handler. Requests are verbs; every reply is { result } or { error }.
 */
import type { ContentPart } from './content-parts';
import type { EncodedCodeSet } from '../hcpcs/code-set';
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
   * Every code and modifier of the release (hcpcs/code-set.ts), for a page
   * being marked: rows it jumps to are then marked without asking.
   */
  listKnownCodes: {
    params: Record<string, never>;
    result: EncodedCodeSet;
  };
  /**
   * The CMS descriptions of these modifiers, so the content script can check
   * that the words after a modifier standing alone say what it means (a
   * modifier list). Only modifier tokens go out; the page's words stay.
   */
  findModifierMeanings: {
    params: { codes: string[] };
    result: { meanings: ModifierMeaningEntry[] };
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
    /** `changed`: only what changed in the active release (an empty query lists it all). */
    params: { query: string; category?: string; includeTerminated?: boolean; limit?: number; asOf?: string; changed?: boolean };
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
    result: { release: ReleaseInfo; label: string; stale?: string; source: ReleaseSourceInfo };
  };
  /**
   * The options page stored a CMS release the user loaded, or removed it: the
   * worker reads which release is active again (common/release-store.ts).
   */
  reloadRelease: {
    params: Record<string, never>;
    result: { label: string };
  };
  /**
   * A frame too small for the tooltip, with the top page's origin all the way
   * up, asks the top frame of its tab to show it (content/frames/frame-relay.ts).
   * The worker relays it, so the top frame knows it comes from this
   * extension; nothing goes between frames through the page. `anchor` is the
   * code's box in the top page's viewport, `path` the frame's place among the
   * top's frames (`top.frames[path[0]].frames[path[1]]…`), `token` pairs the
   * later hide with this show.
   */
  showInTopFrame: {
    params: FrameTooltip;
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
   * A frame's bootstrap content script saw the pointer rest (or the user
   * focus a field, press a trigger key): the worker starts the session in
   * that frame (content/session.ts).
   */
  startSession: {
    params: Record<string, never>;
    result: { started: boolean };
  };
  /**
   * A frame's session needs one of its parts (common/content-parts.ts): the
   * worker injects it into that frame, as it does the session.
   */
  loadContentPart: {
    params: { part: ContentPart };
    result: { loaded: boolean };
  };
  /**
   * Escape in a frame with no tooltip of its own: a tooltip may be open in
   * another frame of the tab, which this frame cannot see. The worker asks
   * every frame of the sender's tab to hide its tooltip.
   */
  dismissTooltips: {
    params: Record<string, never>;
    result: { sent: boolean };
  };
  /**
   * A frame below a cross-origin one shows a tooltip of its own: it cannot
   * see the page above it scroll, so the worker asks the top frame to say
   * when it does (then every frame's tooltip goes: dismissTooltips).
   */
  watchTabScroll: {
    params: Record<string, never>;
    result: { watching: boolean };
  };
  /**
   * The host of the sender's tab (its top page), for the site rules of a
   * frame: Firefox has no location.ancestorOrigins, and Chromium hides it
   * from a frame loaded with referrerpolicy="no-referrer".
   */
  getTabHost: {
    params: Record<string, never>;
    result: { host?: string };
  };
}

/** A child frame's tooltip, shown by the top frame (see showInTopFrame). */
export interface FrameTooltip {
  token: string;
  items: LookupItem[];
  anchor: { left: number; top: number; width: number; height: number };
  path: number[];
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
    params: FrameTooltip;
    result: { shown: boolean };
  };
  /** Relayed dismissTooltips (Escape elsewhere in the tab), to every frame: hide the tooltip, pinned or not. */
  hideTooltip: {
    params: Record<string, never>;
    result: { hidden: boolean };
  };
  /** Relayed watchTabScroll, to the top frame: on the page's next scroll, dismiss every tooltip of the tab. */
  dismissOnScroll: {
    params: Record<string, never>;
    result: { watching: boolean };
  };
  /**
   * The extension's keyboard command, to the focused frame: the tooltip of
   * the code in the focused field, or else of the selection. For keyboard
   * and screen-reader users, whose focus may move without Tab or a press.
   */
  showFocusedTooltip: {
    params: Record<string, never>;
    result: { shown: boolean };
  };
  /** Relayed hideInTopFrame, to the top frame. */
  hideFrameTooltip: {
    params: { token: string; force?: boolean };
    result: { hidden: boolean };
  };
}

export interface ModifierMeaningEntry {
  code: string;
  long: string;
  short: string;
}

/** Where the active release came from: bundled with the extension, or loaded by the user from a CMS file. */
export type ReleaseSourceInfo = { kind: 'bundled' } | { kind: 'loaded'; fileName: string; loadedAt: string; inputSha256: string };

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
/** Most modifiers one findModifierMeanings may ask about (CMS defines about 400). */
export const MAX_MEANING_CODES = 500;
/** A modifier's long description, cut to what the comparison reads. */
export const MEANING_LENGTH = 240;
export const MAX_QUERY_LENGTH = 200;
/** Most text a selection lookup takes (a few lines of a claim). */
export const MAX_SELECTION_LENGTH = 2000;
