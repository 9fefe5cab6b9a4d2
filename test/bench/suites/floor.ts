/**
 * What the browser itself needs, measured in the same run as ours with the
 * same code: an extension that does nothing (test/bench/floor/: an empty
 * worker that answers every message, an empty content script injected as
 * our bootstrap is, a popup page with a search box and a module script),
 * launched in a browser of its own. Ours ÷ floor (ratioFigures) holds from
 * one machine to the next where an absolute budget does not: the goal is
 * 1.5× for these three.
 */
import { readFileSync } from 'node:fs';
import { launchExtension } from '../../e2e/support/chromium';
import type { BenchContext } from '../context';
import { contentWorld } from '../content-world';
import type { Figure } from '../figure';
import { codeFreeText } from '../pages';
import { summarise } from '../stats';
import { COLD_START, coldStarts } from './cold-start';
import { CODE_FREE, contentScriptCost, HTML_BYTES } from './page-cost';
import { openTimes, POPUP_OPEN } from './popup';

const FLOOR_DIST = new URL('../floor', import.meta.url).pathname;
const SUITE = 'floor';

/** A message to the floor's worker from its content script, timed to the reply. */
const PING = `(async () => {
  const started = performance.now();
  const reply = await chrome.runtime.sendMessage({ type: 'ping' });
  if (!reply || !reply.result) throw new Error('no answer: ' + JSON.stringify(reply));
  return performance.now() - started;
})()`;

export async function floor(ctx: BenchContext): Promise<Figure[]> {
  const { name } = JSON.parse(readFileSync(`${FLOOR_DIST}/manifest.json`, 'utf8')) as { name: string };
  // The same flags as ours (context.ts).
  const ext = await launchExtension({ dist: FLOOR_DIST, args: ['--disable-frame-rate-limit', '--disable-gpu-vsync'] });
  try {
    const server = await ctx.server({ '/floor-cold.html': '<!doctype html><title>floor</title><p>Claim line E1392 RR</p>', '/floor-code-free.html': codeFreeText(HTML_BYTES) });
    const page = await ext.context.newPage();
    await page.goto(server.url('floor-cold.html'));
    const cold = await coldStarts(ext, page, await contentWorld(page, name), PING, ctx.runs(20));
    await page.close();
    const open = await openTimes(ext, ext.extensionUrl('popup.html'), ctx.runs(20));
    const owner = { world: name, origin: `chrome-extension://${ext.extensionId}/` };
    const { total } = await contentScriptCost(ext, owner, server.url('floor-code-free.html'), ctx.runs(10));
    return [
      { suite: SUITE, name: 'empty worker: cold start → first message answered (content script)', unit: 'ms', summary: summarise(cold) },
      { suite: SUITE, name: 'empty popup: open → search box ready', unit: 'ms', summary: summarise(open) },
      { suite: SUITE, name: 'empty content script: main-thread time on the code-free page', unit: 'ms', summary: summarise(total) },
    ];
  } finally {
    await ext.close();
  }
}

/** Ours and its floor, by suite and figure name, and the goal for ours ÷ floor. */
const RATIOS = [
  { label: 'worker cold start', ours: ['worker', COLD_START], floor: 'empty worker: cold start → first message answered (content script)', goal: 1.5 },
  { label: 'popup open → ready', ours: ['popup', POPUP_OPEN], floor: 'empty popup: open → search box ready', goal: 1.5 },
  { label: 'content script on the code-free page', ours: ['page', `${CODE_FREE}: the content script’s main-thread time`], floor: 'empty content script: main-thread time on the code-free page', goal: 1.5 },
] as const;

/** Ours ÷ floor (medians) for each pair measured in this run; a pair with a side not measured (--only) is left out. */
export function ratioFigures(figures: readonly Figure[]): Figure[] {
  const median = (suite: string, name: string) => figures.find((f) => f.suite === suite && f.name === name)?.summary?.median;
  return RATIOS.flatMap(({ label, ours, floor, goal }) => {
    const a = median(ours[0], ours[1]);
    const b = median(SUITE, floor);
    if (a === undefined || b === undefined) return [];
    return [{ suite: SUITE, name: `${label}: ours ÷ floor (medians)`, unit: 'x' as const, value: a / b, budget: { stat: 'value' as const, limit: goal } }];
  });
}
