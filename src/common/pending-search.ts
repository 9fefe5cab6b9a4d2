/**
 * A search the popup should open with, handed over by the worker (context
 * menu lookup where no tooltip could be shown): only the code tokens of the
 * selection. The toolbar popup and the small window alike read it from
 * session storage (in memory, removed once read); a window's address holds
 * only the tab it is about, never the search.
 */
export const PENDING_SEARCH_KEY = 'pendingSearch';
/** A hand-over older than this was not for the popup being opened now. */
const PENDING_SEARCH_TTL_MS = 30_000;

export interface PendingSearch {
  query: string;
  /** The tab the selection was in: the popup's "this page" refers to it. */
  tabId?: number | undefined;
  at: number;
}

export function popupUrl(pending: Pick<PendingSearch, 'tabId'>): string {
  const params = new URLSearchParams({ window: '1' });
  if (pending.tabId !== undefined) params.set('tab', String(pending.tabId));
  return `/src/popup/index.html?${params}`;
}

export function isPendingSearch(value: unknown, now: number): value is PendingSearch {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.query === 'string' && typeof v.at === 'number' && now - v.at < PENDING_SEARCH_TTL_MS && (v.tabId === undefined || Number.isInteger(v.tabId));
}
