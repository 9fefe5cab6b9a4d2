/**
 * Find in the document: every page's text is searched (not only the pages
 * drawn), the matches counted, and Enter / Shift+Enter go to the next or
 * previous one: its page is drawn, the match painted with a highlight of its
 * own and scrolled into view. Case and spacing are ignored ("e1392  rr"
 * finds "E1392 RR"). Ctrl+F (⌘F) comes here rather than to the browser's
 * find, which only sees the pages drawn.
 */
import type { DocumentText } from './document-text';
import { matchRange } from './layer-text';
import type { PageList } from './page-list';

const FIND_HIGHLIGHT = 'hcpcs-lens-find';

export interface FindBar {
  /** A new PDF: searches it from now on. */
  use(text: DocumentText | undefined): void;
}

export function queryPattern(query: string): RegExp | undefined {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'gi');
}

export function setUpFind(doc: Document, pages: PageList): FindBar {
  const input = doc.getElementById('find') as HTMLInputElement;
  const status = doc.getElementById('find-status')!;
  let text: DocumentText | undefined;
  /** Matches per page for the current query, computed once per query. */
  let matches: { page: number; nth: number }[] | undefined;
  let at = -1;
  let searching = 0;

  const paint = (range: Range | undefined) => {
    if (typeof Highlight !== 'function') return;
    if (range) CSS.highlights.set(FIND_HIGHLIGHT, new Highlight(range));
    else CSS.highlights.delete(FIND_HIGHLIGHT);
  };

  const collect = async (): Promise<{ page: number; nth: number }[]> => {
    const pattern = queryPattern(input.value);
    if (!text || !pattern) return [];
    const run = ++searching;
    const out: { page: number; nth: number }[] = [];
    for (let page = 1; page <= text.pageCount; page++) {
      const { lines } = await text.page(page);
      if (run !== searching) return [];
      const count = [...lines.join('\n').matchAll(pattern)].length;
      for (let nth = 0; nth < count; nth++) out.push({ page, nth });
    }
    return out;
  };

  const go = async (step: 1 | -1) => {
    const pattern = queryPattern(input.value);
    if (!pattern) {
      status.textContent = '';
      return paint(undefined);
    }
    if (!matches) {
      status.textContent = 'Searching…';
      matches = await collect();
      at = step === 1 ? -1 : 0;
    }
    if (matches.length === 0) {
      status.textContent = 'No matches';
      return paint(undefined);
    }
    at = (at + step + matches.length) % matches.length;
    const match = matches[at]!;
    status.textContent = `${at + 1} of ${matches.length}`;
    pages.scrollToPage(match.page);
    const page = await pages.ensureDrawn(match.page);
    const range = page?.textLayer && matchRange(page.textLayer, pattern, match.nth);
    paint(range);
    if (range) (range.startContainer.parentElement ?? page.element).scrollIntoView({ block: 'center' });
  };

  input.addEventListener('input', () => {
    matches = undefined;
    searching++;
    status.textContent = '';
    paint(undefined);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void go(e.shiftKey ? -1 : 1);
  });
  doc.getElementById('find-next')!.addEventListener('click', () => void go(1));
  doc.getElementById('find-prev')!.addEventListener('click', () => void go(-1));
  doc.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
      e.preventDefault();
      input.focus();
      input.select();
    }
  });
  return {
    use(next) {
      text = next;
      matches = undefined;
      input.dispatchEvent(new Event('input'));
    },
  };
}
