/**
 * The text of every page of the open PDF, in the visual lines a reader sees
 * (visual-lines.ts, the same rule the text layer is put in order by), read
 * from pdf.js without drawing anything: for "codes in this PDF" and for
 * find. Read page by page on demand and kept; a 500-page file is read while
 * the user reads its first page.
 */
import { Util, type PDFDocumentProxy } from './pdf-engine';
import { visualLines, type Run } from './visual-lines';

export interface PageText {
  /** The page's visual lines, top to bottom. */
  lines: string[];
}

interface Item {
  str: string;
  transform: number[];
  width: number;
}

const isTextItem = (item: object): item is Item => 'str' in item && 'transform' in item;

export class DocumentText {
  readonly #pdf: PDFDocumentProxy;
  readonly #pages = new Map<number, Promise<PageText>>();

  constructor(pdf: PDFDocumentProxy) {
    this.#pdf = pdf;
  }

  get pageCount(): number {
    return this.#pdf.numPages;
  }

  page(number: number): Promise<PageText> {
    let text = this.#pages.get(number);
    if (!text) {
      text = this.#read(number);
      this.#pages.set(number, text);
    }
    return text;
  }

  async #read(number: number): Promise<PageText> {
    const page = await this.#pdf.getPage(number);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const runs: Run<null>[] = [];
    for (const item of content.items) {
      if (!isTextItem(item) || !item.str) continue;
      // Where the text layer puts the span: the item's baseline origin in viewport space, one font height tall.
      const tx = Util.transform(viewport.transform, item.transform);
      const height = Math.hypot(tx[2]!, tx[3]!);
      runs.push({ text: item.str, left: tx[4]!, top: tx[5]! - height, width: item.width, height, ref: null });
    }
    page.cleanup();
    return { lines: visualLines(runs).map((l) => l.text) };
  }
}
