import { describe, expect, it } from 'vitest';
import { checkContentRequest } from '../../../src/content/content-requests';

const error = (message: unknown) => {
  const checked = checkContentRequest(message);
  return checked.ok ? undefined : checked.error;
};

describe('checkContentRequest', () => {
  it('accepts the ContentApi requests', () => {
    expect(checkContentRequest({ type: 'showSelectionLookup', params: { text: 'E1392-RR' } }).ok).toBe(true);
    expect(checkContentRequest({ type: 'listPageCodes', params: {} }).ok).toBe(true);
    expect(checkContentRequest({ type: 'listPageCodes' }).ok).toBe(true);
    expect(checkContentRequest({ type: 'showFrameTooltip', params: { token: 'a1b2c3d4-e5f6', items: [{ code: 'E1392', modifiers: ['RR'] }], anchor: { left: 0, top: 0, width: 1, height: 1 }, path: [1, 0] } }).ok).toBe(true);
    expect(checkContentRequest({ type: 'hideTooltip', params: {} }).ok).toBe(true);
    expect(checkContentRequest({ type: 'showFocusedTooltip' }).ok).toBe(true);
    expect(checkContentRequest({ type: 'hideFrameTooltip', params: { token: 'a1b2c3d4-e5f6', force: true } }).ok).toBe(true);
  });

  it('refuses requests for the worker, unknown ones and bad params', () => {
    expect(error({ type: 'lookupCodes', params: { items: [{ code: 'E1392' }] } })).toBe('not a content request');
    expect(error({ type: 'toString' })).toBe('not a content request');
    expect(error('listPageCodes')).toBe('not a content request');
    expect(error({ type: 'showSelectionLookup', params: { text: 'x'.repeat(2001) } })).toBe('showSelectionLookup: text must be at most 2000 characters');
    expect(error({ type: 'showSelectionLookup', params: { text: 'E1392', html: '<b>' } })).toBe('showSelectionLookup: unexpected parameter');
    expect(error({ type: 'listPageCodes', params: [] })).toBe('listPageCodes: params must be an object');
    expect(error({ type: 'showFrameTooltip', params: { token: 'a1b2c3d4-e5f6', items: [{ code: 'javascript:' }], anchor: { left: 0, top: 0, width: 1, height: 1 }, path: [0] } })).toBe('showFrameTooltip: "javascript:" is not a code');
    expect(error({ type: 'showFrameTooltip', params: { token: 'a1b2c3d4-e5f6', items: [{ code: 'E1392' }] } })).toBe('showFrameTooltip: anchor must be a box of finite numbers');
    expect(error({ type: 'hideFrameTooltip', params: { token: 'a1b2c3d4-e5f6', force: 1 } })).toBe('hideFrameTooltip: force must be true or false');
  });
});
