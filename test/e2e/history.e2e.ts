/**
 * The history of changes in the built extension (Chromium): hovering a code
 * that changed between the October 2025 and January 2026 CMS releases shows
 * what it was at the standard level and only the badge at the brief level;
 * the popup's "Changed in this release" filter lists the changed codes.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAST, setSettings } from './support/extension-page';
import { openPopup } from './support/extension-pages';
import { useExtension } from './support/extension-session';
import { hoverText, pointAway, tooltipText } from './support/page-tools';

const e2e = useExtension({ settings: FAST });
let page: Page;

beforeAll(async () => {
  page = await e2e.ext.context.newPage();
  await page.goto(e2e.server.url('quarter-changes.html'));
  await page.bringToFront();
});

async function hover(row: string, code: string): Promise<string> {
  await hoverText(page, page.locator(`#${row} .code`), code);
  const text = await tooltipText(page);
  await pointAway(page);
  return text;
}

describe('history in the tooltip', () => {
  it('standard level: a changed code says what changed, before → after', async () => {
    await setSettings(e2e.ext, { ...FAST, detailLevel: 'standard' });
    const changed = await hover('changed', 'A2001');
    expect(changed).toContain('Long description changed in 2026 Q1 — was: Innovamatrix ac, per square centimeter');
    expect(changed).toContain('Pricing indicator 13 → 11 in 2026 Q1');
    expect(changed).toContain('(add-on, list separately in addition to primary procedure)');
    expect(await hover('terminated', 'C5271')).toContain('Terminated 2025-12-31');
    expect(await hover('added', 'A4295')).toContain('Added in 2026 Q1');
    const unchanged = await hover('unchanged', 'E1392');
    expect(unchanged).toContain('Portable oxygen concentrator');
    expect(unchanged).not.toMatch(/changed in|was:|Added in/i);
  });

  it('brief level: the badge only', async () => {
    await setSettings(e2e.ext, { ...FAST, detailLevel: 'brief' });
    const brief = await hover('changed', 'A2001');
    expect(brief).toContain('Changed in 2026 Q1');
    expect(brief).not.toContain('was:');
    await setSettings(e2e.ext, { ...FAST, detailLevel: 'standard' });
  });
});

describe('popup: changed in this release', () => {
  it('lists the codes that changed, and narrows them as one types', async () => {
    const popup = await openPopup(e2e.ext);
    await popup.check('#changed-only');
    await popup.locator('#search-status').filter({ hasText: /changed in CMS HCPCS 2026 Q1/ }).waitFor();
    await popup.locator('#results[aria-busy="false"]').waitFor();
    const listed = await popup.locator('#results .row-code').allTextContents();
    expect(listed).toEqual(expect.arrayContaining(['A2001', 'A4295', 'C5271']));
    expect(listed).not.toContain('E1392');
    expect(await popup.locator('#results [data-code="A2001"] .hl-badge').innerText()).toBe('Description +1');
    expect(await popup.locator('#results [data-code="A4295"] .hl-badge').innerText()).toBe('Added');

    await popup.fill('#query', 'A200');
    await popup.locator('#search-status').filter({ hasText: /matching “A200”/ }).waitFor();
    await popup.locator('#results[aria-busy="false"]').waitFor();
    expect((await popup.locator('#results .row-code').allTextContents()).slice(0, 2)).toEqual(['A2001', 'A2002']);
    await popup.close();
  });
});
