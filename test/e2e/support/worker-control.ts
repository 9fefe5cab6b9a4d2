/**
 * Stops the extension's service worker the way Chrome does when it is idle,
 * over the DevTools protocol of a page (the worker itself is never attached
 * to), and tells when it has really stopped: Playwright does not notice.
 */
import type { BrowserContext, Page } from 'playwright-core';

interface WorkerVersion {
  versionId: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

export interface WorkerControl {
  /** Resolves once every worker version reports "stopped". */
  stop(timeoutMs?: number): Promise<void>;
  running(): boolean;
  /** Resolves at the worker's next change of state (starting, running, stopping, stopped); rejects after `timeoutMs`. */
  nextChange(timeoutMs: number): Promise<void>;
}

export async function workerControl(context: BrowserContext, page: Page): Promise<WorkerControl> {
  const session = await context.newCDPSession(page);
  const status = new Map<string, WorkerVersion['runningStatus']>();
  const waiters = new Set<() => void>();
  session.on('ServiceWorker.workerVersionUpdated', (event: { versions: WorkerVersion[] }) => {
    for (const v of event.versions) status.set(v.versionId, v.runningStatus);
    for (const wake of waiters) wake();
  });
  await session.send('ServiceWorker.enable');
  const allStopped = () => [...status.values()].every((s) => s === 'stopped');
  /** Resolves at the first status update after which `done()` holds. */
  const untilUpdate = (done: () => boolean, timeoutMs: number, failure: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(failure));
      }, timeoutMs);
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
    });
  return {
    running: () => [...status.values()].some((s) => s === 'running' || s === 'starting'),
    async stop(timeoutMs = 10_000) {
      await session.send('ServiceWorker.stopAllWorkers');
      if (allStopped()) return;
      await untilUpdate(allStopped, timeoutMs, 'the service worker did not stop');
    },
    nextChange: (timeoutMs) => untilUpdate(() => true, timeoutMs, 'the service worker did not change state'),
  };
}
