/**
 * An organisation's policy in Firefox ESR, as IT deploys it: policies.json
 * in the installation's distribution folder, 3rdparty → Extensions → the
 * add-on's id. Firefox checks none of the values (it has no managed schema),
 * so the extension's own checks decide, and the options page lists what it
 * ignored and why. Firefox reads the file once, at start: it is removed as
 * soon as the browser is up, and the policy still holds.
 *
 * The file is read by every Firefox started from this installation while it
 * exists, so it names a copy of the build under an id of its own, not the
 * id other test runs on this machine install.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { FIREFOX_DIST, firefoxPath, launchFirefoxExtension, type FirefoxExtension } from './support/firefox';
import { firefoxPointAway, firefoxTooltipText, hoverTextIn } from './support/firefox-page-tools';
import { record } from './support/page-tools';
import { describeWithPolicies, firefoxDistributionDir, firefoxPoliciesFile } from './support/policy-files';

const ORG = 'Acme Billing';
const GECKO_ID = `hcpcs-lens-policy-e2e-${process.pid}@hcpcs-lens.example`;
const POLICY = {
  detailLevel: 'brief',
  // Wrong type, out of the list, not a boolean: Firefox passes them on as they are.
  hoverDelayMs: 'fast',
  trigger: 'middle-click',
  markCodes: 1,
  theme: 'dark',
  siteMode: 'only-listed',
  sites: ['127.0.0.1'],
  LockedSettings: ['detailLevel', 'siteMode', 'sites', 'hoverDelayMs'],
  OrganizationName: ORG,
};
const LOCKED_BY = `Set by your organization (${ORG})`;

const distribution = firefoxDistributionDir(firefoxPath());

describeWithPolicies('an organisation\u2019s policy in Firefox', distribution, () => {
  const file = firefoxPoliciesFile(distribution, GECKO_ID);
  let copy: string;
  let ff: FirefoxExtension;
  let server: FixtureServer;
  let claims: Page;

  beforeAll(async () => {
    copy = mkdtempSync(join(tmpdir(), 'hcpcs-lens-policy-ff-'));
    cpSync(FIREFOX_DIST, copy, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
    manifest.browser_specific_settings.gecko.id = GECKO_ID;
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
    server = await startFixtureServer();
    file.write(POLICY);
    try {
      ff = await launchFirefoxExtension({ dist: copy, geckoId: GECKO_ID });
    } finally {
      // Read at browser start: from here on the file is not needed, and other runs must not see it.
      file.remove();
    }
    // What the user had chosen before IT locked these.
    const page = await ff.openExtensionPage('src/options/index.html');
    await page.evaluate(() => browser.storage.local.set({ settings: { version: 1, changed: { detailLevel: 'full', sites: ['elsewhere.example'] } } }));
    await page.close();
    claims = await ff.browser.newPage();
    await claims.goto(server.url('claims-table.html'));
  });

  afterAll(async () => {
    file.remove();
    await ff?.close();
    await server?.close();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('the policy read at start holds after policies.json is gone, with its values unchecked by Firefox', async () => {
    const page = await ff.openExtensionPage('src/options/index.html');
    const managed = await page.evaluate(() => browser.storage.managed.get(null));
    expect(managed).toMatchObject({ OrganizationName: ORG, hoverDelayMs: 'fast', trigger: 'middle-click' });
    await page.close();
  });

  it('options page: locked settings disabled with who set them; every value the extension ignored listed with the reason', async () => {
    const page = await ff.openExtensionPage('src/options/index.html');
    await page.waitForFunction((text) => document.getElementById('detailLevel-locked')?.textContent === text, {}, LOCKED_BY);
    const state = await page.evaluate(() => {
      const input = (selector: string) => document.querySelector(selector) as HTMLInputElement;
      return {
        detailLevel: [...document.querySelectorAll<HTMLInputElement>('input[name="detailLevel"]')].map((e) => [e.value, e.checked, e.disabled]),
        sites: [input('#sites').value, input('#sites').disabled],
        // Locked, but the policy's value was bad: the built-in default, still locked.
        hoverDelayMs: [input('#hoverDelayMs').value, input('#hoverDelayMs').disabled, document.getElementById('hoverDelayMs-locked')?.textContent],
        theme: [input('input[name="theme"]:checked').value, input('input[name="theme"]:checked').disabled],
        trigger: [input('#trigger').value, input('#trigger').disabled],
        problems: [...document.querySelectorAll('#policy-problems li')].map((li) => li.textContent),
      };
    });
    expect(state).toEqual({
      detailLevel: [
        ['brief', true, true],
        ['standard', false, true],
        ['full', false, true],
      ],
      sites: ['127.0.0.1', true],
      hoverDelayMs: ['200', true, LOCKED_BY],
      theme: ['dark', false],
      trigger: ['hover', false],
      problems: [
        'hoverDelayMs: "fast" is not a whole number from 0 to 2000, so it was ignored.',
        'trigger: "middle-click" is not one of "hover", "alt", "ctrl", "shift", so it was ignored.',
        'markCodes: 1 is not true or false, so it was ignored.',
      ],
    });
    await page.close();
  });

  it('popup: the site switch is locked and says why', async () => {
    const helper = await ff.openExtensionPage('src/options/index.html');
    // Found by its address among all tabs (a query by url pattern misses a host with a port here).
    const tabId = await helper.evaluate(async (url) => (await browser.tabs.query({})).find((t) => t.url === url)?.id, claims.url());
    expect(tabId).toEqual(expect.any(Number));
    await helper.close();
    const popup = await ff.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await popup.waitForFunction(() => document.getElementById('site-note')?.textContent !== '');
    expect(
      await popup.evaluate(() => {
        const box = document.getElementById('site-enabled') as HTMLInputElement;
        return [box.checked, box.disabled, document.getElementById('site-note')!.textContent];
      }),
    ).toEqual([true, true, `${LOCKED_BY}: the sites HCPCS Lens runs on cannot be changed here.`]);
    await popup.close();
  });

  it('a tooltip in a page shows the locked detail level', async () => {
    await claims.bringToFront();
    await hoverTextIn(claims, '#row1 .code', 'E1392');
    const text = await firefoxTooltipText(claims);
    expect(text).toContain(record('E1392').short);
    expect(text).not.toContain('BETOS category');
    expect(text).not.toContain('Coverage');
    await firefoxPointAway(claims);
  });
});
