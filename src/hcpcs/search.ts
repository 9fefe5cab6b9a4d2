/**
 * Code search for the popup: codes and prefixes by code order, modifiers by
 * name, and words by relevance (MiniSearch: BM25 ranking, prefix and typo
 * tolerance), regardless of word order, case or plurals.
 */
import MiniSearch from 'minisearch';
import type { HcpcsLookup } from './lookup';
import type { HcpcsRecord } from './record';
import { recordStatus, type StatusBadge } from './status';

export interface SearchOptions {
  /** Only codes of this first letter ("E"). */
  category?: string;
  /** Terminated codes are left out unless asked for. */
  includeTerminated?: boolean;
  limit?: number;
  today: string;
}

export interface SearchHit {
  code: string;
  kind: HcpcsRecord['kind'];
  short: string;
  long: string;
  status: StatusBadge[];
  terminated: boolean;
}

const DEFAULT_LIMIT = 50;

/** Folds plurals so "cushions" finds "cushion" and back; applied to the index and the query alike. */
export function normaliseTerm(term: string): string | null {
  const t = term.toLowerCase();
  if (t.length < 2 && !/\d/.test(t)) return null;
  if (t.length > 4 && t.endsWith('ies')) return `${t.slice(0, -3)}y`;
  if (t.length > 4 && /(?:ss|x|z|ch|sh)es$/.test(t)) return t.slice(0, -2);
  if (t.length > 3 && t.endsWith('s') && !/(?:ss|us|is)$/.test(t)) return t.slice(0, -1);
  return t;
}

export class CodeSearch {
  readonly #lookup: HcpcsLookup;
  readonly #index: MiniSearch<HcpcsRecord>;

  constructor(lookup: HcpcsLookup) {
    this.#lookup = lookup;
    this.#index = new MiniSearch<HcpcsRecord>({
      idField: 'code',
      fields: ['short', 'long'],
      processTerm: normaliseTerm,
      searchOptions: {
        boost: { short: 2 },
        prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
        fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
        combineWith: 'AND',
      },
    });
    this.#index.addAll(lookup.all());
  }

  search(query: string, options: SearchOptions): SearchHit[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const text = query.trim();
    if (!text) return [];
    const compact = text.toUpperCase().replace(/[\s-]+/g, '');
    const seen = new Set<string>();
    const hits: SearchHit[] = [];
    const add = (record: HcpcsRecord | undefined) => {
      if (!record || seen.has(record.code) || hits.length >= limit) return;
      const hit = this.#hit(record, options.today);
      if (hit.terminated && !options.includeTerminated) return;
      if (options.category && record.kind === 'code' && record.code[0] !== options.category) return;
      if (options.category && record.kind === 'modifier') return;
      seen.add(record.code);
      hits.push(hit);
    };

    if (/^[A-Z]\d{0,4}$/.test(compact)) {
      add(this.#lookup.code(compact));
      for (const code of this.#lookup.codeList) if (code.startsWith(compact)) add(this.#lookup.code(code));
      if (compact.length > 1) return hits;
    }
    if (/^[A-Z0-9]{2}$/.test(compact)) add(this.#lookup.modifier(compact));

    let results = this.#index.search(text);
    if (results.length === 0) results = this.#index.search(text, { combineWith: 'OR' });
    for (const result of results) add(this.#lookup.code(String(result.id)) ?? this.#lookup.modifier(String(result.id)));
    return hits;
  }

  #hit(record: HcpcsRecord, today: string): SearchHit {
    const { release, tables } = this.#lookup.dataset;
    const status = recordStatus(record, release, tables, today);
    return {
      code: record.code,
      kind: record.kind,
      short: record.short,
      long: record.long,
      status,
      terminated: status[0]?.kind === 'terminated',
    };
  }
}
