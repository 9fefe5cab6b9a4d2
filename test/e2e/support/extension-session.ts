/**
 * One browser per test file: registers the hooks that launch Chromium with
 * the built extension and the fixture server before a file's tests (with the
 * settings they need) and close both after.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Settings } from '../../../src/common/settings';
import { launchExtension, type ExtensionBrowser } from './chromium';
import { setSettings } from './extension-page';
import { startFixtureServer, type FixtureServer } from './fixture-server';

export interface ExtensionSession {
  ext: ExtensionBrowser;
  server: FixtureServer;
}

export function useExtension(options: { settings?: Partial<Settings>; pages?: Record<string, string> } = {}): ExtensionSession {
  const session = {} as ExtensionSession;
  beforeAll(async () => {
    [session.ext, session.server] = await Promise.all([launchExtension(), startFixtureServer(options.pages)]);
    if (options.settings) await setSettings(session.ext, options.settings);
  });
  afterAll(async () => {
    await session.ext?.close();
    await session.server?.close();
  });
  return session;
}
