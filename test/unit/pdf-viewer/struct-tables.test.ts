import { describe, expect, it } from 'vitest';
import { structTables } from '../../../src/pdf-viewer/struct-tables';
import { DATED_COLUMNS, DATED_ROWS, datedRemittancePdf } from '../../support/pdf-table-fixtures';
import { pageOf } from '../support/pdfjs-node';

/** Each cell's text, by the marked-content ids pdf.js gives the structure tree and the text alike. */
async function cellTexts(data: Uint8Array, n = 1): Promise<string[][][]> {
  const page = await pageOf(data, n);
  const content = await page.getTextContent({ includeMarkedContent: true });
  const textOf = new Map<string, string>();
  let open: string | undefined;
  for (const item of content.items) {
    if ('type' in item && item.type === 'beginMarkedContentProps') open = item.id;
    else if ('str' in item && open && item.str) textOf.set(open, item.str);
  }
  return structTables(await page.getStructTree()).map((t) => t.rows.map((r) => r.cells.map((c) => c.ids.map((id) => textOf.get(id)).join(' '))));
}

describe('structTables on the files pdf.js reads', () => {
  it('reads a tagged remittance’s table: its header row and each line’s cells in column order, an empty cell kept in its place', async () => {
    const [table, ...more] = await cellTexts(datedRemittancePdf('table'));
    expect(more).toEqual([]);
    expect(table).toEqual([[...DATED_COLUMNS], ...DATED_ROWS.map((r) => [...r.cells])]);
    const page = await pageOf(datedRemittancePdf('table'));
    const rows = structTables(await page.getStructTree())[0]!.rows;
    expect(rows.map((r) => r.head)).toEqual([true, ...DATED_ROWS.map(() => false)]);
    expect(rows[0]!.cells.every((c) => c.header)).toBe(true);
    expect(rows[1]!.cells.some((c) => c.header)).toBe(false);
  });

  it('reads a table running over two pages on each page as the rows with text there, the header printed again on the second', async () => {
    const data = datedRemittancePdf('table', true);
    expect(await cellTexts(data, 1)).toEqual([[[...DATED_COLUMNS], ...DATED_ROWS.slice(0, 2).map((r) => [...r.cells])]]);
    expect(await cellTexts(data, 2)).toEqual([[[...DATED_COLUMNS], ...DATED_ROWS.slice(2).map((r) => [...r.cells])]]);
  });

  it('finds no table in a file tagged with paragraphs only, nor in an untagged one', async () => {
    expect(await cellTexts(datedRemittancePdf('paragraphs'))).toEqual([]);
    const untagged = await pageOf(datedRemittancePdf('none'));
    expect(await untagged.getStructTree()).toBeNull();
    expect(structTables(null)).toEqual([]);
  });
});

const content = (n: number) => ({ type: 'content', id: `p1R_mc${n}` });
const cell = (role: string, ...children: unknown[]) => ({ role, children });
const tr = (...cells: unknown[]) => ({ role: 'TR', children: cells });

describe('structTables on trees a hostile file could give', () => {
  it('skips what has the wrong shape and reads the rest', () => {
    const tree = {
      role: 'Root',
      children: [null, 7, 'Table', { role: 5, children: [] }, { role: 'Table', children: 'TR' }, { role: 'Table', children: [tr(cell('TD', content(1), { type: 'content', id: 42 }, { type: 'content', id: 'x'.repeat(500) }), cell('Figure', content(2)), { role: 'TD' })] }],
    };
    expect(structTables(tree)).toEqual([{ rows: [{ head: false, cells: [{ header: false, colSpan: 1, rowSpan: 1, ids: ['p1R_mc1'] }] }] }]);
    expect(structTables(undefined)).toEqual([]);
    expect(structTables({ role: 'Root' })).toEqual([]);
  });

  it('reads a table in a cell as a table of its own, its text not the outer cell’s', () => {
    const inner = { role: 'Table', children: [tr(cell('TD', content(3)))] };
    const tree = { role: 'Root', children: [{ role: 'Table', children: [tr(cell('TD', content(1), inner), cell('TD', content(2)))] }] };
    const tables = structTables(tree);
    expect(tables.map((t) => t.rows.map((r) => r.cells.map((c) => c.ids)))).toEqual([[[['p1R_mc1'], ['p1R_mc2']]], [[['p1R_mc3']]]]);
  });

  it('ends on a tree that points back into itself, and reads a row once', () => {
    const row: { role: string; children: unknown[] } = tr(cell('TD', content(1)));
    const table: { role: string; children: unknown[] } = { role: 'Table', children: [row, row] };
    const td = row.children[0] as { children: unknown[] };
    td.children.push(td, table);
    table.children.push(table);
    const tables = structTables({ role: 'Root', children: [table, table] });
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows).toHaveLength(1);
    expect(tables[0]!.rows[0]!.cells[0]!.ids[0]).toBe('p1R_mc1');
  });

  it('reads the last page of a 20,000-line table, which pdf.js hands over whole with only that page’s text', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => tr(...Array.from({ length: 6 }, (__, c) => (i >= 19_970 ? cell('TD', content(i * 6 + c)) : cell('TD')))));
    const header = tr(...Array.from({ length: 6 }, (_, c) => cell('TH', content(1_000_000 + c))));
    const [t] = structTables({ role: 'Root', children: [{ role: 'Table', children: [...lines.slice(0, 19_970), header, ...lines.slice(19_970)] }] });
    expect(t!.rows).toHaveLength(31);
    expect(t!.rows[0]!.cells.every((c) => c.header)).toBe(true);
    expect(t!.rows.at(-1)!.cells.at(-1)!.ids).toEqual([`p1R_mc${19_999 * 6 + 5}`]);
  });

  it('bounds a tree too deep, too wide or too long, and clamps spans', () => {
    let deep: unknown = { role: 'Table', children: [tr(cell('TD', content(1)))] };
    for (let i = 0; i < 100_000; i++) deep = { role: 'Div', children: [deep] };
    expect(structTables({ role: 'Root', children: [deep] })).toEqual([]);

    const wide = { role: 'Root', children: Array.from({ length: 300_000 }, () => ({ role: 'Table', children: [tr(cell('TD', content(1)))] })) };
    expect(structTables(wide).length).toBeLessThanOrEqual(100);

    const long = { role: 'Table', children: Array.from({ length: 5_000 }, (_, i) => tr(...Array.from({ length: 100 }, () => cell('TD', content(i))))) };
    const [t] = structTables({ role: 'Root', children: [long] });
    expect(t!.rows.length).toBeLessThanOrEqual(2_000);
    expect(Math.max(...t!.rows.map((r) => r.cells.length))).toBeLessThanOrEqual(64);

    const spans = structTables({ role: 'Table', children: [tr({ role: 'TH', children: [content(1)], colSpan: 1e9, rowSpan: -3 })] });
    expect(spans[0]!.rows[0]!.cells[0]).toMatchObject({ colSpan: 64, rowSpan: 1 });
  });
});
