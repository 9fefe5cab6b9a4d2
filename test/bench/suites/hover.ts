/**
 * Pointer rest → tooltip painted, beyond the dwell: 200 hovers over
 * different codes of a claims grid, warm worker, default settings (200 ms
 * dwell). Timed inside the page from the last pointermove to the end of the
 * first frame showing the tooltip, minus the dwell.
 *
 * Memory on the way: the page's JavaScript heap (after a full collection)
 * before the first hover and after 100, against the same page in a browser
 * without the extension.
 */
import { chromium } from 'playwright-core';
import { chromiumPath, QUIET_FLAGS } from '../../e2e/support/chromium';
import { setSettings } from '../../e2e/support/extension-page';
import type { BenchContext } from '../context';
import type { Figure } from '../figure';
import { pageHeap } from '../heap';
import { codeSpots, dismissTooltip, hoverCode, installHoverProbe } from '../hover-driver';
import { sampleCodes } from '../pages';
import { summarise } from '../stats';

export const DWELL_MS = 200;
const COLUMNS = 10;
const ROWS = 22;

/** A grid of distinct codes filling a 1280×720 viewport, every column headed as HCPCS. */
export function codeGrid(): string {
  const codes = sampleCodes(COLUMNS * ROWS);
  const rows = Array.from({ length: ROWS }, (_, r) => `<tr>${codes.slice(r * COLUMNS, (r + 1) * COLUMNS).map((c) => `<td>${c}</td>`).join('')}</tr>`);
  return `<!doctype html><meta charset="utf-8"><title>codes</title>
<style>body{margin:0;font:14px/1.4 Arial,sans-serif}table{border-collapse:collapse}td,th{padding:4px 18px;border:1px solid #ccd}</style>
<table><thead><tr>${'<th>HCPCS</th>'.repeat(COLUMNS)}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export async function hover(ctx: BenchContext): Promise<Figure[]> {
  const ext = await ctx.browser();
  await setSettings(ext, { hoverDelayMs: DWELL_MS });
  const server = await ctx.server({ '/hover-grid.html': codeGrid() });
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await installHoverProbe(page);
  await page.goto(server.url('hover-grid.html'));
  const spots = await codeSpots(page, 'tbody td');
  const atRest = await pageHeap(page);
  let after100 = NaN;
  // Warm-up: the worker running, the tooltip host built, the page's code paths compiled.
  for (const spot of spots.slice(-5)) {
    await hoverCode(page, spot);
    await dismissTooltip(page);
  }
  const beyond: number[] = [];
  const count = ctx.runs(200);
  for (let i = 0; i < count; i++) {
    const spot = spots[i % (spots.length - 5)]!;
    beyond.push((await hoverCode(page, spot)) - DWELL_MS);
    await dismissTooltip(page);
    if (i + 1 === Math.min(count, 100)) after100 = await pageHeap(page);
  }
  await page.close();
  const without = await heapWithoutExtension(server.url('hover-grid.html'));
  const hovers = Math.min(count, 100);
  return [
    {
      suite: 'hover',
      name: `pointer rest → tooltip painted, beyond the ${DWELL_MS} ms dwell (${count} codes)`,
      unit: 'ms',
      summary: summarise(beyond),
      budget: { stat: 'p95', limit: 16 },
    },
    { suite: 'memory', name: 'page JS heap: the content script at rest (vs. no extension)', unit: 'bytes', value: atRest - without },
    { suite: 'memory', name: `page JS heap added by the content script after ${hovers} hovers`, unit: 'bytes', value: after100 - without },
  ];
}

/** The same page's heap in a browser without the extension. */
async function heapWithoutExtension(url: string): Promise<number> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ...QUIET_FLAGS] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await installHoverProbe(page);
    await page.goto(url);
    return await pageHeap(page);
  } finally {
    await browser.close();
  }
}
