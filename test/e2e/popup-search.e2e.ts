/**
 * The popup's live search in the built extension: results as the user
 * types, filters, keyboard, copy, expanding into the detail view at the
 * user's level, the footer, and a search right after the worker was stopped.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './support/chromium';
import { lastCopied, openPopup, setLocal } from './support/extension-pages';
import { freshPageEachTest } from './support/fresh-page';
import { STATE_TIMEOUT_MS } from './support/wait';

let ext: ExtensionBrowser;
let popup: Page;

const codes = (page: Page) => page.locator('#results .row-code').allTextContents();
/** Types a query key by key, then waits until the list shows its answer (not a previous query's). */
async function typeQuery(page: Page, query: string): Promise<void> {
  await page.fill('#query', '');
  await page.keyboard.type(query);
  await page.locator('#results[aria-busy="false"]').waitFor();
}
async function waitForFirst(page: Page, code: string): Promise<void> {
  await page.locator('#results .row').first().and(page.locator(`[data-code="${code}"]`)).waitFor();
}

freshPageEachTest(openPopup, (browser, page) => {
  ext = browser;
  popup = page;
});

describe('popup search', () => {
  it('opens with the search box focused, and shows the release and number of codes', async () => {
    // Autofocus is applied at the page's next rendering update, which a busy machine may hold back.
    await popup.waitForFunction(() => document.activeElement?.id === 'query', null, { timeout: STATE_TIMEOUT_MS });
    expect(await popup.textContent('#dataset')).toBe('CMS HCPCS 2026 Q1 · 8,623 codes · 383 modifiers');
  });

  it('updates as the user types: a full code, a prefix in code order, a modifier', async () => {
    await popup.keyboard.type('E139');
    await waitForFirst(popup, 'E1390');
    expect(await codes(popup)).toEqual(['E1390', 'E1391', 'E1392', 'E1399']);
    await popup.keyboard.type('2');
    await popup.locator('#results .row').and(popup.locator('[data-code="E1392"]')).waitFor();
    expect(await codes(popup)).toEqual(['E1392']);
    expect(await popup.textContent('#results .row-main')).toContain('Portable oxygen concentrator');
    expect(await popup.textContent('#results .hl-badge')).toBe('Active');

    for (const modifier of ['RR', 'KX']) {
      await typeQuery(popup, modifier.toLowerCase());
      await waitForFirst(popup, modifier);
      expect(await popup.textContent('#results .row-main')).toContain('Modifier');
    }
  });

  it('finds words in any order, case or number, and through a typo', async () => {
    await typeQuery(popup, 'oxygen concentrator portable');
    await waitForFirst(popup, 'E1392');
    await typeQuery(popup, 'Concentrater');
    await popup.locator('#results .row').nth(2).waitFor();
    expect((await codes(popup)).slice(0, 3).sort()).toEqual(['E1390', 'E1391', 'E1392']);
    await typeQuery(popup, 'wheelchair cushions');
    await popup.locator('#results .row').first().waitFor();
    for (const text of (await popup.locator('#results .row-text').allTextContents()).slice(0, 5)) expect(text.toLowerCase()).toMatch(/w\/?c|wheelchair|cush/);
    await typeQuery(popup, 'dexamethasone');
    await popup.locator('#results [data-code="J1100"]').waitFor();
    expect(await popup.textContent('#search-status')).toMatch(/\d+ results/);
  });

  it('filters by category, and leaves terminated codes out unless asked, marking them', async () => {
    await typeQuery(popup, 'oxygen');
    await popup.locator('#results .row').first().waitFor();
    expect(await codes(popup)).toContain('A4608');
    await popup.selectOption('#category', 'E');
    await eventuallyAll(popup, (cs) => cs.length > 0 && cs.every((c) => c.startsWith('E')));

    await popup.selectOption('#category', '');
    // E0460 (negative pressure ventilator) was terminated on Dec 31, 2015.
    await typeQuery(popup, 'E0460');
    await popup.locator('#search-status').filter({ hasText: 'No code matches' }).waitFor();
    await popup.check('#include-terminated');
    await waitForFirst(popup, 'E0460');
    expect(await popup.getAttribute('#results .row', 'class')).toContain('is-terminated');
    expect(await popup.textContent('#results .hl-badge')).toMatch(/^Terminated /);
  });

  it('moves with ↑/↓, expands with Enter into the detail view at the user’s level, copies with Ctrl+C', async () => {
    await setLocal(ext, { settings: { version: 1, changed: { detailLevel: 'full' } } });
    await typeQuery(popup, 'E139');
    await waitForFirst(popup, 'E1390');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowUp');
    expect(await popup.evaluate(() => document.activeElement?.closest('li')?.dataset.code)).toBe('E1391');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Enter');
    const detail = popup.locator('[data-code="E1392"] .row-detail .hl-detail');
    await detail.waitFor();
    expect(await detail.getAttribute('class')).toContain('hl-level-full');
    expect(await detail.textContent()).toContain('Portable oxygen concentrator, rental');
    expect(await detail.textContent()).toContain('Oxygen and oxygen equipment (price subject to floors and ceilings)');
    expect(await popup.getAttribute('[data-code="E1392"] .row-main', 'aria-expanded')).toBe('true');

    await popup.keyboard.press('Control+C');
    await popup.locator('#toast').filter({ hasText: 'Copied E1392' }).waitFor();
    expect(await lastCopied(popup)).toBe('E1392');

    // Enter again closes it; typing goes back to the search box.
    await popup.keyboard.press('Enter');
    expect(await popup.isHidden('[data-code="E1392"] .row-detail')).toBe(true);
    await popup.keyboard.type('1');
    expect(await popup.inputValue('#query')).toBe('E1391');
  });

  it('Ctrl+C in the search box copies the highlighted code; the copy button copies code⇥long description', async () => {
    await typeQuery(popup, 'E1392');
    await waitForFirst(popup, 'E1392');
    await popup.keyboard.press('Control+C');
    await popup.locator('#toast').filter({ hasText: 'Copied E1392' }).waitFor();
    expect(await lastCopied(popup)).toBe('E1392');
    await popup.click('[data-code="E1392"] .row-copy');
    expect(await lastCopied(popup)).toBe('E1392\tPortable oxygen concentrator, rental');
  });

  it('a click expands a result; Enter in the search box opens the first', async () => {
    await typeQuery(popup, 'KX');
    await waitForFirst(popup, 'KX');
    await popup.keyboard.press('Enter');
    await popup.locator('[data-code="KX"] .hl-title').waitFor();
    expect(await popup.textContent('[data-code="KX"] .hl-title')).toBe('Requirements specified in the medical policy have been met');
    await typeQuery(popup, 'J1100');
    await waitForFirst(popup, 'J1100');
    await popup.click('[data-code="J1100"] .row-main');
    await popup.locator('[data-code="J1100"] .hl-level-standard').waitFor();
  });

  it('opens pre-filled from the context-menu hand-over, and answers a search typed right after the worker stopped', async () => {
    const cdp = await ext.context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const filled = await openPopup(ext, { query: 'portable oxygen' });
    expect(await filled.inputValue('#query')).toBe('portable oxygen');
    await waitForFirst(filled, 'E1392');
    await filled.close();
  });
});

async function eventuallyAll(page: Page, accept: (codes: string[]) => boolean): Promise<void> {
  const deadline = Date.now() + STATE_TIMEOUT_MS;
  while (!accept(await codes(page))) {
    if (Date.now() > deadline) throw new Error(`results never matched: ${(await codes(page)).join(' ')}`);
    await page.waitForTimeout(50);
  }
}

