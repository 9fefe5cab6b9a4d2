/** The benchmark table: one line per figure, its budget and the verdict. */
import { verdict, type Figure } from './figure';
import type { Machine } from './machine';

function format(value: number | undefined, unit: Figure['unit']): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  // Decimal units, as the budgets are stated (2 MB, 400 KB, 50 KB).
  if (unit === 'bytes') return value >= 1e6 ? `${(value / 1e6).toFixed(2)} MB` : value >= 1e3 ? `${(value / 1e3).toFixed(1)} KB` : `${value} B`;
  if (unit === 'x') return `${value.toFixed(value < 10 ? 2 : 1)}×`;
  const digits = Math.abs(value) < 1 ? 3 : Math.abs(value) < 10 ? 2 : 1;
  return `${value.toFixed(digits)} ${unit}`;
}

export function describeBudget(f: Figure): string {
  if (!f.budget) return '';
  const op = (f.budget.direction ?? 'at-most') === 'at-most' ? '≤' : '≥';
  const stat = f.budget.stat === 'value' ? '' : `${f.budget.stat} `;
  return `${stat}${op} ${format(f.budget.limit, f.unit)}`;
}

function cells(f: Figure, quick: boolean): string[] {
  return [
    f.suite,
    f.name,
    f.summary ? format(f.summary.median, f.unit) : format(f.value, f.unit),
    f.summary ? `${format(f.summary.p95, f.unit)} (${format(f.summary.min, f.unit)}–${format(f.summary.max, f.unit)}, n=${f.summary.runs})` : '',
    describeBudget(f),
    quick ? '' : verdict(f) === 'info' ? '' : verdict(f),
    f.note ?? '',
  ];
}

export function printTable(figures: readonly Figure[], quick: boolean): void {
  const rows = figures.map((f) => cells(f, quick));
  const header = ['suite', 'figure', 'median / value', 'p95 (min–max, runs)', 'budget', 'verdict', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

/** The README's Performance block: the same table in Markdown, with the machine and the date. */
export function markdownTable(figures: readonly Figure[], machine: Machine, date: Date, seconds: number): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  const rows = figures.map((f) => cells(f, false).map(escape));
  return [
    `Measured by \`npm run bench\` on ${date.toISOString().slice(0, 10)} (${seconds} s): ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, ${machine.chromium}, node ${machine.node}.`,
    '',
    '| suite | figure | median / value | p95 (min–max, runs) | budget | verdict | note |',
    '|---|---|--:|---|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}
