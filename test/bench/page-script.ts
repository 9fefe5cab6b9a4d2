/**
 * Runs a function in a page's own world. tsx compiles the bench keeping
 * function names through a __name() helper the page does not have; the
 * expression defines a stand-in first.
 */
import type { Page } from 'playwright-core';

export const KEEP_NAMES_SHIM = 'var __name = (f) => f;';

export function inPage<T, A = undefined>(page: Page, fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
  return page.evaluate(`${KEEP_NAMES_SHIM}\n(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`) as Promise<T>;
}

/** Starts `fn` in the page without waiting for it; `armed(page)` gives its result later. */
export async function armInPage<A>(page: Page, fn: (arg: A) => Promise<unknown>, arg: A): Promise<void> {
  await page.evaluate(`${KEEP_NAMES_SHIM}\nwindow.__armed = (${fn.toString()})(${JSON.stringify(arg)}); undefined`);
}

export function armed<T>(page: Page): Promise<T> {
  return page.evaluate('window.__armed') as Promise<T>;
}

/** In a page: resolves with the time (epoch ms) at the end of the next frame. */
export function afterNextPaint(): Promise<number> {
  return new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.timeOrigin + performance.now());
      channel.port2.postMessage(null);
    }),
  );
}
