/**
 * Driving the PDF viewer page of the built extension: open it, hand it a
 * generated PDF through its file picker (as a user does), wait for a page's
 * text layer, point at text in it.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';
import { recordClipboard } from './extension-pages';

export const VIEWER = 'src/pdf-viewer/index.html';

export async function openViewer(ext: ExtensionBrowser, query = ''): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  await recordClipboard(page);
  await page.goto(ext.extensionUrl(`${VIEWER}${query}`));
  return page;
}

/** Opens the bytes through the viewer's file picker. */
export async function pickFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.locator('#file-input').setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
}

/** Waits until page `n` is drawn with its text layer in reading order. */
export async function textLayerOf(page: Page, n = 1) {
  const layer = page.locator(`.page[data-page="${n}"] .textLayer`);
  await layer.locator('br').first().waitFor({ state: 'attached', timeout: 15_000 });
  return layer;
}

/** The text layer's lines, as the detector reads them. */
export async function layerLines(page: Page, n = 1): Promise<string[]> {
  const layer = await textLayerOf(page, n);
  return layer.evaluate((el) => {
    let text = '';
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) text += (node as Text).data;
      else if ((node as Element).tagName === 'BR') text += '\n';
    }
    return text.split('\n').filter((l) => l.length > 0);
  });
}

/** The viewer's status message. */
export async function viewerMessage(page: Page, pattern: RegExp): Promise<string> {
  const message = page.locator('#message').filter({ hasText: pattern });
  await message.waitFor({ timeout: 15_000 });
  return message.innerText();
}

/** The text of every range "mark codes" has painted in the PDF's pages (not find's, nor in the code list beside them). */
export async function markedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (name === 'hcpcs-lens-find') continue;
      for (const r of highlight) {
        if (!r.startContainer.parentElement?.closest('.textLayer')) continue;
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push(range.toString());
      }
    }
    return out.sort();
  });
}

/** The text find's highlight paints and the page it is on, if any. */
export async function foundText(page: Page): Promise<{ text: string; page: string | undefined } | undefined> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('hcpcs-lens-find');
    const r = highlight && [...highlight][0];
    if (!r) return undefined;
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return { text: range.toString(), page: r.startContainer.parentElement?.closest<HTMLElement>('.page')?.dataset.page };
  });
}

/** Drops the bytes on the viewer as a file, as dragging it from the desktop does. */
export async function dropFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ([n, b]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(b as number[])], n as string, { type: 'application/pdf' }));
      return dt;
    },
    [name, [...bytes]] as const,
  );
  await page.locator('body').dispatchEvent('dragover', { dataTransfer });
  await page.locator('body').dispatchEvent('drop', { dataTransfer });
}

/** The codes the "Codes in this PDF" list shows, with their counts and first pages, once the whole file is read. */
export async function listedCodes(page: Page): Promise<string[]> {
  if (await page.locator('#codes-panel').isHidden()) await page.click('#toggle-codes');
  await page.locator('#codes-status').filter({ hasText: /in all|No HCPCS|No text/ }).waitFor({ timeout: 60_000 });
  return page.locator('#codes-list .code-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
}

/**
 * The codes "mark codes" paints with the not-valid mark (the red box of
 * invalid-mark-rule.ts), each with the first text of its line in the page
 * (a table's date of service): "A4295 12/15/2025".
 */
export async function invalidMarkedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const probe = document.querySelector('.textLayer');
    for (const [name, highlight] of CSS.highlights) {
      if (!probe || getComputedStyle(probe, `::highlight(${name})`).backgroundColor !== 'rgb(220, 50, 60)') continue;
      for (const r of highlight) {
        const span = r.startContainer.parentElement;
        if (!span?.closest('.textLayer')) continue;
        let first: Element = span;
        for (let s = span.previousElementSibling; s && s.tagName !== 'BR'; s = s.previousElementSibling) first = s;
        const text = (r.startContainer as Text).data.slice(r.startOffset, r.endOffset);
        out.push(`${text} ${first.textContent ?? ''}`);
      }
    }
    return out.sort();
  });
}
