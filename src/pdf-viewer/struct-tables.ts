/**
 * The tables of a page's structure tree, as pdf.js hands it over
 * (`page.getStructTree()`): Table → (THead | TBody | TFoot →) TR → TH | TD,
 * each cell with the marked-content ids of its text. pdf.js gives a cell
 * only the ids of text on the page asked about, so a row with none (a line
 * of the same table on another page) is left out. The tree comes from the
 * file, so it is read as unknown and bounded: nodes visited, depth, tables,
 * rows, cells and ids each have a ceiling, a node seen twice is not read
 * again, and anything of the wrong shape is skipped. Role names are the
 * standard ones; pdf.js has already applied the file's role map.
 */

export interface StructCell {
  header: boolean;
  colSpan: number;
  rowSpan: number;
  /** The ids of the marked content holding the cell's text, as pdf.js's text layer names its groups. */
  ids: string[];
}

export interface StructRow {
  /** In the table's THead. */
  head: boolean;
  cells: StructCell[];
}

export interface StructTable {
  rows: StructRow[];
}

/**
 * Steps of reading one page's tree, all tables together (a node or an id
 * read, a node queued). pdf.js hands each page the whole of a table that runs
 * over many pages, every row of it, with only this page's text in its cells:
 * a 20,000-line remittance of six columns is some 150,000 steps.
 */
const MAX_WORK = 1_000_000;
/** pdf.js stops at 40 levels; this does not rely on it. */
const MAX_DEPTH = 64;
const MAX_TABLES = 100;
/** Rows with text on this page: a page holds a few dozen. */
const MAX_ROWS = 2_000;
/** As many columns as the table reader looks at (content/service-date/table-service-date.ts). */
const MAX_CELLS = 64;
const MAX_IDS = 200;
const MAX_SPAN = 64;

interface Node {
  role: string;
  children: unknown[];
  colSpan?: unknown;
  rowSpan?: unknown;
}

function asNode(value: unknown): Node | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { role, children } = value as { role?: unknown; children?: unknown };
  return typeof role === 'string' && Array.isArray(children) ? (value as Node) : undefined;
}

function contentId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, id } = value as { type?: unknown; id?: unknown };
  return type === 'content' && typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : undefined;
}

const span = (value: unknown) => (Number.isInteger(value) && (value as number) > 1 ? Math.min(value as number, MAX_SPAN) : 1);

/** The tables of the tree, in reading order; a table inside a cell is a table of its own. */
export function structTables(tree: unknown): StructTable[] {
  const tables: StructTable[] = [];
  let work = MAX_WORK;
  /** Each node is read once: a tree that points back into itself reads nothing twice. */
  const read = new Set<object>();
  const take = (value: unknown): Node | undefined => {
    const node = work > 0 ? asNode(value) : undefined;
    if (!node || read.has(node)) return undefined;
    read.add(node);
    work--;
    return node;
  };
  /** Nodes still to read for tables, with their depth: the tree's top, then tables found in cells. */
  const stack: [unknown, number][] = [[tree, 0]];

  const idsOf = (node: Node, depth: number, into: string[]): void => {
    for (const child of node.children) {
      if (into.length >= MAX_IDS || work-- <= 0) return;
      const id = contentId(child);
      const inner = id ? undefined : asNode(child);
      if (id) into.push(id);
      // A table in a cell keeps its own text: it is read as a table of its own.
      else if (inner?.role === 'Table') stack.push([inner, depth + 1]);
      else if (inner && depth < MAX_DEPTH && !read.has(inner)) {
        read.add(inner);
        idsOf(inner, depth + 1, into);
      }
    }
  };

  const rowOf = (tr: Node, head: boolean, depth: number): StructRow => {
    const cells: StructCell[] = [];
    for (const child of tr.children) {
      if (cells.length >= MAX_CELLS || work <= 0) break;
      const cell = take(child);
      if (!cell || (cell.role !== 'TH' && cell.role !== 'TD')) continue;
      const ids: string[] = [];
      idsOf(cell, depth + 1, ids);
      cells.push({ header: cell.role === 'TH', colSpan: span(cell.colSpan), rowSpan: span(cell.rowSpan), ids });
    }
    return { head, cells };
  };

  const tableOf = (table: Node, depth: number): StructTable => {
    const rows: StructRow[] = [];
    /** Reads a row; false once no more rows can be read. */
    const addRow = (value: unknown, head: boolean): boolean => {
      if (rows.length >= MAX_ROWS || work <= 0) return false;
      const tr = asNode(value)?.role === 'TR' ? take(value) : undefined;
      const row = tr && rowOf(tr, head, depth + 2);
      if (row?.cells.some((c) => c.ids.length > 0)) rows.push(row);
      return true;
    };
    for (const child of table.children) {
      const role = asNode(child)?.role;
      if (role === 'THead' || role === 'TBody' || role === 'TFoot') {
        for (const tr of take(child)?.children ?? []) if (!addRow(tr, role === 'THead')) break;
      } else if (!addRow(child, false)) break;
    }
    return { rows };
  };

  // Depth first, in reading order: tables sit under sections and parts, and in other tables' cells.
  while (stack.length > 0 && tables.length < MAX_TABLES && work > 0) {
    const [value, depth] = stack.pop()!;
    const node = depth <= MAX_DEPTH ? take(value) : undefined;
    if (!node) continue;
    if (node.role === 'Table') {
      const table = tableOf(node, depth);
      if (table.rows.length > 0) tables.push(table);
      continue;
    }
    for (let i = Math.min(node.children.length, work) - 1; i >= 0; i--, work--) stack.push([node.children[i], depth + 1]);
  }
  return tables;
}
