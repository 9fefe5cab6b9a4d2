/**
 * Code search for the popup: codes and prefixes in code order, modifiers by
 * name, and words by relevance — MiniSearch's BM25 ranking with prefix and
 * typo tolerance, regardless of word order, case or plurals.
 */
import MiniSearch, { type SearchOptions as MiniSearchOptions } from 'minisearch';
import type { ChangeHistory } from './change-history';
import type { HcpcsLookup } from './lookup';
import { parsePastedList } from './paste-list';
import type { HcpcsRecord } from './record';
import type { ChangeKind } from './release-diff';
import { recordStatus, type StatusBadge } from './status';

export interface SearchOptions {
  /** Only codes of this first letter ("E"). */
  category?: string;
  /** Terminated codes are left out unless asked for. */
  includeTerminated?: boolean;
  limit?: number;
  today: string;
  /**
   * Only these codes, each with what changed ("changed in this release",
   * ChangeHistory.changedIn). An empty query then lists them all, in code
   * order, terminated ones included: a termination is one of the changes.
   */
  changed?: ReadonlyMap<string, readonly ChangeKind[]>;
  /** A code the release removed from the file, as it was (ChangeHistory.inForce before the removal): listed with the changes. */
  removed?: (code: string) => HcpcsRecord | undefined;
  /**
   * The history of changes: a hit shows the record in force on `today`, as a
   * tooltip does. A release loaded before its effective date is searched in
   * its own words, but until that day its codes read as they are in force.
   */
  history?: ChangeHistory;
}

export interface SearchHit {
  code: string;
  kind: HcpcsRecord['kind'];
  short: string;
  long: string;
  status: StatusBadge[];
  terminated: boolean;
  /** With the `changed` option: what changed in this release. */
  changes?: ChangeKind[];
}

const DEFAULT_LIMIT = 50;
/** Records indexed between two pauses: about 15 ms of work, so hovers are not kept waiting. */
const CHUNK = 1000;

/** Folds plurals so "cushions" finds "cushion" and back; applied to the index and the query alike. */
export function normaliseTerm(term: string): string | null {
  const t = term.toLowerCase();
  if (t.length < 2 && !/\d/.test(t)) return null;
  if (t.length > 4 && t.endsWith('ies')) return `${t.slice(0, -3)}y`;
  if (t.length > 4 && /(?:ss|x|z|ch|sh)es$/.test(t)) return t.slice(0, -2);
  if (t.length > 3 && t.endsWith('s') && !/(?:ss|us|is)$/.test(t)) return t.slice(0, -1);
  return t;
}

/**
 * A word without its vowels. The commonest misspelling of a medical word is a
 * wrong unstressed vowel ("concentrater", "cathater"): of the words one edit
 * away, the one that differs only in vowels is what the user meant, not the
 * one missing a letter ("concentrate").
 */
const consonants = (term: string) => term.replace(/[aeiouy]/g, '');

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

const MINISEARCH_OPTIONS = {
  idField: 'code',
  fields: ['short', 'long'],
  processTerm: normaliseTerm,
  searchOptions: {
    boost: { short: 2 },
    prefix: (term: string, i: number, terms: string[]) => i === terms.length - 1 && term.length >= 3,
    fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false),
    combineWith: 'AND',
  } satisfies MiniSearchOptions,
};

export class CodeSearch {
  readonly #lookup: HcpcsLookup;
  readonly #index = new MiniSearch<HcpcsRecord>(MINISEARCH_OPTIONS);

  private constructor(lookup: HcpcsLookup) {
    this.#lookup = lookup;
  }

  /**
   * Indexes every record. `pause` runs between chunks: the worker passes a
   * zero timeout so lookups for hovers are answered while the index builds.
   */
  static async create(lookup: HcpcsLookup, pause?: () => Promise<void>): Promise<CodeSearch> {
    const search = new CodeSearch(lookup);
    const records = lookup.all();
    for (let i = 0; i < records.length; i += CHUNK) {
      if (i > 0 && pause) await pause();
      search.#index.addAll(records.slice(i, i + CHUNK));
    }
    return search;
  }

  search(query: string, options: SearchOptions): SearchHit[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const text = query.trim();
    const { changed } = options;
    if (!text && !changed) return [];
    const compact = text.toUpperCase().replace(/[\s-]+/g, '');
    const seen = new Set<string>();
    const hits: SearchHit[] = [];
    const add = (record: HcpcsRecord | undefined) => {
      if (!record || seen.has(record.code) || hits.length >= limit) return;
      if (options.category && (record.kind === 'modifier' || record.code[0] !== options.category)) return;
      const changes = changed?.get(record.code);
      if (changed && !changes) return;
      const hit = this.#hit(record, options);
      if (hit.terminated && !options.includeTerminated && !changes) return;
      if (changes) hit.changes = [...changes];
      seen.add(record.code);
      hits.push(hit);
    };

    if (!text) {
      for (const code of changed!.keys()) add(this.#lookup.code(code) ?? this.#lookup.modifier(code) ?? options.removed?.(code));
      return hits;
    }
    // A code, or the start of one: that code first, then the codes it begins, in code order.
    if (/^[A-Z]\d{0,4}$/.test(compact)) {
      add(this.#lookup.code(compact));
      for (const code of this.#lookup.codeList) if (code.startsWith(compact)) add(this.#lookup.code(code));
      if (compact.length > 1) return hits;
    }
    // A code written with its modifiers ("E1392-RR", "E1392 RR KX"): the code, then each modifier.
    const written = codeWithModifiers(text);
    if (written) {
      add(this.#lookup.code(written.code));
      for (const m of written.modifiers) add(this.#lookup.modifier(m));
      return hits;
    }
    if (/^[A-Z0-9]{2}$/.test(compact)) add(this.#lookup.modifier(compact));

    const searchOptions = { boostDocument: vowelSlipBoost(text) };
    let results = this.#index.search(text, searchOptions);
    if (results.length === 0) results = this.#index.search(text, { ...searchOptions, combineWith: 'OR' });
    for (const result of results) add(this.#lookup.code(String(result.id)) ?? this.#lookup.modifier(String(result.id)));
    return hits;
  }

  #hit(current: HcpcsRecord, { today, history }: SearchOptions): SearchHit {
    const { release, tables } = this.#lookup.dataset;
    const record = history?.recordOn(current.code, current, today) ?? current;
    const status = recordStatus(record, history?.releaseOn(release, today) ?? release, tables, today);
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

/** "E1392 RR" and the like, when the whole query is one code with modifiers. */
function codeWithModifiers(text: string): { code: string; modifiers: string[] } | undefined {
  if (!/^[A-Za-z]\d{4}/.test(text)) return undefined;
  const { entries, ignored } = parsePastedList(text.toUpperCase(), 2);
  const [entry] = entries;
  return entries.length === 1 && ignored.length === 0 && entry && entry.modifiers.length > 0 ? entry : undefined;
}

/** Weighs a typo match that differs from the typed word only in vowels as much as an exact one. */
function vowelSlipBoost(query: string): (id: unknown, term: string) => number {
  const typed = new Set(tokenize(query).map(normaliseTerm).filter((t): t is string => t !== null));
  const skeletons = new Set([...typed].map(consonants));
  return (_id, term) => (!typed.has(term) && skeletons.has(consonants(term)) ? 2 : 1);
}
