/**
 * Privacy, proven: Chromium's NetLog records every request of every process
 * (pages and their frames, the service worker, the popup and options pages,
 * the browser itself) while the extension is used as a billing clerk uses it:
 * hovers on several pages and frames (after the worker was stopped too), a
 * focused field, the popup's search, paste table and "codes on this page",
 * options changed (marking, detail level, theme, site rules, sync), the
 * context-menu lookup and its popup fallback. The extension made no request:
 * none from its own pages or worker but reads of its own files, none from a
 * page or content script to any host but the fixture server, no navigation
 * anywhere else. A first run proves the recording catches each kind.
 * PDFs: a local file opened in the viewer makes no request; "Open in HCPCS
 * Lens" for a tab's PDF makes exactly one, the GET of the tab's address.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openClaimsPage } from './support/claims-page';
import { launchExtension, type ExtensionBrowser } from './support/chromium';
import { eventually, extensionPage, frameIds, openOptions, openPopup, openTab } from './support/extension-pages';
import { startFixtureServer, type FixtureServer, type Generated } from './support/fixture-server';
import { browserOwnHosts, readNetLog, suspectRequests, type LoggedRequest } from './support/net-log';
import { expectDescribes, hoverText, pointAway, tooltipText } from './support/page-tools';
import { layerLines, listedCodes, openViewer, pickFile, textLayerOf, VIEWER } from './support/pdf-viewer';
import { feeSchedulePdf, remittancePdf } from '../support/pdf-fixtures';
import { ToolbarPopup } from './support/toolbar-popup';
import { workerControl } from './support/worker-control';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs `use` in a browser recording a NetLog; returns every request once the browser has closed (and written the log). */
async function recorded(
  use: (ext: ExtensionBrowser, server: FixtureServer) => Promise<void>,
  pages: Record<string, Generated> = {},
): Promise<{ requests: LoggedRequest[]; extensionId: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'hcpcs-lens-netlog-'));
  dirs.push(dir);
  const file = join(dir, 'netlog.json');
  const [ext, server] = await Promise.all([launchExtension({ args: [`--log-net-log=${file}`, '--net-log-capture-mode=Everything'] }), startFixtureServer(pages)]);
  try {
    await use(ext, server);
  } finally {
    await ext.close();
    await server.close();
  }
  return { requests: readNetLog(file), extensionId: ext.extensionId };
}

describe('the recording', () => {
  it('catches a request from the worker, from an extension page, from a content script, and a tab the extension opens', async () => {
    const { requests, extensionId } = await recorded(async (ext, server) => {
      const page = await ext.context.newPage();
      await page.goto(server.url('claims-table.html'));
      const worker = await ext.currentWorker();
      await worker.evaluate((url) => fetch(url).catch(() => undefined), server.url('canary-from-worker'));
      const helper = await extensionPage(ext);
      await helper.evaluate((url) => fetch(url).catch(() => undefined), server.url('canary-from-page'));
      await helper.evaluate(async (url) => {
        const [tab] = await chrome.tabs.query({ url });
        await chrome.scripting.executeScript({
          target: { tabId: tab!.id! },
          world: 'ISOLATED',
          func: () => fetch('http://canary-from-content-script.invalid/', { signal: AbortSignal.timeout(3000) }).catch(() => undefined),
        });
        await chrome.tabs.create({ url: 'http://canary-tab.invalid/' });
      }, page.url());
      // The tab's navigation has started once the browser lists it.
      await eventually(() => helper.evaluate(async () => (await chrome.tabs.query({})).some((t) => (t.pendingUrl ?? t.url)?.includes('canary-tab'))), Boolean);
    });
    const suspects = suspectRequests(requests, extensionId).map((r) => new URL(r.url).pathname === '/' ? new URL(r.url).host : new URL(r.url).pathname);
    expect(suspects).toEqual(expect.arrayContaining(['/canary-from-worker', '/canary-from-page', 'canary-from-content-script.invalid', 'canary-tab.invalid']));
  });
});

describe('a full session of use', () => {
  it('makes no request of any kind', async () => {
    const { requests, extensionId } = await recorded(async (ext, server) => {
      // Hovers: a claims table, frames of the same and of another origin, a focused field, a shadow-DOM widget.
      const page = await ext.context.newPage();
      await page.goto(server.url('claims-table.html'));
      await page.bringToFront();
      await hoverText(page, page.locator('#row1 .code'), 'E1392');
      expectDescribes(await tooltipText(page), 'E1392', ['RR', 'KX']);
      await pointAway(page);
      await page.goto(`${server.url('frames.html')}?other=${encodeURIComponent(server.otherOrigin)}`);
      for (const id of ['same', 'cross']) {
        await hoverText(page, page.frameLocator(`#${id}`).locator('#c'), id === 'same' ? 'E1392' : 'E0431');
        // The top page draws the same-origin frame's tooltip; the cross-origin frame draws its own.
        await tooltipText(id === 'same' ? page : page.frameLocator(`#${id}`));
        await pointAway(page);
      }
      await page.goto(server.url('claim-form.html'));
      // The user presses the field's label: the field's focus shows its tooltip.
      await page.locator('label[for="hcpcs"]').click();
      expectDescribes(await tooltipText(page), 'E1390');
      await page.keyboard.press('Escape');
      await page.goto(server.url('shadow-widget.html'));
      await hoverText(page, page.locator('auth-widget #code'), 'E0601');
      expectDescribes(await tooltipText(page), 'E0601', ['RR']);
      // The worker stopped, as Chrome stops it when idle: the next hover starts it again.
      await (await workerControl(ext.context, page)).stop();
      await page.goto(server.url('claims-table.html'));
      await hoverText(page, page.locator('#row2 .code'), 'J1100');
      expectDescribes(await tooltipText(page), 'J1100');

      // The popup, for a page with a cross-origin frame: search, a result expanded, a pasted list, the page's codes.
      const { tabId } = await openClaimsPage(ext, server);
      const popup = await openPopup(ext, { tabId });
      await popup.locator('#query').pressSequentially('portable oxygen', { delay: 20 });
      await popup.locator('#results [data-code="E1392"]').waitFor();
      await popup.click('[data-code="E1392"] .row-main');
      await popup.locator('[data-code="E1392"] .row-detail .hl-title').waitFor();
      await popup.click('#tab-paste');
      await popup.fill('#paste-input', 'E1392-RR\nJ1100, A4253 KX');
      await popup.locator('#paste-table tbody tr').nth(2).waitFor();
      await popup.click('#tab-page');
      await popup.locator('#page-status').filter({ hasText: 'in all' }).waitFor();
      await popup.close();

      // Options: every kind of setting changed, sync turned on, then used on a page.
      const options = await openOptions(ext);
      await options.check('input[name=detailLevel][value=full]');
      await options.check('input[name=theme][value=dark]');
      await options.check('input[name=markCodes]');
      await options.fill('#sites', 'portal.example.com\n*.payer.example');
      await options.check('input[name=syncSettings]');
      await eventually(() => options.evaluate(() => chrome.storage.sync.get(null)), (items) => 'settings' in items, 8000);
      await options.close();
      await page.reload();
      await page.bringToFront();
      await page.waitForFunction(() => CSS.highlights.size > 0);
      await hoverText(page, page.locator('#row1 .code'), 'E1392');
      await tooltipText(page);

      // The context menu: a tooltip in the page's cross-origin frame, and the popup where no tooltip can show.
      const worker = await ext.currentWorker();
      const frame = (await frameIds(ext, tabId)).find((f) => new URL(f.url).pathname === '/popup/remittance.html')!;
      await worker.evaluate(
        async ({ tabId, frameId }) => {
          const tab = await chrome.tabs.get(tabId);
          chrome.contextMenus.onClicked.dispatch({ menuItemId: 'lookup-hcpcs-code', selectionText: 'E1392 RR', frameId, editable: false, pageUrl: tab.url }, tab);
        },
        { tabId, frameId: frame.frameId },
      );
      const { page: browserPage, tabId: browserTab } = await openTab(ext, 'chrome://version');
      await worker.evaluate(async (id) => {
        chrome.contextMenus.onClicked.dispatch({ menuItemId: 'lookup-hcpcs-code', selectionText: 'E0431', frameId: 0, editable: false }, await chrome.tabs.get(id));
      }, browserTab);
      const toolbar = await ToolbarPopup.find(ext, browserPage);
      await expect.poll(() => toolbar.evaluate(`document.querySelector('#results .row')?.dataset.code`), { timeout: 10_000 }).toBe('E0431');
      await toolbar.close();
    });

    const fixtureRequests = requests.filter((r) => r.url.startsWith('http://127.0.0.1:'));
    // The recording saw the session: the pages, and the frame from the other origin.
    expect(fixtureRequests.length).toBeGreaterThan(10);
    expect(new Set(fixtureRequests.map((r) => new URL(r.url).port)).size).toBe(2);
    expect(suspectRequests(requests, extensionId)).toEqual([]);
    console.info(`NetLog: ${requests.length} requests, ${fixtureRequests.length} to the fixture server; the browser's own: ${browserOwnHosts(requests, extensionId).join(', ') || 'none'}`);
  });
});

describe('PDFs', () => {
  it('a local PDF makes no request; "Open in HCPCS Lens" reads the tab’s address once, and nothing else', async () => {
    const path = '/portal/eob-2025-10.pdf';
    let pdfUrl = '';
    const { requests, extensionId } = await recorded(
      async (ext, server) => {
        // A local file: picked, hovered, its codes listed, marked.
        const viewer = await openViewer(ext);
        await pickFile(viewer, 'fees.pdf', feeSchedulePdf());
        await hoverText(viewer, await textLayerOf(viewer), 'K0001');
        expectDescribes(await tooltipText(viewer), 'K0001', ['RR']);
        expect(await listedCodes(viewer)).toContain('L3000 ×1 p. 1');
        await viewer.check('#mark-codes');
        await viewer.close();

        // A portal's PDF in a tab, opened in the viewer from the popup.
        pdfUrl = server.url(path);
        const { tabId } = await openTab(ext, pdfUrl);
        const popup = await openPopup(ext, { tabId });
        await popup.locator('#pdf-banner').waitFor();
        const [opened] = await Promise.all([ext.context.waitForEvent('page', { predicate: (p) => p.url().includes(VIEWER) }), popup.click('#open-pdf')]);
        expect(await layerLines(opened)).toContain('CLM-1002 10/02/2025 J1100 18.75');
        await hoverText(opened, await textLayerOf(opened), 'J1100');
        expectDescribes(await tooltipText(opened), 'J1100');
        expect(await listedCodes(opened)).toContain('E1392 ×1 p. 1');
      },
      { [path]: remittancePdf() },
    );
    expect(suspectRequests(requests, extensionId).map(({ url, method, initiator }) => ({ url, method, initiator }))).toEqual([
      { url: pdfUrl, method: 'GET', initiator: `chrome-extension://${extensionId}` },
    ]);
  });
});
