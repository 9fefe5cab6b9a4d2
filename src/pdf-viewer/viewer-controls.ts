/** Page navigation (previous, next, go to page) and zoom (steps, in and out, Ctrl+wheel is left to the browser). */
import type { PageList } from './page-list';

export interface ViewerControls {
  scale(): number;
  opened(pageCount: number): void;
  pageChanged(page: number): void;
}

export function setUpViewerControls(doc: Document, pages: PageList): ViewerControls {
  const number = doc.getElementById('page-number') as HTMLInputElement;
  const count = doc.getElementById('page-count')!;
  const zoom = doc.getElementById('zoom') as HTMLSelectElement;
  const scale = () => Number(zoom.value);
  const go = (page: number) => {
    if (pages.count === 0) return;
    pages.scrollToPage(Math.min(pages.count, Math.max(1, page)));
  };
  doc.getElementById('prev-page')!.addEventListener('click', () => go(pages.current - 1));
  doc.getElementById('next-page')!.addEventListener('click', () => go(pages.current + 1));
  number.addEventListener('change', () => go(Math.round(Number(number.value)) || 1));
  const step = (by: number) => {
    zoom.selectedIndex = Math.min(zoom.options.length - 1, Math.max(0, zoom.selectedIndex + by));
    zoom.dispatchEvent(new Event('change'));
  };
  doc.getElementById('zoom-in')!.addEventListener('click', () => step(1));
  doc.getElementById('zoom-out')!.addEventListener('click', () => step(-1));
  zoom.addEventListener('change', () => pages.zoom(scale()));
  return {
    scale,
    opened(pageCount) {
      number.disabled = false;
      number.max = String(pageCount);
      count.textContent = `/ ${pageCount}`;
    },
    pageChanged(page) {
      number.value = String(page);
    },
  };
}
