/** What every benchmark suite gets: run counts, the built extension in Chromium, a page server. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_DIST, launchExtension, type ExtensionBrowser } from '../e2e/support/chromium';
import { startFixtureServer, type FixtureServer } from '../e2e/support/fixture-server';
import type { Owner } from './trace';

export interface BenchContext {
  quick: boolean;
  root: string;
  /** The full count of repetitions, or a handful with --quick (keeps the bench working in CI). */
  runs(full: number): number;
  /** The built extension in Chromium, launched once and shared. */
  browser(): Promise<ExtensionBrowser>;
  /** How traces name the extension's work: its isolated world (the manifest name) and its files' origin. */
  owner(): Promise<Owner>;
  /** Serves test/fixtures and the pages a suite generates, on 127.0.0.1. */
  server(pages?: Record<string, string>): Promise<FixtureServer>;
  close(): Promise<void>;
}

export function createContext(root: string, quick: boolean): BenchContext {
  let browser: Promise<ExtensionBrowser> | undefined;
  const servers: FixtureServer[] = [];
  return {
    quick,
    root,
    runs: (full) => (quick ? Math.min(full, 3) : full),
    // Frames are not held to the display's 60 Hz: a figure "to the first frame"
    // then measures the extension's work, not where in a vsync interval it ended.
    browser: () => (browser ??= launchExtension({ args: ['--disable-frame-rate-limit', '--disable-gpu-vsync'] })),
    async owner() {
      const { name } = JSON.parse(readFileSync(join(CHROME_DIST, 'manifest.json'), 'utf8')) as { name: string };
      return { world: name, origin: `chrome-extension://${(await this.browser()).extensionId}/` };
    },
    async server(pages = {}) {
      const server = await startFixtureServer(pages);
      servers.push(server);
      return server;
    },
    async close() {
      await Promise.all(servers.map((s) => s.close()));
      if (browser) await (await browser).close();
    },
  };
}
