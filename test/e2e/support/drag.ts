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

/** What the source lets the page do with it (CDP's mask: copy 1, link 2, move 16). */
const OPERATIONS = { copy: 1, link: 2, move: 16, any: 1 | 2 | 16 } as const;

/**
 * Starts dragging files on disk (`files`: their paths), or a piece of text,
 * over `page`. `offers`: the operations the source allows; a file manager
 * offers them all, some mail clients' attachments only one.
 */
export async function startDrag(page: Page, what: { files: readonly string[] } | { text: string }, offers: keyof typeof OPERATIONS = 'any'): Promise<Drag> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const dragOperationsMask = OPERATIONS[offers];
  const data = 'files' in what ? { items: [], files: [...what.files], dragOperationsMask } : { items: [{ mimeType: 'text/plain', data: what.text }], dragOperationsMask };
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
