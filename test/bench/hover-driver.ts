/**
 * Hovers codes the way a hand does and times the tooltip inside the page:
 * from the moment the pointer came to rest (the last pointermove's event
 * time, which is when the browser received the input) to the end of the
 * first frame that shows the tooltip for that code.
 *
 * The probe runs in the page's own world and sees the extension only as a
 * page would: its host element, whose shadow root is closed. It times the
 * host's popover opening (the extension presents the tooltip in one task:
 * the end of the next frame shows it whole); which code the tooltip shows is
 * checked afterwards, outside the timed span, through the DevTools protocol.
 */
import type { Page } from 'playwright-core';
import { tooltipPart } from '../e2e/support/closed-tooltip';
import { KEEP_NAMES_SHIM, inPage } from './page-script';

/** Main-world probe: the last pointer move, and a waiter for "the tooltip shows this code, painted". */
function probe(): void {
  const state = { lastMove: 0, open: false, onOpen: undefined as (() => void) | undefined };
  addEventListener('pointermove', (e) => (state.lastMove = e.timeStamp), { capture: true, passive: true });
  /** The extension's host as a page sees it: an empty element shown as a manual popover. */
  const isHost = (el: EventTarget | null) => el instanceof HTMLElement && el.getAttribute('popover') === 'manual' && el.childNodes.length === 0 && el.shadowRoot === null;
  // beforetoggle does not bubble: listened for in the capture phase, it comes while the extension presents the tooltip.
  addEventListener(
    'beforetoggle',
    (e) => {
      if (!isHost(e.target)) return;
      state.open = (e as ToggleEvent).newState === 'open';
      if (state.open) state.onOpen?.();
    },
    { capture: true },
  );
  /** Resolves after the next frame has been produced (its rendering steps done). */
  const afterNextPaint = () =>
    new Promise<number>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }),
    );
  Object.assign(window, {
    __hoverProbe: {
      /** Arms a waiter; `result()` gives [last move, painted] once the tooltip opens. */
      arm(code: string, timeoutMs: number) {
        let settle: (v: [number, number] | string) => void;
        const done = new Promise<[number, number] | string>((r) => (settle = r));
        const timer = setTimeout(() => finish(`no tooltip for ${code} in ${timeoutMs} ms`), timeoutMs);
        function finish(v: [number, number] | string) {
          state.onOpen = undefined;
          clearTimeout(timer);
          settle(v);
        }
        state.onOpen = () => {
          const rest = state.lastMove;
          void afterNextPaint().then((painted) => finish([rest, painted]));
        };
        (this as { pending?: Promise<unknown> }).pending = done;
      },
      result() {
        return (this as { pending?: Promise<unknown> }).pending;
      },
      visible: () => state.open,
    },
  });
}

interface Probe {
  arm(code: string, timeoutMs: number): void;
  result(): Promise<[number, number] | string>;
  visible(): boolean;
}
type ProbeWindow = Window & { __hoverProbe: Probe };

export async function installHoverProbe(page: Page): Promise<void> {
  await page.addInitScript({ content: `${KEEP_NAMES_SHIM}\n(${probe.toString()})();` });
}

export interface CodeSpot {
  code: string;
  x: number;
  y: number;
}

/** Where each cell holding just a code is (centre of its second character). */
export async function codeSpots(page: Page, selector: string): Promise<CodeSpot[]> {
  return page.$$eval(selector, (cells) =>
    cells.flatMap((cell) => {
      const text = cell.firstChild;
      if (!(text instanceof Text) || !/^\s*[A-V]\d{4}\s*$/.test(text.data)) return [];
      const range = document.createRange();
      range.setStart(text, 1);
      range.setEnd(text, 2);
      const r = range.getBoundingClientRect();
      return [{ code: text.data.trim(), x: r.left + r.width / 2, y: r.top + r.height / 2 }];
    }),
  );
}

/**
 * Rests the pointer on a code (two moves, as a hand does) and returns the
 * time from the rest to the tooltip painted, in ms.
 */
export async function hoverCode(page: Page, spot: CodeSpot, timeoutMs = 5000): Promise<number> {
  await page.evaluate(([code, t]) => (window as unknown as ProbeWindow).__hoverProbe.arm(code, t), [spot.code, timeoutMs] as const);
  await page.mouse.move(spot.x - 4, spot.y + 1);
  await page.mouse.move(spot.x, spot.y);
  const result = await page.evaluate(() => (window as unknown as ProbeWindow).__hoverProbe.result());
  if (typeof result === 'string') throw new Error(result);
  // The tooltip that opened is this code's (read after the timed span).
  const text = await tooltipPart(page).innerText();
  if (!text.includes(spot.code)) throw new Error(`the tooltip shown is not ${spot.code}'s: ${text.slice(0, 40)}`);
  return result[1] - result[0];
}

/**
 * Escape takes the tooltip down (the extension handles it in the capture
 * phase). Waited for in the page (Playwright's waitForFunction would make the
 * page pre-paint everything in its next frame, which the next hover would pay).
 */
export async function dismissTooltip(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  const hidden = await inPage(
    page,
    () =>
      new Promise<boolean>((resolve) => {
        const started = performance.now();
        const check = () => {
          if (!(window as unknown as ProbeWindow).__hoverProbe.visible()) resolve(true);
          else if (performance.now() - started > 5000) resolve(false);
          else setTimeout(check, 5);
        };
        check();
      }),
  );
  if (!hidden) throw new Error('the tooltip did not go on Escape');
}
