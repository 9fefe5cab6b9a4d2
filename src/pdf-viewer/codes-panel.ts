/**
 * "Codes in this PDF": the list of codes with how often each appears, each
 * a button that goes to its first occurrence (the page is drawn, the code
 * selected and scrolled into view), and the list copied as TSV for a
 * spreadsheet.
 */
import { toTsv } from '../common/tsv';
import type { DocumentCode, DocumentScan } from './document-codes';
import { codeRange } from './layer-text';
import type { PageList } from './page-list';

export interface CodesPanel {
  scanning(pagesRead: number, pageCount: number): void;
  show(scan: DocumentScan): void;
  clear(): void;
}

export function setUpCodesPanel(doc: Document, pages: PageList, copy: (text: string, what: string) => void): CodesPanel {
  const panel = doc.getElementById('codes-panel')!;
  const toggle = doc.getElementById('toggle-codes')!;
  const list = doc.getElementById('codes-list')!;
  const status = doc.getElementById('codes-status')!;
  const copyButton = doc.getElementById('copy-codes') as HTMLButtonElement;
  let codes: DocumentCode[] = [];

  toggle.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
  });
  copyButton.addEventListener('click', () => {
    copy(toTsv([['Code', 'Count', 'First page'], ...codes.map((c) => [c.code, String(c.count), String(c.first.page)])]), `${codes.length} codes`);
  });

  const goTo = async (code: DocumentCode) => {
    pages.scrollToPage(code.first.page);
    const page = await pages.ensureDrawn(code.first.page);
    const range = page?.textLayer && codeRange(page.textLayer, code.code, code.first.nth);
    if (!range) return;
    const selection = doc.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  };

  return {
    scanning(read, count) {
      status.textContent = `Looking for codes… page ${read} of ${count}`;
    },
    show(scan) {
      codes = scan.codes;
      copyButton.disabled = codes.length === 0;
      const total = codes.reduce((n, c) => n + c.count, 0);
      status.textContent =
        scan.textLength === 0
          ? 'No text found in this PDF (it may be a scanned image), so no codes can be found.'
          : codes.length === 0
            ? 'No HCPCS codes in this PDF.'
            : `${codes.length} codes, ${total} in all`;
      list.replaceChildren(
        ...codes.map((c) => {
          const item = doc.createElement('li');
          const button = doc.createElement('button');
          button.type = 'button';
          button.className = 'code-row';
          button.dataset.code = c.code;
          button.title = `Go to the first ${c.code} (page ${c.first.page})`;
          const code = doc.createElement('span');
          code.className = 'hl-code';
          code.textContent = c.code;
          const count = doc.createElement('span');
          count.className = 'count';
          count.textContent = `×${c.count}`;
          const where = doc.createElement('span');
          where.className = 'muted';
          where.textContent = `p. ${c.first.page}`;
          button.append(code, count, where);
          button.addEventListener('click', () => void goTo(c));
          item.append(button);
          return item;
        }),
      );
    },
    clear() {
      codes = [];
      copyButton.disabled = true;
      status.textContent = '';
      list.replaceChildren();
    },
  };
}
