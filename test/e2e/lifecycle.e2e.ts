/**
 * The content script's life: idle until needed, once per frame even when
 * injected twice, and across a reload of the extension (what an update does
 * to open tabs) the old copy detaches without a single error in the page
 * while the new one, injected by the worker into the open tab, takes over.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchConsole } from './support/console-errors';
import { useExtension } from './support/extension-session';
import { FAST, settingsPage } from './support/extension-page';
import { expectDescribes, hostCount, hoverText, pointAway, tooltipOf, tooltipText } from './support/page-tools';

const e2e = useExtension({ settings: FAST });

/**
 * Reloads the extension the way an update replaces it under open tabs. Chrome
 * disables an unpacked extension that reloads itself unless developer mode is on.
 */
async function reloadExtension(extensionPage: Page): Promise<void> {
  const manager = await e2e.ext.context.newPage();
  await manager.goto('chrome://extensions');
  await manager.evaluate(
    () => new Promise<void>((resolve) => (chrome as unknown as { developerPrivate: { updateProfileConfiguration(c: object, done: () => void): void } }).developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, resolve)),
  );
  await manager.close();
  const closed = extensionPage.waitForEvent('close');
  await extensionPage.evaluate(() => setTimeout(() => chrome.runtime.reload(), 10));
  await closed;
  // Back when its pages load again.
  for (let i = 0; i < 50; i++) {
    const probe = await e2e.ext.context.newPage();
    const loaded = await probe.goto(e2e.ext.extensionUrl('src/options/index.html')).then(
      () => true,
      () => false,
    );
    await probe.close();
    if (loaded) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the extension did not come back after reloading');
}

describe('idle until needed', () => {
  it('inserts nothing into a page the pointer has not rested on', async () => {
    const page = await e2e.ext.context.newPage();
    await page.goto(e2e.server.url('claims-table.html'));
    await page.mouse.move(300, 300);
    await page.mouse.move(600, 100, { steps: 10 });
    expect(await hostCount(page)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __hostInsertions(): number }).__hostInsertions())).toBe(0);
    await page.close();
  });
});

describe('injected twice', () => {
  it('runs once: one host, one tooltip', async () => {
    const page = await e2e.ext.context.newPage();
    await page.goto(e2e.server.url('claims-table.html'));
    const sender = await settingsPage(e2e.ext);
    const injected = await sender.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      const files = chrome.runtime.getManifest().content_scripts![0]!.js!;
      await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, files });
      await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, files });
      return files;
    }, page.url());
    expect(injected).toEqual(['src/content/index.js']);
    await page.bringToFront();
    await hoverText(page, page.locator('#row1 .code'), 'E1392');
    expectDescribes(await tooltipText(page), 'E1392', ['RR', 'KX']);
    expect(await hostCount(page)).toBe(1);
    expect(await tooltipOf(page).evaluate((tip) => (tip.getRootNode() as ShadowRoot).querySelectorAll('[role="tooltip"]').length)).toBe(1);
    await page.close();
  });
});

describe('extension reloaded (as by an update) with tabs open', () => {
  it('the old script detaches quietly, and the open tab works again without a reload', async () => {
    const page = await e2e.ext.context.newPage();
    await page.goto(e2e.server.url('claims-table.html'));
    await page.bringToFront();
    const errors = await watchConsole(e2e.ext.context, page);
    await hoverText(page, page.locator('#row1 .code'), 'E1392');
    expectDescribes(await tooltipText(page), 'E1392', ['RR', 'KX']);
    await pointAway(page);

    const sender = await settingsPage(e2e.ext);
    await reloadExtension(sender);
    // The old copy sees pointer moves, key presses and page changes and must stay silent.
    for (let i = 0; i < 20; i++) await page.mouse.move(100 + i * 10, 100 + i * 5);
    await page.keyboard.press('Escape');
    await page.evaluate(() => document.getElementById('note')!.append(' E1390'));

    // The new copy, injected into the open tab by the worker on update, answers.
    await page.bringToFront();
    await hoverText(page, page.locator('#row2 .code'), 'J1100');
    expectDescribes(await tooltipText(page), 'J1100');
    expect(await hostCount(page)).toBe(1);
    expect(errors.all()).toEqual([]);
    await page.close();
  });
});
