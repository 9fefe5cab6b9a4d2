/**
 * A list of codes, each a row that expands into the shared detail view at
 * the user's detail level: the search results and "codes on this page".
 *
 * Keyboard: ↑/↓ (Home/End) move between rows, Enter or Space expands,
 * Ctrl/Cmd+C copies the code, Escape or ↑ from the first row goes back to
 * the search box, typing goes on in the search box. One row is in the Tab
 * order at a time (roving tabindex), so Tab leaves the list.
 */
import { el, renderDetail } from '../common/detail-view';
import { sendToBackground } from '../common/send';
import type { StatusBadge } from '../hcpcs/status';

export interface RowItem {
  code: string;
  /** "Modifier" or a CPT note shown beside the code; nothing for a Level II code. */
  tag?: string;
  text: string;
  badge?: StatusBadge | undefined;
  /** Times the code appears (codes on this page). */
  count?: number;
  /** What the copy button copies: "code⇥long description". */
  copyText: string;
}

export interface RowListOptions {
  copy(text: string, what: string): void;
  /** Escape, or ↑ on the first row. */
  leave?(): void;
  /** A printable key on a row: the search box takes it. */
  typeAhead?(): void;
  /** The date status is worked out for (search's "as of"); today when undefined. */
  asOf?(): string | undefined;
}

/**
 * Rows rendered with the results, more than a popup shows; the rest follow
 * once that frame is painted, before anyone could scroll to them. Fifty rows
 * in one frame cost a keystroke 6-7 ms of style, layout and paint.
 */
const FIRST_ROWS = 16;

export class RowList {
  readonly #list: HTMLUListElement;
  readonly #options: RowListOptions;
  #items: RowItem[] = [];
  #active = 0;
  #rest: ReturnType<typeof setTimeout> | undefined;

  constructor(list: HTMLUListElement, options: RowListOptions) {
    this.#list = list;
    this.#options = options;
    list.addEventListener('keydown', (event) => this.#onKey(event));
    list.addEventListener('click', (event) => this.#onClick(event));
    list.addEventListener('focusin', (event) => {
      const index = this.#rows().indexOf((event.target as Element).closest('li') as HTMLLIElement);
      if (index >= 0) this.#setActive(index);
    });
  }

  get items(): readonly RowItem[] {
    return this.#items;
  }

  get active(): RowItem | undefined {
    return this.#items[this.#active];
  }

  render(items: RowItem[]): void {
    const doc = this.#list.ownerDocument;
    this.#items = items;
    this.#active = 0;
    clearTimeout(this.#rest);
    this.#list.replaceChildren(...items.slice(0, FIRST_ROWS).map((item, i) => renderRow(doc, item, i === 0)));
    if (items.length <= FIRST_ROWS) return;
    requestAnimationFrame(() => {
      this.#rest = setTimeout(() => {
        if (this.#items === items) this.#list.append(...items.slice(FIRST_ROWS).map((item) => renderRow(doc, item, false)));
      });
    });
  }

  /** Focuses the active row; with `expand`, opens it too. */
  focusActive(expand = false): void {
    const row = this.#rows()[this.#active];
    if (!row) return;
    row.querySelector<HTMLButtonElement>('.row-main')!.focus();
    if (expand) void this.#toggle(row, true);
  }

  copyActive(): boolean {
    const item = this.active;
    if (item) this.#options.copy(item.code, item.code);
    return item !== undefined;
  }

  #rows(): HTMLLIElement[] {
    return [...this.#list.children] as HTMLLIElement[];
  }

  #setActive(index: number): void {
    const rows = this.#rows();
    rows[this.#active]?.classList.remove('is-active');
    this.#active = index;
    rows.forEach((row, i) => {
      for (const button of row.querySelectorAll('button')) button.tabIndex = i === index ? 0 : -1;
    });
    rows[index]?.classList.add('is-active');
  }

  #onClick(event: MouseEvent): void {
    const button = (event.target as Element).closest('button');
    const row = button?.closest('li');
    if (!button || !row) return;
    const item = this.#items[this.#rows().indexOf(row as HTMLLIElement)];
    if (!item) return;
    if (button.classList.contains('row-copy')) this.#options.copy(item.copyText, item.code);
    else void this.#toggle(row as HTMLLIElement);
  }

  #onKey(event: KeyboardEvent): void {
    const rows = this.#rows();
    const move = (index: number) => {
      event.preventDefault();
      this.#setActive(Math.max(0, Math.min(rows.length - 1, index)));
      this.focusActive();
    };
    const mod = event.ctrlKey || event.metaKey;
    if (event.key === 'ArrowDown') move(this.#active + 1);
    else if (event.key === 'ArrowUp' && this.#active === 0 && this.#options.leave) {
      event.preventDefault();
      this.#options.leave();
    } else if (event.key === 'ArrowUp') move(this.#active - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(rows.length - 1);
    else if (event.key === 'Escape' && this.#options.leave) {
      event.preventDefault();
      this.#options.leave();
    } else if (mod && event.key.toLowerCase() === 'c' && !hasSelection(this.#list.ownerDocument)) {
      event.preventDefault();
      this.copyActive();
    } else if (event.key.length === 1 && !mod && !event.altKey && event.key !== ' ' && this.#options.typeAhead) {
      this.#options.typeAhead();
    }
  }

  async #toggle(row: HTMLLIElement, open?: boolean): Promise<void> {
    const button = row.querySelector<HTMLButtonElement>('.row-main')!;
    const detail = row.querySelector<HTMLElement>('.row-detail')!;
    const expand = open ?? button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(expand));
    detail.hidden = !expand;
    if (!expand || detail.childElementCount > 0) return;
    const code = row.dataset.code!;
    try {
      // No level: the worker answers at the level the user chose in the options.
      const asOf = this.#options.asOf?.();
      const model = await sendToBackground('lookupCodes', { items: [{ code }], ...(asOf ? { asOf } : {}) });
      detail.replaceChildren(renderDetail(row.ownerDocument, model));
    } catch (error) {
      detail.replaceChildren(el(row.ownerDocument, 'p', 'error', (error as Error).message));
    }
  }
}

function renderRow(doc: Document, item: RowItem, active: boolean): HTMLLIElement {
  const tabIndex = active ? 0 : -1;
  const main = el(
    doc,
    'button',
    'row-main',
    el(doc, 'span', 'row-code hl-code', item.code),
    item.count !== undefined ? el(doc, 'span', 'row-count', `×${item.count}`) : null,
    el(doc, 'span', 'row-text', item.tag ? el(doc, 'span', 'row-tag', item.tag) : null, item.text),
    item.badge ? el(doc, 'span', `hl-badge hl-badge-${item.badge.kind}`, item.badge.label) : null,
  ) as HTMLButtonElement;
  main.type = 'button';
  main.tabIndex = tabIndex;
  main.setAttribute('aria-expanded', 'false');
  const copy = el(doc, 'button', 'row-copy icon-button', copyIcon(doc)) as HTMLButtonElement;
  copy.type = 'button';
  copy.tabIndex = tabIndex;
  copy.title = 'Copy code and description';
  copy.setAttribute('aria-label', `Copy ${item.code} and its description`);
  const detail = el(doc, 'div', 'row-detail');
  detail.hidden = true;
  const row = el(doc, 'li', `row${active ? ' is-active' : ''}${item.badge?.kind === 'terminated' ? ' is-terminated' : ''}`, main, copy, detail) as HTMLLIElement;
  row.dataset.code = item.code;
  return row;
}

function copyIcon(doc: Document): SVGSVGElement {
  const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', 'M5 1h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-1v-1.5h1a.5.5 0 0 0 .5-.5V3a.5.5 0 0 0-.5-.5H5a.5.5 0 0 0-.5.5v1H3V3a2 2 0 0 1 2-2ZM3 5h7a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2Zm0 1.5a.5.5 0 0 0-.5.5v6a.5.5 0 0 0 .5.5h7a.5.5 0 0 0 .5-.5V7a.5.5 0 0 0-.5-.5H3Z');
  svg.append(path);
  return svg;
}

function hasSelection(doc: Document): boolean {
  return (doc.getSelection()?.toString() ?? '') !== '';
}
