/**
 * Loading a newer CMS release on the options page of the built extension in
 * Chromium: CMS's zip as published → the summary lists exactly what changed →
 * "Use this release" → tooltips, the popup and the worker (after a stop, and
 * after a browser restart) answer from it → back to the bundled release.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from './support/chromium';
import { setSettings, FAST } from './support/extension-page';
import { openOptions, openPopup } from './support/extension-pages';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { hoverText, pointAway, tooltipText } from './support/page-tools';
import { workerControl } from './support/worker-control';
import { newerRelease, octoberWorkbook } from '../support/newer-release';
import { badInputs } from '../support/bad-release-files';

const newer = newerRelease();
const added = newer.added[0]!;
const dir = mkdtempSync(join(tmpdir(), 'hcpcs-import-'));
const profile = mkdtempSync(join(tmpdir(), 'hcpcs-import-profile-'));
const file = (name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

let ext: ExtensionBrowser;
let server: FixtureServer;
let options: Page;

const PAGE = `<!doctype html><meta charset="utf-8"><title>Claim</title><body style="font:16px sans-serif;padding:40px">
<p id="new">Line 1: ${added.code} oxygen</p><p id="changed">Line 2: ${newer.longChanged.code} rental</p></body>`;

beforeAll(async () => {
  server = await startFixtureServer({ '/claim-new.html': PAGE });
  ext = await launchExtension({ profile });
  await setSettings(ext, FAST);
  options = await openOptions(ext);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
});

const active = (page: Page) => page.locator('#active-release').innerText();
const lookup = (page: Page, code: string) =>
  page.evaluate(
    (c) => chrome.runtime.sendMessage({ type: 'lookupCodes', params: { items: [{ code: c }], level: 'standard' } }),
    code,
  ) as Promise<{ result: { cards: { code: string; title: string; kind: string }[]; release: string } }>;

/** Loads a file on the options page and waits for its summary or its error. */
async function load(page: Page, path: string): Promise<'summary' | 'error'> {
  await page.locator('#import-error').evaluate((e) => ((e as HTMLElement).hidden = true));
  await page.setInputFiles('#release-file', path);
  const summary = page.locator('#import-summary h3');
  const error = page.locator('#import-error:not([hidden])');
  await summary.or(error).first().waitFor({ timeout: 30_000 });
  return (await error.isVisible()) ? 'error' : 'summary';
}

/** Each kind's list in the summary, opened: "kind: code what before → after". */
async function summaryLines(page: Page): Promise<string[]> {
  const kinds = page.locator('#import-summary details.change-kind');
  const out: string[] = [];
  for (let i = 0; i < (await kinds.count()); i++) {
    const details = kinds.nth(i);
    await details.locator('summary').click();
    await details.locator('table').waitFor();
    const kind = await details.getAttribute('data-kind');
    for (const row of await details.locator('tr:has(td)').all()) {
      const [code, what, before, after] = await row.locator('td').allInnerTexts();
      out.push(`${kind}: ${code} ${what} ${before} → ${after}`);
    }
  }
  return out;
}

describe(`loading a newer CMS release (from the ${newer.source}) in Chromium`, () => {
  it('shows the bundled release as active, with its source and checksum', async () => {
    await options.locator('#active-release').filter({ hasText: 'CMS HCPCS 2026 Q1' }).waitFor();
    const text = await active(options);
    expect(text).toContain('bundled with the extension');
    expect(text).toMatch(/[0-9a-f]{64}/);
    expect(await options.isDisabled('#return-bundled')).toBe(true);
  });

  it('summarises exactly what the zip changes, naming what it ignored, before anything changes', async () => {
    expect(await load(options, file(newer.zipName, newer.zip))).toBe('summary');
    expect(await options.locator('#import-summary h3').innerText()).toBe('CMS HCPCS 2026 Q2, effective 2026-04-01');
    const summary = await options.locator('#import-summary').innerText();
    expect(summary).toContain('from HCPC2026_APR_ANWEB_v2.txt in april-2026-alpha-numeric-hcpcs-file.zip');
    for (const name of newer.ignored) expect(summary).toContain(name);
    expect((await summaryLines(options)).sort()).toEqual(
      [
        ...newer.added.map((a) => `added: ${a.code} added  → ${a.long}`),
        `terminated: ${newer.terminated.code} Termination date  → ${newer.terminated.termination}`,
        `long: ${newer.longChanged.code} Long description ${newer.longChanged.before} → ${newer.longChanged.after}`,
        `short: ${newer.shortChanged.code} Short description ${newer.shortChanged.before} → ${newer.shortChanged.after}`,
      ].sort(),
    );
    // Nothing changed yet: the worker still answers from the bundled release.
    expect((await lookup(options, added.code)).result.cards[0]!.kind).toBe('unknown');
    expect(await active(options)).toContain('CMS HCPCS 2026 Q1');
  });

  it('uses it: the tooltip, the popup and the worker answer from it', async () => {
    // A tab open before the switch: what it learnt from the bundled release must not outlive it.
    const open = await ext.context.newPage();
    await open.goto(server.url('claim-new.html'));
    await hoverText(open, open.locator('#changed'), newer.longChanged.code);
    expect(await tooltipText(open)).toContain(newer.longChanged.before);
    await pointAway(open);

    await options.click('#use-release');
    await options.locator('#active-release').filter({ hasText: 'CMS HCPCS 2026 Q2' }).waitFor();

    await hoverText(open, open.locator('#changed'), newer.longChanged.code);
    expect(await tooltipText(open)).toContain(newer.longChanged.after);
    await pointAway(open);
    await hoverText(open, open.locator('#new'), added.code);
    expect(await tooltipText(open)).toContain('New in 2026 Q2');
    await open.close();
    expect(await active(options)).toContain(newer.zipName);
    expect(await options.isEnabled('#return-bundled')).toBe(true);

    const page = await ext.context.newPage();
    await page.goto(server.url('claim-new.html'));
    await hoverText(page, page.locator('#new'), added.code);
    const tip = await tooltipText(page);
    expect(tip).toContain(added.long);
    expect(tip).toContain('New in 2026 Q2');
    expect(tip).toContain('CMS HCPCS 2026 Q2');
    await pointAway(page);
    await hoverText(page, page.locator('#changed'), newer.longChanged.code);
    const changed = await tooltipText(page);
    expect(changed).toContain(newer.longChanged.after);
    // Before → after: the history stored with the loaded release.
    expect(changed).toContain(`Long description changed in 2026 Q2 — was: ${newer.longChanged.before}`);
    await page.close();

    const popup = await openPopup(ext, { query: added.code });
    await popup.locator(`#results [data-code="${added.code}"]`).waitFor();
    expect(await popup.locator('#dataset').innerText()).toContain('CMS HCPCS 2026 Q2');
    // "Paste a list" too: the new code is known, the release named is the loaded one.
    await popup.click('#tab-paste');
    await popup.fill('#paste-input', `${added.code}\n${newer.longChanged.code}`);
    await popup.locator('#paste-table tbody tr').nth(1).waitFor();
    expect(await popup.locator('#paste-table tbody').innerText()).toContain(added.long);
    await popup.close();
  });

  it('still answers from it after the worker is stopped', async () => {
    const control = await workerControl(ext.context, options);
    await control.stop();
    const reply = await lookup(options, added.code);
    expect(reply.result.cards[0]!.title).toBe(added.long);
    expect(reply.result.release).toBe('CMS HCPCS 2026 Q2');
  });

  it('keeps it across a browser restart, then returns to the bundled release in one click', async () => {
    await ext.close();
    ext = await launchExtension({ profile });
    options = await openOptions(ext);
    await options.locator('#active-release').filter({ hasText: 'CMS HCPCS 2026 Q2' }).waitFor();
    expect((await lookup(options, added.code)).result.cards[0]!.title).toBe(added.long);

    await options.click('#return-bundled');
    await options.locator('#active-release').filter({ hasText: 'CMS HCPCS 2026 Q1' }).waitFor();
    expect((await lookup(options, newer.longChanged.code)).result.cards[0]!.title).toBe(newer.longChanged.before);
    expect((await lookup(options, added.code)).result.release).toBe('CMS HCPCS 2026 Q1');
  });

  it('loads October 2025’s Excel edition as an older release, which needs a confirmation', async () => {
    const october = octoberWorkbook();
    expect(await load(options, file(october.name, october.bytes))).toBe('summary');
    const summary = await options.locator('#import-summary').innerText();
    expect(summary).toContain('CMS HCPCS 2025 Q4');
    expect(summary).toContain('2025 Q4 is older than the active release, 2026 Q1');
    expect(summary).toContain('the extension\'s own were used (HCPC2026_recordlayout.txt, proc_notes_JAN2026.txt)');
    expect(await options.isDisabled('#use-release')).toBe(true);
    await options.check('#confirm-release');
    expect(await options.isEnabled('#use-release')).toBe(true);
    await options.getByRole('button', { name: 'Do not use it' }).click();
    expect(await active(options)).toContain('CMS HCPCS 2026 Q1');
  });

  it('refuses every bad input with a message naming the file, and changes nothing', async () => {
    for (const bad of badInputs(newer)) {
      expect(await load(options, file(bad.name, bad.bytes)), bad.name).toBe('error');
      expect(await options.locator('#import-error').innerText()).toMatch(bad.message);
      expect(await active(options)).toContain('CMS HCPCS 2026 Q1');
    }
    expect((await lookup(options, 'E1392')).result.release).toBe('CMS HCPCS 2026 Q1');
  });

  it('shows its progress while converting, stays responsive, and a cancel changes nothing', async () => {
    // 40 MB of blank lines: a file the converter reads for a while before finding it holds nothing.
    const slow = file('HCPC2026_APR_ANWEB.txt', new TextEncoder().encode('\r\n'.repeat(20 * 1024 * 1024)));
    await options.setInputFiles('#release-file', slow);
    await options.locator('#import-stage').filter({ hasText: 'Converting' }).waitFor();
    expect(await options.isVisible('#import-bar')).toBe(true);
    // The page answers while the worker converts.
    expect(await options.evaluate(() => document.title)).toBe('HCPCS Lens options');
    await options.click('#cancel-import');
    expect(await options.locator('#import-error').innerText()).toBe('Cancelled. Nothing changed.');
    expect(await options.isHidden('#import-progress')).toBe(true);
    expect(await active(options)).toContain('CMS HCPCS 2026 Q1');
  });

  it('of two quarters in one zip takes the newest and says which', async () => {
    const { zipSync, unzipSync } = await import('fflate');
    const both = zipSync({ ...unzipSync(newer.zip), 'HCPC2025_OCT_ANWEB.xlsx': octoberWorkbook().bytes });
    expect(await load(options, file('two-quarters.zip', both))).toBe('summary');
    expect(await options.locator('#import-summary').innerText()).toContain('two-quarters.zip also holds another quarter (HCPC2025_OCT_ANWEB.xlsx); the newest, 2026 Q2, was taken.');
    await options.getByRole('button', { name: 'Do not use it' }).click();
  });
});
