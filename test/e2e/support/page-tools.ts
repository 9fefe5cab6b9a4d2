/**
 * What the end-to-end tests do with a page: point at a piece of text (in any
 * frame, inside shadow roots, inside a field), read the tooltip, compare it
 * with the dataset.
 */
import { STATE_TIMEOUT_MS } from './wait';
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { bundledLookup } from '../../support/dataset';
import { closedHostCount, tooltipPart, type TooltipPart } from './closed-tooltip';

/** The tooltip drawn in a page's top frame, or in the frame given (reached through its closed shadow root: closed-tooltip.ts). */
export const tooltipOf = (page: Page | Frame | FrameLocator): TooltipPart => tooltipPart(page);

/** How many elements of the page host the extension's tooltip (it inserts one at most). */
export function hostCount(page: Page | Frame): Promise<number> {
  return closedHostCount(page);
}

/**
 * Viewport coordinates (of the top page) of the `charIndex`th character of
 * the first occurrence of `text` in the element's text.
 */
export async function pointAt(locator: Locator, text: string, charIndex = 1): Promise<{ x: number; y: number }> {
  const inner = await locator.evaluate(
    (el, [wanted, at]) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let joined = '';
      const nodes: [Text, number][] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push([n as Text, joined.length]);
        joined += (n as Text).data;
      }
      const index = joined.indexOf(wanted as string);
      if (index < 0) throw new Error(`"${wanted}" not found in ${el.outerHTML.slice(0, 200)}`);
      const target = index + (at as number);
      const [node, start] = nodes.filter(([, s]) => s <= target).at(-1)!;
      const range = document.createRange();
      range.setStart(node, target - start);
      range.setEnd(node, target - start + 1);
      const r = range.getBoundingClientRect();
      const e = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, ex: e.left, ey: e.top };
    },
    [text, charIndex] as const,
  );
  const box = await locator.boundingBox();
  if (!box) throw new Error('element not visible');
  return { x: box.x - inner.ex + inner.x, y: box.y - inner.ey + inner.y };
}

/** Moves the pointer onto the text (two moves, as a hand does) and leaves it resting there. */
export async function hoverText(page: Page, locator: Locator, text: string, charIndex = 1): Promise<{ x: number; y: number }> {
  const point = await pointAt(locator, text, charIndex);
  await page.mouse.move(point.x - 3, point.y);
  await page.mouse.move(point.x, point.y);
  return point;
}

/** Waits for the tooltip and returns its text. */
export async function tooltipText(page: Page | Frame | FrameLocator): Promise<string> {
  const tip = tooltipOf(page);
  await tip.waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
  return tip.innerText();
}

/**
 * Asserts no tooltip shows for what is under the pointer. A negative needs a
 * time bound: well past the dwell the tests set (50 ms) and a warm worker's
 * answer, which the same test has already seen arrive for a real code.
 */
export async function expectNoTooltip(page: Page | Frame | FrameLocator, waitMs = 400): Promise<void> {
  await new Promise((r) => setTimeout(r, waitMs));
  expect(await tooltipOf(page).isVisible()).toBe(false);
}

/** Moves the pointer somewhere blank and waits for the tooltip to go. */
export async function pointAway(page: Page): Promise<void> {
  await page.mouse.move(5, 5);
  await page.mouse.move(6, 600);
  await tooltipOf(page).waitFor({ state: 'hidden', timeout: STATE_TIMEOUT_MS });
}

/** The code's descriptions from the dataset, as the tooltip must show them. */
export function record(code: string) {
  const lookup = bundledLookup();
  const r = code.length === 2 ? lookup.modifier(code) : lookup.code(code);
  if (!r) throw new Error(`${code} is not in the dataset`);
  return r;
}

/** Checks the tooltip names the code with its long description, and each modifier with its own. */
export function expectDescribes(text: string, code: string, modifiers: string[] = []): void {
  expect(text).toContain(code);
  expect(text).toContain(record(code).long);
  for (const m of modifiers) {
    expect(text).toContain(m);
    expect(text).toContain(record(m).long);
  }
}

/** Viewport coordinates of a character of `text` inside an input's or textarea's value (measured with the field's font). */
export async function pointInField(locator: Locator, text: string, charIndex = 1): Promise<{ x: number; y: number }> {
  const inner = await locator.evaluate(
    (el, [wanted, at]) => {
      const field = el as HTMLInputElement | HTMLTextAreaElement;
      const index = field.value.indexOf(wanted as string);
      if (index < 0) throw new Error(`"${wanted}" not in the field`);
      const style = getComputedStyle(field);
      const ctx = new OffscreenCanvas(1, 1).getContext('2d')!;
      ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const before = ctx.measureText(field.value.slice(0, index + (at as number))).width;
      const char = ctx.measureText(field.value.charAt(index + (at as number))).width;
      const r = field.getBoundingClientRect();
      const x = r.left + field.clientLeft + parseFloat(style.paddingLeft) + before + char / 2 - field.scrollLeft;
      const y = field instanceof HTMLTextAreaElement ? r.top + field.clientTop + parseFloat(style.paddingTop) + parseFloat(style.lineHeight || '16') / 2 : r.top + r.height / 2;
      return { x, y, ex: r.left, ey: r.top };
    },
    [text, charIndex] as const,
  );
  const box = await locator.boundingBox();
  if (!box) throw new Error('field not visible');
  return { x: box.x - inner.ex + inner.x, y: box.y - inner.ey + inner.y };
}
