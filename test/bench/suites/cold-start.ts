/**
 * Worker cold start → first lookupCodes answered, timed where a hover asks:
 * a content script's runtime.sendMessage to its reply. The worker is stopped
 * over CDP between runs and never has a debugger attached.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../e2e/support/chromium';
import type { BenchContext } from '../context';
import { workerControl, type WorkerControl } from '../../e2e/support/worker-control';
import { contentWorld, type ContentWorld } from '../content-world';
import type { Figure } from '../figure';
import { summarise } from '../stats';

export const LOOKUP = `(async () => {
  const started = performance.now();
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('no answer in 10 s')), 10000));
  const reply = await Promise.race([chrome.runtime.sendMessage({ type: 'lookupCodes', params: { items: [{ code: 'E1392', modifiers: ['RR'] }] } }), timeout]);
  if (!reply || !reply.result) throw new Error('no answer: ' + JSON.stringify(reply));
  return performance.now() - started;
})()`;

export const COLD_START = 'cold start → first lookupCodes answered (content script)';

export async function coldStart(ctx: BenchContext): Promise<Figure[]> {
  const { cold, warm } = await coldLookups(ctx);
  const suite = 'worker';
  return [
    { suite, name: COLD_START, unit: 'ms', summary: summarise(cold), budget: { stat: 'median', limit: 50 } },
    { suite, name: 'warm lookupCodes round trip (content script)', unit: 'ms', summary: summarise(warm) },
  ];
}

/** Cold and warm lookupCodes timings from a content script, with whichever release is active. */
export async function coldLookups(ctx: BenchContext): Promise<{ cold: number[]; warm: number[] }> {
  const ext = await ctx.browser();
  const server = await ctx.server({ '/cold-start.html': '<!doctype html><title>cold start</title><p>Claim line E1392 RR</p>' });
  const page = await ext.context.newPage();
  await page.goto(server.url('cold-start.html'));
  const world = await contentWorld(page, 'HCPCS Lens');
  const cold = await coldStarts(ext, page, world, LOOKUP, ctx.runs(20));
  const warm: number[] = [];
  for (let i = 0; i < ctx.runs(50); i++) warm.push(await world.evaluate<number>(LOOKUP));
  await page.close();
  return { cold, warm };
}

/**
 * Waits until the worker answers `expression` again: after each refusal,
 * until the worker next changes state (it starting, stopping, running), so
 * the message is sent again when something has changed; a hang after 30 s.
 */
async function answering(world: ContentWorld, expression: string, worker: WorkerControl): Promise<void> {
  const until = Date.now() + 30_000;
  for (;;) {
    // Listened for before the message, which may be what starts the worker.
    const changed = worker.nextChange(Math.max(0, until - Date.now()));
    changed.catch(() => undefined);
    try {
      await world.evaluate<number>(expression);
      return;
    } catch (error) {
      await changed.catch(() => {
        throw new Error(`the worker has not answered for 30 s: ${String(error)}`);
      });
    }
  }
}

/** Times `expression` (a message to the worker, from a content script's world) right after the worker is stopped, `runs` times. */
export async function coldStarts(ext: ExtensionBrowser, page: Page, world: ContentWorld, expression: string, runs: number): Promise<number[]> {
  const worker = await workerControl(ext.context, page);
  const cold: number[] = [];
  let dropped = 0;
  for (let i = 0; i < runs; i++) {
    // Right after the browser starts, the worker may be woken again for its install events: stop it until it stays stopped.
    for (let attempt = 0; ; attempt++) {
      await worker.stop();
      await page.waitForTimeout(250);
      if (!worker.running()) break;
      if (attempt === 5) throw new Error('the worker keeps restarting by itself before the timed request');
    }
    try {
      cold.push(await world.evaluate<number>(expression));
    } catch (error) {
      // Now and then Chromium answers a message sent to a just-stopped worker
      // with "Receiving end does not exist" (the empty floor worker too; the
      // extension's own messages are sent again: common/send.ts), and once in
      // a while goes on so for seconds: the run is measured again, once the
      // worker answers again, as many times at most as there are runs.
      if (!String(error).includes('Receiving end does not exist') || ++dropped > runs) throw error;
      await answering(world, expression, worker);
      i--;
    }
  }
  if (dropped > 0) console.warn(`  ${dropped} of ${runs + dropped} cold starts answered "Receiving end does not exist" and were measured again`);
  return cold;
}
