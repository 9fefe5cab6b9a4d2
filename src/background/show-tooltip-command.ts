/**
 * The "show-tooltip" keyboard command (Alt+Shift+K): the tooltip of the code
 * in the focused field (or else of the selection), in the frame that has the
 * focus. A page's own `el.focus()` shows no tooltip (content/intent/focus-intent.ts),
 * and a screen reader's browse mode moves the focus without Tab or a press:
 * this command is how its users, and anyone, ask for a field's tooltip.
 */
import type { Tabs } from 'webextension-polyfill';
import { ext as browser } from '../common/extension-api';
import { sendToSession } from '../common/session-script';

export const SHOW_TOOLTIP_COMMAND = 'show-tooltip';

/** Runs in each frame (serialised: no imports): whether the focus is in this frame's document itself, not in a child frame. */
function focusedHere(): boolean {
  // Typed by hand: the worker's own code has no DOM (its tsconfig).
  const doc = (globalThis as unknown as { document: { hasFocus(): boolean; activeElement: { localName: string } | null } }).document;
  const tag = doc.activeElement?.localName;
  return doc.hasFocus() && tag !== 'iframe' && tag !== 'frame';
}

export async function showFocusedTooltip(tab: Tabs.Tab | undefined): Promise<boolean> {
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined || tabId < 0) return false;
  try {
    const frames = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: focusedHere });
    const frameId = frames.find((f) => f.result === true)?.frameId ?? 0;
    return (await sendToSession(tabId, 'showFocusedTooltip', {}, frameId)).shown;
  } catch {
    // A page the extension may not enter (browser pages, the PDF viewer).
    return false;
  }
}

export function registerShowTooltipCommand(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === SHOW_TOOLTIP_COMMAND) void showFocusedTooltip(tab);
  });
}
