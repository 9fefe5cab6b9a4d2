/**
 * The PDF viewer (src/pdf-viewer):
 * - open a 10-page text PDF → its first page painted with its text layer:
 *   timed inside the viewer from the file input's change event to the end of
 *   the first frame showing page 1's text layer (a fresh viewer each run, so
 *   pdf.js's worker starts each time, as when a user opens the viewer);
 * - pointer rest → tooltip painted beyond the dwell, over a page of codes, as
 *   the hover suite does on web pages;
 * - the viewer's share of the package.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { setSettings } from '../../e2e/support/extension-page';
import { VIEWER } from '../../e2e/support/pdf-viewer';
import { filesUnder } from '../../../scripts/files-under';
import { longPdf } from '../../support/pdf-fixtures';
import { writePdf, type TextRun } from '../../support/pdf-writer';
import type { BenchContext } from '../context';
import type { Figure } from '../figure';
import { codeSpots, dismissTooltip, hoverCode, installHoverProbe } from '../hover-driver';
import { KEEP_NAMES_SHIM } from '../page-script';
import { sampleCodes } from '../pages';
import { summarise } from '../stats';
import { DWELL_MS } from './hover';

/** In the viewer: the time from the file chosen to the first frame showing page 1 with its text layer. */
function openProbe(): void {
  const w = window as unknown as { __opened: Promise<number> };
  w.__opened = new Promise((resolve) => {
    let chosen = 0;
    addEventListener('change', () => (chosen = performance.now()), { capture: true });
    const observer = new MutationObserver(() => {
      if (!chosen || !document.querySelector('.page[data-page="1"] canvas + .textLayer br')) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - chosen);
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

/** Ten columns of distinct codes down a page, like a fee schedule. */
function codePage(): Uint8Array {
  const codes = sampleCodes(10 * 30);
  const runs: TextRun[] = codes.map((code, i) => ({ x: 30 + (i % 10) * 56, y: 40 + Math.floor(i / 10) * 24, text: code }));
  return writePdf([{ runs }], { title: 'codes' });
}

async function pick(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.locator('#file-input').setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
}

export async function pdfViewer(ctx: BenchContext): Promise<Figure[]> {
  const ext = await ctx.browser();
  await setSettings(ext, { hoverDelayMs: DWELL_MS });
  const tenPages = longPdf(10, 40);
  const opens: number[] = [];
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.addInitScript({ content: `${KEEP_NAMES_SHIM}\n(${openProbe.toString()})();` });
  for (let i = 0, n = ctx.runs(20); i < n; i++) {
    await page.goto(ext.extensionUrl(VIEWER));
    await pick(page, 'ten-pages.pdf', tenPages);
    opens.push(await page.evaluate(() => (window as unknown as { __opened: Promise<number> }).__opened));
  }
  await page.close();

  const viewer = await ext.context.newPage();
  await viewer.setViewportSize({ width: 1280, height: 900 });
  await installHoverProbe(viewer);
  await viewer.goto(ext.extensionUrl(VIEWER));
  await pick(viewer, 'codes.pdf', codePage());
  await viewer.locator('.page[data-page="1"] .textLayer br').first().waitFor({ state: 'attached' });
  const spots = (await codeSpots(viewer, '.page[data-page="1"] .textLayer span')).filter((s) => s.y < 880);
  for (const spot of spots.slice(-5)) {
    await hoverCode(viewer, spot);
    await dismissTooltip(viewer);
  }
  const beyond: number[] = [];
  const count = ctx.runs(200);
  for (let i = 0; i < count; i++) {
    beyond.push((await hoverCode(viewer, spots[i % (spots.length - 5)]!)) - DWELL_MS);
    await dismissTooltip(viewer);
  }
  await viewer.close();

  return [
    { suite: 'pdf-viewer', name: 'open a 10-page text PDF → page 1 painted with its text layer', unit: 'ms', summary: summarise(opens), budget: { stat: 'p95', limit: 500 } },
    { suite: 'pdf-viewer', name: `pointer rest → tooltip painted in a PDF, beyond the ${DWELL_MS} ms dwell (${count} codes)`, unit: 'ms', summary: summarise(beyond), budget: { stat: 'p95', limit: 16 } },
    ...viewerShare(join(ctx.root, 'dist/chrome')),
  ];
}

/** The viewer's files (its page, its script and styles, pdf.js's worker and data files) against the whole package. */
function viewerShare(dist: string): Figure[] {
  const files = filesUnder(dist).map((f) => f.slice(dist.length + 1));
  const isViewer = (f: string) => f.startsWith('src/pdf-viewer/') || f.startsWith('pdfjs/') || /^assets\/pdf[-.]/.test(f);
  const viewer = files.filter(isViewer);
  const bytes = (list: string[]) => list.reduce((sum, f) => sum + statSync(join(dist, f)).size, 0);
  const zipped = (list: string[]) => {
    const tree: Zippable = {};
    for (const f of list) tree[f] = [readFileSync(join(dist, f)), { level: 9 }];
    return zipSync(tree).length;
  };
  const all = bytes(files);
  const own = bytes(viewer);
  const zipAll = zipped(files);
  const zipOwn = zipped(viewer);
  const pct = (part: number, whole: number) => `${Math.round((1000 * part) / whole) / 10}% of the package`;
  return [
    { suite: 'sizes', name: 'PDF viewer in dist/chrome (pdf.js, its worker and data files)', unit: 'bytes', value: own, note: pct(own, all) },
    { suite: 'sizes', name: 'PDF viewer in the packed zip', unit: 'bytes', value: zipOwn, note: pct(zipOwn, zipAll) },
  ];
}
