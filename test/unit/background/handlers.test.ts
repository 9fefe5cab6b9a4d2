/** The worker's handlers: answers from the dataset, and the relay of a small frame's tooltip to its top frame. */
import { describe, expect, it, vi } from 'vitest';
import { createHandlers, type HandlerDeps } from '../../../src/background/handlers';
import { DEFAULT_SETTINGS } from '../../../src/common/settings';
import { decodeCodeSet } from '../../../src/hcpcs/code-set';
import { bundledLookup } from '../../support/dataset';
import { sampleLookup } from '../support/sample-release';

function handlers(sendToFrame: HandlerDeps['sendToFrame'] = vi.fn()) {
  return createHandlers({ getLookup: async () => bundledLookup(), getSettings: async () => DEFAULT_SETTINGS, sendToFrame, startSession: vi.fn(), today: () => '2026-02-01' });
}

describe('findKnownCodes', () => {
  it('answers which codes and modifiers the dataset holds', async () => {
    const { findKnownCodes } = handlers();
    expect(await findKnownCodes({ codes: ['E1392', 'E9999', 'RR', 'ZZ', 'CO', '99213', '59'] }, {})).toEqual({ known: ['E1392', 'RR', 'CO'] });
  });
});

describe('listKnownCodes', () => {
  it('sends the set of every code and modifier, the same object for the same dataset', async () => {
    const { listKnownCodes, findKnownCodes } = handlers();
    const set = await listKnownCodes({}, {});
    const known = decodeCodeSet(set)!;
    const tokens = ['E1392', 'E9999', 'RR', 'ZZ', 'CO', '99213', '59', 'G0439', 'A4253'];
    expect(tokens.filter(known)).toEqual((await findKnownCodes({ codes: tokens }, {})).known);
    expect(await listKnownCodes({}, {})).toBe(set);
  });
});

describe('findCodeDates', () => {
  it('answers the added and termination dates of the codes the dataset holds, with the release', async () => {
    const { findCodeDates } = handlers();
    expect(await findCodeDates({ codes: ['C5271', 'A4295', 'E9999', 'JG'] }, {})).toEqual({
      release: { year: 2026, quarter: 1, effective: '2026-01-01' },
      dates: [
        ['C5271', '2014-01-01', '2025-12-31'],
        ['A4295', '2026-01-01', ''],
        ['JG', '2018-01-01', '2024-12-31'],
      ],
    });
  });
});

describe('lookupCodes with a date of service', () => {
  it('adds the verdict for the code and each modifier to the cards, at every level', async () => {
    const { lookupCodes } = handlers();
    for (const level of ['brief', 'standard', 'full'] as const) {
      const model = await lookupCodes({ items: [{ code: 'C5271', modifiers: ['JG'], service: { source: 'dos-column', from: '2026-02-01' } }], level }, {});
      expect(model.cards[0]!.service).toEqual({ kind: 'not-valid', text: 'Not valid on 02/01/2026: terminated 12/31/2025', source: 'DOS column' });
      expect(model.cards[0]!.modifiers[0]!.service).toMatchObject({ kind: 'not-valid', text: 'Not valid on 02/01/2026: terminated 12/31/2024' });
    }
    const plain = await lookupCodes({ items: [{ code: 'C5271' }], level: 'brief' }, {});
    expect(plain.cards[0]!.service).toBeUndefined();
  });
});

describe('showInTopFrame / hideInTopFrame', () => {
  const token = 'a1b2c3d4-e5f6';
  const items = [{ code: 'E1392', modifiers: ['RR'] }];
  const place = { anchor: { left: 10, top: 200, width: 40, height: 16 }, path: [2, 0] };

  it('relays a subframe’s request to the top frame of the same tab', async () => {
    const send = vi.fn(async () => ({ shown: true }));
    const h = handlers(send as unknown as HandlerDeps['sendToFrame']);
    expect(await h.showInTopFrame({ token, items, ...place }, { tabId: 7, frameId: 3 })).toEqual({ shown: true });
    expect(send).toHaveBeenCalledWith(7, 0, 'showFrameTooltip', { token, items, ...place });
    send.mockResolvedValueOnce({ hidden: true } as never);
    expect(await h.hideInTopFrame({ token }, { tabId: 7, frameId: 3 })).toEqual({ hidden: true });
    expect(send).toHaveBeenLastCalledWith(7, 0, 'hideFrameTooltip', { token });
    await h.hideInTopFrame({ token, force: true }, { tabId: 7, frameId: 3 });
    expect(send).toHaveBeenLastCalledWith(7, 0, 'hideFrameTooltip', { token, force: true });
  });

  it('relays nothing for the top frame itself or for extension pages', async () => {
    const send = vi.fn();
    const h = handlers(send);
    expect(await h.showInTopFrame({ token, items, ...place }, { tabId: 7, frameId: 0 })).toEqual({ shown: false });
    expect(await h.showInTopFrame({ token, items, ...place }, {})).toEqual({ shown: false });
    expect(send).not.toHaveBeenCalled();
  });

  it('answers not shown when the top frame cannot be reached', async () => {
    const h = handlers(vi.fn(async () => Promise.reject(new Error('Could not establish connection'))));
    expect(await h.showInTopFrame({ token, items, ...place }, { tabId: 7, frameId: 3 })).toEqual({ shown: false });
  });
});

describe('dismissTooltips / getTabHost', () => {
  it('asks every frame of the sender’s tab to hide its tooltip (Escape in a frame without one)', async () => {
    const all = vi.fn(async () => ({ hidden: true }));
    const h = createHandlers({ getLookup: async () => bundledLookup(), getSettings: async () => DEFAULT_SETTINGS, sendToFrame: vi.fn(), startSession: vi.fn(), sendToAllFrames: all });
    expect(await h.dismissTooltips({}, { tabId: 7, frameId: 3 })).toEqual({ sent: true });
    expect(all).toHaveBeenCalledWith(7, 'hideTooltip', {});
    expect(await h.dismissTooltips({}, {})).toEqual({ sent: false });
  });

  it('names the host of the sender’s tab, from the URL the browser gives the worker (not from the page)', async () => {
    const h = handlers(vi.fn());
    expect(await h.getTabHost({}, { tabId: 7, frameId: 3, tabUrl: 'https://portal.example.com:8443/claims?id=1' })).toEqual({ host: 'portal.example.com:8443' });
    expect(await h.getTabHost({}, { tabId: 7, frameId: 3, tabUrl: 'chrome://extensions/' })).toEqual({});
    expect(await h.getTabHost({}, { tabId: 7, frameId: 3 })).toEqual({});
  });
});

describe('lookupCodes on part of the dataset', () => {
  it('asks for the parts holding the codes, their modifiers and the codes they cross-refer to', async () => {
    const getLookupFor = vi.fn(async () => bundledLookup());
    const h = createHandlers({ getLookup: async () => bundledLookup(), getLookupFor, getSettings: async () => DEFAULT_SETTINGS, sendToFrame: vi.fn(), startSession: vi.fn() });
    const model = await h.lookupCodes({ items: [{ code: 'B4105', modifiers: ['RR'] }], level: 'standard' }, {});
    expect(getLookupFor).toHaveBeenLastCalledWith(['B4105', 'RR', 'Q9994']);
    expect(JSON.stringify(model)).toContain('Q9994');
  });
});

describe('startSession', () => {
  it('starts the session in the frame of the content script that asks, and nowhere for an extension page', async () => {
    const startSession = vi.fn(async () => undefined);
    const h = createHandlers({ getLookup: async () => bundledLookup(), getSettings: async () => DEFAULT_SETTINGS, sendToFrame: vi.fn(), startSession });
    expect(await h.startSession({}, { tabId: 7, frameId: 3 })).toEqual({ started: true });
    expect(startSession).toHaveBeenCalledWith(7, 3);
    expect(await h.startSession({}, {})).toEqual({ started: false });
    expect(startSession).toHaveBeenCalledTimes(1);
  });
});

describe('loadContentPart', () => {
  it('injects the part into the frame of the content script that asks, and nowhere for an extension page', async () => {
    const injectPart = vi.fn(async () => undefined);
    const h = createHandlers({ getLookup: async () => bundledLookup(), getSettings: async () => DEFAULT_SETTINGS, sendToFrame: vi.fn(), startSession: vi.fn(), injectPart });
    expect(await h.loadContentPart({ part: 'service-date' }, { tabId: 7, frameId: 3 })).toEqual({ loaded: true });
    expect(injectPart).toHaveBeenCalledWith(7, 3, 'service-date');
    expect(await h.loadContentPart({ part: 'marking' }, {})).toEqual({ loaded: false });
    expect(injectPart).toHaveBeenCalledTimes(1);
  });
});

describe('handlers on the sample release', () => {
  const sample = (detailLevel: 'brief' | 'standard' | 'full' = 'standard') =>
    createHandlers({ getLookup: sampleLookup, getSettings: async () => ({ ...DEFAULT_SETTINGS, detailLevel }), sendToFrame: vi.fn(), startSession: vi.fn(), today: () => '2026-02-10' });

  it('lookupCodes builds the model at the user’s level unless the request names one', async () => {
    expect((await sample('brief').lookupCodes({ items: [{ code: 'E1392' }] }, {})).level).toBe('brief');
    expect((await sample('brief').lookupCodes({ items: [{ code: 'E1392' }], level: 'full' }, {})).level).toBe('full');
    const model = await sample().lookupCodes({ items: [{ code: 'E1392', modifiers: ['RR'] }, { code: 'J1100' }] }, {});
    expect(model.cards.map((c) => c.code)).toEqual(['E1392', 'J1100']);
  });

  it('lookupCodes takes the reference date from the request', async () => {
    const model = await sample().lookupCodes({ items: [{ code: 'A4295' }], asOf: '2025-06-01' }, {});
    expect(model.cards[0]!.status[0]!.kind).toBe('not-yet-effective');
  });

  it('searchCodes and getDatasetInfo name the release', async () => {
    const h = sample();
    const result = await h.searchCodes({ query: 'E139' }, {});
    expect(result.hits.map((hit) => hit.code)).toEqual(['E1390', 'E1391', 'E1392']);
    expect(result.release).toBe('CMS HCPCS 2026 Q1');
    expect(await h.getDatasetInfo({}, {})).toMatchObject({ label: 'CMS HCPCS 2026 Q1', release: { codes: 29, modifiers: 16 } });
  });

  it('a dataset that cannot load is an error answer, not a hang', async () => {
    const h = createHandlers({
      getLookup: () => Promise.reject(new Error('The HCPCS dataset is missing from this build')),
      getSettings: async () => DEFAULT_SETTINGS,
      sendToFrame: vi.fn(),
      startSession: vi.fn(),
    });
    await expect(h.lookupCodes({ items: [{ code: 'E1392' }] }, {})).rejects.toThrow('The HCPCS dataset is missing from this build');
  });
});
