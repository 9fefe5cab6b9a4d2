/**
 * When the browser or the build misbehaves: the worker stopped under pages in
 * use, corrupt or foreign settings in storage, and a build whose dataset is
 * missing or damaged. Every view says what is wrong, nothing hangs, and the
 * page's console stays empty. (Reloading the extension under open tabs is in
 * lifecycle.e2e.ts; corrupt settings as the options page sees them in
 * options.e2e.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenBuild, type Damage } from './support/broken-build';
import { launchExtension, type ExtensionBrowser } from './support/chromium';
import { watchConsole } from './support/console-errors';
import { FAST, setSettings } from './support/extension-page';
import { expectStored, extensionPage, openPopup, setLocal } from './support/extension-pages';
import { useExtension } from './support/extension-session';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { expectDescribes, hoverText, pointAway, record, tooltipOf, tooltipText } from './support/page-tools';
import { workerControl } from './support/worker-control';

describe('with a working build', () => {
  const e2e = useExtension({ settings: FAST });

  it('the worker stopped while a page is in use: the next hover still answers, every time', async () => {
    const page = await e2e.ext.context.newPage();
    const errors = await watchConsole(e2e.ext.context, page);
    await page.goto(e2e.server.url('claims-table.html'));
    await page.bringToFront();
    const worker = await workerControl(e2e.ext.context, page);
    await hoverText(page, page.locator('#row1 .code'), 'E1392');
    expectDescribes(await tooltipText(page), 'E1392', ['RR', 'KX']);
    // Stopped while its tooltip is shown, then between hovers of codes the page has not asked about before.
    for (const [selector, code, modifiers] of [['#row2 .code', 'J1100', []], ['#row3 .code', 'E1390', ['RR']], ['#row4 .code', 'E0431', ['RR']]] as const) {
      await worker.stop();
      await pointAway(page);
      await hoverText(page, page.locator(selector), code);
      expectDescribes(await tooltipText(page), code, [...modifiers]);
    }
    expect(errors.all()).toEqual([]);
    await page.close();
  });

  it('corrupt and foreign settings: an open tab uses the defaults at once, and the worker repairs storage', async () => {
    const page = await e2e.ext.context.newPage();
    const errors = await watchConsole(e2e.ext.context, page);
    await page.goto(e2e.server.url('claims-table.html'));
    await page.bringToFront();
    const repaired = { version: 1, changed: {} };
    for (const [stored, after] of [
      [{ version: 1, changed: { enabled: 'no', detailLevel: 'everything', hoverDelayMs: 'soon', markCodes: 1, sites: [42, { host: 'x' }], theme: '<b>' } }, repaired],
      [['not', 'settings'], repaired],
      ['garbage', repaired],
      // A newer build's settings are kept for when the user updates again; what this build does not know is not used.
      [{ version: 99, changed: { futureOption: 'on' } }, { version: 99, changed: { futureOption: 'on' } }],
    ]) {
      await setLocal(e2e.ext, { settings: stored });
      await expectStored(e2e.ext, 'settings', after);
      // The helper tab that wrote storage may have come to the front; a background tab gets input late.
      await page.bringToFront();
      // Defaults: on, standard detail (the long description), no marks.
      await hoverText(page, page.locator('#row2 .code'), 'J1100');
      const text = await tooltipText(page);
      expect(text).toContain(record('J1100').long);
      expect(text).toContain('CMS HCPCS 2026 Q1');
      expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
      await pointAway(page);
    }
    await setSettings(e2e.ext, FAST);
    expect(errors.all()).toEqual([]);
    await page.close();
  });
});

describe.each<Damage>(['missing', 'empty', 'truncated', 'garbled record'])('a build whose dataset is %s', (damage) => {
  let build: ReturnType<typeof brokenBuild>;
  let ext: ExtensionBrowser;
  let server: FixtureServer;
  const problem = damage === 'missing' ? 'The HCPCS dataset is missing from this build' : 'The HCPCS dataset in this build is corrupt';

  beforeAll(async () => {
    build = brokenBuild(damage);
    [ext, server] = await Promise.all([launchExtension({ dist: build.dist }), startFixtureServer()]);
    await setSettings(ext, { ...FAST, markCodes: true });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
    build?.remove();
  });

  it('the tooltip says the extension cannot look codes up, and why; marking codes fails quietly', async () => {
    const page = await ext.context.newPage();
    const errors = await watchConsole(ext.context, page);
    await page.goto(server.url('claims-table.html'));
    await page.bringToFront();
    // A damaged record is found by the check the worker runs once it has answered: wait until the worker says so.
    const helper = await extensionPage(ext);
    const workerRefuses = () => helper.evaluate(async () => 'error' in (await chrome.runtime.sendMessage({ type: 'getDatasetInfo', params: {} })));
    await expect.poll(workerRefuses, { timeout: 10_000 }).toBe(true);
    await page.bringToFront();
    await hoverText(page, page.locator('#row1 .code'), 'E1392');
    const text = await tooltipText(page);
    expect(text).toContain('HCPCS Lens cannot look up E1392');
    expect(text).toContain(problem);
    expect(text).toContain('Reinstall the extension.');
    // Screen readers hear it too.
    expect(await tooltipOf(page).evaluate((tip) => (tip.getRootNode() as ShadowRoot).querySelector('[role="status"]')?.textContent)).toContain('HCPCS Lens cannot look up E1392');
    // Nothing marked, unless marking ran before the worker's check found the damaged record.
    if (damage !== 'garbled record') expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    expect(errors.all()).toEqual([]);
  });

  it('the popup says so in its footer, its search and its paste table', async () => {
    const popup = await openPopup(ext, { query: 'oxygen' });
    await popup.locator('#dataset').filter({ hasText: problem }).waitFor();
    await popup.locator('#search-status').filter({ hasText: problem }).waitFor();
    await popup.click('#tab-paste');
    await popup.fill('#paste-input', 'E1392 RR\nJ1100');
    await popup.locator('#paste-status').filter({ hasText: problem }).waitFor();
    await popup.close();
  });

  it('the options page says so in place of its preview', async () => {
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('src/options/index.html'));
    await options.locator('#preview').filter({ hasText: problem }).waitFor();
    await options.close();
  });
});
