/**
 * Jump scroll → codes on screen marked, at the top, the middle and the end
 * of claims tables of 20,000 and 50,000 rows, of a long EDI file in one
 * <pre>, and of a table in a scrolling panel. Finding the text on screen
 * must not cost more the further down the page or the longer the table:
 * the 100 % figure is held to 1.25 × the 0 % one.
 *
 * Each timed jump starts from a settled page a quarter of the way from its
 * target (the marker has rested and probed again), so each one is a jump.
 */
import type { BenchContext } from '../context';
import type { Figure } from '../figure';
import { jumpRun, prepareJumps, type Expected } from '../jump-runs';
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
  await writeSettings(ext, { markCodes: true });
  const figures: Figure[] = [];
  for (const spec of pages) {
    const page = await ext.context.newPage();
    await page.goto(server.url(spec.path.slice(1)));
    const count = await prepareJumps(page, spec.expected, spec.scroller);
    if (count === 0) throw new Error(`${spec.path}: no code to expect`);
    // The first screen marked: the page is ready.
    if (!Number.isFinite(await jumpRun(page, 0))) throw new Error(`${spec.path}: nothing marked on the first screen`);
    const times = new Map<number, number[]>(FRACTIONS.map((f) => [f, []]));
    for (let i = 0; i < ctx.runs(6); i++) {
      for (const f of FRACTIONS) {
        // From a quarter of the page away, settled.
        await jumpRun(page, f < 0.5 ? f + 0.25 : f - 0.25);
        await page.waitForTimeout(SETTLE_MS);
        await waitForQuiet(page);
        const ms = await jumpRun(page, f);
        if (!Number.isFinite(ms)) throw new Error(`${spec.path}: codes on screen unmarked 10 s after a jump to ${f * 100} %`);
        times.get(f)!.push(ms);
      }
    }
    await page.close();
    const budget = { stat: 'p95', limit: 100 } as const;
    for (const f of FRACTIONS) {
      figures.push({ suite: spec.suite, name: `jump scroll to ${f * 100} % → codes on screen marked`, unit: 'ms', summary: summarise(times.get(f)!), budget });
    }
    const at = (f: number) => summarise(times.get(f)!).median;
    figures.push({
      suite: spec.suite,
      name: 'jump to 100 % ÷ jump to 0 % (medians)',
      unit: 'x',
      value: at(1) / at(0),
      budget: { stat: 'value', limit: 1.25 },
      note: 'above 1.25: finding the text on screen grows with the scroll position',
    });
  }
  return figures;
}
