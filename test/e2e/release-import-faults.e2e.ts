/**
 * A loaded release that goes wrong, in Chromium with the built extension: a
 * part found damaged, the store evicted by the browser, an extension update
 * bundling a newer release, and the import turned off by the
 * allowReleaseImport setting. The bundled release serves again each time,
 * and the options page says why.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './support/chromium';
import { setSettings } from './support/extension-page';
import { openOptions } from './support/extension-pages';
import { freshPageEachTest } from './support/fresh-page';
import { workerControl } from './support/worker-control';
import { newerRelease } from '../support/newer-release';

const newer = newerRelease();
const added = newer.added[0]!;
const dir = mkdtempSync(join(tmpdir(), 'hcpcs-faults-'));
const zipPath = join(dir, newer.zipName);
writeFileSync(zipPath, newer.zip);

let ext: ExtensionBrowser;
let options: Page;

/** The options page once it shows the active release. */
async function openCmsData(browser: ExtensionBrowser): Promise<Page> {
  const page = await openOptions(browser);
  await page.locator('#active-release').filter({ hasText: 'CMS HCPCS' }).waitFor();
  return page;
}

freshPageEachTest(openCmsData, (browser, page) => {
  ext = browser;
  options = page;
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const lookup = (page: Page, code: string) =>
  page.evaluate((c) => chrome.runtime.sendMessage({ type: 'lookupCodes', params: { items: [{ code: c }], level: 'standard' } }), code) as Promise<{
    result: { cards: { title: string; kind: string }[]; release: string };
  }>;

/** Loads the newer release through the page and uses it. */
async function useNewer(): Promise<void> {
  await options.setInputFiles('#release-file', zipPath);
  await options.click('#use-release');
  await options.locator('#active-release').filter({ hasText: 'CMS HCPCS 2026 Q2' }).waitFor();
}

type Tampering = 'damage the head part' | 'evict' | 'as if loaded under an earlier version, as 2025 Q4';

/** Changes the stored release in IndexedDB behind the extension's back, then stops the worker so it reads it afresh. */
async function tamper(how: Tampering): Promise<void> {
  await options.evaluate(async (h) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('hcpcs-lens-releases');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('release', 'readwrite');
      const store = tx.objectStore('release');
      if (h === 'evict') store.clear();
      else if (h === 'damage the head part') store.put('garbage that is not a dataset', 'part:head');
      else {
        const r = store.get('active');
        r.onsuccess = () => store.put({ ...r.result, checkedFor: '0.0.1', release: { ...r.result.release, year: 2025, quarter: 4 } }, 'active');
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, how);
  await (await workerControl(ext.context, options)).stop();
}

async function reopen(): Promise<string> {
  await options.close();
  options = await openOptions(ext);
  await options.locator('#active-release').filter({ hasText: 'CMS HCPCS 2026 Q1' }).waitFor();
  await options.locator('#release-notice:not([hidden])').waitFor();
  return options.locator('#release-notice').innerText();
}

describe('a loaded release gone wrong, in Chromium', () => {
  it('a damaged part: the bundled release answers, never a wrong tooltip, and the options page says why', async () => {
    await useNewer();
    await tamper('damage the head part');
    const reply = await lookup(options, 'E1392');
    expect(reply.result.release).toBe('CMS HCPCS 2026 Q1');
    expect(reply.result.cards[0]!.title).toBe(newer.longChanged.before);
    expect(await reopen()).toMatch(/^The CMS HCPCS 2026 Q2 release you loaded was found damaged \(.+\)\. The bundled release serves again\.$/);
  });

  it('evicted by the browser: the bundled release serves, and the options page says so', async () => {
    await useNewer();
    await tamper('evict');
    expect((await lookup(options, added.code)).result.cards[0]!.kind).toBe('unknown');
    expect(await reopen()).toMatch(/^The browser removed the CMS release you loaded \(april-2026-alpha-numeric-hcpcs-file\.zip\) from its storage\./);
  });

  it('an extension update bundling a newer release than the loaded one: the newer one becomes active', async () => {
    await useNewer();
    await tamper('as if loaded under an earlier version, as 2025 Q4');
    expect((await lookup(options, 'E1392')).result.release).toBe('CMS HCPCS 2026 Q1');
    expect(await reopen()).toBe(
      'This version of the extension bundles CMS HCPCS 2026 Q1, newer than the CMS HCPCS 2025 Q4 you loaded, so it is now the active release. The bundled release serves again.',
    );
  });

  it('the import turned off (allowReleaseImport false): the control is disabled and says why', async () => {
    await setSettings(ext, { allowReleaseImport: false });
    await options.locator('#import-disabled:not([hidden])').waitFor();
    expect(await options.isDisabled('#load-release')).toBe(true);
    expect(await options.locator('#import-disabled').innerText()).toContain('turned off');
    await setSettings(ext, {});
    await options.locator('#import-disabled').waitFor({ state: 'hidden' });
    expect(await options.isEnabled('#load-release')).toBe(true);
  });
});
