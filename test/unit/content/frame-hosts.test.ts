import { describe, expect, it } from 'vitest';
import { frameHosts } from '../../../src/content/frames/frame-hosts';

/** A frame's window as frameHosts reads it: its origin, and no ancestorOrigins (Firefox's case, or Chromium's masked one). */
const frame = (origin: string, host = '') => ({ origin, location: { host } }) as unknown as Window;

describe('frameHosts: whose site rules apply to a frame', () => {
  it('its own host and its tab’s, as the worker names it, with no ancestorOrigins to read', () => {
    expect(frameHosts(frame('https://widgets.payer.example'), 'portal.example.com')).toEqual(['widgets.payer.example', 'portal.example.com']);
  });

  it('only its own when the tab has no host (a browser page, a file), once when they are the same', () => {
    expect(frameHosts(frame('https://portal.example.com'))).toEqual(['portal.example.com']);
    expect(frameHosts(frame('https://portal.example.com'), 'portal.example.com')).toEqual(['portal.example.com']);
  });

  it('a sandboxed frame (opaque origin) goes by its address and its tab', () => {
    expect(frameHosts(frame('null', 'reports.example.com'), 'portal.example.com')).toEqual(['reports.example.com', 'portal.example.com']);
  });
});
