/** The worker checks every request before doing any work. */
import { describe, expect, it } from 'vitest';
import { checkRequest, checkSender } from '../../../src/background/request-checks';

const error = (message: unknown) => {
  const checked = checkRequest(message);
  return checked.ok ? undefined : checked.error;
};

describe('checkRequest: findKnownCodes', () => {
  it('accepts a list of codes and modifiers', () => {
    expect(checkRequest({ type: 'findKnownCodes', params: { codes: ['E1392', 'RR', '99213'] } }).ok).toBe(true);
  });

  it('refuses empty, oversized, malformed and unexpected params', () => {
    expect(error({ type: 'findKnownCodes', params: { codes: [] } })).toBe('findKnownCodes: codes must be a list of 1 to 2000 codes');
    expect(error({ type: 'findKnownCodes', params: { codes: Array(2001).fill('E1392') } })).toBe('findKnownCodes: codes must be a list of 1 to 2000 codes');
    expect(error({ type: 'findKnownCodes', params: { codes: ['E1392', 'e1392'] } })).toBe('findKnownCodes: "e1392" is not a code');
    expect(error({ type: 'findKnownCodes', params: { codes: [{ code: 'E1392' }] } })).toBe('findKnownCodes: "[object Obje" is not a code');
    expect(error({ type: 'findKnownCodes', params: { codes: ['E1392'], text: 'page text' } })).toBe('findKnownCodes: unexpected parameter');
  });
});

describe('checkRequest: showInTopFrame and hideInTopFrame', () => {
  const token = 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff';

  it('accepts a token and lookup items', () => {
    expect(checkRequest({ type: 'showInTopFrame', params: { token, items: [{ code: 'E1392', modifiers: ['RR'] }], anchor: { left: 1, top: 2, width: 3, height: 4 }, path: [0] } }).ok).toBe(true);
    expect(checkRequest({ type: 'hideInTopFrame', params: { token } }).ok).toBe(true);
    expect(checkRequest({ type: 'hideInTopFrame', params: { token, force: true } }).ok).toBe(true);
  });

  it('refuses bad tokens and bad items', () => {
    expect(error({ type: 'showInTopFrame', params: { token: 'x', items: [{ code: 'E1392' }] } })).toBe('showInTopFrame: token must be 8 to 64 letters, digits or dashes');
    expect(error({ type: 'showInTopFrame', params: { token, items: [{ code: '<b>' }] } })).toBe('showInTopFrame: "<b>" is not a code');
    expect(error({ type: 'showInTopFrame', params: { token, items: [{ code: 'E1392', modifiers: ['RR', 'KX', 'GA', 'GY', 'GZ'] }] } })).toBe(
      'showInTopFrame: modifiers must be up to 4 two-character modifiers',
    );
    const place = { anchor: { left: 1, top: 2, width: 3, height: 4 }, path: [0] };
    expect(error({ type: 'showInTopFrame', params: { token, items: [{ code: 'E1392' }], anchor: { left: 1, top: 2, width: 3, height: Infinity }, path: [0] } })).toBe('showInTopFrame: anchor must be a box of finite numbers');
    expect(error({ type: 'showInTopFrame', params: { token, items: [{ code: 'E1392' }], ...place, path: [] } })).toBe('showInTopFrame: path must be 1 to 32 frame indices');
    expect(error({ type: 'showInTopFrame', params: { token, items: [{ code: 'E1392' }], ...place, path: [-1] } })).toBe('showInTopFrame: path must be 1 to 32 frame indices');
    expect(error({ type: 'hideInTopFrame', params: { token: '../../etc' } })).toBe('hideInTopFrame: token must be 8 to 64 letters, digits or dashes');
    expect(error({ type: 'hideInTopFrame', params: { token, force: 'yes' } })).toBe('hideInTopFrame: force must be true or false');
  });
});

describe('request checks', () => {
  const refused = error;

  it('accepts well-formed requests', () => {
    expect(checkRequest({ type: 'lookupCodes', params: { items: [{ code: 'E1392', modifiers: ['RR', 'KX'] }], level: 'full', asOf: '2026-01-31' } })).toMatchObject({ ok: true });
    expect(checkRequest({ type: 'lookupCodes', params: { items: [{ code: '99213', modifiers: ['25'] }] } })).toMatchObject({ ok: true });
    expect(checkRequest({ type: 'searchCodes', params: { query: 'oxygen', category: 'E', includeTerminated: true, limit: 20 } })).toMatchObject({ ok: true });
    expect(checkRequest({ type: 'getDatasetInfo' })).toMatchObject({ ok: true });
    expect(checkRequest({ type: 'prepareSearch', params: {} })).toMatchObject({ ok: true });
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
    expect(refused({ type: 'lookupCodes', params: { items: [{ code: 'E1392', extra: 1 }] } })).toBe('lookupCodes: each item must be { code, modifiers?, service? }');
    expect(refused({ type: 'lookupCodes', params: { items: Array(501).fill({ code: 'E1392' }) } })).toBe('lookupCodes: at most 500 codes per request');
    expect(refused({ type: 'searchCodes', params: { query: 'x'.repeat(201) } })).toBe('searchCodes: query must be text of at most 200 characters');
    expect(refused({ type: 'searchCodes', params: { query: 'x', category: 'EE' } })).toBe('searchCodes: category must be one letter');
    expect(refused({ type: 'searchCodes', params: { query: '', changed: 'yes' } })).toBe('searchCodes: changed must be true or false');
    expect(checkRequest({ type: 'searchCodes', params: { query: '', changed: true } })).toMatchObject({ ok: true });
    expect(refused({ type: 'getDatasetInfo', params: { anything: 1 } })).toBe('getDatasetInfo: unexpected parameter');
  });

  it('accepts a date of service with each item, and refuses one that is not a known place and a real date', () => {
    const item = (service: unknown) => ({ type: 'lookupCodes', params: { items: [{ code: 'E1392', service }] } });
    expect(checkRequest(item({ source: 'dos-column', from: '2026-01-15' })).ok).toBe(true);
    expect(checkRequest(item({ source: 'dtp-472', from: '2026-01-02', to: '2026-01-31' })).ok).toBe(true);
    expect(checkRequest(item({ source: 'dtp-472', unreadable: true })).ok).toBe(true);
    expect(refused(item({ source: 'page header text', from: '2026-01-15' }))).toBe('lookupCodes: service.source is not a known place');
    expect(refused(item({ source: 'dos-column', from: '2026-02-30' }))).toBe('lookupCodes: service.from must be an ISO date');
    expect(refused(item({ source: 'dos-column', from: '2026-01-31', to: '2026-01-02' }))).toBe('lookupCodes: service.to must be an ISO date on or after from');
    expect(refused(item({ source: 'dos-column', from: '2026-01-15', text: '01/15/2026' }))).toBe('lookupCodes: service: unexpected key');
    expect(refused(item('2026-01-15'))).toBe('lookupCodes: service must be an object');
    expect(refused({ type: 'findCodeDates', params: { codes: ['<b>'] } })).toBe('findCodeDates: "<b>" is not a code');
  });

  it('answers only this extension', () => {
    expect(checkSender({ id: 'abc' }, 'abc')).toBe(true);
    expect(checkSender({ id: 'other' }, 'abc')).toBe(false);
    expect(checkSender({}, 'abc')).toBe(false);
  });
});


describe('checkRequest: loadContentPart', () => {
  it('accepts the name of a part of the session, and nothing else', () => {
    for (const part of ['tooltip', 'service-date', 'marking', 'code-lists']) expect(checkRequest({ type: 'loadContentPart', params: { part } }).ok).toBe(true);
    expect(error({ type: 'loadContentPart', params: { part: '../../evil.js' } })).toBe('loadContentPart: unknown part');
    expect(error({ type: 'loadContentPart', params: {} })).toBe('loadContentPart: unknown part');
    expect(error({ type: 'loadContentPart', params: { part: 'marking', file: 'x.js' } })).toBe('loadContentPart: unexpected parameter');
  });
});
