/**
 * "Open in HCPCS Lens" for a tab showing a PDF (Chromium's own viewer): from
 * the popup's banner and from the context menu. The viewer reads the same
 * address again, once; a one-time link (or any address that does not give
 * the PDF again) and a file on disk get a sentence saying why, and the file
 * picker still opens the file.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './support/chromium';
import { openPopup, openTab } from './support/extension-pages';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { layerLines, pickFile, viewerMessage, VIEWER } from './support/pdf-viewer';
import { notAPdf, remittancePdf } from '../support/pdf-fixtures';

let ext: ExtensionBrowser;
let server: FixtureServer;
const served = new Map<string, number>();
const pdf = remittancePdf();
let oneTimeLeft = 1;
const dir = mkdtempSync(join(tmpdir(), 'hcpcs-lens-pdf-'));

/** Counts the requests for each generated path. */
const counted = (path: string, answer: () => Uint8Array | undefined) => () => {
  served.set(path, (served.get(path) ?? 0) + 1);
  return answer();
};

beforeAll(async () => {
  [ext, server] = await Promise.all([
    launchExtension(),
    startFixtureServer({
      '/eob/remittance-2025-10.pdf': counted('/eob/remittance-2025-10.pdf', () => pdf),
      '/eob/one-time.pdf': counted('/eob/one-time.pdf', () => (oneTimeLeft-- > 0 ? pdf : undefined)),
      // A portal's download address, no .pdf in it: the browser tells the PDF by its content type.
      '/eob/download': pdf,
      // A portal whose session ended answers its sign-in page, with a 200, at the PDF's address.
      '/eob/signed-out.pdf': notAPdf(),
    }),
  ]);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The viewer tab the extension opens while `act` runs. */
async function viewerOpenedBy(act: () => Promise<unknown>): Promise<Page> {
  const [viewer] = await Promise.all([ext.context.waitForEvent('page', { predicate: (p) => p.url().includes(VIEWER) }), act()]);
  await viewer.setViewportSize({ width: 1100, height: 900 });
  return viewer;
}

async function openFromMenu(tabId: number): Promise<Page> {
  const worker = await ext.currentWorker();
  return viewerOpenedBy(() =>
    worker.evaluate(async (id) => {
      const tab = await chrome.tabs.get(id);
      chrome.contextMenus.onClicked.dispatch({ menuItemId: 'open-pdf-in-viewer', frameId: 0, editable: false, pageUrl: tab.url }, tab);
    }, tabId),
  );
}

describe('a tab showing a PDF', () => {
  it('opens in the viewer from the popup’s banner, read again from its address once', async () => {
    const url = server.url('eob/remittance-2025-10.pdf');
    const { tabId } = await openTab(ext, url);
    expect(served.get('/eob/remittance-2025-10.pdf')).toBe(1);
    const popup = await openPopup(ext, { tabId });
    await popup.locator('#pdf-banner').waitFor();
    const viewer = await viewerOpenedBy(() => popup.click('#open-pdf'));
    expect(await layerLines(viewer)).toContain('CLM-1001 10/01/2025 E1392 RR KX CO 45 212.40');
    expect(await viewer.locator('#file-name').innerText()).toBe('remittance-2025-10.pdf');
    expect(served.get('/eob/remittance-2025-10.pdf')).toBe(2);
    await viewer.close();
  });

  it('opens in the viewer from the context menu, which sits beside "Look up HCPCS code"', async () => {
    const worker = await ext.currentWorker();
    // update() fails for a menu item that does not exist.
    const exists = (id: string) => worker.evaluate((i) => chrome.contextMenus.update(i, {}).then(() => 'exists', (e: Error) => e.message), id);
    expect(await exists('open-pdf-in-viewer')).toBe('exists');
    expect(await exists('lookup-hcpcs-code')).toBe('exists');
    const { tabId } = await openTab(ext, server.url('eob/remittance-2025-10.pdf?claim=1002'));
    const viewer = await openFromMenu(tabId);
    expect(await layerLines(viewer)).toContain('CLM-1002 10/02/2025 J1100 18.75');
    await viewer.close();
  });

  it('offers the banner for a PDF served at an address without .pdf, told by the document the browser shows', async () => {
    const { tabId } = await openTab(ext, server.url('eob/download?claim=1003'));
    const popup = await openPopup(ext, { tabId });
    await popup.locator('#pdf-banner[data-decided="true"]').waitFor();
    const viewer = await viewerOpenedBy(() => popup.click('#open-pdf'));
    expect(await layerLines(viewer)).toContain('CLM-1003 10/03/2025 A4253 NU PR 1 31.10');
    await viewer.close();
  });

  it('offers no banner for a page that is not a PDF', async () => {
    const { tabId } = await openTab(ext, server.url('claims-table.html'));
    const popup = await openPopup(ext, { tabId });
    await popup.locator('#pdf-banner[data-decided="false"]').waitFor({ state: 'attached' });
    expect(await popup.locator('#pdf-banner').isHidden()).toBe(true);
    await popup.close();
  });

  it('says a one-time link cannot be read again, and the file picker still opens the saved file', async () => {
    const { tabId } = await openTab(ext, server.url('eob/one-time.pdf'));
    const viewer = await openFromMenu(tabId);
    expect(await viewerMessage(viewer, /did not give a PDF/)).toMatch(/one-time link.*410|410.*one-time link/s);
    await pickFile(viewer, 'one-time.pdf', pdf);
    expect(await layerLines(viewer)).toContain('CLM-1004 10/04/2025 E0601 RR 63.00');
    await viewer.close();
  });

  it('says so when the address answers something that is not a PDF (a sign-in page), and opens nothing', async () => {
    const { tabId } = await openTab(ext, server.url('eob/signed-out.pdf'));
    const viewer = await openFromMenu(tabId);
    expect(await viewerMessage(viewer, /did not give a PDF/)).not.toContain('answered');
    expect(await viewer.locator('.page').count()).toBe(0);
    await viewer.close();
  });

  it('says a PDF on disk is not read by its address, and offers the picker', async () => {
    const file = join(dir, 'eob.pdf');
    writeFileSync(file, pdf);
    const { tabId } = await openTab(ext, `file://${file}`);
    const viewer = await openFromMenu(tabId);
    expect(await viewerMessage(viewer, /file on this computer/)).toContain('open it here with “Open PDF…”');
    await pickFile(viewer, 'eob.pdf', pdf);
    expect(await layerLines(viewer)).toContain('CLM-1001 10/01/2025 E1392 RR KX CO 45 212.40');
    await viewer.close();
  });
});
