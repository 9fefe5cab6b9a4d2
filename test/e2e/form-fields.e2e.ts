/**
 * Claim entry forms: codes in inputs, textareas and selects, read with what
 * their labels say (a modifier field, a diagnosis field); never a password
 * field; and focus alone (no mouse) shows the tooltip of a field's code.
 */
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useExtension } from './support/extension-session';
import { FAST } from './support/extension-page';
import { expectDescribes, expectNoTooltip, pointInField, pointAway, tooltipOf, tooltipText } from './support/page-tools';

const e2e = useExtension({ settings: FAST });
let page: Page;

beforeAll(async () => {
  page = await e2e.ext.context.newPage();
});

beforeEach(async () => {
  await page.goto(e2e.server.url('claim-form.html'));
  await page.bringToFront();
});

async function hoverField(selector: string, text: string, charIndex = 1): Promise<void> {
  const { x, y } = await pointInField(page.locator(selector), text, charIndex);
  await page.mouse.move(x - 2, y);
  await page.mouse.move(x, y);
}

describe('claim entry form', () => {
  it('explains the code in a text input', async () => {
    await hoverField('#hcpcs', 'E1390');
    expectDescribes(await tooltipText(page), 'E1390');
  });

  it('explains a modifier alone in a field labelled as a modifier', async () => {
    await hoverField('#mod1', 'RR', 0);
    expectDescribes(await tooltipText(page), 'RR');
  });

  it('explains the chosen option of a select labelled as a modifier', async () => {
    const box = (await page.locator('#mod2').boundingBox())!;
    await page.mouse.move(box.x + 8, box.y + box.height / 2);
    await page.mouse.move(box.x + 10, box.y + box.height / 2);
    const text = await tooltipText(page);
    expectDescribes(text, 'KX');
    expect(text).not.toContain('GA');
  });

  it('picks the code under the pointer in a field holding several', async () => {
    await hoverField('#code2', 'E0431');
    const text = await tooltipText(page);
    expectDescribes(text, 'E0431', ['RR']);
    expect(text).not.toContain('A4253');
    await pointAway(page);
    await hoverField('#code2', 'A4253');
    expectDescribes(await tooltipText(page), 'A4253');
  });

  it('explains a code in a textarea', async () => {
    await hoverField('#notes', 'E0431');
    expectDescribes(await tooltipText(page), 'E0431', ['RR']);
  });

  it('shows nothing for a diagnosis field or a password field', async () => {
    await hoverField('#hcpcs', 'E1390');
    await tooltipText(page);
    await pointAway(page);
    await hoverField('#dx1', 'J1100');
    await expectNoTooltip(page);
    const box = (await page.locator('#secret').boundingBox())!;
    await page.mouse.move(box.x + 10, box.y + box.height / 2);
    await page.mouse.move(box.x + 12, box.y + box.height / 2);
    await expectNoTooltip(page);
  });
});

describe('keyboard', () => {
  it('shows the tooltip of a focused field’s code, and Escape dismisses it without reaching the page', async () => {
    await page.mouse.move(1, 1);
    await page.evaluate(() => {
      (window as unknown as { escapes: number }).escapes = 0;
      document.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') (window as unknown as { escapes: number }).escapes += 1;
      });
    });
    await page.locator('#dx1').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('hcpcs');
    expectDescribes(await tooltipText(page), 'E1390');
    await page.keyboard.press('Escape');
    await tooltipOf(page).waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => (window as unknown as { escapes: number }).escapes)).toBe(0);
    await page.keyboard.press('Tab');
    expectDescribes(await tooltipText(page), 'RR');
  });

  it('shows a field’s tooltip when the user presses its label, and nothing when a script focuses it', async () => {
    await page.mouse.move(1, 1);
    // Script focus (the page's own, or any page probing for the extension): nothing.
    await page.locator('#hcpcs').focus();
    await expectNoTooltip(page);
    await page.locator('#hcpcs').evaluate((el) => (el as HTMLElement).blur());
    // The user's click on the label focuses its field: its tooltip shows.
    const label = (await page.locator('label[for="hcpcs"]').boundingBox())!;
    await page.mouse.click(label.x + 4, label.y + label.height / 2);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('hcpcs');
    expectDescribes(await tooltipText(page), 'E1390');
  });
});
