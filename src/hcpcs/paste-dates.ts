/**
 * A pasted list with a date column: "code<TAB>date", "code,date", or a
 * spreadsheet range with a header row (HCPCS | Mod | DOS …, or From | To).
 * Each code keeps its own date of service, so the popup can say whether it
 * was valid on that day. Text with no date column is an ordinary pasted
 * list (paste-list.ts).
 */
import { fieldRole } from './field-role';
import { parsePastedList, type PastedCode } from './paste-list';
import type { ServiceDate } from './service-date';
import { columnPlan, dateColumnKind, type ColumnPlan } from './service-date-columns';
import { parseDateText } from './service-date-parse';

export interface DatedCode extends PastedCode {
  /** The code's date of service; absent when its row gives none (empty, N/A). */
  service?: ServiceDate;
}

export interface DatedList {
  entries: DatedCode[];
  /** Rows with no code, as typed (at most 20). */
  ignored: string[];
  truncated: boolean;
}

const MAX_IGNORED = 20;

/** The list with each code's date, or undefined when the text has no date column. */
export function parseDatedList(text: string, today: string, max = 500): DatedList | undefined {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  if (lines.length === 0) return undefined;
  const sep = lines.some((l) => l.includes('\t')) ? '\t' : lines.every((l) => l.includes(',')) ? ',' : undefined;
  if (!sep) return undefined;
  const rows = lines.map((l) => l.split(sep).map((c) => c.trim()));
  const header = readHeader(rows[0]!);
  const body = header ? rows.slice(1) : rows;
  const plan = header?.plan ?? guessPlan(body, today);
  if (!plan) return undefined;
  const codeColumn = header?.code ?? 0;
  const out: DatedList = { entries: [], ignored: [], truncated: false };
  for (const row of body) {
    const mods = (header?.modifiers ?? []).map((i) => row[i] ?? '').join(' ');
    const entry = parsePastedList(`${row[codeColumn] ?? ''} ${mods}`, 1).entries[0];
    if (!entry) {
      if (out.ignored.length < MAX_IGNORED) out.ignored.push(row.join(' ').slice(0, 40));
      continue;
    }
    if (out.entries.length >= max) {
      out.truncated = true;
      break;
    }
    const service = dateOf(row, plan, today);
    out.entries.push(service ? { ...entry, service } : entry);
  }
  return out;
}

/** A header row: no code in it, and a date-of-service column (or a From/To pair). */
function readHeader(cells: string[]): { plan: ColumnPlan; code: number; modifiers: number[] } | undefined {
  if (parsePastedList(cells.join(' '), 1).entries.some((e) => e.code.length === 5)) return undefined;
  const plan = columnPlan(cells.map(dateColumnKind));
  if (!plan) return undefined;
  const roles = cells.map((c) => fieldRole(c));
  const code = roles.indexOf('code');
  return { plan, code: code < 0 ? 0 : code, modifiers: roles.flatMap((r, i) => (r === 'modifier' ? [i] : [])) };
}

/** Without a header: the code first, and one other column that holds dates in every row that has one. */
function guessPlan(rows: string[][], today: string): ColumnPlan | undefined {
  const width = Math.max(...rows.map((r) => r.length));
  const dateColumns: number[] = [];
  for (let c = 1; c < width; c++) {
    const values = rows.map((r) => (r[c] ?? '').trim()).filter(Boolean);
    if (values.length > 0 && values.every((v) => parseDateText(v, today) !== undefined)) dateColumns.push(c);
  }
  // Two date columns with no header saying which is which: no date at all.
  return dateColumns.length === 1 ? { kind: 'single', column: dateColumns[0]! } : undefined;
}

function dateOf(row: string[], plan: ColumnPlan, today: string): ServiceDate | undefined {
  const read = (i: number) => parseDateText(row[i] ?? '', today);
  const source = 'pasted';
  if (plan.kind === 'single') {
    const d = read(plan.column);
    if (d === undefined) return undefined;
    return d === 'not-understood' ? { source, unreadable: true } : d.to ? { source, from: d.from, to: d.to } : { source, from: d.from };
  }
  const from = read(plan.from);
  const to = read(plan.to);
  if (from === undefined) return undefined;
  if (from === 'not-understood' || to === 'not-understood' || from.to || to?.to || (to && to.from < from.from)) return { source, unreadable: true };
  return to && to.from !== from.from ? { source, from: from.from, to: to.from } : { source, from: from.from };
}
