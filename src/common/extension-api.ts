/**
 * The WebExtension API: `browser` in Firefox, `chrome` in Chrome and Edge,
 * typed by webextension-polyfill's types. Under Manifest V3 both return
 * promises, so where a budget is tight the polyfill's code buys nothing: in
 * the content script (10 KB minified, a fifth of the 50 KB injected into a
 * page) and in the worker (1.5 ms to evaluate and ~2 ms more before its
 * first call, on the path of the 50 ms cold-start budget) and in the popup
 * (its open → ready is held to 1.5× an empty popup's). The options page uses
 * the polyfill itself. One difference remains: a runtime.onMessage
 * listener answers through sendResponse, as Chrome ignores a returned promise.
 */
import type { Browser } from 'webextension-polyfill';

export const ext: Browser = (globalThis as unknown as { browser?: Browser }).browser ?? (globalThis as unknown as { chrome: Browser }).chrome;
