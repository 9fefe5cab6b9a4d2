/**
 * The session's parts (src/common/content-parts.ts) come only where they are
 * needed: a page of prose with codes and no dates never gets the
 * date-of-service part, a page where the pointer rests on no code gets
 * neither it nor the tooltip's look, and a claims table with a DOS column
 * shows its verdict on the very first hover, the part arriving with the
 * session. Read in the content script's own isolated world, where the parts
 * register (the page's world cannot see them: undetectable.e2e.ts).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CONTENT_PARTS } from '../../src/common/content-parts';
import { contentWorld, type ContentWorld } from '../bench/content-world';
import { useExtension } from './support/extension-session';
import { FAST, setSettings, settingsPage } from './support/extension-page';
import { expectDescribes, hoverText, pointAway, tooltipText } from './support/page-tools';

const PROSE = `<!doctype html><title>Order notes</title><body style="font: 16px sans-serif">
<p id="one">The supplier billed E1392 for the portable concentrator this month.</p>
<p id="two">Oxygen contents were billed as E0443 with the same order.</p>
<ul><li id="three">A4295: see the supplier manual.</li></ul>
</body>`;
const NO_CODES = `<!doctype html><title>News</title><body style="font: 16px sans-serif"><p id="text">Nothing to look up on this page, only words.</p></body>`;

const e2e = useExtension({ settings: FAST, pages: { '/generated/prose-codes.html': PROSE, '/generated/no-codes.html': NO_CODES } });

const HAS_SESSION = `typeof globalThis[Symbol.for('hcpcs-lens.session')]?.alive === 'function'`;

/** Which parts the frame's isolated world holds. */
function partsIn(world: ContentWorld): Promise<string[]> {
  return world.evaluate<string[]>(`${JSON.stringify(CONTENT_PARTS)}.filter((part) => globalThis[Symbol.for('hcpcs-lens.part.' + part)] !== undefined)`);
}

async function open(path: string): Promise<{ page: Page; world: ContentWorld }> {
  const page = await e2e.ext.context.newPage();
  await page.goto(e2e.server.url(path));
  await page.bringToFront();
  const world = await contentWorld(page, 'HCPCS Lens');
  expect(await world.evaluate<boolean>(HAS_SESSION)).toBe(false);
  return { page, world };
}

describe('parts of the session, only where needed', () => {
  it('a page where the pointer rests on no code gets the session only: no tooltip look, no date part', async () => {
    const { page, world } = await open('generated/no-codes.html');
    await hoverText(page, page.locator('#text'), 'words');
    await expect.poll(() => world.evaluate<boolean>(HAS_SESSION)).toBe(true);
    // A rest on a word: the session looks, finds no code, and asks for nothing more.
    await hoverText(page, page.locator('#text'), 'Nothing');
    await pointAway(page);
    expect(await partsIn(world)).toEqual([]);
    await page.close();
  });

  it('a page of prose with codes and no table, form or EDI text shows tooltips and never gets the date part', async () => {
    const { page, world } = await open('generated/prose-codes.html');
    await hoverText(page, page.locator('#one'), 'E1392');
    expectDescribes(await tooltipText(page), 'E1392');
    expect(await partsIn(world)).toEqual(['tooltip']);
    // The page's own world sees no part, under the same key or any other.
    expect(await page.evaluate(() => [globalThis[Symbol.for('hcpcs-lens.part.tooltip') as never], Object.getOwnPropertySymbols(globalThis).map(String)])).toEqual([undefined, []]);
    await pointAway(page);
    await hoverText(page, page.locator('#two'), 'E0443');
    expectDescribes(await tooltipText(page), 'E0443');
    await pointAway(page);
    await hoverText(page, page.locator('#three'), 'A4295');
    expectDescribes(await tooltipText(page), 'A4295');
    expect(await partsIn(world)).toEqual(['tooltip']);
    await page.close();
  });

  it('a claims table with a DOS column gives the verdict on the very first hover, the session not yet started', async () => {
    const { page, world } = await open('dos-tables.html');
    await hoverText(page, page.locator('#c-before .code'), 'A4295');
    expect(await tooltipText(page)).toContain('Not valid on 12/15/2025: added 01/01/2026 (DOS column)');
    expect(await partsIn(world)).toEqual(['tooltip', 'service-date']);
    await page.close();
  });

  it('with "mark codes" on, pages start with the marking part, and with the date check on with the date part too', async () => {
    /** The parts every page starts with: the scripts the worker has registered from document_start, before the session. */
    const partsAtStart = async () => {
      const scripts = await (await settingsPage(e2e.ext)).evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.js ?? []));
      return CONTENT_PARTS.filter((part) => scripts.some((file) => file.endsWith(`/${part}-part.js`)));
    };
    /** The parts a page has once loaded, before any hover. */
    const partsAtLoad = async () => {
      const page = await e2e.ext.context.newPage();
      await page.goto(e2e.server.url('dos-tables.html'));
      const parts = await partsIn(await contentWorld(page, 'HCPCS Lens'));
      await page.close();
      return parts;
    };
    try {
      for (const [checkDateOfService, parts] of [
        [true, ['service-date', 'marking']],
        [false, ['marking']],
        [true, ['service-date', 'marking']],
      ] as const) {
        await setSettings(e2e.ext, { ...FAST, markCodes: true, checkDateOfService });
        await expect.poll(partsAtStart, { message: `date check ${checkDateOfService ? 'on' : 'off'}` }).toEqual(parts);
        expect(await partsAtLoad()).toEqual(parts);
      }
    } finally {
      await setSettings(e2e.ext, FAST);
    }
  });
});
