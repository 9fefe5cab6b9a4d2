import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { injectableTabs } = await import('../../../src/background/inject-open-tabs');

describe('injectableTabs', () => {
  it('keeps loaded web pages and skips discarded, unloaded and browser pages', () => {
    const tabs = [
      { id: 1, url: 'https://portal.example.com/claims', status: 'complete' },
      { id: 2, url: 'https://portal.example.com/', discarded: true },
      { id: 3, url: 'chrome://extensions/' },
      { id: 4, url: 'http://127.0.0.1:8080/', status: 'unloaded' },
      { id: 5, url: 'file:///home/clerk/era.html' },
      { id: 6, url: 'chrome-extension://abc/src/popup/index.html' },
      { url: 'https://no-id.example.com/' },
      { id: 8 },
    ];
    expect(injectableTabs(tabs as never)).toEqual([1, 5]);
  });
});
