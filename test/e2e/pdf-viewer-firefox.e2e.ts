/**
 * The PDF viewer in Firefox ESR, a smoke test of the Firefox build: pdf.js
 * and its worker start under Firefox's extension CSP, a dropped PDF is drawn
 * with its text layer in reading order, a hover shows the tooltip, and the
 * code list reads the whole file; a tagged table gives a code its row's date
 * of service.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxExtension, type FirefoxExtension } from './support/firefox';
import { firefoxPointAway, firefoxTooltipText, hoverTextIn } from './support/firefox-page-tools';
import { expectDescribes } from './support/page-tools';
import { remittancePdf } from '../support/pdf-fixtures';
import { datedRemittancePdf } from '../support/pdf-table-fixtures';

let ff: FirefoxExtension;
let viewer: Page;

beforeAll(async () => {
  ff = await launchFirefoxExtension();
  viewer = await ff.openExtensionPage('src/pdf-viewer/index.html');
  await viewer.setViewport({ width: 1100, height: 900 });
});
afterAll(async () => ff?.close());

describe('the PDF viewer in Firefox', () => {
  it('draws a dropped remittance with its text in reading order, shows a tooltip and lists its codes', async () => {
    await drop(remittancePdf());
    await viewer.waitForSelector('.page[data-page="1"] .textLayer br', { timeout: 20_000 });
    const lines = await viewer.$eval('.page[data-page="1"] .textLayer', (el) => {
      let text = '';
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) text += n.nodeType === Node.TEXT_NODE ? (n as Text).data : (n as Element).tagName === 'BR' ? '\n' : '';
      return text.split('\n');
    });
    expect(lines).toContain('CLM-1001 10/01/2025 E1392 RR KX CO 45 212.40');
    await hoverTextIn(viewer, '.page[data-page="1"] .textLayer', 'J1100');
    expectDescribes(await firefoxTooltipText(viewer), 'J1100');
    await viewer.click('#toggle-codes');
    await viewer.waitForFunction(() => /in all/.test(document.getElementById('codes-status')?.textContent ?? ''), { timeout: 20_000 });
    const codes = await viewer.$$eval('#codes-list .code-row', (rows) => rows.map((r) => (r as HTMLElement).dataset.code));
    expect(codes).toEqual(['A4253', 'E0601', 'E1392', 'J1100']);
  });

  it('judges a code in a tagged table on its row’s date of service', async () => {
    await firefoxPointAway(viewer);
    await drop(datedRemittancePdf('table'));
    await viewer.waitForFunction(() => /REMITTANCE ADVICE: CLAIM LINES/.test(document.querySelector('.page[data-page="1"] .textLayer')?.textContent ?? ''), { timeout: 20_000 });
    // The first A4295 on the page: the line of 12/15/2025, before the code was added.
    await hoverTextIn(viewer, '.page[data-page="1"] .textLayer', 'A4295');
    expect(await firefoxTooltipText(viewer)).toContain('Not valid on 12/15/2025: added 01/01/2026 (DOS column)');
  });
});

/** Drops the bytes on the viewer as a file, as dragging it from the desktop does. */
function drop(bytes: Uint8Array): Promise<void> {
  return viewer.evaluate((b) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(b)], 'remittance.pdf', { type: 'application/pdf' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [...bytes]);
}
