import { describe, expect, it } from 'vitest';
import { checkRequest } from '../../../src/background/request-checks';

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
    expect(checkRequest({ type: 'showInTopFrame', params: { token, items: [{ code: 'E1392', modifiers: ['RR'] }] } }).ok).toBe(true);
    expect(checkRequest({ type: 'hideInTopFrame', params: { token } }).ok).toBe(true);
    expect(checkRequest({ type: 'hideInTopFrame', params: { token, force: true } }).ok).toBe(true);
  });

  it('refuses bad tokens and bad items', () => {
    expect(error({ type: 'showInTopFrame', params: { token: 'x', items: [{ code: 'E1392' }] } })).toBe('showInTopFrame: token must be 8 to 64 letters, digits or dashes');
    expect(error({ type: 'showInTopFrame', params: { token, items: [{ code: '<b>' }] } })).toBe('showInTopFrame: "<b>" is not a code');
    expect(error({ type: 'showInTopFrame', params: { token, items: [{ code: 'E1392', modifiers: ['RR', 'KX', 'GA', 'GY', 'GZ'] }] } })).toBe(
      'showInTopFrame: modifiers must be up to 4 two-character modifiers',
    );
    expect(error({ type: 'hideInTopFrame', params: { token: '../../etc' } })).toBe('hideInTopFrame: token must be 8 to 64 letters, digits or dashes');
    expect(error({ type: 'hideInTopFrame', params: { token, force: 'yes' } })).toBe('hideInTopFrame: force must be true or false');
  });
});

describe('checkRequest: lookupCodes', () => {
  it('still checks items as before', () => {
    expect(error({ type: 'lookupCodes', params: { items: [] } })).toBe('lookupCodes: items must be a non-empty list');
    expect(checkRequest({ type: 'lookupCodes', params: { items: [{ code: 'KX' }], level: 'brief' } }).ok).toBe(true);
  });
});
