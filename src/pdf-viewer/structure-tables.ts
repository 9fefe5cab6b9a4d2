/**
 * A tagged PDF's tables, given to the date-of-service check. A text layer
 * has no rows or columns, but a PDF written with table tags (many generated
 * remittances and fee schedules are) says which text is which cell. Each
 * table of the page's structure tree (struct-tables.ts) is built as a
 * detached <table>: header cells as <th>, the cells' text read from the
 * text layer's marked-content groups that pdf.js names by the same ids. Each
 * run of the text layer in a cell gets that cell as its stand-in
 * (content/finding/stand-in-cells.ts), so the web page's table readers find
 * the run's row and the table's header unchanged: its date of service, and
 * the column's role (a code billed in the HCPCS column). Text outside any
 * tagged table has no stand-in: the check stays silent there, as it does
 * for untagged PDFs. Never put in the document: nothing is shown, selected,
 * found or read aloud twice.
 */
import { setStandInCell } from '../content/finding/stand-in-cells';
import { structTables, type StructTable } from './struct-tables';

/** Levels of marked content looked through from a run to the group a cell owns. */
const MAX_NESTING = 16;
/** A cell's text kept: the table reader reads 60 characters of a cell and 80 of a header. */
const MAX_CELL_TEXT = 200;

/**
 * Links the runs of a drawn text layer (before text-layer-order.ts takes them
 * out of their marked-content groups) to the tables of the page's structure
 * tree. Returns the number of tables built; a tree of any shape gives 0 rather than an error.
 */
export function linkStructureTables(layer: HTMLElement, tree: unknown): number {
  const tables = structTables(tree);
  if (tables.length === 0) return 0;
  const doc = layer.ownerDocument;
  const cellOfId = new Map<string, HTMLTableCellElement>();
  for (const t of tables) buildTable(doc, t, cellOfId);
  const texts = new Map<HTMLTableCellElement, string[]>();
  for (const run of layer.querySelectorAll<HTMLElement>('.markedContent span:not(.markedContent)')) {
    const cell = owningCell(run, layer, cellOfId);
    if (!cell) continue;
    setStandInCell(run, cell);
    const list = texts.get(cell);
    if (list) list.push(run.textContent ?? '');
    else texts.set(cell, [run.textContent ?? '']);
  }
  // The runs in the file's order, which within one cell is the order it was written in.
  for (const [cell, parts] of texts) cell.textContent = parts.join(' ').replace(/\s+/g, ' ').trim().slice(0, MAX_CELL_TEXT);
  return tables.length;
}

function buildTable(doc: Document, t: StructTable, cellOfId: Map<string, HTMLTableCellElement>): void {
  const table = doc.createElement('table');
  const head = t.rows.some((r) => r.head) ? table.createTHead() : undefined;
  const body = table.createTBody();
  for (const r of t.rows) {
    const tr = (r.head ? head! : body).insertRow();
    for (const c of r.cells) {
      const cell = doc.createElement(c.header ? 'th' : 'td');
      cell.colSpan = c.colSpan;
      cell.rowSpan = c.rowSpan;
      tr.append(cell);
      for (const id of c.ids) if (!cellOfId.has(id)) cellOfId.set(id, cell);
    }
  }
}

/** The cell owning the innermost marked-content group around a run that any cell owns. */
function owningCell(run: HTMLElement, layer: HTMLElement, cellOfId: Map<string, HTMLTableCellElement>): HTMLTableCellElement | undefined {
  let group = run.parentElement;
  for (let level = 0; group && group !== layer && level < MAX_NESTING; level++, group = group.parentElement) {
    const cell = group.id ? cellOfId.get(group.id) : undefined;
    if (cell) return cell;
  }
  return undefined;
}
