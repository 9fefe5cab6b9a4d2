/**
 * An organisation's policy in Chromium, as IT deploys it: a real policy file
 * in /etc/chromium/policies/managed/ naming the development build's fixed id
 * (README "For IT"), read by the browser itself. Locked settings win over
 * what the user stored and show as "Set by your organization" on the options
 * page and in the popup; unlocked ones are defaults the user may change; a
 * value the extension rejects is listed with its reason; a changed policy
 * reaches an open tab without a reload. The file is removed after the tests.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEV_EXTENSION_ID } from '../../scripts/dev-extension-key';
import { launchExtension, type ExtensionBrowser } from './support/chromium';
import { setSettings } from './support/extension-page';
import { expectStored, extensionPage, openOptions, openPopup, openTab } from './support/extension-pages';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { hoverText, pointAway, record, tooltipText } from './support/page-tools';
import { CHROMIUM_POLICY_DIR, chromiumPolicyFile, describeWithPolicies } from './support/policy-files';
import { readmeSection } from '../support/readme';

const ORG = 'Acme Billing';
const POLICY = {
  detailLevel: 'brief',
  hoverDelayMs: 50,
  theme: 'dark',
  siteMode: 'only-listed',
  sites: ['127.0.0.1'],
  syncSettings: false,
  allowReleaseImport: false,
  // Not a boolean: Chrome's schema check drops it before the extension sees it (chrome://policy shows why).
  markCodes: 'yes',
  // A misspelt name: Chrome's schema lets any string through, the extension names it.
  LockedSettings: ['detailLevel', 'siteMode', 'sites', 'syncSettings', 'allowReleaseImport', 'tooltipColour'],
  OrganizationName: ORG,
};
const LOCKED_BY = `Set by your organization (${ORG})`;

describeWithPolicies('an organisation\u2019s policy in Chromium', CHROMIUM_POLICY_DIR, () => {
  const file = chromiumPolicyFile(DEV_EXTENSION_ID);
  let ext: ExtensionBrowser;
  let server: FixtureServer;
  let claims: Page;
  let claimsTab: number;

  beforeAll(async () => {
    file.write(POLICY);
    [ext, server] = await Promise.all([launchExtension(), startFixtureServer()]);
    // What the user had chosen before IT locked these: the lock wins, and their choice is kept for later.
    await setSettings(ext, { detailLevel: 'full', sites: ['elsewhere.example'] });
    ({ page: claims, tabId: claimsTab } = await openTab(ext, server.url('claims-table.html')));
  });

  afterAll(async () => {
    file.remove();
    await ext?.close();
    await server?.close();
  });

  it('reaches the development build under the fixed id the README names, from the browser\u2019s own policy file', async () => {
    expect(ext.extensionId).toBe(DEV_EXTENSION_ID);
    const managed = await (await extensionPage(ext)).evaluate(() => chrome.storage.managed.get(null));
    expect(managed).toMatchObject({ OrganizationName: ORG, detailLevel: 'brief', sites: ['127.0.0.1'] });
    expect(managed).not.toHaveProperty('markCodes');
  });

  it('options page: each locked setting disabled with the policy\u2019s value and who set it; unlocked ones usable; the ignored value listed', async () => {
    const page = await openOptions(ext);
    await expect.poll(() => page.locator('#detailLevel-locked').textContent()).toBe(LOCKED_BY);
    const radios = (name: string) => page.locator(`input[name="${name}"]`);
    expect(await radios('detailLevel').evaluateAll((els) => els.map((e) => [(e as HTMLInputElement).value, (e as HTMLInputElement).checked, (e as HTMLInputElement).disabled]))).toEqual([
      ['brief', true, true],
      ['standard', false, true],
      ['full', false, true],
    ]);
    expect(await page.locator('#sites').inputValue()).toBe('127.0.0.1');
    expect(await page.locator('#sites').isDisabled()).toBe(true);
    expect(await page.locator('#sites-locked').textContent()).toBe(LOCKED_BY);
    expect(await page.locator('input[name="siteMode"]:checked').getAttribute('value')).toBe('only-listed');
    for (const name of ['syncSettings', 'allowReleaseImport']) {
      expect(await radios(name).isDisabled(), name).toBe(true);
      expect(await radios(name).isChecked(), name).toBe(false);
    }
    // Unlocked: the policy's theme is only the default.
    expect(await page.locator('input[name="theme"]:checked').getAttribute('value')).toBe('dark');
    expect(await page.locator('input[name="theme"][value="light"]').isDisabled()).toBe(false);
    expect(await page.locator('#policy').isVisible()).toBe(true);
    expect(await page.locator('#policy-summary').textContent()).toContain(`5 settings are set by ${ORG}`);
    expect(await page.locator('#policy-problems li').allTextContents()).toEqual(['LockedSettings: "tooltipColour" is not a setting, so it locks nothing.']);

    // The user's own change is stored; no policy value ever is.
    await page.locator('input[name="theme"][value="light"]').check();
    await expectStored(ext, 'settings', { version: 1, changed: { detailLevel: 'full', sites: ['elsewhere.example'], theme: 'light' } });
    // A reset returns to the organisation's defaults.
    await page.locator('#reset').click();
    await expectStored(ext, 'settings', { version: 1, changed: {} });
    await expect.poll(() => page.locator('input[name="theme"]:checked').getAttribute('value')).toBe('dark');
    expect(await page.locator('input[name="detailLevel"]:checked').getAttribute('value')).toBe('brief');
    await page.close();
    await setSettings(ext, { detailLevel: 'full', sites: ['elsewhere.example'] });
  });

  it('popup: "Show tooltips on this site" cannot change the locked site rules, and says why', async () => {
    const popup = await openPopup(ext, { tabId: claimsTab });
    const box = popup.locator('#site-enabled');
    await expect.poll(() => popup.locator('#site-note').textContent()).toBe(`${LOCKED_BY}: the sites HCPCS Lens runs on cannot be changed here.`);
    expect(await box.isDisabled()).toBe(true);
    expect(await box.isChecked()).toBe(true);
    expect(await popup.locator('#site-host').textContent()).toBe('127.0.0.1');
    await popup.close();
  });

  it('a tooltip in a page shows the locked detail level, not the one the user stored', async () => {
    await claims.bringToFront();
    const text = await (await hoverText(claims, claims.locator('#row1 .code'), 'E1392'), tooltipText(claims));
    expect(text).toContain(record('E1392').short);
    expect(text).not.toContain('Coverage');
    expect(text).not.toContain('BETOS category');
    await pointAway(claims);
  });

  it('a changed policy reaches the open tab and the open options page without a reload', async () => {
    const options = await openOptions(ext);
    await claims.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    file.write({ ...POLICY, detailLevel: 'full', OrganizationName: 'Acme Billing West' });
    // Chromium notices a changed policy file within seconds (it waits for the file to settle).
    await options.locator('input[name="detailLevel"][value="full"]:checked').waitFor({ timeout: 45_000 });
    expect(await options.locator('#detailLevel-locked').textContent()).toBe('Set by your organization (Acme Billing West)');
    await claims.bringToFront();
    let text = '';
    for (let attempt = 1; !text.includes('BETOS category'); attempt++) {
      if (attempt > 3) throw new Error(`the open tab kept its old detail level: ${text}`);
      await pointAway(claims).catch(() => undefined);
      text = await (await hoverText(claims, claims.locator('#row1 .code'), 'E1392', attempt), tooltipText(claims));
    }
    expect(text).toContain(record('E1392').long);
    expect(await claims.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await options.close();
  });

  it('reads the README\u2019s Linux example as written: its sites locked, with the organisation\u2019s name', async () => {
    const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(readmeSection('Chrome, Chromium and Edge'))![1]!);
    // Only the extension's policy: the force-install entry needs the store, and its host rules would block the test pages.
    file.write(example['3rdparty'].extensions[DEV_EXTENSION_ID]);
    const options = await openOptions(ext);
    await expect.poll(() => options.locator('#sites').inputValue(), { timeout: 45_000 }).toBe('portal.example.com\n*.payer.example');
    expect(await options.locator('#sites').isDisabled()).toBe(true);
    expect(await options.locator('#sites-locked').textContent()).toBe(LOCKED_BY);
    expect(await options.locator('#hoverDelayMs').inputValue()).toBe('300');
    expect(await options.locator('#hoverDelayMs').isDisabled()).toBe(false);
    expect(await options.locator('#policy-problems li').count()).toBe(0);
    await options.close();
  });

  it('runtime_blocked_hosts and runtime_allowed_hosts (README): the browser keeps the extension to the allowed hosts', async () => {
    const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(readmeSection('Chrome, Chromium and Edge'))![1]!);
    const { runtime_blocked_hosts: blocked, runtime_allowed_hosts: allowed } = example.ExtensionSettings[DEV_EXTENSION_ID];
    expect(blocked).toEqual(['*://*']);
    // The README's rules, with this machine's "portal" (localhost) allowed; no install mode: the build is already loaded.
    file.write({ hoverDelayMs: 50 }, { runtime_blocked_hosts: blocked, runtime_allowed_hosts: [...allowed, '*://localhost'] });
    const { page: portal, tabId: portalTab } = await openTab(ext, server.url('claims-table.html').replace('127.0.0.1', 'localhost'));
    const helper = await extensionPage(ext);
    const canRun = (tabId: number) =>
      helper.evaluate(
        (id) =>
          chrome.scripting.executeScript({ target: { tabId: id }, func: () => location.host }).then(
            () => 'runs',
            (e: Error) => e.message,
          ),
        tabId,
      );
    // Chromium applies a changed ExtensionSettings policy within seconds.
    await expect.poll(() => canRun(claimsTab), { timeout: 45_000 }).toMatch(/cannot be scripted due to an ExtensionsSettings policy/);
    expect(await canRun(portalTab)).toBe('runs');
    await portal.bringToFront();
    const text = await (await hoverText(portal, portal.locator('#row1 .code'), 'E1392'), tooltipText(portal));
    expect(text).toContain(record('E1392').long);
    await portal.close();
  });
});
