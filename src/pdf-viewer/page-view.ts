/**
 * One page of the open PDF: a box of the page's size from the start (so the
 * scroll bar is right for a 500-page file), its canvas and text layer drawn
 * only while it is near the screen and dropped when it is far, so memory
 * stays bounded however long the file.
 */
import { TextLayer, type PageViewport, type PDFDocumentProxy, type PDFPageProxy, type RenderTask } from './pdf-engine';
import { linkStructureTables } from './structure-tables';
import { orderTextLayer } from './text-layer-order';

export interface PageSize {
  width: number;
  height: number;
}

export type PageState = 'blank' | 'rendering' | 'rendered' | 'failed';

export class PageView {
  readonly element: HTMLElement;
  readonly number: number;
  #state: PageState = 'blank';
  #task: RenderTask | undefined;
  #textLayer: TextLayer | undefined;
  #generation = 0;
  #done: Promise<void> = Promise.resolve();
  #size: PageSize;

  constructor(doc: Document, number: number, size: PageSize) {
    this.number = number;
    this.#size = size;
    const el = doc.createElement('div');
    el.className = 'page';
    el.dataset.page = String(number);
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', `Page ${number}`);
    this.element = el;
  }

  get state(): PageState {
    return this.#state;
  }

  /** The page's text layer once drawn (the spans in reading order). */
  get textLayer(): HTMLElement | undefined {
    return this.element.querySelector<HTMLElement>('.textLayer') ?? undefined;
  }

  /** Sets the box's size at this zoom, from the page's own size once known (until then the first page's). */
  layout(scale: number, size: PageSize = this.#size): void {
    this.#size = size;
    const style = this.element.style;
    style.width = `${Math.floor(size.width * scale)}px`;
    style.height = `${Math.floor(size.height * scale)}px`;
    // What pdf.js's text layer sizes itself and its spans by.
    style.setProperty('--scale-factor', String(scale));
    style.setProperty('--total-scale-factor', String(scale));
    style.setProperty('--user-unit', '1');
    style.setProperty('--scale-round-x', '1px');
    style.setProperty('--scale-round-y', '1px');
  }

  /** Draws the page and its text layer at `scale`; resolves when both are in place (or it failed or was dropped). */
  render(pdf: PDFDocumentProxy, scale: number): Promise<void> {
    if (this.#state === 'rendering' || this.#state === 'rendered') return this.#done;
    const generation = ++this.#generation;
    this.#state = 'rendering';
    this.#done = this.#draw(pdf, scale, generation).catch((error: unknown) => {
      if (generation !== this.#generation) return;
      this.#state = 'failed';
      this.#showProblem(error);
    });
    return this.#done;
  }

  async #draw(pdf: PDFDocumentProxy, scale: number, generation: number): Promise<void> {
    const page: PDFPageProxy = await pdf.getPage(this.number);
    if (generation !== this.#generation) return;
    const viewport = page.getViewport({ scale });
    const base = page.getViewport({ scale: 1 });
    this.layout(scale, { width: base.width, height: base.height });
    const doc = this.element.ownerDocument;
    const canvas = doc.createElement('canvas');
    const ratio = Math.min(doc.defaultView?.devicePixelRatio ?? 1, 2);
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.setAttribute('aria-hidden', 'true');
    const layer = doc.createElement('div');
    layer.className = 'textLayer';
    this.#task = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
    const text = this.#drawText(page, viewport, layer);
    await this.#task.promise;
    await text;
    if (generation !== this.#generation) return;
    this.element.replaceChildren(canvas, layer);
    orderTextLayer(layer);
    this.#state = 'rendered';
  }

  /**
   * The text layer, with the marked-content groups of a tagged PDF kept until
   * its table tags are read (structure-tables.ts); a structure tree that
   * cannot be read only leaves the date-of-service check silent.
   */
  async #drawText(page: PDFPageProxy, viewport: PageViewport, layer: HTMLElement): Promise<void> {
    const [content, tree] = await Promise.all([page.getTextContent({ includeMarkedContent: true }), page.getStructTree().catch(() => null)]);
    const textLayer = new TextLayer({ textContentSource: content, container: layer, viewport });
    this.#textLayer = textLayer;
    await textLayer.render();
    try {
      linkStructureTables(layer, tree);
    } catch {
      // A tree of a shape no check foresaw: no tables, the page as without tags.
    }
  }

  /** Drops the canvas and text (far from the screen, or a new zoom). */
  release(): void {
    this.#generation++;
    this.#task?.cancel();
    this.#task = undefined;
    this.#textLayer?.cancel();
    this.#textLayer = undefined;
    this.element.replaceChildren();
    this.#state = 'blank';
  }

  #showProblem(error: unknown): void {
    const note = this.element.ownerDocument.createElement('p');
    note.className = 'page-problem';
    note.textContent = `Page ${this.number} could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
    this.element.replaceChildren(note);
  }
}
