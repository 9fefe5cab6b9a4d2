/**
 * Keyboard commands and the context menu. Neither can be triggered through
 * the automation protocol, so the tests check that the built manifest
 * declares them and dispatch the browser's own events to the worker's
 * listeners (chrome.*.onX.dispatch runs the listeners the worker added),
 * then check the work was done.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { CHROME_DIST, launchExtension, type ExtensionBrowser } from './support/chromium';
import { expectDescribes, expectNoTooltip, hostCount, tooltipText } from './support/page-tools';
import { clearSettings, expectStored, extensionPage, frameIds, openTab } from './support/extension-pages';
import { ToolbarPopup } from './support/toolbar-popup';
import { openClaimsPage } from './support/claims-page';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';

let ext: ExtensionBrowser;
let server: FixtureServer;
let worker: Worker;

beforeAll(async () => {
  ext = await launchExtension();
  server = await startFixtureServer();
  worker = await ext.currentWorker();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

beforeEach(async () => {
  await clearSettings(ext);
});

describe('keyboard commands', () => {
  it('are declared in the manifest with their suggested keys, and the browser assigned them', async () => {
    const manifest = JSON.parse(readFileSync(join(CHROME_DIST, 'manifest.json'), 'utf8'));
    expect(manifest.commands).toEqual({
      _execute_action: { suggested_key: { default: 'Alt+Shift+H' }, description: 'Open the HCPCS code search' },
      'toggle-enabled': { suggested_key: { default: 'Alt+Shift+J' }, description: 'Turn HCPCS Lens on or off' },
      'show-tooltip': { suggested_key: { default: 'Alt+Shift+K' }, description: 'Explain the code in the focused field or the selection' },
    });
    // _execute_action opens the action's popup: the popup must be declared.
    expect(manifest.action.default_popup).toBe('src/popup/index.html');
    const helper = await extensionPage(ext);
    const assigned = await helper.evaluate(async () => (await chrome.commands.getAll()).map((c) => [c.name, c.shortcut]));
    expect(assigned).toEqual(expect.arrayContaining([['_execute_action', 'Alt+Shift+H'], ['toggle-enabled', 'Alt+Shift+J'], ['show-tooltip', 'Alt+Shift+K']]));
  });

  it('show-tooltip explains the focused field, though the focus came without Tab or a press (a screen reader in browse mode)', async () => {
    const { page, tabId } = await openTab(ext, server.url('claim-form.html'));
    await page.bringToFront();
    // Focus moved by script, as a screen reader's browse mode or the page itself would: no tooltip for that alone.
    await page.locator('#code2').focus();
    await expectNoTooltip(page);
    await worker.evaluate(async (id) => chrome.commands.onCommand.dispatch('show-tooltip', await chrome.tabs.get(id)), tabId);
    expectDescribes(await tooltipText(page), 'A4253');
    await page.close();
  });

  it('toggle-enabled turns HCPCS Lens off and on, and the toolbar button says so', async () => {
    await worker.evaluate(() => chrome.commands.onCommand.dispatch('toggle-enabled'));
    await expectStored(ext, 'settings', { version: 1, changed: { enabled: false } });
    const helper = await extensionPage(ext);
    await expect.poll(() => helper.evaluate(() => chrome.action.getBadgeText({}))).toBe('off');
    await worker.evaluate(() => chrome.commands.onCommand.dispatch('toggle-enabled'));
    await expectStored(ext, 'settings', { version: 1, changed: {} });
    await expect.poll(() => helper.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
  });
});

describe('context menu "Look up HCPCS code"', () => {
  let page: Page;
  let tabId: number;

  beforeAll(async () => {
    ({ page, tabId } = await openClaimsPage(ext, server));
  });

  it('exists for selected text', async () => {
    const helper = await extensionPage(ext);
    // update() fails for a menu item that does not exist.
    expect(await helper.evaluate(() => chrome.contextMenus.update('lookup-hcpcs-code', {}).then(() => 'exists', (e: Error) => e.message))).toBe('exists');
  });

  it('asks the frame the selection is in to show the tooltip for it, and the tooltip appears', async () => {
    const frame = (await frameIds(ext, tabId)).find((f) => new URL(f.url).pathname === '/popup/remittance.html')!;
    await page.bringToFront();
    await worker.evaluate(
      async ({ tabId, frameId }) => {
        const tab = await chrome.tabs.get(tabId);
        chrome.contextMenus.onClicked.dispatch({ menuItemId: 'lookup-hcpcs-code', selectionText: 'E1392  RR', frameId, editable: false, pageUrl: tab.url }, tab);
      },
      { tabId, frameId: frame.frameId },
    );
    // The remittance frame is of another origin: it shows the tooltip for its selection itself, the page embedding it holds none.
    const remittance = page.frame({ url: /\/popup\/remittance\.html$/ })!;
    expectDescribes(await tooltipText(remittance), 'E1392', ['RR']);
    expect(await hostCount(page)).toBe(0);
    // Shown in the page: no popup opens.
    await expect(ToolbarPopup.find(ext, page, 500)).rejects.toThrow('no toolbar popup opened');
    await page.keyboard.press('Escape');
  });

  it('where no tooltip can be shown, opens the popup’s search pre-filled with the selection', async () => {
    // A browser page: no content script can run there.
    const { page: browserPage, tabId: browserTab } = await openTab(ext, 'chrome://version');
    await worker.evaluate(async (id) => {
      const tab = await chrome.tabs.get(id);
      chrome.contextMenus.onClicked.dispatch({ menuItemId: 'lookup-hcpcs-code', selectionText: ' E1392 ', frameId: 0, editable: false }, tab);
    }, browserTab);
    const popup = await ToolbarPopup.find(ext, browserPage);
    await expect
      .poll(() => popup.evaluate(`[document.getElementById('query').value, document.querySelector('#results .row')?.dataset.code]`), { timeout: 10_000 })
      .toEqual(['E1392', 'E1392']);
    // The hand-over was used once: a popup opened later starts empty.
    const helper = await extensionPage(ext);
    expect(await helper.evaluate(() => chrome.storage.session.get(null))).toEqual({});
    await popup.close();
    await browserPage.close();
  });
});
