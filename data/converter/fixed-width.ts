/**
 * Reads CMS's fixed-width edition (HCPCyyyy_<QTR>_ANWEB*.txt): one 320-column
 * line per record line, field positions as the record layout gives them.
 */
import type { RecordLayout } from './record-layout';
import { ReleaseError } from './release-error';
import type { SourceLine } from './source-line';
import type { LayoutKey } from './layout-fields';

/** Fields a continuation line (record id 4 or 8) carries; CMS leaves the rest blank. */
const CONTINUATION_FIELDS: readonly LayoutKey[] = ['code', 'sequence', 'recordId', 'long'];

export function readFixedWidth(file: string, text: string, layout: RecordLayout): SourceLine[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const out: SourceLine[] = [];
  const recordIdAt = layout.fields.recordId.begin - 1;
  const lastFieldEnd = Math.max(...Object.values(layout.fields).map((f) => f.begin - 1 + f.width * f.occurs));
  lines.forEach((line, index) => {
    const where = `line ${index + 1}`;
    if (line.trim() === '') return; // the trailer line and the final line break
    const extra = line.slice(layout.recordLength);
    if (extra.trim() !== '') {
      throw new ReleaseError(file, where, `text past column ${layout.recordLength} ("${extra.trim().slice(0, 20)}")`);
    }
    const recordId = line.charAt(recordIdAt);
    const continuation = recordId === '4' || recordId === '8';
    const keys = continuation ? CONTINUATION_FIELDS : (Object.keys(layout.fields) as LayoutKey[]);
    const needed = continuation ? layout.fields.recordId.begin : lastFieldEnd;
    if (line.length < needed) {
      const cut = keys.map((k) => layout.fields[k]).find((f) => line.length < f.begin - 1 + f.width * f.occurs);
      const span = cut ? `${cut.key}, columns ${cut.begin}-${cut.begin - 1 + cut.width * cut.occurs}, is cut off` : 'the record id is missing';
      throw new ReleaseError(file, where, `line is ${line.length} columns, too short for its fields (${span})`);
    }
    const values: Partial<Record<LayoutKey, string[]>> = {};
    for (const key of keys) {
      const field = layout.fields[key];
      const occurrences: string[] = [];
      for (let i = 0; i < field.occurs; i++) {
        const start = field.begin - 1 + i * field.width;
        const text = line.slice(start, start + field.width);
        // Trailing blanks are padding; a leading blank on a description piece is
        // CMS's own (its Excel edition shows the same double blank at the join).
        occurrences.push(key === 'long' ? text.trimEnd() : text.trim());
      }
      values[key] = occurrences;
    }
    out.push({ where, values });
  });
  return out;
}
