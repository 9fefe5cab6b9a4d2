import { describe, expect, it, vi } from 'vitest';
import { createHandlers, type HandlerDeps } from '../../../src/background/handlers';
import { DEFAULT_SETTINGS } from '../../../src/common/settings';
import { bundledLookup } from '../../support/dataset';

function handlers(sendToFrame: HandlerDeps['sendToFrame'] = vi.fn()) {
  return createHandlers({ getLookup: async () => bundledLookup(), getSettings: async () => DEFAULT_SETTINGS, sendToFrame, today: () => '2026-02-01' });
}

describe('findKnownCodes', () => {
  it('answers which codes and modifiers the dataset holds', async () => {
    const { findKnownCodes } = handlers();
    expect(await findKnownCodes({ codes: ['E1392', 'E9999', 'RR', 'ZZ', 'CO', '99213', '59'] }, {})).toEqual({ known: ['E1392', 'RR', 'CO'] });
  });
});

describe('showInTopFrame / hideInTopFrame', () => {
  const token = 'a1b2c3d4-e5f6';
  const items = [{ code: 'E1392', modifiers: ['RR'] }];

  it('relays a subframe’s request to the top frame of the same tab', async () => {
    const send = vi.fn(async () => ({ shown: true }));
    const h = handlers(send as unknown as HandlerDeps['sendToFrame']);
    expect(await h.showInTopFrame({ token, items }, { tabId: 7, frameId: 3 })).toEqual({ shown: true });
    expect(send).toHaveBeenCalledWith(7, 0, 'showFrameTooltip', { token, items });
    send.mockResolvedValueOnce({ hidden: true } as never);
    expect(await h.hideInTopFrame({ token }, { tabId: 7, frameId: 3 })).toEqual({ hidden: true });
    expect(send).toHaveBeenLastCalledWith(7, 0, 'hideFrameTooltip', { token });
    await h.hideInTopFrame({ token, force: true }, { tabId: 7, frameId: 3 });
    expect(send).toHaveBeenLastCalledWith(7, 0, 'hideFrameTooltip', { token, force: true });
  });

  it('relays nothing for the top frame itself or for extension pages', async () => {
    const send = vi.fn();
    const h = handlers(send);
    expect(await h.showInTopFrame({ token, items }, { tabId: 7, frameId: 0 })).toEqual({ shown: false });
    expect(await h.showInTopFrame({ token, items }, {})).toEqual({ shown: false });
    expect(send).not.toHaveBeenCalled();
  });

  it('answers not shown when the top frame cannot be reached', async () => {
    const h = handlers(vi.fn(async () => Promise.reject(new Error('Could not establish connection'))));
    expect(await h.showInTopFrame({ token, items }, { tabId: 7, frameId: 3 })).toEqual({ shown: false });
  });
});
