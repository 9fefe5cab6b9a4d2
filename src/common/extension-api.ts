/**
 * The WebExtension API: `browser` in Firefox, `chrome` in Chrome and Edge.
 * Under Manifest V3 both return promises, so in code that runs in pages
 * webextension-polyfill (10 KB minified, a fifth of the content script's
 * 50 KB budget) buys nothing. One difference remains: a runtime.onMessage
 * listener answers through sendResponse, as Chrome ignores a returned promise.
 */
import type { Browser } from 'webextension-polyfill';

export const ext: Browser = (globalThis as unknown as { browser?: Browser }).browser ?? (globalThis as unknown as { chrome: Browser }).chrome;
