/**
 * What the content script costs a page that holds no code: its own
 * main-thread time while a 5 MB text page loads, from a trace that
 * attributes each script run to the extension's isolated world or files.
 */
import type { ExtensionBrowser } from '../../e2e/support/chromium';
import type { BenchContext } from '../context';
import type { Figure } from '../figure';
import { codeFreeText } from '../pages';
import { summarise } from '../stats';
import { MainThread, scriptWork, startTrace, type Owner } from '../trace';

export const HTML_BYTES = 5_000_000;

export async function pageCost(ctx: BenchContext): Promise<Figure[]> {
  const ext = await ctx.browser();
  const owner = await ctx.owner();
  const html = codeFreeText(HTML_BYTES);
  const server = await ctx.server({ '/code-free.html': html });
  const url = server.url('code-free.html');
  const { total, longest } = await contentScriptCost(ext, owner, url, ctx.runs(10));
  const suite = 'page';
  return [
    { suite, name: `${CODE_FREE}: the content script’s main-thread time`, unit: 'ms', summary: summarise(total), budget: { stat: 'median', limit: 1 } },
    { suite, name: 'code-free page: its longest task', unit: 'ms', summary: summarise(longest) },
  ];
}

/** The code-free page; its size is HTML_BYTES. */
export const CODE_FREE = `code-free ${(HTML_BYTES / 1e6).toFixed(1)} MB page`;

/** An extension's content script work while `url` loads, `runs` times (after one load that warms the caches). */
export async function contentScriptCost(ext: ExtensionBrowser, owner: Owner, url: string, runs: number): Promise<{ total: number[]; longest: number[] }> {
  const total: number[] = [];
  const longest: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const page = await ext.context.newPage();
    const session = await ext.context.newCDPSession(page);
    const stop = await startTrace(session);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    const events = await stop();
    await page.close();
    const work = scriptWork(new MainThread(events, url), owner);
    if (work.tasks === 0) throw new Error('the content script did not run in the code-free page');
    // The first load warms the browser's caches (the first renderer, the extension's files).
    if (i === 0) continue;
    total.push(work.total);
    longest.push(work.longest);
  }
  return { total, longest };
}
