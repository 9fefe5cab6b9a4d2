/**
 * Where each field of the fixed-width edition sits, as the bundled release's
 * record layout gives it. `npm run data:build` writes it beside the dataset
 * (data/hcpcs-layout.json); with the bundled dataset's code tables it is the
 * layout the extension "already has", for a release file loaded without its
 * own layout (convert-file.ts).
 */
import type { DatasetMeta } from '../../src/hcpcs/dataset';
import { LAYOUT_FIELD_KEYS, type LayoutKey } from './layout-fields';
import type { FieldPosition, RecordLayout } from './record-layout';
import { ReleaseError } from './release-error';

export interface LayoutPositions {
  file: string;
  recordLength: number;
  fields: Record<LayoutKey, FieldPosition>;
}

export function positionsOf(layout: RecordLayout): LayoutPositions {
  const fields = {} as Record<LayoutKey, FieldPosition>;
  for (const key of Object.values(LAYOUT_FIELD_KEYS)) fields[key] = layout.fields[key];
  return { file: layout.file, recordLength: layout.recordLength, fields };
}

/** The layout rebuilt from its positions and a dataset's tables and field help; checks what it reads. */
export function layoutFrom(value: unknown, meta: DatasetMeta): RecordLayout {
  const bad = () => new ReleaseError('hcpcs-layout.json', undefined, 'the extension’s own record layout is damaged; reinstall the extension');
  if (typeof value !== 'object' || value === null) throw bad();
  const p = value as Partial<LayoutPositions>;
  if (typeof p.file !== 'string' || !Number.isInteger(p.recordLength) || typeof p.fields !== 'object' || p.fields === null) throw bad();
  for (const key of Object.values(LAYOUT_FIELD_KEYS)) {
    const f = (p.fields as Partial<Record<LayoutKey, FieldPosition>>)[key];
    if (!f || f.key !== key || ![f.begin, f.width, f.occurs].every((n) => Number.isInteger(n) && n > 0)) throw bad();
  }
  return { file: p.file, recordLength: p.recordLength!, fields: p.fields as Record<LayoutKey, FieldPosition>, help: meta.fieldHelp as RecordLayout['help'], tables: meta.tables };
}
