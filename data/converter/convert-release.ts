/** CMS release files → the dataset the extension bundles. */
import { createHash } from 'node:crypto';
import type { Dataset } from '../../src/hcpcs/dataset';
import type { HcpcsRecord } from '../../src/hcpcs/record';
import { assembleRecords } from './assemble-records';
import { readExcel } from './excel';
import { readFixedWidth } from './fixed-width';
import { parseProcessingNotes } from './processing-notes';
import { parseRecordLayout } from './record-layout';
import type { ReleaseWarning } from './release-error';
import type { ReleaseFiles, SourceFile } from './release-files';
import type { SourceLine } from './source-line';

export interface Conversion {
  dataset: Dataset;
  warnings: ReleaseWarning[];
}

/** CMS files are ASCII; latin1 keeps one byte one column even if a stray byte is not. */
function text(file: SourceFile): string {
  return Buffer.from(file.bytes).toString('latin1');
}

export async function convertRelease(files: ReleaseFiles): Promise<Conversion> {
  const layout = parseRecordLayout(files.layout.name, text(files.layout));
  const { data } = files;
  const lines: SourceLine[] = /\.xlsx$/i.test(data.name)
    ? await readExcel(data.name, data.bytes)
    : readFixedWidth(data.name, text(data), layout);
  const { records, warnings } = assembleRecords(data.name, lines, layout.tables);
  const notes = files.notes ? parseProcessingNotes(files.notes.name, text(files.notes)) : {};
  if (files.notes) {
    for (const r of records) {
      if (r.processingNote && notes[r.processingNote] === undefined) {
        warnings.push({ where: r.code, message: `processing note ${r.processingNote} is not in ${files.notes.name}` });
      }
    }
  }
  const { sequence: _s, recordId: _r, ...help } = layout.help;
  const modifiers = records.filter((r) => r.kind === 'modifier').length;
  const dataset: Dataset = {
    release: {
      year: files.year,
      quarter: files.quarter,
      effective: `${files.year}-${String((files.quarter - 1) * 3 + 1).padStart(2, '0')}-01`,
      sourceFile: data.name,
      sourceSha256: createHash('sha256').update(data.bytes).digest('hex'),
      layoutFile: files.layout.name,
      notesFile: files.notes?.name ?? '',
      codes: records.length - modifiers,
      modifiers,
    },
    tables: layout.tables,
    fieldHelp: help as Partial<Record<keyof HcpcsRecord, string>>,
    notes,
    records,
  };
  return { dataset, warnings };
}
