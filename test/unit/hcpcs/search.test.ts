/**
 * Ranking on the committed CMS release, for the queries a billing clerk
 * types: whole codes, prefixes, modifiers, and words in any order, case or
 * number, with a typo.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CodeSearch, normaliseTerm, type SearchOptions } from '../../../src/hcpcs/search';
import { bundledLookup as committedLookup } from '../../support/dataset';

let search: CodeSearch;
const TODAY = '2026-02-01';
const codes = (query: string, options: Partial<SearchOptions> = {}) => search.search(query, { today: TODAY, ...options }).map((h) => h.code);
const top = (query: string, n: number) => codes(query).slice(0, n);

beforeAll(async () => {
  search = await CodeSearch.create(committedLookup(), () => Promise.resolve());
});

describe('codes, prefixes and modifiers', () => {
  it('puts a full code first, in any case and spacing', () => {
    expect(codes('E1392')).toEqual(['E1392']);
    expect(codes(' e1392 ')).toEqual(['E1392']);
  });

  it('lists the codes a prefix begins, in code order', () => {
    expect(codes('E139')).toEqual(['E1390', 'E1391', 'E1392', 'E1399']);
    const e0 = codes('E0', { limit: 500 });
    expect(e0.length).toBeGreaterThan(100);
    expect(e0).toEqual([...e0].sort());
    expect(e0.every((c) => c.startsWith('E0'))).toBe(true);
  });

  it('finds a modifier by name before any word match', () => {
    expect(codes('RR')[0]).toBe('RR');
    expect(codes('KX')[0]).toBe('KX');
    expect(codes('kx')[0]).toBe('KX');
  });

  it('reads a code written with its modifiers as the code, then each modifier', () => {
    expect(codes('E1392-RR')).toEqual(['E1392', 'RR']);
    expect(codes('e1392 rr kx')).toEqual(['E1392', 'RR', 'KX']);
  });

  it('says nothing for an empty query or a code that does not exist', () => {
    expect(codes('   ')).toEqual([]);
    expect(codes('E9999')).toEqual([]);
  });
});

describe('words', () => {
  it('"portable oxygen": portable oxygen equipment, the concentrator first', () => {
    const hits = search.search('portable oxygen', { today: TODAY, limit: 8 });
    expect(hits[0]!.code).toBe('E1392');
    for (const hit of hits) expect(hit.long.toLowerCase()).toMatch(/portable.*oxygen|oxygen.*portable/);
  });

  it('"oxygen concentrator portable": word order does not matter', () => {
    expect(top('oxygen concentrator portable', 1)).toEqual(['E1392']);
    expect(top('Concentrator Portable OXYGEN', 1)).toEqual(['E1392']);
  });

  it('"concentrater": a typo still finds the oxygen concentrators, ahead of "concentrate"', () => {
    expect(top('concentrater', 3).sort()).toEqual(['E1390', 'E1391', 'E1392']);
  });

  it('"wheelchair cushion": wheelchair seat and back cushions, singular or plural', () => {
    const hits = search.search('wheelchair cushion', { today: TODAY, limit: 5 });
    for (const hit of hits) expect(hit.long.toLowerCase()).toMatch(/wheelchair.*cushion/);
    expect(hits.map((h) => h.code)).toEqual(expect.arrayContaining(['E2601', 'E2602']));
    expect(top('wheelchair cushions', 5)).toEqual(hits.map((h) => h.code));
    expect(top('cushion wheelchair', 5)).toEqual(hits.map((h) => h.code));
  });

  it('"dexamethasone": the dexamethasone drugs, J1100 among the first', () => {
    const hits = search.search('dexamethasone', { today: TODAY, limit: 6 });
    expect(hits.map((h) => h.code).slice(0, 3)).toContain('J1100');
    for (const hit of hits) expect(hit.long.toLowerCase()).toContain('dexamethasone');
    expect(top('dexametasone', 3)).toContain('J1100');
  });

  it('falls back to any word when no record has them all', () => {
    expect(codes('oxygen zzzzqqq').length).toBeGreaterThan(0);
  });
});

describe('filters', () => {
  it('keeps to one category and leaves modifiers out', () => {
    const hits = codes('oxygen', { category: 'E', limit: 100 });
    expect(hits.length).toBeGreaterThan(5);
    expect(hits.every((c) => c.startsWith('E') && c.length === 5)).toBe(true);
  });

  it('leaves terminated codes out unless asked, and marks them', () => {
    const terminated = search.search('E', { today: TODAY, includeTerminated: true, limit: 500 }).find((h) => h.terminated);
    expect(terminated).toBeDefined();
    expect(terminated!.status[0]!.kind).toBe('terminated');
    expect(codes(terminated!.code)).toEqual([]);
    expect(codes(terminated!.code, { includeTerminated: true })).toEqual([terminated!.code]);
  });

  it('stops at the limit', () => {
    expect(codes('injection', { limit: 7 })).toHaveLength(7);
  });
});

describe('normaliseTerm', () => {
  it('folds plurals and case, and drops one-letter words', () => {
    expect(normaliseTerm('Cushions')).toBe('cushion');
    expect(normaliseTerm('supplies')).toBe('supply');
    expect(normaliseTerm('boxes')).toBe('box');
    expect(normaliseTerm('glass')).toBe('glass');
    expect(normaliseTerm('a')).toBeNull();
    expect(normaliseTerm('5')).toBe('5');
  });
});

describe('changed in this release', () => {
  const changed = new Map([
    ['RR', ['short' as const]],
    ['E1392', ['other' as const]],
    ['C5271', ['terminated' as const]],
    ['Z9999', ['removed' as const]],
  ]);
  const removed = (code: string) => (code === 'Z9999' ? { ...committedLookup().code('E1392')!, code: 'Z9999', long: 'Gone from the file' } : undefined);

  it('an empty query lists every changed code, terminated and removed ones included, each with what changed', () => {
    const hits = search.search('', { today: TODAY, changed, removed });
    expect(hits.map((h) => [h.code, h.changes])).toEqual([
      ['RR', ['short']],
      ['E1392', ['other']],
      ['C5271', ['terminated']],
      ['Z9999', ['removed']],
    ]);
    expect(hits.find((h) => h.code === 'C5271')!.terminated).toBe(true);
  });

  it('a query keeps only the changed codes it finds; without the option an empty query finds nothing', () => {
    expect(codes('E139', { changed })).toEqual(['E1392']);
    expect(codes('', {})).toEqual([]);
  });
});
