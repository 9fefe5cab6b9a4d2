/**
 * The date of service of a table row: the row's cell under a header that
 * names a date of service (or the From and To cells of a period). Headers
 * may span two rows ("Dates of Service" over "From" | "To"); ARIA grids of
 * divs name their columns with role="columnheader". Reads the header rows
 * (once per table when a cache is given) and the one row asked about.
 */
import { columnPlan, dateColumnKind, type ColumnPlan } from '../../hcpcs/service-date-columns';

const TABLE = 'table, [role="grid"], [role="treegrid"], [role="table"]';
/** Header rows looked at: a grouping row over the column names, rarely a third. */
const MAX_HEADER_ROWS = 3;
const MAX_COLUMNS = 64;

/** How a table's cells are numbered: by position counting colspans, or by aria-colindex. */
interface TablePlan {
  plan: ColumnPlan;
  byAria: boolean;
}

/** Plans per table, for one pass of marking (header roles are read once per table). */
export type PlanCache = WeakMap<Element, TablePlan | null>;

/** The cell text(s) holding the row's date of service: one for a date, two for a From/To period. */
export function rowDateCells(cell: Element, cache?: PlanCache): { texts: string[]; period: boolean } | undefined {
  const table = cell.closest(TABLE);
  const row = cell.closest('tr, [role="row"]');
  if (!table || !row || row.closest(TABLE) !== table) return undefined;
  let plan = cache?.get(table);
  if (plan === undefined) {
    plan = planOf(table) ?? null;
    cache?.set(table, plan);
  }
  if (!plan || isHeaderRow(row)) return undefined;
  const at = (column: number) => {
    const c = plan.byAria ? ariaCell(row, column) : cellAt(row, column);
    return c === undefined ? undefined : cellValue(c);
  };
  const { plan: p } = plan;
  if (p.kind === 'single') {
    const text = at(p.column);
    return text === undefined ? undefined : { texts: [text], period: false };
  }
  const from = at(p.from);
  const to = at(p.to);
  return from === undefined || to === undefined ? undefined : { texts: [from, to], period: true };
}

function planOf(table: Element): TablePlan | undefined {
  if (table instanceof HTMLTableElement) {
    const labels = htmlHeaderLabels(table);
    const plan = labels && columnPlan(labels.map(dateColumnKind));
    return plan ? { plan, byAria: false } : undefined;
  }
  const headers = [...table.querySelectorAll('[role="columnheader"]')].slice(0, MAX_COLUMNS * MAX_HEADER_ROWS);
  if (headers.length === 0) return undefined;
  const byAria = headers.every((h) => h.hasAttribute('aria-colindex'));
  const labels: string[] = [];
  for (const h of headers) {
    // Without aria-colindex, a spanning group header covers the columns under it.
    const index = byAria ? Number(h.getAttribute('aria-colindex')) : positionWithSpans(h);
    const span = Math.max(1, Math.min(MAX_COLUMNS, Number(h.getAttribute('aria-colspan')) || 1));
    for (let i = index; i < index + span && i < MAX_COLUMNS * 2; i++) labels[i] = `${labels[i] ?? ''} ${labelOf(h)}`.trim();
  }
  const plan = columnPlan(Array.from(labels, (l) => dateColumnKind(l)));
  return plan ? { plan, byAria } : undefined;
}

function positionWithSpans(cell: Element): number {
  let index = 0;
  for (let c = cell.previousElementSibling; c; c = c.previousElementSibling) index += Math.max(1, Number(c.getAttribute('aria-colspan')) || 1);
  return index;
}

/** Each column's header text, the rows of a two-row header joined ("Dates of Service From"). */
function htmlHeaderLabels(table: HTMLTableElement): string[] | undefined {
  const rows = table.tHead?.rows.length ? [...table.tHead.rows] : leadingHeaderRows(table);
  if (rows.length === 0) return undefined;
  const grid: string[][] = [];
  rows.slice(0, MAX_HEADER_ROWS).forEach((row, r) => {
    grid[r] ??= [];
    let col = 0;
    for (const cell of row.cells) {
      while (grid[r]![col] !== undefined) col++;
      for (let dr = 0; dr < Math.min(cell.rowSpan || 1, MAX_HEADER_ROWS - r); dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cell.colSpan && col + dc < MAX_COLUMNS; dc++) grid[r + dr]![col + dc] = dr === 0 ? labelOf(cell) : '';
      }
      col += cell.colSpan;
    }
  });
  const width = Math.max(...grid.map((g) => g.length));
  return Array.from({ length: width }, (_, c) => grid.map((g) => g[c] ?? '').filter(Boolean).join(' '));
}

/** A table without <thead>: its first rows made only of <th> cells. */
function leadingHeaderRows(table: HTMLTableElement): HTMLTableRowElement[] {
  const out: HTMLTableRowElement[] = [];
  for (const row of [...table.rows].slice(0, MAX_HEADER_ROWS)) {
    if (row.cells.length === 0 || ![...row.cells].every((c) => c.tagName === 'TH')) break;
    out.push(row);
  }
  return out;
}

function isHeaderRow(row: Element): boolean {
  if (row instanceof HTMLTableRowElement) return row.parentElement?.tagName === 'THEAD' || [...row.cells].every((c) => c.tagName === 'TH');
  return row.querySelector('[role="columnheader"]') !== null;
}

/** The cell of an HTML row covering column `index`, counting colspans. */
function cellAt(row: Element, index: number): Element | undefined {
  if (!(row instanceof HTMLTableRowElement)) return row.children[index];
  let at = 0;
  for (const c of row.cells) {
    if (index < at + c.colSpan) return at === index && c.colSpan === 1 ? c : undefined;
    at += c.colSpan;
  }
  return undefined;
}

function ariaCell(row: Element, index: number): Element | undefined {
  for (const c of row.children) if (c.getAttribute('aria-colindex') === String(index)) return c;
  return undefined;
}

function labelOf(el: Element): string {
  return (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 80);
}

/** What a cell shows: its text, or the value of the field in it (an editable grid). */
function cellValue(cell: Element): string {
  const field = cell.querySelector('input, select');
  if (field instanceof HTMLInputElement && field.type !== 'password') return field.value.slice(0, 60);
  if (field instanceof HTMLSelectElement) return (field.selectedOptions[0]?.text ?? '').slice(0, 60);
  return (cell.textContent ?? '').slice(0, 60);
}
