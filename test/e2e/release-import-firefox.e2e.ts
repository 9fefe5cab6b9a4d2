/**
 * Loading a newer CMS release on the options page of the Firefox build in
 * Firefox ESR: the summary lists exactly what changed, "Use this release",
 * the tooltip and the popup answer from it, and so does the background after
 * the extension is reloaded; then back to the bundled release. The October
 * 2025 Excel edition loads as an older release; every bad input is refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { launchFirefoxExtension, type FirefoxExtension } from './support/firefox';
import { firefoxPointAway, firefoxTooltipText, hoverTextIn } from './support/firefox-page-tools';
import { badInputs } from '../support/bad-release-files';
import { newerRelease, octoberWorkbook } from '../support/newer-release';

const newer = newerRelease();
const added = newer.added[0]!;
const dir = mkdtempSync(join(tmpdir(), 'hcpcs-import-ff-'));
const file = (name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

let ff: FirefoxExtension;
let server: FixtureServer;
let options: Page;

beforeAll(async () => {
  server = await startFixtureServer({ '/claim-new.html': `<!doctype html><meta charset="utf-8"><body style="font:16px sans-serif;padding:40px"><p id="new">Line 1: ${added.code} oxygen</p><p id="changed">Line 2: ${newer.longChanged.code} rental</p></body>` });
  ff = await launchFirefoxExtension();
  options = await openOptions();
});

afterAll(async () => {
  await ff?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function openOptions(): Promise<Page> {
  const page = await ff.openExtensionPage('src/options/index.html');
  await page.waitForFunction(() => /CMS HCPCS/.test(document.getElementById('active-release')?.textContent ?? ''), { timeout: 10_000 });
  return page;
}

const activeText = (page: Page) => page.evaluate(() => document.getElementById('active-release')!.textContent!);
const waitActive = (page: Page, label: string) =>
  page.waitForFunction((l) => document.getElementById('active-release')!.textContent!.includes(l), { timeout: 10_000 }, label);
const lookup = (page: Page, code: string) =>
  page.evaluate((c) => browser.runtime.sendMessage({ type: 'lookupCodes', params: { items: [{ code: c }], level: 'standard' } }), code) as Promise<{
    result: { cards: { title: string; kind: string }[]; release: string };
  }>;

async function load(page: Page, path: string): Promise<'summary' | 'error'> {
  await page.evaluate(() => {
    document.getElementById('import-error')!.hidden = true;
    document.getElementById('import-summary')!.hidden = true;
  });
  const input = (await page.$('#release-file')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
  await page.waitForFunction(() => !document.getElementById('import-error')!.hidden || !document.getElementById('import-summary')!.hidden, { timeout: 30_000 });
  return page.evaluate(() => (document.getElementById('import-error')!.hidden ? 'summary' : 'error'));
}

describe(`loading a newer CMS release (from the ${newer.source}) in Firefox`, () => {
  it('summarises exactly what changed, then uses it: tooltip and popup answer from it', async () => {
    expect(await activeText(options)).toContain('CMS HCPCS 2026 Q1');
    expect(await load(options, file(newer.zipName, newer.zip))).toBe('summary');
    const lines = await options.evaluate(async () => {
      const kinds = [...document.querySelectorAll<HTMLDetailsElement>('#import-summary details.change-kind')];
      for (const d of kinds) d.open = true;
      while (kinds.some((d) => !d.querySelector('table'))) await new Promise((r) => setTimeout(r, 20));
      return kinds.flatMap((d) => [...d.querySelectorAll('tr:has(td)')].map((tr) => `${d.dataset.kind}: ${[...tr.children].map((td) => td.textContent).join(' | ')}`));
    });
    expect(lines.sort()).toEqual(
      [
        ...newer.added.map((a) => `added: ${a.code} | added |  | ${a.long}`),
        `terminated: ${newer.terminated.code} | Termination date |  | ${newer.terminated.termination}`,
        `long: ${newer.longChanged.code} | Long description | ${newer.longChanged.before} | ${newer.longChanged.after}`,
        `short: ${newer.shortChanged.code} | Short description | ${newer.shortChanged.before} | ${newer.shortChanged.after}`,
      ].sort(),
    );
    await options.click('#use-release');
    await waitActive(options, 'CMS HCPCS 2026 Q2');

    const page = await ff.browser.newPage();
    await page.goto(server.url('claim-new.html'));
    await hoverTextIn(page, '#new', added.code);
    const tip = await firefoxTooltipText(page);
    expect(tip).toContain(added.long);
    expect(tip).toContain('New in 2026 Q2');
    await firefoxPointAway(page);
    await hoverTextIn(page, '#changed', newer.longChanged.code);
    expect(await firefoxTooltipText(page)).toContain(`Long description changed in 2026 Q2 — was: ${newer.longChanged.before}`);
    await page.close();

    const popup = await ff.openExtensionPage(`src/popup/index.html?q=${added.code}`);
    await popup.waitForFunction((c) => document.querySelector(`#results [data-code="${c}"]`) !== null, { timeout: 10_000 }, added.code);
    await popup.close();
  });

  it('answers from it after the extension is reloaded, then returns to the bundled release', async () => {
    // Reloading the extension restarts its background page, as an update does.
    await options.evaluate(() => browser.runtime.reload()).catch(() => undefined);
    options = await openOptions();
    await waitActive(options, 'CMS HCPCS 2026 Q2');
    expect((await lookup(options, added.code)).result.cards[0]!.title).toBe(added.long);
    await options.click('#return-bundled');
    await waitActive(options, 'CMS HCPCS 2026 Q1');
    expect((await lookup(options, added.code)).result.cards[0]!.kind).toBe('unknown');
  });

  it('loads October 2025’s Excel edition as an older release, with its warning', async () => {
    const october = octoberWorkbook();
    expect(await load(options, file(october.name, october.bytes))).toBe('summary');
    const summary = await options.evaluate(() => document.getElementById('import-summary')!.textContent!);
    expect(summary).toContain('2025 Q4 is older than the active release, 2026 Q1');
    expect(await options.evaluate(() => (document.getElementById('use-release') as HTMLButtonElement).disabled)).toBe(true);
  });

  it('takes a zip dropped on the zone, refuses two files, and cancels a file drag beside the zone', async () => {
    // Firefox's automation has no file drag: the page builds the DataTransfer a drop from the desktop carries.
    // A cancelled dragover is what keeps Firefox from loading the file in place of the page.
    const seen = await options.evaluate(
      (name, base64) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const file = (n: string) => new File([bytes], n, { type: 'application/zip' });
        const zone = document.getElementById('drop-zone')!;
        const hint = zone.querySelector('.hint')!;
        const heading = document.getElementById('h-cms')!;
        const fire = (type: string, target: Element, files: File[]) => {
          const data = new DataTransfer();
          for (const f of files) data.items.add(f);
          return !target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
        };
        const one = [file(name)];
        const lit = () => zone.classList.contains('is-over');
        const overZone = fire('dragenter', hint, one) && fire('dragover', hint, one) && lit();
        const besideCancelled = fire('dragover', heading, one);
        const besideLit = lit();
        const dropBesideCancelled = fire('drop', heading, one);
        document.getElementById('import-error')!.hidden = true;
        fire('drop', hint, [file(name), file('second.zip')]);
        const refused = document.getElementById('import-error')!.textContent;
        fire('dragover', hint, one);
        fire('drop', hint, one);
        return { overZone, besideCancelled, besideLit, dropBesideCancelled, refused, litAfterDrop: lit() };
      },
      newer.zipName,
      Buffer.from(newer.zip).toString('base64'),
    );
    expect(seen).toEqual({
      overZone: true,
      besideCancelled: true,
      besideLit: false,
      dropBesideCancelled: true,
      refused: `Not loaded: 2 files were dropped (${newer.zipName}, second.zip); drop one: the CMS zip, or its .txt or .xlsx file. Nothing changed: CMS HCPCS 2026 Q1 still serves.`,
      litAfterDrop: false,
    });
    await options.waitForFunction(() => !document.getElementById('import-summary')!.hidden, { timeout: 30_000 });
    expect(await options.evaluate(() => document.querySelector('#import-summary h3')!.textContent)).toBe('CMS HCPCS 2026 Q2, effective 2026-04-01');
    await options.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('#import-summary button')].find((b) => b.textContent === 'Do not use it')!.click());
    expect(await activeText(options)).toContain('CMS HCPCS 2026 Q1');
  });

  it('refuses every bad input with its message, and changes nothing', async () => {
    for (const bad of badInputs(newer)) {
      expect(await load(options, file(bad.name, bad.bytes)), bad.name).toBe('error');
      expect(await options.evaluate(() => document.getElementById('import-error')!.textContent!)).toMatch(bad.message);
    }
    expect(await activeText(options)).toContain('CMS HCPCS 2026 Q1');
  });
});
