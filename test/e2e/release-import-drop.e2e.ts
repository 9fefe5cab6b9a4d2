/**
 * Dropping CMS's zip on the options page's "CMS data" drop zone in Chromium,
 * with the built extension and trusted drags (support/drag.ts): the zone
 * lights up while a file is over it, a dropped zip gives the same summary as
 * the file picker, a drop it cannot take (not a release, two files, a folder)
 * is refused with a clear message, and a file dropped beside the zone is not
 * opened by the browser (the options page would be lost for nothing).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from './support/chromium';
import { startDrag } from './support/drag';
import { openOptions } from './support/extension-pages';
import { newerRelease } from '../support/newer-release';

const newer = newerRelease();
const dir = mkdtempSync(join(tmpdir(), 'hcpcs-drop-'));
const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const zip = file(newer.zipName, newer.zip);
const pdf = file('claim-notes.pdf', '%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
const folder = join(dir, 'april-2026');
mkdirSync(folder);

let ext: ExtensionBrowser;
let options: Page;
/** Every tab and download the browser opens: a file dropped where the page does not take it. */
const opened: string[] = [];

beforeAll(async () => {
  ext = await launchExtension();
  ext.context.on('page', (page) => {
    opened.push(`tab ${page.url()}`);
    page.on('download', (d) => opened.push(`download ${d.suggestedFilename()}`));
  });
  options = await openOptions(ext);
  options.on('download', (d) => opened.push(`download ${d.suggestedFilename()}`));
  opened.length = 0;
  await options.locator('#active-release').filter({ hasText: 'CMS HCPCS 2026 Q1' }).waitFor();
});

afterAll(async () => {
  await ext?.close();
  rmSync(dir, { recursive: true, force: true });
});

const zone = () => options.locator('#drop-zone');
const lit = () => options.locator('#drop-zone.is-over');
const summary = () => options.locator('#import-summary:not([hidden]) h3');
const error = () => options.locator('#import-error:not([hidden])');

async function discardSummary(): Promise<void> {
  await options.getByRole('button', { name: 'Do not use it' }).click();
  await options.locator('#import-summary').waitFor({ state: 'hidden' });
}

describe('dropping a CMS release on the options page in Chromium', () => {
  it('lights the zone while a file is over it, also over its button, and not once it leaves', async () => {
    const drag = await startDrag(options, { files: [zip] });
    await drag.over(zone().locator('.hint'));
    await lit().waitFor();
    await drag.over(options.locator('#load-release'));
    expect(await lit().count()).toBe(1);
    await drag.over(options.locator('#h-cms'));
    await lit().waitFor({ state: 'detached' });
    await drag.over(zone());
    await lit().waitFor();
    // Let go beside the zone: nothing is loaded, and the zone goes dark.
    await drag.drop(options.locator('#h-cms'));
    await lit().waitFor({ state: 'detached' });
    expect(await options.locator('#import-progress').isHidden()).toBe(true);
  });

  it('gives the same summary for a dropped zip as for the file picker', async () => {
    await options.setInputFiles('#release-file', zip);
    await summary().waitFor({ timeout: 30_000 });
    const picked = await options.locator('#import-summary').innerText();
    await discardSummary();

    const drag = await startDrag(options, { files: [zip] });
    await drag.drop(zone());
    await summary().waitFor({ timeout: 30_000 });
    expect(await options.locator('#import-summary').innerText()).toBe(picked);
    expect(picked).toContain(`CMS HCPCS 2026 Q2, effective 2026-04-01`);
    expect(picked).toContain(`from HCPC2026_APR_ANWEB_v2.txt in ${newer.zipName}`);
    expect(await lit().count()).toBe(0);
    expect(await options.locator('#active-release').innerText()).toContain('CMS HCPCS 2026 Q1');
    await discardSummary();

    // A source that offers only "move" or only "copy" (a mail client's attachment) drops the same.
    for (const offers of ['move', 'copy'] as const) {
      await (await startDrag(options, { files: [zip] }, offers)).drop(zone());
      await summary().waitFor({ timeout: 30_000 });
      expect(await options.locator('#import-summary').innerText(), offers).toBe(picked);
      await discardSummary();
    }
  });

  it('refuses a dropped file that is not a release, two files and a folder, each with its reason', async () => {
    const refusals: [string[], RegExp][] = [
      [[pdf], /^Not loaded: claim-notes\.pdf: is not a CMS release: expected the quarterly zip, or its HCPCyyyy_<MON>_ANWEB \.txt or \.xlsx file \(this one is a PDF document\)/],
      [[zip, pdf], new RegExp(`^Not loaded: 2 files were dropped \\(${newer.zipName.replaceAll('.', '\\.')}, claim-notes\\.pdf\\); drop one: the CMS zip, or its \\.txt or \\.xlsx file\\.`)],
      [[folder], /^Not loaded: april-2026 is a folder: drop the CMS zip itself, or the \.txt or \.xlsx file in it\./],
    ];
    for (const [paths, message] of refusals) {
      const drag = await startDrag(options, { files: paths });
      await drag.drop(zone());
      await error().filter({ hasText: message }).waitFor();
      expect(await error().innerText()).toContain('Nothing changed: CMS HCPCS 2026 Q1 still serves.');
      expect(await options.locator('#import-summary').isHidden()).toBe(true);
    }
  });

  it('does not open a file dropped beside the zone (nor did the drops before), and takes nothing from it', async () => {
    await options.locator('#import-error').evaluate((e) => ((e as HTMLElement).hidden = true));
    for (const target of [options.locator('#h-cms'), options.locator('#active-release'), options.locator('#sites')]) {
      for (const path of [zip, pdf]) {
        const drag = await startDrag(options, { files: [path] });
        await drag.drop(target);
      }
    }
    // A drop on the zone after them: once its summary shows, the browser has handled the drops before it.
    const drag = await startDrag(options, { files: [zip] });
    await drag.drop(zone());
    await summary().waitFor({ timeout: 30_000 });
    expect(opened).toEqual([]);
    expect(options.url()).toBe(ext.extensionUrl('src/options/index.html'));
    expect(await options.locator('#import-error').isHidden()).toBe(true);
    await discardSummary();
  });

  it('takes no drop while loading a release is turned off, and opens nothing either', async () => {
    opened.length = 0;
    await options.uncheck('input[name="allowReleaseImport"]');
    await options.locator('#drop-zone[aria-disabled="true"]').waitFor();
    const drag = await startDrag(options, { files: [zip] });
    await drag.over(zone());
    expect(await lit().count()).toBe(0);
    await drag.drop(zone());
    expect(await options.locator('#import-progress').isHidden()).toBe(true);
    await options.check('input[name="allowReleaseImport"]');
    await options.locator('#drop-zone[aria-disabled="false"]').waitFor();
    await (await startDrag(options, { files: [zip] })).drop(zone());
    await summary().waitFor({ timeout: 30_000 });
    expect(opened).toEqual([]);
    await discardSummary();
  });

  it('still lets text be dragged into the site list', async () => {
    opened.length = 0;
    const drag = await startDrag(options, { text: 'portal.example.com' });
    await drag.drop(options.locator('#sites'));
    await options.waitForFunction(() => (document.getElementById('sites') as HTMLTextAreaElement).value.includes('portal.example.com'));
    expect(opened).toEqual([]);
  });
});
