/**
 * Tooltips for codes in small frames, shown by the top frame so the frame's
 * edges do not clip them, and only where the top page could read the frame
 * anyway: every frame from this one to the top has the same (non-opaque)
 * origin (frame-chain.ts). A cross-origin or sandboxed frame draws its
 * tooltips itself, so a page never holds the tooltip of a frame it cannot
 * read. The request goes frame → worker → top frame (the worker relays only
 * within the sender's own tab), with the code's position already in the top
 * page's viewport and the frame's place among the top's frames, so the top
 * can hide the tooltip when that frame scrolls or goes. Nothing is posted
 * between frames.
 */
import { sendToBackground } from '../../common/send';
import type { LookupItem } from '../../hcpcs/tooltip-model';
import { boxInTop, framePath, sameOriginAncestors } from './frame-chain';
import type { Box } from '../tooltip/placement';

/** A frame smaller than this cannot hold a tooltip of the standard level. */
const MIN_WIDTH = 440;
const MIN_HEIGHT = 320;

export class FrameRelay {
  readonly #win: Window;

  constructor(win: Window) {
    this.#win = win;
  }

  get isTop(): boolean {
    return this.#win === this.#win.top;
  }

  /** Whether this frame should ask the top frame to show its tooltips. */
  shouldDelegate(): boolean {
    const win = this.#win;
    return !this.isTop && (win.innerWidth < MIN_WIDTH || win.innerHeight < MIN_HEIGHT) && sameOriginAncestors(win) !== undefined;
  }

  /** Asks the top frame to show the tooltip; the token to hide it with, or undefined if the top frame did not. */
  async showInTop(items: LookupItem[], anchor: Box): Promise<string | undefined> {
    const ancestors = sameOriginAncestors(this.#win);
    const inTop = ancestors && boxInTop(this.#win, anchor);
    if (!ancestors || !inTop) return undefined;
    const token = crypto.randomUUID();
    const { shown } = await sendToBackground('showInTopFrame', { token, items, anchor: inTop, path: framePath(this.#win, ancestors) });
    return shown ? token : undefined;
  }

  hideInTop(token: string, force: boolean): void {
    sendToBackground('hideInTopFrame', { token, ...(force ? { force } : {}) }).catch(() => undefined);
  }
}
