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
import type { BackgroundApi, Params, Result } from '../common/messages';
import type { Settings } from '../common/settings';

export type Handlers = {
  [K in keyof BackgroundApi]: (params: Params<BackgroundApi, K>) => Promise<Result<BackgroundApi, K>>;
};

export interface HandlerDeps {
  getLookup(): Promise<HcpcsLookup>;
  getSettings(): Promise<Settings>;
  today?: () => string;
}

/** Lets queued requests (a hover's lookup) run between chunks of index building. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createHandlers({ getLookup, getSettings, today = () => localIsoDate() }: HandlerDeps): Handlers {
  // The search index costs more than a hover needs: it is built when the
  // popup opens (prepareSearch) or on the first search, once per dataset.
  let search: { lookup: HcpcsLookup; index: Promise<CodeSearch> } | undefined;
  const searchFor = async () => {
    const lookup = await getLookup();
    if (search?.lookup !== lookup) search = { lookup, index: CodeSearch.create(lookup, pause) };
    return { lookup, index: await search.index };
  };
  return {
    async lookupCodes({ items, level, asOf }) {
      const [lookup, settings] = await Promise.all([getLookup(), level ? undefined : getSettings()]);
      return buildTooltipModel(lookup, items, level ?? settings!.detailLevel, asOf ?? today());
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
      const { release } = (await getLookup()).dataset;
      const stale = staleNotice(release, today());
      return { release, label: `CMS HCPCS ${releaseLabel(release)}`, ...(stale ? { stale } : {}) };
    },
  };
}
