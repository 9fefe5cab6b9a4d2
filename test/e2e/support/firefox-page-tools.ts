/**
 * page-tools.ts for puppeteer's Firefox pages: point at a piece of text (in
 * the page or one of its frames), read the tooltip from the extension's
 * closed shadow root (through WebDriver BiDi: firefox-closed-tooltip.ts).
 */
import type { Frame, Page } from 'puppeteer-core';
import { closedHostCountIn, waitForTooltipIn } from './firefox-closed-tooltip';

/** Moves the pointer onto the `charIndex`th character of `text` in the element (in the frame `frame` selects, if given) and rests there. */
export async function hoverTextIn(page: Page, selector: string, text: string, charIndex = 1, frame?: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    (sel, wanted, at, frameSel) => {
      let doc = document;
      let dx = 0;
      let dy = 0;
      if (frameSel) {
        const f = document.querySelector(frameSel) as HTMLIFrameElement;
        doc = f.contentDocument!;
        const r = f.getBoundingClientRect();
        dx = r.left + f.clientLeft;
        dy = r.top + f.clientTop;
      }
      const el = doc.querySelector(sel);
      if (!el) throw new Error(`no ${sel}`);
      const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const i = n.data.indexOf(wanted);
        if (i < 0) continue;
        const range = doc.createRange();
        range.setStart(n, i + at);
        range.setEnd(n, i + at + 1);
        const b = range.getBoundingClientRect();
        return { x: dx + b.left + b.width / 2, y: dy + b.top + b.height / 2 };
      }
      throw new Error(`"${wanted}" not in one text node of ${sel}`);
    },
    selector,
    text,
    charIndex,
    frame,
  );
  await page.mouse.move(point.x - 3, point.y);
  await page.mouse.move(point.x, point.y);
  return point;
}

/** Waits for the extension's tooltip in the page's top frame and returns its text. */
export function firefoxTooltipText(page: Page): Promise<string> {
  return waitForTooltipIn(page);
}

/** Moves the pointer somewhere blank and waits for the tooltip to go. */
export async function firefoxPointAway(page: Page): Promise<void> {
  await page.mouse.move(5, 5);
  await page.mouse.move(6, 600);
  await waitForTooltipIn(page, false);
}

/** How many elements host the extension's tooltip. */
export function firefoxHostCount(page: Page): Promise<number> {
  return closedHostCountIn(page);
}

/** Moves the pointer onto the `charIndex`th character of `text` in an element of `frame` (any origin, any depth) and rests there. */
export async function hoverTextInFrame(page: Page, frame: Frame, selector: string, text: string, charIndex = 1): Promise<{ x: number; y: number }> {
  const inner = await frame.evaluate(
    (sel, wanted, at) => {
      const el = document.querySelector(sel);
      if (!el) throw new Error(`no ${sel}`);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const i = n.data.indexOf(wanted);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i + at);
        range.setEnd(n, i + at + 1);
        const b = range.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
      throw new Error(`"${wanted}" not in one text node of ${sel}`);
    },
    selector,
    text,
    charIndex,
  );
  let x = inner.x;
  let y = inner.y;
  for (let f: Frame | null = frame; f?.parentFrame(); f = f.parentFrame()) {
    const element = await f.frameElement();
    if (!element) throw new Error('frame element not found');
    const offset = await element.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return { x: r.left + el.clientLeft + parseFloat(s.paddingLeft), y: r.top + el.clientTop + parseFloat(s.paddingTop) };
    });
    x += offset.x;
    y += offset.y;
  }
  await page.mouse.move(x - 3, y);
  await page.mouse.move(x, y);
  return { x, y };
}
