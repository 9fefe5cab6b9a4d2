/**
 * A fresh tab per test whose console is watched from every world: after each
 * test it must hold no error at all, the extension's or the page's (the
 * fixtures' own scripts do not err). For the tests of pages that fight back.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, expect } from 'vitest';
import type { Settings } from '../../../src/common/settings';
import { watchConsole, type ConsoleErrors } from './console-errors';
import { setSettings } from './extension-page';
import type { ExtensionSession } from './extension-session';

export interface WatchedPage {
  page: Page;
  errors: ConsoleErrors;
  /** Opens a fixture page (a path under test/fixtures) and brings its tab to the front. */
  open(path: string): Promise<void>;
}

export function useWatchedPage(e2e: ExtensionSession, options: { settings?: Partial<Settings> } = {}): WatchedPage {
  const watched = {} as WatchedPage;
  beforeEach(async () => {
    if (options.settings) await setSettings(e2e.ext, options.settings);
    watched.page = await e2e.ext.context.newPage();
    watched.errors = await watchConsole(e2e.ext.context, watched.page);
    watched.open = async (path) => {
      await watched.page.goto(e2e.server.url(path));
      await watched.page.bringToFront();
    };
  });
  afterEach(async () => {
    expect(watched.errors.all()).toEqual([]);
    await watched.page.close();
  });
  return watched;
}
