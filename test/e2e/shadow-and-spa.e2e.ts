/**
 * Web components and single-page apps: codes inside open shadow roots
 * (nested too, with their own column headers), and rows a script adds
 * after load, rendered one token per node.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useExtension } from './support/extension-session';
import { FAST } from './support/extension-page';
import { expectDescribes, expectNoTooltip, hoverText, pointAway, tooltipText } from './support/page-tools';

const e2e = useExtension({ settings: FAST });
let page: Page;

beforeAll(async () => {
  page = await e2e.ext.context.newPage();
});

describe('open shadow roots', () => {
  it('explains codes and modifiers inside a widget’s shadow root, nested ones too, and reads its headers', async () => {
    await page.goto(e2e.server.url('shadow-widget.html'));
    await page.bringToFront();
    expectDescribes(await (await hoverText(page, page.locator('auth-widget #code'), 'E0601'), tooltipText(page)), 'E0601', ['RR']);
    await pointAway(page);
    expectDescribes(await (await hoverText(page, page.locator('auth-widget #mod'), 'RR', 0), tooltipText(page)), 'RR');
    await pointAway(page);
    expectDescribes(await (await hoverText(page, page.locator('auth-widget #nested'), 'A7030'), tooltipText(page)), 'A7030');
    await pointAway(page);
    // The widget's Diagnosis column holds an ICD-10-CM code.
    await hoverText(page, page.locator('auth-widget #dx'), 'J1100');
    await expectNoTooltip(page);
  });
});

describe('rows added after load', () => {
  it('explains codes in rows a script adds, split one token per node', async () => {
    await page.goto(e2e.server.url('spa-rows.html'));
    await page.bringToFront();
    await page.locator('#r2').waitFor();
    expectDescribes(await (await hoverText(page, page.locator('#r1 td:nth-child(2)'), 'E1392'), tooltipText(page)), 'E1392', ['RR']);
    await pointAway(page);
    await page.locator('#more').click();
    await page.locator('#r3').waitFor();
    const text = await (await hoverText(page, page.locator('#r3 td:nth-child(2)'), 'J7613'), tooltipText(page));
    expectDescribes(text, 'J7613');
    expect(text).not.toContain('Rental');
    await pointAway(page);
    // The generated claim number and the Dx column stay quiet.
    await hoverText(page, page.locator('#r3 td:nth-child(1)'), 'J7613');
    await expectNoTooltip(page);
    await hoverText(page, page.locator('#r3 td:nth-child(3)'), 'J1100');
    await expectNoTooltip(page);
  });
});
