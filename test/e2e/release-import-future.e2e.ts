/**
 * A release CMS posts before it takes effect (the January file in December),
 * loaded on the options page of the built extension in Chromium. The test
 * builds it for the first quarter after today (the clock is not touched), and
 * checks what a biller sees: the summary and the active release say when it
 * takes effect, and until that day a code it changes shows what is in force
 * today (tooltip, popup search), with the coming change marked with its date.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDate, localIsoDate } from '../../src/hcpcs/dates';
import { QUARTER_MONTHS } from '../../src/hcpcs/release';
import { launchExtension, type ExtensionBrowser } from './support/chromium';
import { setSettings, FAST } from './support/extension-page';
import { openOptions, openPopup } from './support/extension-pages';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { hoverText, pointAway, tooltipText } from './support/page-tools';
import { newerRelease, quarterAfter } from '../support/newer-release';

const today = localIsoDate();
const quarter = quarterAfter(today);
const newer = newerRelease(quarter);
const label = `${quarter.year} Q${quarter.quarter}`;
const on = formatDate(newer.effective);
const added = newer.added[0]!;
const dir = mkdtempSync(join(tmpdir(), 'hcpcs-future-'));

let ext: ExtensionBrowser;
let server: FixtureServer;
let options: Page;

const PAGE = `<!doctype html><meta charset="utf-8"><title>Claim</title><body style="font:16px sans-serif;padding:40px">
<p id="long">Line 1: ${newer.longChanged.code} rental</p><p id="new">Line 2: ${added.code} oxygen</p><p id="ends">Line 3: ${newer.terminated.code} injection</p></body>`;

beforeAll(async () => {
  server = await startFixtureServer({ '/claim.html': PAGE });
  ext = await launchExtension();
  await setSettings(ext, FAST);
  options = await openOptions(ext);
  await options.locator('#active-release').filter({ hasText: 'CMS HCPCS 2026 Q1' }).waitFor();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const lookup = (page: Page, code: string, asOf?: string) =>
  page.evaluate(
    ([c, date]) => chrome.runtime.sendMessage({ type: 'lookupCodes', params: { items: [{ code: c }], level: 'standard', ...(date ? { asOf: date } : {}) } }),
    [code, asOf] as const,
  ) as Promise<{ result: { cards: { code: string; title: string; status: { label: string }[] }[]; release: string } }>;

async function hovered(page: Page, id: string, code: string): Promise<string> {
  await hoverText(page, page.locator(`#${id}`), code);
  const text = await tooltipText(page);
  await pointAway(page);
  return text;
}

const comingNote = `Not in effect until ${on}: until then, tooltips and search show each code as it is in force today, and mark this release's changes as coming on that date.`;

describe(`a release loaded before it takes effect (CMS HCPCS ${label}, effective ${newer.effective}; today ${today}) in Chromium`, () => {
  it('says in the summary when it takes effect, and what tooltips show until then', async () => {
    const path = join(dir, newer.zipName);
    writeFileSync(path, newer.zip);
    await options.setInputFiles('#release-file', path);
    await options.locator('#import-summary h3').waitFor({ timeout: 30_000 });
    expect(await options.locator('#import-summary h3').innerText()).toBe(`CMS HCPCS ${label}, effective ${newer.effective}`);
    const summary = await options.locator('#import-summary').innerText();
    expect(summary).toContain(comingNote);
    expect(summary).toContain(`from HCPC${quarter.year}_${QUARTER_MONTHS[quarter.quarter]}_ANWEB_v2.txt in ${newer.zipName}`);
    expect(summary).toContain('What changes against the active release, CMS HCPCS 2026 Q1:');
    // A newer quarter: no confirmation asked, nothing changed yet.
    expect(await options.isEnabled('#use-release')).toBe(true);
    expect(await options.locator('#active-release').innerText()).toContain('CMS HCPCS 2026 Q1');
  });

  it('uses it: the active release says when it takes effect', async () => {
    await options.click('#use-release');
    await options.locator('#active-release').filter({ hasText: `CMS HCPCS ${label} (effective ${on})` }).waitFor();
    const facts = await options.locator('#active-release').innerText();
    expect(facts).toContain(`${newer.effective}. ${comingNote}`);
    expect(facts).toContain(newer.zipName);
    expect(await options.isEnabled('#return-bundled')).toBe(true);
  });

  it('until then, tooltips show what is in force today, and mark the coming change with its date', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('claim.html'));
    const { longChanged, terminated } = newer;

    const changed = await hovered(page, 'long', longChanged.code);
    expect(changed).toContain(longChanged.before);
    expect(changed).toContain(`Long description changes ${newer.effective} — will be: ${longChanged.after}`);
    expect(changed).not.toContain('Long description changed');
    expect(changed).toContain(`CMS HCPCS ${label} (effective ${on})`);

    const coming = await hovered(page, 'new', added.code);
    expect(coming).toContain(`Not yet effective: starts ${on}`);
    expect(coming).toContain(`Added ${newer.effective} (${label})`);

    // Still billable to its last valid date: the tooltip says when that is, and not that it is terminated.
    const ending = await hovered(page, 'ends', terminated.code);
    expect(ending).toContain(`Terminating: last valid date ${formatDate(terminated.termination)}`);
    expect(ending).toContain(`Terminating: last valid date ${terminated.termination}`);
    expect(ending).not.toContain('Terminated');
    expect(ending).not.toContain('Discontinued');
    await page.close();

    // The titles in force today, and from the effective date on (the worker's own rule, asked for that day).
    expect((await lookup(options, longChanged.code)).result.cards[0]!.title).toBe(longChanged.before);
    expect((await lookup(options, longChanged.code, newer.effective)).result.cards[0]!.title).toBe(longChanged.after);
    expect((await lookup(options, terminated.code)).result.cards[0]!.status.map((b) => b.label)).toEqual([`Terminating: last valid date ${formatDate(terminated.termination)}`]);
    expect((await lookup(options, terminated.code, newer.effective)).result.cards[0]!.status.map((b) => b.label)).toEqual([
      `Terminated ${formatDate(terminated.termination)}`,
      `Discontinued in ${label}`,
    ]);
  });

  it('until then, the popup search shows what is in force today, and the coming change in its detail', async () => {
    const { shortChanged } = newer;
    const popup = await openPopup(ext, { query: shortChanged.code });
    const row = popup.locator(`#results [data-code="${shortChanged.code}"]`);
    await row.waitFor();
    expect(await row.locator('.row-main').innerText()).toContain(shortChanged.before);
    expect(await row.locator('.row-main').innerText()).not.toContain(shortChanged.after);
    expect(await popup.locator('#dataset').innerText()).toContain(`CMS HCPCS ${label} (effective ${on})`);
    await row.locator('.row-main').click();
    const detail = row.locator('.row-detail .hl-detail');
    await detail.waitFor();
    expect(await detail.innerText()).toContain(`Short description changes ${newer.effective} — will be: ${shortChanged.after}`);
    await popup.close();
  });
});
