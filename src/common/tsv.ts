/**
 * Tab-separated text for pasting into a spreadsheet. A tab or line break
 * inside a cell would shift the columns, so each becomes a space.
 */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => cell.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n');
}
