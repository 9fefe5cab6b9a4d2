/**
 * What the page says about a piece of text: the header of its table column
 * (or ARIA grid column), the header of its row in a key/value table, the term
 * of a definition list, the label of a form field. The meaning of a
 * code-shaped value depends on it (J1100 under "Dx" is a diagnosis).
 */
import { fieldRole, readIsaSeparators, type FieldRole, type X12Separators } from '../../hcpcs/code-pipeline';
import { CELL, cellAround } from './stand-in-cells';

const labelText = (el: Element | null | undefined) => (el ? `${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`.trim().slice(0, 80) : '');

/** Remembers header roles per table during one scan of a page (marking, listing). */
export type HeaderCache = Map<Element, Map<number, FieldRole | undefined>>;

export function roleOfText(node: Node, cache?: HeaderCache): FieldRole | undefined {
  const el = node.parentElement;
  if (!el) return undefined;
  const cell = cellAround(el);
  if (cell) {
    const role = columnRole(cell, cache);
    if (role) return role;
    return rowHeaderRole(cell);
  }
  const dd = el.closest('dd');
  if (dd) {
    let dt = dd.previousElementSibling;
    while (dt && dt.tagName !== 'DT') dt = dt.previousElementSibling;
    return fieldRole(labelText(dt));
  }
  return undefined;
}

/** The role of a form field, from its label(s), aria-label(ledby), placeholder, title, name or id. */
export function roleOfField(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): FieldRole | undefined {
  const labels = [...(el.labels ?? [])].map((l) => labelText(l));
  const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => labelText(el.ownerDocument.getElementById(id)));
  const placeholder = el instanceof HTMLSelectElement ? '' : el.placeholder;
  for (const text of [...labels, el.getAttribute('aria-label'), ...labelledBy, placeholder, el.title, el.name, el.id]) {
    const role = fieldRole(text);
    if (role) return role;
  }
  const cell = el.closest(CELL);
  return cell ? columnRole(cell) : undefined;
}

/** The column index of a cell, counting colspans, and the table or grid it belongs to. */
function columnOf(cell: Element): { table: Element; index: number } | undefined {
  const aria = cell.getAttribute('aria-colindex');
  const grid = cell.closest('[role="grid"], [role="treegrid"], [role="table"], table');
  if (!grid) return undefined;
  if (aria !== null) return { table: grid, index: Number(aria) };
  if (cell instanceof HTMLTableCellElement) {
    let index = 0;
    for (let c = cell.previousElementSibling; c; c = c.previousElementSibling) index += c instanceof HTMLTableCellElement ? c.colSpan : 1;
    return { table: grid, index };
  }
  const row = cell.parentElement;
  return row ? { table: grid, index: [...row.children].indexOf(cell) } : undefined;
}

function columnRole(cell: Element, cache?: HeaderCache): FieldRole | undefined {
  const column = columnOf(cell);
  if (!column) return undefined;
  const cached = cache?.get(column.table);
  if (cached?.has(column.index)) return cached.get(column.index);
  const role = fieldRole(labelText(headerCell(column.table, column.index, cell.getAttribute('aria-colindex') !== null)));
  if (cache) {
    if (!cached) cache.set(column.table, new Map([[column.index, role]]));
    else cached.set(column.index, role);
  }
  return role;
}

function headerCell(table: Element, index: number, byAria: boolean): Element | undefined {
  if (byAria) return table.querySelector(`[role="columnheader"][aria-colindex="${index}"]`) ?? undefined;
  if (table instanceof HTMLTableElement) {
    // The last header row names the columns (a first row may group them).
    // Only header rows are read: a 200,000-row table without <thead> has one
    // (its first row, if it holds <th>), and its other rows are never copied.
    const head = table.tHead;
    const first = table.rows[0];
    const row = head && head.rows.length > 0 ? head.rows[head.rows.length - 1] : first?.querySelector('th') ? first : undefined;
    if (!row) return undefined;
    let at = 0;
    for (const c of row.cells) {
      if (index < at + c.colSpan) return c;
      at += c.colSpan;
    }
    return undefined;
  }
  const headers = table.querySelectorAll('[role="columnheader"]');
  return headers[index] ?? undefined;
}

/** A key/value table: `<tr><th>Diagnosis</th><td>J1100</td></tr>`. */
function rowHeaderRole(cell: Element): FieldRole | undefined {
  const first = cell.parentElement?.firstElementChild;
  if (!first || first === cell || !(first.tagName === 'TH' || first.getAttribute('role') === 'rowheader')) return undefined;
  return fieldRole(labelText(first));
}

/** Modifiers in the modifier columns of a cell's row ("Mod 1", "Mod 2" …), for the code in that row. */
export function rowModifiers(node: Node, cache?: HeaderCache): string[] {
  const cell = node.parentElement?.closest(CELL);
  const row = cell?.parentElement;
  if (!cell || !row || columnRole(cell, cache) !== 'code') return [];
  const out: string[] = [];
  for (const other of row.children) {
    if (other === cell || !other.matches(CELL) || columnRole(other, cache) !== 'modifier') continue;
    for (const m of (other.textContent ?? '').matchAll(/\b[A-Z0-9]{2}\b/g)) out.push(m[0]);
  }
  return out.slice(0, 8);
}

/**
 * Separators of the X12 interchange a text node belongs to: an EDI viewer's
 * `<pre>` (or its container) starts with the ISA segment. Reads at most the
 * first few kilobytes of text, whatever the size of the file shown.
 */
export function x12SeparatorsFor(node: Node): X12Separators | undefined {
  let el = node.parentElement;
  for (let depth = 0; el && depth < 4; depth++, el = el.parentElement) {
    const head = leadingText(el, 4096);
    if (head.includes('ISA')) return readIsaSeparators(head);
  }
  return undefined;
}

function leadingText(el: Element, max: number): string {
  const w = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let n = w.nextNode(); n && text.length < max; n = w.nextNode()) text += (n as Text).data.slice(0, max - text.length);
  return text;
}
