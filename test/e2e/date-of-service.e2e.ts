/**
 * Date of service in Chromium with the built extension: a code hovered in a
 * claims table, a remittance, a claim form, a div grid or raw X12 is judged
 * against the date its row, line or loop gives, and nowhere else. Codes and
 * dates are real: A4295 added 2026-01-01; C5271 and C5272 terminated
 * 2025-12-31; modifier JG terminated 2024-12-31 (CMS 2026 Q1).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectStored, openOptions } from './support/extension-pages';
import { useExtension } from './support/extension-session';
import { FAST } from './support/extension-page';
import { expectNoTooltip, hoverText, pointAway, pointInField, tooltipText } from './support/page-tools';

const e2e = useExtension({ settings: FAST });
let page: Page;

beforeAll(async () => {
  page = await e2e.ext.context.newPage();
});

async function open(path: string): Promise<void> {
  await page.goto(e2e.server.url(path));
  await page.bringToFront();
}

/** Hovers the code in `selector`'s row and returns the tooltip's text. */
async function hover(selector: string, code: string): Promise<string> {
  await pointAway(page).catch(() => undefined);
  // The fixture is longer than the window: the row is brought into view as a user would scroll to it.
  await page.locator(selector).scrollIntoViewIfNeeded();
  await hoverText(page, page.locator(selector), code);
  return tooltipText(page);
}

/** No date-of-service line of any kind. */
function expectNoVerdict(text: string): void {
  expect(text).not.toMatch(/Valid on|Not valid|spans the|Date of service|a newer release may differ/);
}

describe('claims table with a DOS column', () => {
  beforeAll(() => open('dos-tables.html'));

  it('says a line before the added date or after the termination is not valid, and why', async () => {
    expect(await hover('#c-before .code', 'A4295')).toContain('Not valid on 12/15/2025: added 01/01/2026 (DOS column)');
    expect(await hover('#c-after .code', 'C5271')).toContain('Not valid on 02/01/2026: terminated 12/31/2025 (DOS column)');
  });

  it('gives a caution for a period across the termination, and a quiet line when valid', async () => {
    expect(await hover('#c-span .code', 'C5272')).toContain('12/20/2025 – 01/10/2026 spans the termination on 12/31/2025: split the line');
    expect(await hover('#c-valid .code', 'A4295')).toContain('Valid on 01/15/2026 (DOS column)');
  });

  it('judges a modifier of the row on the same date', async () => {
    const text = await hover('#c-mod .code', 'E1392');
    expect(text).toContain('Valid on 01/15/2026');
    expect(text).toContain('Not valid on 01/15/2026: terminated 12/31/2024');
  });

  it('gives no verdict for a date not understood, an empty date, and is neutral after the release', async () => {
    const bad = await hover('#c-bad .code', 'C5271');
    expect(bad).toContain('Date of service not understood: no check made');
    expect(bad).not.toContain('Not valid');
    expectNoVerdict(await hover('#c-na .code', 'C5271'));
    expect(await hover('#c-later .code', 'C5271')).toContain('After 03/31/2026, the end of CMS 2026 Q1: a newer release may differ');
  });

  it('says a procedure column’s code the release lacks is not in it, and stays silent on the same token in prose', async () => {
    expect(await hover('#c-unknown .code', 'E9999')).toContain('Not in CMS 2026 Q1: added after this release, dropped before it, or not an HCPCS code (DOS column)');
    await pointAway(page);
    await hoverText(page, page.locator('#prose'), 'E9999');
    await expectNoTooltip(page);
  });

  it('reads From/To under a two-row header and never the Paid Date', async () => {
    expect(await hover('#p-after .code', 'C5271')).toContain('Not valid 01/05/2026 – 01/06/2026: terminated 12/31/2025 (From/To columns)');
    expect(await hover('#p-one .code', 'C5271')).toContain('Valid on 12/05/2025 (From/To columns)');
  });

  it('uses a remittance’s Service Date, not its Paid Date', async () => {
    const text = await hover('#r1 .code', 'C5271');
    expect(text).toContain('Valid on 12/15/2025 (DOS column)');
    expect(text).not.toContain('02/10/2026');
  });

  it('gives no verdict from authorization, check, birth or received dates, nor from two DOS columns', async () => {
    for (const row of ['#a1', '#k1', '#b1', '#t1']) expectNoVerdict(await hover(`${row} .code`, 'C5271'));
  });

  it('reads a div grid’s Svc Date column by its role="columnheader"', async () => {
    expect(await hover('#g1 .code', 'C5271')).toContain('Not valid on 02/01/2026: terminated 12/31/2025');
    expect(await hover('#g2 .code', 'A4295')).toContain('Valid on 01/20/2026');
  });
});

describe('claim form and raw X12', () => {
  beforeAll(() => open('dos-forms-edi.html'));

  async function hoverField(selector: string, code: string): Promise<string> {
    await pointAway(page).catch(() => undefined);
    await page.locator(selector).scrollIntoViewIfNeeded();
    const { x, y } = await pointInField(page.locator(selector), code);
    await page.mouse.move(x - 2, y);
    await page.mouse.move(x, y);
    return tooltipText(page);
  }

  it('reads the From/To fields of the code’s service line (a date input included)', async () => {
    expect(await hoverField('#hcpcs1', 'C5271')).toContain('Not valid 02/01/2026 – 02/03/2026: terminated 12/31/2025 (From/To fields)');
    expect(await hoverField('#hcpcs2', 'A4295')).toContain('Valid on 01/15/2026 (From/To fields)');
  });

  it('never takes a date of birth for a date of service', async () => {
    expectNoVerdict(await hoverField('#hcpcs3', 'A4295'));
  });

  it('pairs an 837P line with the DTP*472 of its own LX loop, never DTP*471', async () => {
    expect(await hover('#p837', 'C5271')).toContain('Not valid on 02/01/2026: terminated 12/31/2025 (DTP*472)');
    expect(await hover('#p837', 'A4295')).toContain('Valid on 01/15/2026 (DTP*472)');
    expectNoVerdict(await hover('#p837', 'C5272'));
  });

  it('pairs an 835 SVC with its DTM*472 or DTM*150/151', async () => {
    expect(await hover('#r835', 'C5271')).toContain('Valid on 12/15/2025 (DTM*472)');
    expect(await hover('#r835', 'A4295')).toContain('Not valid 12/20/2025 – 12/22/2025: added 01/01/2026 (DTM*150/151)');
    expect(await hover('#r835', 'C5272')).toContain('spans the termination on 12/31/2025: split the line');
  });
});

describe('turned off in the options', () => {
  it('is on by default; unchecked, the tooltip is as it was, with no date line', async () => {
    const options = await openOptions(e2e.ext);
    expect(await options.isChecked('input[name=checkDateOfService]')).toBe(true);
    await options.uncheck('input[name=checkDateOfService]');
    await expectStored(e2e.ext, 'settings', { version: 1, changed: { ...FAST, checkDateOfService: false } });
    await options.close();
    await open('dos-tables.html');
    const text = await hover('#c-after .code', 'C5271');
    expect(text).toContain('C5271');
    expectNoVerdict(text);
  });
});
