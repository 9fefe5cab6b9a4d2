/**
 * "Mark codes on the page" on claims tables of growing size: with the
 * setting on while the page loads, turned on in a page already loaded, and
 * the cost of scrolling through the whole table (marking is lazy: what is
 * on screen and a screen around it). Cost per row shows how it grows.
 *
 * The baseline, in the same run and the same page: mark.js (the widely used
 * library for marking text; it wraps each match in an element, as a typical
 * extension of this kind does) marks the 10,000-row table's codes with the
 * same code pattern, timed the same way: everything the main thread does
 * from the start until the page has painted the result and gone quiet.
 *
 * The table has a "Date of service" column, so every code is also judged on
 * its row's date (a highlight of its own for codes not valid then). At the
 * budget's size the load is timed with that check on and off in turn: the ratio is its cost.
 */
import type { BenchContext } from '../context';
import type { Figure } from '../figure';
import { checkVisibleMarked, installMarksProbe, loadRun, markJsRun, scrollRun, turnOnRun, waitForSessionRegistered, writeSettings, type MarkRun } from '../mark-runs';
import { claimsTable } from '../pages';
import { summarise } from '../stats';

/** The size the budget is set at: ≤ 250 ms in all, no task over 50 ms. */
export const BUDGET_ROWS = 20_000;

const fmt = (n: number) => n.toLocaleString('en-US');
const median = (list: MarkRun[], key: keyof MarkRun) => summarise(list.map((r) => r[key])).median;

export async function marking(ctx: BenchContext): Promise<Figure[]> {
  const sizes = ctx.quick ? [1_000, 2_000] : [1_000, 10_000, BUDGET_ROWS, 50_000];
  const baselineRows = ctx.quick ? 2_000 : 10_000;
  const datesRows = ctx.quick ? 2_000 : BUDGET_ROWS;
  const ext = await ctx.browser();
  const owner = await ctx.owner();
  const server = await ctx.server(Object.fromEntries(sizes.map((n) => [`/claims-${n}.html`, claimsTable(n)])));
  const figures: Figure[] = [];
  const perRow: [number, number][] = [];
  for (const rows of sizes) {
    const url = server.url(`claims-${rows}.html`);
    // Most runs at the budget's size; fewer elsewhere, so the whole bench stays under five minutes.
    const runs = ctx.runs(rows === BUDGET_ROWS ? 5 : rows >= 50_000 ? 3 : 4);
    const page = await ext.context.newPage();
    await installMarksProbe(page);
    const turnedOn: MarkRun[] = [];
    for (let i = 0; i < runs; i++) turnedOn.push(await turnOnRun(ext, page, url, owner));
    await checkVisibleMarked(page);
    const markJs: (MarkRun & { marks: number })[] = [];
    if (rows === baselineRows) for (let i = 0; i < runs; i++) markJs.push(await markJsRun(ext, page, url, owner));
    const loaded: MarkRun[] = [];
    // Settings are changed with no table open: an open page marked again on the change is not the next load's work.
    await page.goto('about:blank');
    await writeSettings(ext, { markCodes: true });
    await waitForSessionRegistered(ext);
    for (let i = 0; i < runs; i++) loaded.push(await loadRun(page, url, owner));
    await checkVisibleMarked(page);
    // With and without the date check in turn, so a busy machine's drift falls on both alike.
    const withDates: MarkRun[] = [];
    const withoutDates: MarkRun[] = [];
    for (let i = 0; rows === datesRows && i < runs; i++) {
      await page.goto('about:blank');
      await writeSettings(ext, { markCodes: true, checkDateOfService: false });
      await waitForSessionRegistered(ext, false);
      withoutDates.push(await loadRun(page, url, owner));
      await page.goto('about:blank');
      await writeSettings(ext, { markCodes: true });
      await waitForSessionRegistered(ext);
      withDates.push(await loadRun(page, url, owner));
    }
    const scroll = await scrollRun(page, url, owner, ctx.quick ? 2 : rows >= 50_000 ? 4 : 6);
    await page.close();

    const budget = rows === BUDGET_ROWS;
    const perScreen = summarise(scroll.perScreen);
    const throughAll = perScreen.median * scroll.screens;
    const suite = `mark ${fmt(rows)}`;
    const stat = (list: MarkRun[], key: keyof MarkRun) => summarise(list.map((r) => r[key]));
    figures.push(
      { suite, name: 'on at load: the extension’s main-thread time', unit: 'ms', summary: stat(loaded, 'total'), ...(budget ? { budget: { stat: 'median', limit: 250 } } : {}) },
      { suite, name: 'on at load: its longest task', unit: 'ms', summary: stat(loaded, 'longest'), ...(budget ? { budget: { stat: 'max', limit: 50 } } : {}) },
      { suite, name: 'on at load: codes on screen marked, after first paint', unit: 'ms', summary: stat(loaded, 'visible') },
      { suite, name: 'turned on: main-thread time in all', unit: 'ms', summary: stat(turnedOn, 'total'), ...(budget ? { budget: { stat: 'median', limit: 250 } } : {}) },
      { suite, name: 'turned on: longest task', unit: 'ms', summary: stat(turnedOn, 'longest'), ...(budget ? { budget: { stat: 'max', limit: 50 } } : {}) },
      { suite, name: 'turned on: codes on screen marked, after the change', unit: 'ms', summary: stat(turnedOn, 'visible') },
      { suite, name: 'scrolling: the extension’s time per screen scrolled into view', unit: 'ms', summary: perScreen },
      { suite, name: 'scrolling: its longest task', unit: 'ms', value: scroll.longest },
      { suite, name: `scroll through all ${scroll.screens} screens (per screen × screens)`, unit: 'ms', value: throughAll },
    );
    const cost = (summarise(loaded.map((r) => r.total)).median + throughAll) / rows;
    perRow.push([rows, cost]);
    figures.push({ suite, name: 'cost per row (on at load + scroll through)', unit: 'ms/row', value: cost });
    if (markJs.length > 0) figures.push(...baseline(rows, markJs, turnedOn, loaded));
    if (withoutDates.length > 0) {
      figures.push({
        suite,
        name: 'on at load: main-thread time with the date-of-service check ÷ without',
        unit: 'x',
        value: median(withDates, 'total') / median(withoutDates, 'total'),
        budget: { stat: 'value', limit: 1.1 },
        note: `with ${median(withDates, 'total').toFixed(1)} ms, without ${median(withoutDates, 'total').toFixed(1)} ms (runs taken in turn)`,
      });
    }
  }
  // Linear growth keeps the cost per row flat; lazy marking makes it fall.
  const [first, last] = [perRow[0]!, perRow.at(-1)!];
  figures.push({
    suite: 'mark',
    name: `cost per row at ${fmt(last[0])} ÷ at ${fmt(first[0])} rows (1 = linear)`,
    unit: 'x',
    value: last[1] / first[1],
    budget: { stat: 'value', limit: 1.25 },
    note: 'above 1.25 would be worse than linear beyond noise',
  });
  return figures;
}

/** mark.js against ours as ratios of medians: ours turned on in the loaded page (what mark.js does), and ours on at load. */
function baseline(rows: number, markJs: (MarkRun & { marks: number })[], turnedOn: MarkRun[], loaded: MarkRun[]): Figure[] {
  const suite = `baseline ${fmt(rows)}`;
  const target = { stat: 'value', limit: 10, direction: 'at-least' } as const;
  const ratio = (ours: MarkRun[], how: string, key: 'total' | 'longest'): Figure => ({
    suite,
    name: `mark.js ÷ ours ${how}, ${key === 'total' ? 'main-thread time' : 'longest task'}`,
    unit: 'x',
    value: median(markJs, key) / median(ours, key),
    budget: target,
  });
  return [
    { suite, name: 'mark.js: main-thread time in all', unit: 'ms', summary: summarise(markJs.map((r) => r.total)), note: `${markJs[0]!.marks} elements inserted` },
    { suite, name: 'mark.js: longest task', unit: 'ms', summary: summarise(markJs.map((r) => r.longest)) },
    ratio(turnedOn, 'turned on', 'total'),
    ratio(turnedOn, 'turned on', 'longest'),
    ratio(loaded, 'on at load', 'total'),
    ratio(loaded, 'on at load', 'longest'),
  ];
}
