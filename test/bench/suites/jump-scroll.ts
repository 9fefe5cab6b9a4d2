/**
 * Jump scroll → codes on screen marked, at the top, the middle and the end
 * of claims tables of 20,000 and 50,000 rows, of a long EDI file in one
 * <pre>, and of a table in a scrolling panel. Finding the text on screen
 * must not cost more the further down the page or the longer the table:
 * the 100 % figure is held to 1.25 × the 0 % one.
 *
 * Each timed jump starts from a settled page a quarter of the way from its
 * target (the marker has rested and probed again), so each one is a jump.
 *
 * The floor, in the same run and on the same page with the extension off:
 * the page itself marks the same codes from ranges made before the jump, in
 * the same task as the jump: what the browser needs to scroll and paint the
 * marks. Ours ÷ floor is held to 2×: a ratio holds from one machine to the
 * next where an absolute budget does not.
 */
import type { BrowserContext } from 'playwright-core';
import type { BenchContext } from '../context';
import type { Figure } from '../figure';
import { jumpRun, prepareFloor, prepareJumps, type Expected } from '../jump-runs';
import { waitForQuiet, writeSettings } from '../mark-runs';
import { claimsTable, ediFile, scrollingPanel } from '../pages';
import { summarise } from '../stats';

const FRACTIONS = [0, 0.5, 1];
/** Longer than the marker's rest after scrolling (page-marker.ts), so each jump starts from a settled page. */
const SETTLE_MS = 1300;

interface JumpPage {
  suite: string;
  path: string;
  html: string;
  expected: Expected;
  scroller?: string;
}

export async function jumpScroll(ctx: BenchContext): Promise<Figure[]> {
  const rows = ctx.quick ? [2_000] : [20_000, 50_000];
  const pages: JumpPage[] = [
    ...rows.map((n) => ({ suite: `jump ${n.toLocaleString('en-US')} rows`, path: `/jump-${n}.html`, html: claimsTable(n), expected: { cells: 'tbody td:nth-child(3)' } })),
    { suite: 'jump EDI <pre>', path: '/jump-edi.html', html: ediFile(ctx.quick ? 2_000 : 20_000), expected: { pre: 'pre' } },
    { suite: 'jump scrolling panel', path: '/jump-panel.html', html: scrollingPanel(ctx.quick ? 2_000 : 20_000), expected: { cells: 'tbody td:nth-child(3)' }, scroller: '#panel' },
  ];
  const ext = await ctx.browser();
  const server = await ctx.server(Object.fromEntries(pages.map((p) => [p.path, p.html])));
  const figures: Figure[] = [];
  for (const spec of pages) {
    const url = server.url(spec.path.slice(1));
    await writeSettings(ext, { markCodes: true });
    const ours = await measure(ctx, ext.context, url, spec, false);
    // The floor on the same page: the extension off, the page marking precomputed ranges.
    await writeSettings(ext, { markCodes: false });
    const floor = await measure(ctx, ext.context, url, spec, true);
    const budget = { stat: 'p95', limit: 100 } as const;
    const median = (m: Map<number, number[]>, f: number) => summarise(m.get(f)!).median;
    for (const f of FRACTIONS) {
      figures.push({ suite: spec.suite, name: `jump scroll to ${f * 100} % → codes on screen marked`, unit: 'ms', summary: summarise(ours.get(f)!), budget });
      figures.push({ suite: spec.suite, name: `  floor: precomputed ranges marked with the Highlight API`, unit: 'ms', summary: summarise(floor.get(f)!) });
      figures.push({
        suite: spec.suite,
        name: `  ours ÷ floor at ${f * 100} % (medians)`,
        unit: 'x',
        value: median(ours, f) / median(floor, f),
        budget: { stat: 'value', limit: 2 },
      });
    }
    figures.push({
      suite: spec.suite,
      name: 'jump to 100 % ÷ jump to 0 % (medians)',
      unit: 'x',
      value: median(ours, 1) / median(ours, 0),
      budget: { stat: 'value', limit: 1.25 },
      note: 'above 1.25: finding the text on screen grows with the scroll position',
    });
  }
  return figures;
}

/** Timed jumps to each fraction, each from a settled page a quarter of the way off. */
async function measure(ctx: BenchContext, context: BrowserContext, url: string, spec: JumpPage, floor: boolean): Promise<Map<number, number[]>> {
  const page = await context.newPage();
  await page.goto(url);
  const count = await prepareJumps(page, spec.expected, spec.scroller);
  if (count === 0) throw new Error(`${spec.path}: no code to expect`);
  if (floor) await prepareFloor(page);
  // The first screen marked: the page is ready.
  if (!Number.isFinite(await jumpRun(page, 0, floor))) throw new Error(`${spec.path}: nothing marked on the first screen`);
  const times = new Map<number, number[]>(FRACTIONS.map((f) => [f, []]));
  for (let i = 0; i < ctx.runs(5); i++) {
    for (const f of FRACTIONS) {
      await jumpRun(page, f < 0.5 ? f + 0.25 : f - 0.25, floor);
      await page.waitForTimeout(floor ? 100 : SETTLE_MS);
      await waitForQuiet(page);
      const ms = await jumpRun(page, f, floor);
      if (!Number.isFinite(ms)) throw new Error(`${spec.path}: codes on screen unmarked 10 s after a jump to ${f * 100} %${floor ? ' (floor)' : ''}`);
      times.get(f)!.push(ms);
    }
  }
  await page.close();
  return times;
}
