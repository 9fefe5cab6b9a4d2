/**
 * Drags files from the desktop (or text from another window) onto a page as
 * a user does, through Chromium's own input pipeline (CDP
 * Input.dispatchDragEvent): the events are trusted, and what the browser does
 * with a drop the page does not take (open the file, insert the text) happens
 * for real, which a synthetic DragEvent can never show.
 */
import type { CDPSession, Locator, Page } from 'playwright-core';

export interface Drag {
  /** Moves the drag over the element (dragenter/dragover on the way in). */
  over(target: Locator): Promise<void>;
  /** Releases it over the element. */
  drop(target: Locator): Promise<void>;
}

/** Starts dragging files on disk (`files`: their paths), or a piece of text, over `page`. */
export async function startDrag(page: Page, what: { files: readonly string[] } | { text: string }): Promise<Drag> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  // Copy: what a file manager offers when files are dragged out of it.
  const data = 'files' in what ? { items: [], files: [...what.files], dragOperationsMask: 1 } : { items: [{ mimeType: 'text/plain', data: what.text }], dragOperationsMask: 1 };
  let at = { x: 0, y: 0 };
  const point = async (target: Locator) => {
    await target.scrollIntoViewIfNeeded();
    const box = await target.boundingBox();
    if (!box) throw new Error('the drop target is not visible');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  const send = (type: 'dragEnter' | 'dragOver' | 'drop') => cdp.send('Input.dispatchDragEvent', { type, ...at, data });
  let entered = false;
  const over = async (target: Locator) => {
    at = await point(target);
    if (!entered) await send('dragEnter');
    entered = true;
    await send('dragOver');
  };
  return {
    over,
    async drop(target) {
      await over(target);
      await send('drop');
      await cdp.detach();
    },
  };
}
