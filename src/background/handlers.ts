/**
 * What the worker does for each request. The map is typed over the protocol,
 * so a request without a handler does not compile. Dependencies come in as
 * arguments so the handlers run in node tests with a real dataset.
 */
import { ChangeHistory } from '../hcpcs/change-history';
import { localIsoDate } from '../hcpcs/dates';
import { HistoryError } from '../hcpcs/history-format';
import type { HcpcsLookup } from '../hcpcs/lookup';
import { staleNotice } from '../hcpcs/release';
import { releaseName } from '../hcpcs/release-name';
import { CodeSearch } from '../hcpcs/search';
import { encodeCodeSet, type EncodedCodeSet } from '../hcpcs/code-set';
import { buildTooltipModel } from '../hcpcs/tooltip-model';
import type { ContentPart } from '../common/content-parts';
import { MEANING_LENGTH, type BackgroundApi, type ContentApi, type Params, type Result } from '../common/messages';
import type { StoredRelease } from '../common/release-store';
import type { Settings } from '../common/settings';

/** Where a request came from: a content script's tab and frame; neither for the extension's own pages. */
export interface RequestOrigin {
  tabId?: number | undefined;
  frameId?: number | undefined;
  /** The URL of the sender's tab (its top page), as the browser reports it to the extension. */
  tabUrl?: string | undefined;
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
  /** Injects one of the session's parts into one frame of a tab (scripting.executeScript); none by default. */
  injectPart?(tabId: number, frameId: number, part: ContentPart): Promise<void>;
  /** Sends a request to every frame of a tab that has a session (the others have no listener). */
  sendToAllFrames?<K extends keyof ContentApi>(tabId: number, type: K, params: Params<ContentApi, K>): Promise<unknown>;
  /** What changed between the releases the extension knows (background/history-loader.ts); none by default. */
  getHistory?(): Promise<ChangeHistory>;
  /** A history found damaged while answering: the loader answers without it from then on. */
  historyFailed?(error: HistoryError): void;
  today?: () => string;
  /** The release the user loaded, when it is the one answering (background/dataset-source.ts). */
  getStoredRelease?(): Promise<StoredRelease | undefined>;
  /** The options page stored or removed a release. */
  releaseChanged?(): void;
}

/** Lets queued requests (a hover's lookup) run between chunks of index building. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createHandlers({
  getLookup,
  getLookupFor = () => getLookup(),
  getSettings,
  sendToFrame,
  startSession,
  injectPart = async () => undefined,
  sendToAllFrames,
  getHistory = async () => ChangeHistory.EMPTY,
  historyFailed = () => undefined,
  today = () => localIsoDate(),
  getStoredRelease = async () => undefined,
  releaseChanged = () => undefined,
}: HandlerDeps): Handlers {
  /** A damaged line of the history costs its lines, never the answer. */
  const withHistory = async <T>(answer: (history: ChangeHistory) => T): Promise<T> => {
    const history = await getHistory();
    try {
      return answer(history);
    } catch (error) {
      if (!(error instanceof HistoryError)) throw error;
      historyFailed(error);
      return answer(ChangeHistory.EMPTY);
    }
  };
  /** A tooltip names each cross-referenced code's description too: those codes must be in the dataset read. */
  const lookupWithCrossReferences = async (codes: string[]) => {
    const lookup = await getLookupFor(codes);
    const refs = codes.flatMap((code) => lookup.code(code)?.crossReference.filter(Boolean) ?? []);
    return refs.length > 0 ? getLookupFor([...codes, ...refs]) : lookup;
  };
  // The search index costs more than a hover needs: it is built when the
  // popup opens (prepareSearch) or on the first search, once per dataset.
  let search: { lookup: HcpcsLookup; index: Promise<CodeSearch> } | undefined;
  const codeSets = new WeakMap<HcpcsLookup, EncodedCodeSet>();
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
      const [lookup, settings] = await Promise.all([lookupWithCrossReferences(codes), level ? undefined : getSettings(), getHistory()]);
      return withHistory((history) => buildTooltipModel(lookup, items, level ?? settings!.detailLevel, asOf ?? today(), history));
    },
    async findKnownCodes({ codes }) {
      const lookup = await getLookupFor(codes);
      return { known: codes.filter((code) => (code.length === 2 ? lookup.modifier(code) : lookup.code(code)) !== undefined) };
    },
    async listKnownCodes() {
      const lookup = await getLookup();
      let set = codeSets.get(lookup);
      if (!set) codeSets.set(lookup, (set = encodeCodeSet(lookup.codesAndModifiers)));
      return set;
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
    async findModifierMeanings({ codes }) {
      const lookup = await getLookupFor([]);
      const meanings = codes.flatMap((code) => {
        const r = lookup.modifier(code);
        return r ? [{ code, long: r.long.slice(0, MEANING_LENGTH), short: r.short }] : [];
      });
      return { meanings };
    },
    async searchCodes({ query, category, includeTerminated, limit, asOf, changed }) {
      const { lookup, index } = await searchFor();
      const hits = await withHistory((history) =>
        index.search(query, {
          today: asOf ?? today(),
          history,
          ...(category ? { category } : {}),
          ...(includeTerminated ? { includeTerminated } : {}),
          ...(limit ? { limit } : {}),
          ...(changed ? { changed: history.changedIn(lookup.dataset.release), removed: (code: string) => history.removedRecord(code) } : {}),
        }),
      );
      return { hits, release: releaseName(lookup.dataset.release, asOf ?? today()) };
    },
    async prepareSearch() {
      await searchFor();
      return { ready: true };
    },
    async getDatasetInfo() {
      const [{ release }, stored] = await Promise.all([getLookupFor([]).then((l) => l.dataset), getStoredRelease()]);
      const stale = staleNotice(release, today());
      const source = stored ? { kind: 'loaded' as const, fileName: stored.fileName, loadedAt: stored.loadedAt, inputSha256: stored.inputSha256 } : { kind: 'bundled' as const };
      return { release, label: releaseName(release, today()), source, ...(stale ? { stale } : {}) };
    },
    async reloadRelease() {
      releaseChanged();
      const { release } = (await getLookupFor([])).dataset;
      return { label: releaseName(release, today()) };
    },
    async showInTopFrame(params, origin) {
      const tabId = topFrameOf(origin);
      if (tabId === undefined) return { shown: false };
      return sendToFrame(tabId, 0, 'showFrameTooltip', params).catch(() => ({ shown: false }));
    },
    async dismissTooltips(_params, { tabId }) {
      if (tabId === undefined || !sendToAllFrames) return { sent: false };
      await sendToAllFrames(tabId, 'hideTooltip', {}).catch(() => undefined);
      return { sent: true };
    },
    async watchTabScroll(_params, origin) {
      const tabId = topFrameOf(origin);
      if (tabId === undefined) return { watching: false };
      return sendToFrame(tabId, 0, 'dismissOnScroll', {}).catch(() => ({ watching: false }));
    },
    async getTabHost(_params, { tabUrl }) {
      const host = hostOfUrl(tabUrl);
      return host ? { host } : {};
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
    async loadContentPart({ part }, { tabId, frameId }) {
      if (tabId === undefined || frameId === undefined) return { loaded: false };
      await injectPart(tabId, frameId, part);
      return { loaded: true };
    },
  };
}

/** The host of a tab's URL (a page on the web or an intranet); none for browser pages, files and the like. */
function hostOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host : undefined;
  } catch {
    return undefined;
  }
}
