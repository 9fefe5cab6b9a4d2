/**
 * The options page in the built extension: autosave by field name, the live
 * preview, site rules, export/import/reset, sync within its quotas, changes
 * reaching other open extension pages, and corrupt stored settings repaired
 * by the worker, once.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './support/chromium';
import { clearSettings, eventually, expectStored, extensionPage, getLocal, openOptions, openPopup, setLocal } from './support/extension-pages';
import { freshPageEachTest } from './support/fresh-page';

let ext: ExtensionBrowser;
let options: Page;

freshPageEachTest(openOptions, (browser, page) => {
  ext = browser;
  options = page;
});

describe('options page', () => {
  it('shows the defaults, and saves each field by name as it changes, storing only changed values', async () => {
    expect(await options.isChecked('input[name=detailLevel][value=standard]')).toBe(true);
    expect(await options.inputValue('#hoverDelayMs')).toBe('200');
    await options.check('input[name=detailLevel][value=full]');
    await options.selectOption('#trigger', 'alt');
    await options.check('input[name=markCodes]');
    await options.check('input[name=theme][value=dark]');
    await options.fill('#hoverDelayMs', '350');
    await options.locator('#hoverDelayMs').blur();
    await expectStored(ext, 'settings', { version: 1, changed: { detailLevel: 'full', trigger: 'alt', markCodes: true, theme: 'dark', hoverDelayMs: 350 } });
    expect(await options.textContent('#save-status')).toBe('Saved');
    // Back to a default value: nothing stored for it.
    await options.check('input[name=theme][value=system]');
    await options.uncheck('input[name=markCodes]');
    await expectStored(ext, 'settings', { version: 1, changed: { detailLevel: 'full', trigger: 'alt', hoverDelayMs: 350 } });
  });

  it('refuses an invalid hover delay with a message, and keeps the last good value', async () => {
    await options.fill('#hoverDelayMs', '99999');
    await options.locator('#hoverDelayMs').blur();
    await options.locator('#hoverDelayMs-error').filter({ hasText: 'from 0 to 2000' }).waitFor();
    expect(await options.getAttribute('#hoverDelayMs', 'aria-invalid')).toBe('true');
    expect(await getLocal(ext, 'settings')).toBeUndefined();
    await options.fill('#hoverDelayMs', '0');
    await options.locator('#hoverDelayMs').blur();
    await expectStored(ext, 'settings', { version: 1, changed: { hoverDelayMs: 0 } });
    expect(await options.isHidden('#hoverDelayMs-error')).toBe(true);
  });

  it('previews E1392 with RR at the chosen level and theme, live', async () => {
    const preview = options.locator('#preview');
    expect(await preview.locator('.hl-detail').getAttribute('class')).toContain('hl-level-standard');
    expect(await preview.locator('.hl-title').textContent()).toBe('Portable oxygen concentrator, rental');
    expect(await preview.locator('.hl-modifier').textContent()).toContain("Rental (use the 'rr' modifier when dme is to be rented)");
    await options.check('input[name=detailLevel][value=brief]');
    await preview.locator('.hl-level-brief').waitFor();
    expect(await preview.locator('.hl-title').textContent()).toBe('Portable oxygen concentrator');
    await options.check('input[name=detailLevel][value=full]');
    await preview.locator('.hl-level-full').waitFor();
    expect(await preview.textContent()).toContain('Multiple pricing indicator');
    await options.check('input[name=theme][value=dark]');
    await eventually(() => preview.getAttribute('data-theme'), (t) => t === 'dark');
    expect(await options.getAttribute('html', 'data-theme')).toBe('dark');
  });

  it('saves site rules one pattern a line, normalised, and names a bad line without saving', async () => {
    await options.check('input[name=siteMode][value=only-listed]');
    await options.fill('#sites', 'https://Portal.Example.com/claims\n*.payer.example\n\nintranet:8443');
    await options.locator('#sites').blur();
    await expectStored(ext, 'settings', { version: 1, changed: { siteMode: 'only-listed', sites: ['portal.example.com', '*.payer.example', 'intranet:8443'] } });
    await eventually(() => options.inputValue('#sites'), (v) => v === 'portal.example.com\n*.payer.example\nintranet:8443');
    await options.fill('#sites', 'portal.example.com\nnot a host');
    await options.locator('#sites-error').filter({ hasText: 'Line 2: “not a host” is not a host name or pattern.' }).waitFor();
    await options.locator('#sites').blur();
    // The bad list is not saved, and the user's text is left for them to fix.
    expect((await getLocal(ext, 'settings')) as object).toMatchObject({ changed: { sites: ['portal.example.com', '*.payer.example', 'intranet:8443'] } });
    expect(await options.inputValue('#sites')).toBe('portal.example.com\nnot a host');
  });

  it('shows changes made elsewhere, and its changes reach an open popup without a reload', async () => {
    const popup = await openPopup(ext);
    expect(await popup.getAttribute('html', 'data-theme')).toBe('system');
    await options.check('input[name=theme][value=dark]');
    await eventually(() => popup.getAttribute('html', 'data-theme'), (t) => t === 'dark');
    await setLocal(ext, { settings: { version: 1, changed: { detailLevel: 'brief', sites: ['a.example'] } } });
    await eventually(() => options.isChecked('input[name=detailLevel][value=brief]'), Boolean);
    expect(await options.inputValue('#sites')).toBe('a.example');
    await popup.close();
  });

  it('exports settings to a file and imports them back, checking every value', async () => {
    await setLocal(ext, { settings: { version: 1, changed: { detailLevel: 'full', sites: ['portal.example.com'] } } });
    const download = options.waitForEvent('download');
    await options.click('#export');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^hcpcs-lens-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync((await file.path())!, 'utf8'));
    expect(exported).toMatchObject({ format: 'hcpcs-lens-settings', version: 1, changed: { detailLevel: 'full', sites: ['portal.example.com'] } });

    await clearSettings(ext);
    const chooser = options.waitForEvent('filechooser');
    await options.click('#import');
    await (await chooser).setFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...exported, changed: { ...exported.changed, theme: 'neon' } })) });
    await options.locator('#backup-status').filter({ hasText: 'Imported mine.json' }).waitFor();
    expect(await options.textContent('#backup-status')).toContain('invalid value for "theme" replaced by the default');
    await expectStored(ext, 'settings', { version: 1, changed: { detailLevel: 'full', sites: ['portal.example.com'] } });

    const refused = options.waitForEvent('filechooser');
    await options.click('#import');
    await (await refused).setFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await options.locator('#backup-status').filter({ hasText: 'not an HCPCS Lens settings file' }).waitFor();
    await expectStored(ext, 'settings', { version: 1, changed: { detailLevel: 'full', sites: ['portal.example.com'] } });
  });

  it('refuses a file too large to be a settings file without reading it', async () => {
    await setLocal(ext, { settings: { version: 1, changed: { detailLevel: 'full' } } });
    // Counts every read of a picked file's content, as the page makes them.
    await options.evaluate(() => {
      const w = window as unknown as { __reads: number };
      w.__reads = 0;
      for (const name of ['text', 'arrayBuffer', 'stream', 'slice'] as const) {
        const original = Blob.prototype[name] as (...a: unknown[]) => unknown;
        (Blob.prototype as unknown as Record<string, unknown>)[name] = function (this: Blob, ...a: unknown[]) {
          w.__reads++;
          return original.apply(this, a);
        };
      }
    });
    const chooser = options.waitForEvent('filechooser');
    await options.click('#import');
    // 1 MB of valid-looking JSON: read whole, it would be parsed; its size alone says it is not a settings file.
    const big = JSON.stringify({ format: 'hcpcs-lens-settings', version: 1, changed: { theme: 'dark' }, padding: 'x'.repeat(1024 * 1024) });
    await (await chooser).setFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.from(big) });
    await options.locator('#backup-status').filter({ hasText: 'too large' }).waitFor();
    expect(await options.evaluate(() => (window as unknown as { __reads: number }).__reads)).toBe(0);
    await expectStored(ext, 'settings', { version: 1, changed: { detailLevel: 'full' } });
  });

  it('resets to defaults, with an undo', async () => {
    await setLocal(ext, { settings: { version: 1, changed: { detailLevel: 'full', markCodes: true } } });
    await eventually(() => options.isChecked('input[name=markCodes]'), Boolean);
    await options.click('#reset');
    await expectStored(ext, 'settings', { version: 1, changed: {} });
    expect(await options.isChecked('input[name=detailLevel][value=standard]')).toBe(true);
    await options.click('#undo');
    await expectStored(ext, 'settings', { version: 1, changed: { detailLevel: 'full', markCodes: true } });
  });
});

describe('corrupt stored settings', () => {
  it('are read as defaults by the pages, and repaired by the worker in one write', async () => {
    const helper = await extensionPage(ext);
    await helper.evaluate(() => {
      const w = window as unknown as { writes: unknown[] };
      w.writes = [];
      chrome.storage.onChanged.addListener((changes, area) => {
        if (area === 'local' && changes.settings) w.writes.push(changes.settings.newValue);
      });
    });
    const corrupt = { version: 'one', changed: { hoverDelayMs: -40, theme: 'neon', trigger: 'alt', sites: 'everything', injected: '<img src=x>' } };
    await setLocal(ext, { settings: corrupt });
    await expectStored(ext, 'settings', { version: 1, changed: { trigger: 'alt' } });
    // The corrupt write, then the repair: nobody else wrote.
    await options.waitForTimeout(500);
    const writes = await helper.evaluate(() => (window as unknown as { writes: unknown[] }).writes);
    expect(writes).toEqual([corrupt, { version: 1, changed: { trigger: 'alt' } }]);
    await eventually(() => options.inputValue('#trigger'), (v) => v === 'alt');
    expect(await options.inputValue('#hoverDelayMs')).toBe('200');

    await setLocal(ext, { settings: 'garbage' });
    await expectStored(ext, 'settings', { version: 1, changed: {} });
    const popup = await openPopup(ext);
    await popup.fill('#query', 'E1392');
    await popup.locator('#results [data-code="E1392"]').waitFor();
    await popup.close();
  });
});

describe('sync', () => {
  const syncItems = () => extensionPage(ext).then((p) => p.evaluate(() => chrome.storage.sync.get(null)));

  it('is off by default: nothing goes to storage.sync', async () => {
    await options.check('input[name=markCodes]');
    await expectStored(ext, 'settings', { version: 1, changed: { markCodes: true } });
    await options.waitForTimeout(2500);
    expect(await syncItems()).toEqual({});
  });

  it('when turned on, mirrors settings to storage.sync, splitting a long site list within the per-item quota', async () => {
    const sites = Array.from({ length: 150 }, (_, i) => `portal-${String(i).padStart(3, '0')}.claims-department.regional-health-system.example.com`);
    await setLocal(ext, { settings: { version: 1, changed: { theme: 'dark', sites } } });
    await options.check('input[name=syncSettings]');
    const items = await eventually(syncItems, (i) => 'settings' in i, 8000);
    expect(items.settings).toEqual({ version: 1, changed: { theme: 'dark' }, siteItems: expect.any(Number) });
    const { siteItems } = items.settings as { siteItems: number };
    expect(siteItems).toBeGreaterThan(1);
    const helper = await extensionPage(ext);
    const sizes = await helper.evaluate(async (n) => {
      const keys = ['settings', ...Array.from({ length: n }, (_, i) => `settings.sites.${i}`)];
      return Promise.all(keys.map((k) => chrome.storage.sync.getBytesInUse(k)));
    }, siteItems);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(8192);
    const synced = Array.from({ length: siteItems }, (_, i) => items[`settings.sites.${i}`] as string[]).flat();
    expect(synced).toEqual(sites);
  });

  it('brings in settings changed in another browser', async () => {
    await options.check('input[name=syncSettings]');
    await eventually(syncItems, (i) => 'settings' in i, 8000);
    // What another browser's sync would write.
    await (await extensionPage(ext)).evaluate(() => chrome.storage.sync.set({ settings: { version: 1, changed: { detailLevel: 'brief', theme: 'dark' }, siteItems: 0 } }));
    await expectStored(ext, 'settings', { version: 1, changed: { detailLevel: 'brief', theme: 'dark', syncSettings: true } });
    await eventually(() => options.isChecked('input[name=detailLevel][value=brief]'), Boolean);
  });
});
