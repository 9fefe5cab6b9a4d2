/**
 * The pages of the open PDF, drawn lazily: a page is drawn when it comes
 * within a screen of the viewport and dropped when it is more than a few
 * screens away, so opening a 500-page file costs what opening a 2-page one
 * does and scrolling through it stays smooth. Knows the zoom and which page
 * is current.
 */
import type { PDFDocumentProxy } from './pdf-engine';
import { PageView } from './page-view';

/** Pages drawn at most at once; beyond that the farthest from the screen are dropped. */
const MAX_DRAWN = 12;

export class PageList {
  readonly #container: HTMLElement;
  readonly #scroller: HTMLElement;
  readonly #onPage: (page: number) => void;
  #pdf: PDFDocumentProxy | undefined;
  #pages: PageView[] = [];
  #scale = 1;
  #observer: IntersectionObserver | undefined;
  readonly #near = new Set<PageView>();
  #current = 1;

  constructor(container: HTMLElement, scroller: HTMLElement, onPage: (page: number) => void) {
    this.#container = container;
    this.#scroller = scroller;
    this.#onPage = onPage;
    scroller.addEventListener('scroll', () => this.#trackCurrent(), { passive: true });
  }

  get count(): number {
    return this.#pages.length;
  }

  get scale(): number {
    return this.#scale;
  }

  get current(): number {
    return this.#current;
  }

  page(number: number): PageView | undefined {
    return this.#pages[number - 1];
  }

  /** Shows a newly opened PDF: boxes for every page, sized like the first until each is drawn. */
  async show(pdf: PDFDocumentProxy, scale: number): Promise<void> {
    this.clear();
    this.#pdf = pdf;
    this.#scale = scale;
    const first = (await pdf.getPage(1)).getViewport({ scale: 1 });
    const doc = this.#container.ownerDocument;
    this.#pages = Array.from({ length: pdf.numPages }, (_, i) => new PageView(doc, i + 1, { width: first.width, height: first.height }));
    for (const p of this.#pages) p.layout(scale);
    this.#container.replaceChildren(...this.#pages.map((p) => p.element));
    this.#observer = new IntersectionObserver((entries) => this.#onIntersect(entries), { root: this.#scroller, rootMargin: '100% 0px' });
    for (const p of this.#pages) this.#observer.observe(p.element);
    // The first page now, not a frame later when the observer first reports.
    this.#draw(this.#pages[0]!);
    this.#current = 1;
    this.#onPage(1);
  }

  clear(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    for (const p of this.#pages) p.release();
    this.#pages = [];
    this.#near.clear();
    this.#pdf = undefined;
    this.#container.replaceChildren();
  }

  /** A new zoom: every page re-laid out, the ones near the screen drawn again, the same page kept in view. */
  zoom(scale: number): void {
    const keep = this.#current;
    this.#scale = scale;
    for (const p of this.#pages) {
      p.release();
      p.layout(scale);
    }
    this.scrollToPage(keep);
    for (const p of this.#near) this.#draw(p);
  }

  scrollToPage(number: number): void {
    const page = this.page(number);
    if (!page) return;
    // The scroller is the pages' offset parent (position: relative in viewer.css).
    this.#scroller.scrollTop = page.element.offsetTop - 8;
    this.#setCurrent(number);
  }

  /** Draws the page now (to show a code or a match on it) and waits until its text layer is there. */
  async ensureDrawn(number: number): Promise<PageView | undefined> {
    const page = this.page(number);
    if (!page || !this.#pdf) return undefined;
    await page.render(this.#pdf, this.#scale);
    return page.state === 'rendered' ? page : undefined;
  }

  #onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const page = this.#pages[Number((e.target as HTMLElement).dataset.page) - 1];
      if (!page) continue;
      if (e.isIntersecting) {
        this.#near.add(page);
        this.#draw(page);
      } else {
        this.#near.delete(page);
      }
    }
    this.#dropFar();
  }

  #draw(page: PageView): void {
    if (this.#pdf) void page.render(this.#pdf, this.#scale);
  }

  /** Keeps at most MAX_DRAWN pages drawn: the ones farthest from the current page go first. */
  #dropFar(): void {
    const drawn = this.#pages.filter((p) => p.state !== 'blank' && !this.#near.has(p));
    const excess = drawn.length + this.#near.size - MAX_DRAWN;
    if (excess <= 0) return;
    drawn.sort((a, b) => Math.abs(b.number - this.#current) - Math.abs(a.number - this.#current));
    for (const p of drawn.slice(0, excess)) p.release();
  }

  #trackCurrent(): void {
    const top = this.#scroller.scrollTop + this.#scroller.clientHeight / 3;
    // Pages are laid out in order: a binary search finds the one at the top third of the screen.
    let lo = 0;
    let hi = this.#pages.length - 1;
    while (lo < hi) {
      const midIndex = (lo + hi + 1) >> 1;
      if (this.#pages[midIndex]!.element.offsetTop <= top) lo = midIndex;
      else hi = midIndex - 1;
    }
    if (this.#pages.length) this.#setCurrent(lo + 1);
  }

  #setCurrent(number: number): void {
    if (number === this.#current) return;
    this.#current = number;
    this.#onPage(number);
  }
}
