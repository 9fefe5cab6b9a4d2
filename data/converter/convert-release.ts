/**
 * CMS release files → the dataset the extension bundles. One converter for
 * `npm run data:build` (node) and the options page's import (a browser
 * worker): no node or DOM API here, only what both have.
 */
import { sha256Hex } from '../../src/common/sha256';
import type { Dataset } from '../../src/hcpcs/dataset';
import type { HcpcsRecord } from '../../src/hcpcs/record';
import { assembleRecords } from './assemble-records';
import { readExcel } from './excel';
import { readFixedWidth } from './fixed-width';
import { parseProcessingNotes } from './processing-notes';
import { parseRecordLayout, type RecordLayout } from './record-layout';
import { ReleaseError, type ReleaseWarning } from './release-error';
import type { ReleaseFiles, SourceFile } from './release-pick';
import type { SourceLine } from './source-line';

export interface Conversion {
  dataset: Dataset;
  warnings: ReleaseWarning[];
}

/**
 * What the extension already has, for a data file loaded without its layout
 * or notes: the layout and notes of the bundled release (the nearest year it
 * knows). `file` names them in the dataset and the summary.
 */
export interface KnownAids {
  layout: RecordLayout;
  notes: { file: string; notes: Readonly<Record<string, string>> } | undefined;
}

/** CMS files are ASCII; latin1 keeps one byte one column even if a stray byte is not. */
export function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

export async function convertRelease(files: ReleaseFiles, known?: KnownAids): Promise<Conversion> {
  const layout = files.layout ? parseRecordLayout(files.layout.name, latin1(files.layout.bytes)) : known?.layout;
  if (!layout) throw new ReleaseError(files.data.name, undefined, 'no record layout (HCPCyyyy_recordlayout.txt) came with this file');
  const { data } = files;
  const lines: SourceLine[] = /\.xlsx$/i.test(data.name) ? await readExcel(data.name, data.bytes) : readFixedWidth(data.name, latin1(data.bytes), layout);
  const { records, warnings } = assembleRecords(data.name, lines, layout.tables);
  if (records.length === 0) throw new ReleaseError(data.name, undefined, 'holds no HCPCS records');
  const notesFile = files.notes ? files.notes.name : files.layout ? undefined : known?.notes?.file;
  const notes = files.notes ? parseProcessingNotes(files.notes.name, latin1(files.notes.bytes)) : files.layout ? {} : { ...(known?.notes?.notes ?? {}) };
  if (notesFile) {
    for (const r of records) {
      if (r.processingNote && notes[r.processingNote] === undefined) {
        warnings.push({ where: r.code, message: `processing note ${r.processingNote} is not in ${notesFile}` });
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
      sourceSha256: await sha256Hex(data.bytes),
      layoutFile: layout.file,
      notesFile: notesFile ?? '',
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

export type { SourceFile };
