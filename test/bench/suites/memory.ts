/**
 * The worker's JavaScript heap after a cold start has loaded the dataset
 * (what a hover costs it), and once the popup's search index is built. The
 * page side is measured with the hovers (suites/hover.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_DIST } from '../../e2e/support/chromium';
import { workerControl } from '../../e2e/support/worker-control';
import type { BenchContext } from '../context';
import { contentWorld } from '../content-world';
import type { Figure } from '../figure';
import { workerHeap } from '../heap';
import { summarise } from '../stats';

export async function memory(ctx: BenchContext): Promise<Figure[]> {
  const ext = await ctx.browser();
  const { name, background } = JSON.parse(readFileSync(join(CHROME_DIST, 'manifest.json'), 'utf8')) as { name: string; background: { service_worker: string } };
  const workerUrl = ext.extensionUrl(background.service_worker);
  const server = await ctx.server({ '/memory.html': '<!doctype html><title>memory</title><p>E1392 RR</p>' });
  const page = await ext.context.newPage();
  await page.goto(server.url('memory.html'));
  const world = await contentWorld(page, name);
  const worker = await workerControl(ext.context, page);
  const extensionPage = await ext.context.newPage();
  await extensionPage.goto(ext.extensionUrl('src/options/index.html'));
  const loaded: number[] = [];
  const indexed: number[] = [];
  for (let i = 0; i < ctx.runs(3); i++) {
    await worker.stop();
    await world.evaluate(`chrome.runtime.sendMessage({ type: 'lookupCodes', params: { items: [{ code: 'E1392' }] } })`);
    loaded.push(await workerHeap(page, workerUrl));
    await extensionPage.evaluate(() => chrome.runtime.sendMessage({ type: 'prepareSearch', params: {} }));
    indexed.push(await workerHeap(page, workerUrl));
  }
  await extensionPage.close();
  await page.close();
  return [
    { suite: 'memory', name: 'worker JS heap, dataset loaded (after a cold start and one lookup)', unit: 'bytes', summary: summarise(loaded) },
    { suite: 'memory', name: 'worker JS heap, with the popup’s search index built', unit: 'bytes', summary: summarise(indexed) },
  ];
}
