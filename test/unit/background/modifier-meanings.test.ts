/** findModifierMeanings: the worker gives the content script CMS descriptions of modifiers only, checked on arrival. */
import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../src/background/handlers';
import { checkRequest } from '../../../src/background/request-checks';
import { DEFAULT_SETTINGS } from '../../../src/common/settings';
import { bundledLookup } from '../../support/dataset';

const handlers = () => createHandlers({ getLookup: async () => bundledLookup(), getSettings: async () => DEFAULT_SETTINGS, sendToFrame: vi.fn(), startSession: vi.fn() });

describe('findModifierMeanings', () => {
  it('answers the long and short descriptions of the modifiers the dataset holds, and nothing for other tokens', async () => {
    const { meanings } = await handlers().findModifierMeanings({ codes: ['EY', 'ZZ', 'GA'] }, {});
    expect(meanings.map((m) => m.code)).toEqual(['EY', 'GA']);
    expect(meanings[0]).toEqual({ code: 'EY', long: bundledLookup().modifier('EY')!.long, short: 'No md order for item/service' });
  });

  it('takes only lists of two-character modifier tokens', () => {
    expect(checkRequest({ type: 'findModifierMeanings', params: { codes: ['GA', 'KX'] } }).ok).toBe(true);
    for (const codes of [[], ['E1392'], ['ga'], 'GA', Array.from({ length: 501 }, () => 'GA')]) {
      expect(checkRequest({ type: 'findModifierMeanings', params: { codes } }).ok, JSON.stringify(codes).slice(0, 40)).toBe(false);
    }
    expect(checkRequest({ type: 'findModifierMeanings', params: { codes: ['GA'], text: 'page words' } }).ok).toBe(false);
  });
});
