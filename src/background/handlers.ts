/**
 * What the worker does for each request. The map is typed over the protocol,
 * so a request without a handler does not compile. Dependencies come in as
 * arguments so the handlers run in node tests with a real dataset.
 */
import { localIsoDate } from '../hcpcs/dates';
import type { HcpcsLookup } from '../hcpcs/lookup';
import { releaseLabel, staleNotice } from '../hcpcs/release';
import { CodeSearch } from '../hcpcs/search';
import { buildTooltipModel } from '../hcpcs/tooltip-model';
import type { BackgroundApi, ContentApi, Params, Result } from '../common/messages';
import type { Settings } from '../common/settings';

/** Where a request came from: a content script's tab and frame; neither for the extension's own pages. */
export interface RequestOrigin {
  tabId?: number | undefined;
  frameId?: number | undefined;
}

export type Handlers = {
  [K in keyof BackgroundApi]: (params: Params<BackgroundApi, K>, origin: RequestOrigin) => Promise<Result<BackgroundApi, K>>;
};

export interface HandlerDeps {
  /** The whole dataset (search needs every record). */
  getLookup(): Promise<HcpcsLookup>;
  /** A dataset that answers at least for these codes and every modifier (a cold worker reads only those parts); the whole one by default. */
  getLookupFor?(codes: string[]): Promise<HcpcsLookup>;
  getSettings(): Promise<Settings>;
  /** Sends a request to the session of one frame of a tab, starting it there if need be. */
  sendToFrame<K extends keyof ContentApi>(tabId: number, frameId: number, type: K, params: Params<ContentApi, K>): Promise<Result<ContentApi, K>>;
  /** Starts the content script's session in one frame of a tab (scripting.executeScript). */
  startSession(tabId: number, frameId: number): Promise<void>;
  today?: () => string;
}

/** Lets queued requests (a hover's lookup) run between chunks of index building. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createHandlers({ getLookup, getLookupFor = () => getLookup(), getSettings, sendToFrame, startSession, today = () => localIsoDate() }: HandlerDeps): Handlers {
  /** A tooltip names each cross-referenced code's description too: those codes must be in the dataset read. */
  const lookupWithCrossReferences = async (codes: string[]) => {
    const lookup = await getLookupFor(codes);
    const refs = codes.flatMap((code) => lookup.code(code)?.crossReference.filter(Boolean) ?? []);
    return refs.length > 0 ? getLookupFor([...codes, ...refs]) : lookup;
  };
  // The search index costs more than a hover needs: it is built when the
  // popup opens (prepareSearch) or on the first search, once per dataset.
  let search: { lookup: HcpcsLookup; index: Promise<CodeSearch> } | undefined;
  const searchFor = async () => {
    const lookup = await getLookup();
    if (search?.lookup !== lookup) search = { lookup, index: CodeSearch.create(lookup, pause) };
    return { lookup, index: await search.index };
  };
  /** Only a content script in a subframe relays to its own tab's top frame. */
  const topFrameOf = (origin: RequestOrigin) => (origin.tabId !== undefined && origin.frameId !== undefined && origin.frameId !== 0 ? origin.tabId : undefined);
  return {
    async lookupCodes({ items, level, asOf }) {
      const codes = items.flatMap((item) => [item.code, ...(item.modifiers ?? [])]);
      const [lookup, settings] = await Promise.all([lookupWithCrossReferences(codes), level ? undefined : getSettings()]);
      return buildTooltipModel(lookup, items, level ?? settings!.detailLevel, asOf ?? today());
    },
    async findKnownCodes({ codes }) {
      const lookup = await getLookupFor(codes);
      return { known: codes.filter((code) => (code.length === 2 ? lookup.modifier(code) : lookup.code(code)) !== undefined) };
    },
    async findCodeDates({ codes }) {
      const lookup = await getLookupFor(codes);
      const { year, quarter, effective } = lookup.dataset.release;
      const dates = codes.flatMap((code) => {
        const r = code.length === 2 ? lookup.modifier(code) : lookup.code(code);
        return r ? [[code, r.added, r.termination] as [string, string, string]] : [];
      });
      return { release: { year, quarter, effective }, dates };
    },
    async searchCodes({ query, category, includeTerminated, limit, asOf }) {
      const { lookup, index } = await searchFor();
      const hits = index.search(query, {
        today: asOf ?? today(),
        ...(category ? { category } : {}),
        ...(includeTerminated ? { includeTerminated } : {}),
        ...(limit ? { limit } : {}),
      });
      return { hits, release: `CMS HCPCS ${releaseLabel(lookup.dataset.release)}` };
    },
    async prepareSearch() {
      await searchFor();
      return { ready: true };
    },
    async getDatasetInfo() {
      const { release } = (await getLookupFor([])).dataset;
      const stale = staleNotice(release, today());
      return { release, label: `CMS HCPCS ${releaseLabel(release)}`, ...(stale ? { stale } : {}) };
    },
    async showInTopFrame({ token, items }, origin) {
      const tabId = topFrameOf(origin);
      if (tabId === undefined) return { shown: false };
      return sendToFrame(tabId, 0, 'showFrameTooltip', { token, items }).catch(() => ({ shown: false }));
    },
    async hideInTopFrame({ token, force }, origin) {
      const tabId = topFrameOf(origin);
      if (tabId === undefined) return { hidden: false };
      return sendToFrame(tabId, 0, 'hideFrameTooltip', { token, ...(force ? { force } : {}) }).catch(() => ({ hidden: false }));
    },
    async startSession(_params, { tabId, frameId }) {
      // Only a content script has a tab and frame; the extension's own pages have no session.
      if (tabId === undefined || frameId === undefined) return { started: false };
      await startSession(tabId, frameId);
      return { started: true };
    },
  };
}
