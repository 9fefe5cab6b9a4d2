/**
 * Launches Debian's Chromium with the built extension loaded, through
 * playwright-core (Playwright's own browser download does not work here).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const CHROME_DIST = new URL('../../../dist/chrome', import.meta.url).pathname;

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
  if (!path || !existsSync(path)) {
    throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
  }
  return path;
}

/** Flags that keep a headless run on this closed network quiet and reproducible. */
export const QUIET_FLAGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The worker as first started; after a restart, ask `currentWorker()`. */
  worker: Worker;
  currentWorker(): Promise<Worker>;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export async function launchExtension(
  options: { dist?: string; headless?: boolean; args?: string[]; deviceScaleFactor?: number; profile?: string } = {},
): Promise<ExtensionBrowser> {
  const dist = options.dist ?? CHROME_DIST;
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`No build at ${dist}: run npm run build first.`);
  // A given profile outlives the browser (a restart test launches it again); a fresh one is removed on close.
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'hcpcs-lens-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    ...(options.deviceScaleFactor ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ...QUIET_FLAGS,
      ...(options.args ?? []),
    ],
  });
  const currentWorker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const worker = await currentWorker();
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    currentWorker,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    close: async () => {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
