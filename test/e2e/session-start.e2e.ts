/**
 * The content script costs a page next to nothing until the pointer rests:
 * only the bootstrap runs at load; the session (hover, tooltip, marking)
 * starts on the first rest, and the first tooltip still comes after the
 * usual dwell.
 */
import { describe, expect, it } from 'vitest';
import { contentWorld } from '../bench/content-world';
import { useExtension } from './support/extension-session';
import { expectDescribes, hoverText, tooltipText } from './support/page-tools';

const e2e = useExtension({ settings: {} });

const HAS_SESSION = `typeof globalThis[Symbol.for('hcpcs-lens.session')]?.alive === 'function'`;
const HAS_BOOT = `typeof globalThis[Symbol.for('hcpcs-lens.boot')]?.handOver === 'function'`;

describe('starting the session', () => {
  it('runs only the bootstrap until the pointer rests, then the session shows the tooltip after the dwell', async () => {
    const page = await e2e.ext.context.newPage();
    await page.goto(e2e.server.url('claims-table.html'));
    const world = await contentWorld(page, 'HCPCS Lens');
    expect(await world.evaluate<boolean>(HAS_BOOT)).toBe(true);
    expect(await world.evaluate<boolean>(HAS_SESSION)).toBe(false);
    await page.mouse.move(5, 5);
    await expect.poll(() => world.evaluate<boolean>(HAS_SESSION)).toBe(true);
    // The first hover of the session, at the default 200 ms dwell.
    const started = Date.now();
    await hoverText(page, page.locator('#row1 td.code'), 'E1392');
    expectDescribes(await tooltipText(page), 'E1392');
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    await page.close();
  });

  it('a rest straight onto a code, before any session, shows its tooltip', async () => {
    const page = await e2e.ext.context.newPage();
    await page.goto(e2e.server.url('claims-table.html'));
    const world = await contentWorld(page, 'HCPCS Lens');
    expect(await world.evaluate<boolean>(HAS_SESSION)).toBe(false);
    await hoverText(page, page.locator('#row2 td.code'), 'J1100');
    expectDescribes(await tooltipText(page), 'J1100');
    await page.close();
  });
});
