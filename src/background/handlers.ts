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

export function createHandlers({ getLookup, getSettings, today = () => localIsoDate() }: HandlerDeps): Handlers {
  // The search index costs more than a hover needs, so it is built on the first search only.
  let search: { lookup: HcpcsLookup; index: CodeSearch } | undefined;
  const searchFor = (lookup: HcpcsLookup) => {
    if (search?.lookup !== lookup) search = { lookup, index: new CodeSearch(lookup) };
    return search.index;
  };
  return {
    async lookupCodes({ items, level, asOf }) {
      const [lookup, settings] = await Promise.all([getLookup(), level ? undefined : getSettings()]);
      return buildTooltipModel(lookup, items, level ?? settings!.detailLevel, asOf ?? today());
    },
    async searchCodes({ query, category, includeTerminated, limit, asOf }) {
      const lookup = await getLookup();
      const hits = searchFor(lookup).search(query, {
        today: asOf ?? today(),
        ...(category ? { category } : {}),
        ...(includeTerminated ? { includeTerminated } : {}),
        ...(limit ? { limit } : {}),
      });
      return { hits, release: `CMS HCPCS ${releaseLabel(lookup.dataset.release)}` };
    },
    async getDatasetInfo() {
      const { release } = (await getLookup()).dataset;
      const stale = staleNotice(release, today());
      return { release, label: `CMS HCPCS ${releaseLabel(release)}`, ...(stale ? { stale } : {}) };
    },
  };
}
