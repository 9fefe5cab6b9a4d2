/**
 * The baseline, in the same run: mark.js (the widely used library for
 * marking text; it wraps each match in an element, as a typical extension of
 * this kind does) marks the codes of the same claims table with the same code
 * pattern, against "mark codes" turned on in that page. Both are timed the
 * same way: everything the main thread does from the start until the page
 * has painted the result and gone quiet.
 */
import type { BenchContext } from '../context';
import type { Figure } from '../figure';
import { installMarksProbe, markJsRun, turnOnRun } from '../mark-runs';
import { claimsTable } from '../pages';
import { summarise } from '../stats';

export async function baseline(ctx: BenchContext): Promise<Figure[]> {
  const rows = ctx.quick ? 2_000 : 10_000;
  const ext = await ctx.browser();
  const owner = await ctx.owner();
  const server = await ctx.server({ [`/baseline-${rows}.html`]: claimsTable(rows) });
  const url = server.url(`baseline-${rows}.html`);
  const page = await ext.context.newPage();
  await installMarksProbe(page);
  const ours = { total: [] as number[], longest: [] as number[] };
  const theirs = { total: [] as number[], longest: [] as number[] };
  let marks = 0;
  for (let i = 0; i < ctx.runs(5); i++) {
    const a = await turnOnRun(ext, page, url, owner);
    ours.total.push(a.total);
    ours.longest.push(a.longest);
    const b = await markJsRun(ext, page, url, owner);
    theirs.total.push(b.total);
    theirs.longest.push(b.longest);
    marks = b.marks;
  }
  await page.close();
  const suite = `baseline ${rows.toLocaleString('en-US')}`;
  const median = (list: number[]) => summarise(list).median;
  return [
    { suite, name: 'mark.js: main-thread time in all', unit: 'ms', summary: summarise(theirs.total), note: `${marks} elements inserted` },
    { suite, name: 'mark.js: longest task', unit: 'ms', summary: summarise(theirs.longest) },
    { suite, name: 'ours (turned on): main-thread time in all', unit: 'ms', summary: summarise(ours.total) },
    { suite, name: 'ours (turned on): longest task', unit: 'ms', summary: summarise(ours.longest) },
    { suite, name: 'mark.js ÷ ours, main-thread time (medians)', unit: 'x', value: median(theirs.total) / median(ours.total), budget: { stat: 'value', limit: 10, direction: 'at-least' } },
    { suite, name: 'mark.js ÷ ours, longest task (medians)', unit: 'x', value: median(theirs.longest) / median(ours.longest), budget: { stat: 'value', limit: 10, direction: 'at-least' } },
  ];
}
