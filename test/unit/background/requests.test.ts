/** The worker checks every request before doing any work, and answers from the dataset. */
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/background/handlers';
import { checkRequest, checkSender } from '../../../src/background/request-checks';
import { DEFAULT_SETTINGS } from '../../../src/common/settings';
import { sampleLookup } from '../support/sample-release';

describe('request checks', () => {
  const refused = (message: unknown) => {
    const checked = checkRequest(message);
    return checked.ok ? undefined : checked.error;
  };

  it('accepts well-formed requests', () => {
    expect(checkRequest({ type: 'lookupCodes', params: { items: [{ code: 'E1392', modifiers: ['RR', 'KX'] }], level: 'full', asOf: '2026-01-31' } })).toMatchObject({ ok: true });
    expect(checkRequest({ type: 'lookupCodes', params: { items: [{ code: '99213', modifiers: ['25'] }] } })).toMatchObject({ ok: true });
    expect(checkRequest({ type: 'searchCodes', params: { query: 'oxygen', category: 'E', includeTerminated: true, limit: 20 } })).toMatchObject({ ok: true });
    expect(checkRequest({ type: 'getDatasetInfo' })).toMatchObject({ ok: true });
  });

  it('refuses anything else with a sentence saying why', () => {
    expect(refused(null)).toBe('not a request');
    expect(refused('lookupCodes')).toBe('not a request');
    expect(refused({ type: 'eval', params: {} })).toBe('unknown request "eval"');
    expect(refused({ type: '__proto__', params: {} })).toBe('unknown request "__proto__"');
    expect(refused({ type: 'lookupCodes', params: [] })).toBe('lookupCodes: params must be an object');
    expect(refused({ type: 'lookupCodes', params: { items: [] } })).toBe('lookupCodes: items must be a non-empty list');
    expect(refused({ type: 'lookupCodes', params: { items: [{ code: 'e1392' }] } })).toBe('lookupCodes: "e1392" is not a code');
    expect(refused({ type: 'lookupCodes', params: { items: [{ code: 'E1392', modifiers: ['RR', 'KX', 'NU', 'GA', 'GY'] }] } })).toBe(
      'lookupCodes: modifiers must be up to 4 two-character modifiers',
    );
    expect(refused({ type: 'lookupCodes', params: { items: [{ code: 'E1392' }], level: 'everything' } })).toBe('lookupCodes: unknown detail level');
    expect(refused({ type: 'lookupCodes', params: { items: [{ code: 'E1392' }], asOf: '2026-02-30' } })).toBe('lookupCodes: asOf must be an ISO date');
    expect(refused({ type: 'lookupCodes', params: { items: [{ code: 'E1392', extra: 1 }] } })).toBe('lookupCodes: each item must be { code, modifiers? }');
    expect(refused({ type: 'lookupCodes', params: { items: Array(501).fill({ code: 'E1392' }) } })).toBe('lookupCodes: at most 500 codes per request');
    expect(refused({ type: 'searchCodes', params: { query: 'x'.repeat(201) } })).toBe('searchCodes: query must be text of at most 200 characters');
    expect(refused({ type: 'searchCodes', params: { query: 'x', category: 'EE' } })).toBe('searchCodes: category must be one letter');
    expect(refused({ type: 'getDatasetInfo', params: { anything: 1 } })).toBe('getDatasetInfo: unexpected parameter');
  });

  it('answers only this extension', () => {
    expect(checkSender({ id: 'abc' }, 'abc')).toBe(true);
    expect(checkSender({ id: 'other' }, 'abc')).toBe(false);
    expect(checkSender({}, 'abc')).toBe(false);
  });
});

describe('handlers', () => {
  const handlers = (detailLevel: 'brief' | 'standard' | 'full' = 'standard') =>
    createHandlers({ getLookup: sampleLookup, getSettings: async () => ({ ...DEFAULT_SETTINGS, detailLevel }), today: () => '2026-02-10' });

  it('lookupCodes builds the model at the user’s level unless the request names one', async () => {
    expect((await handlers('brief').lookupCodes({ items: [{ code: 'E1392' }] })).level).toBe('brief');
    expect((await handlers('brief').lookupCodes({ items: [{ code: 'E1392' }], level: 'full' })).level).toBe('full');
    const model = await handlers().lookupCodes({ items: [{ code: 'E1392', modifiers: ['RR'] }, { code: 'J1100' }] });
    expect(model.cards.map((c) => c.code)).toEqual(['E1392', 'J1100']);
  });

  it('lookupCodes takes the reference date from the request', async () => {
    const model = await handlers().lookupCodes({ items: [{ code: 'A4295' }], asOf: '2025-06-01' });
    expect(model.cards[0]!.status[0]!.kind).toBe('not-yet-effective');
  });

  it('searchCodes and getDatasetInfo name the release', async () => {
    const h = handlers();
    const result = await h.searchCodes({ query: 'E139' });
    expect(result.hits.map((hit) => hit.code)).toEqual(['E1390', 'E1391', 'E1392']);
    expect(result.release).toBe('CMS HCPCS 2026 Q1');
    expect(await h.getDatasetInfo({})).toMatchObject({ label: 'CMS HCPCS 2026 Q1', release: { codes: 29, modifiers: 16 } });
  });

  it('a dataset that cannot load is an error answer, not a hang', async () => {
    const h = createHandlers({
      getLookup: () => Promise.reject(new Error('The HCPCS dataset is missing from this build')),
      getSettings: async () => DEFAULT_SETTINGS,
    });
    await expect(h.lookupCodes({ items: [{ code: 'E1392' }] })).rejects.toThrow('The HCPCS dataset is missing from this build');
  });
});
