/**
 * The popup: open → search box ready, and keystroke → results painted, over
 * codes, prefixes, words and typos; plus a word query typed the moment the
 * popup opens with the worker stopped. The popup page is opened in a tab (a
 * test cannot click the toolbar): the same page, minus the browser's own
 * popup window.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../e2e/support/chromium';
import { workerControl } from '../../e2e/support/worker-control';
import type { BenchContext } from '../context';
import type { Figure } from '../figure';
import { summarise } from '../stats';

export const QUERIES = [
  'E1392', 'J1100', 'A4253', 'G0439', 'E139', 'K00', 'L30', 'Q41', 'RR', 'KX', 'NU', 'GA',
  'portable oxygen', 'oxygen concentrator portable', 'wheelchair cushion', 'dexamethasone', 'blood glucose test strips',
  'hearing aid', 'ambulance mileage', 'insulin', 'walker', 'hospital bed', 'infusion pump', 'skin substitute',
  'concentrater', 'wheelchiar', 'dexamethazone', 'catheter', 'orthosis knee', 'compression stocking',
];

/** Types a query the way a keystroke does (an input event on the box) and times it to the first frame showing results. */
function timeQuery(page: Page, query: string): Promise<number> {
  return page.evaluate(
    (q) =>
      new Promise<number>((resolve, reject) => {
        const input = document.getElementById('query') as HTMLInputElement;
        const status = document.getElementById('search-status')!;
        const timer = setTimeout(() => reject(new Error(`no results for ${q}`)), 5000);
        // The status line is written after the results list: the last DOM change of a search.
        const observer = new MutationObserver(() => {
          observer.disconnect();
          requestAnimationFrame(() => {
            clearTimeout(timer);
            resolve(performance.now() - started);
          });
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
        input.value = q;
        const started = performance.now();
        input.dispatchEvent(new InputEvent('input', { bubbles: true, data: q.slice(-1), inputType: 'insertText' }));
      }),
    query,
  );
}

export async function popup(ctx: BenchContext): Promise<Figure[]> {
  const ext = await ctx.browser();
  const url = ext.extensionUrl('src/popup/index.html');
  const suite = 'popup';

  const open = await openTimes(ext, url, ctx.runs(20));

  const page = await ext.context.newPage();
  await page.goto(url);
  await page.locator('#dataset').filter({ hasText: 'codes' }).waitFor();
  for (const q of QUERIES.slice(0, 5)) await timeQuery(page, q);
  const keystroke: number[] = [];
  // Keystrokes 80 ms apart: faster than anyone types (a brisk typist's are 150-200 ms apart).
  for (let round = 0; round < (ctx.quick ? 1 : 3); round++) {
    for (const q of QUERIES) {
      keystroke.push(await timeQuery(page, q));
      await page.waitForTimeout(80);
    }
  }

  const worker = await workerControl(ext.context, page);
  const coldWord: number[] = [];
  for (let i = 0; i < ctx.runs(8); i++) {
    await worker.stop();
    const fresh = await ext.context.newPage();
    await fresh.goto(url, { waitUntil: 'commit' });
    await fresh.waitForFunction(() => document.activeElement?.id === 'query');
    coldWord.push(await timeQuery(fresh, 'wheelchair cushion'));
    await fresh.close();
  }
  await page.close();
  return [
    { suite, name: POPUP_OPEN, unit: 'ms', summary: summarise(open), budget: { stat: 'median', limit: 150 } },
    { suite, name: `keystroke → results painted (${QUERIES.length} queries)`, unit: 'ms', summary: summarise(keystroke), budget: { stat: 'p95', limit: 10 } },
    { suite, name: 'word query at open, worker stopped → results painted', unit: 'ms', summary: summarise(coldWord), budget: { stat: 'max', limit: 300 } },
  ];
}

export const POPUP_OPEN = 'open → search box ready (focused, script run)';

/** An extension page with a search box (#query) opened in a tab, `runs` times: navigation to DOMContentLoaded, its module scripts run. */
export async function openTimes(ext: ExtensionBrowser, url: string, runs: number): Promise<number[]> {
  const open: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const page = await ext.context.newPage();
    await page.goto(url);
    const { ready, focused } = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      // Module scripts have run by DOMContentLoaded; the box has autofocus from parsing.
      return { ready: nav.domContentLoadedEventEnd, focused: document.activeElement?.id };
    });
    if (focused !== 'query') throw new Error(`the search box was not focused (focus on ${focused})`);
    if (i > 0) open.push(ready); // the first load fills caches
    await page.close();
  }
  return open;
}
