import type { LayoutKey } from './layout-fields';

/**
 * One line of a release as the readers hand it on: a fixed-width text line or
 * an Excel row, with each field's values (repeating fields as several values),
 * blank padding removed.
 */
export interface SourceLine {
  /** "line 3796" or "row 3797": where an error message should point. */
  where: string;
  values: Readonly<Partial<Record<LayoutKey, readonly string[]>>>;
}

export function first(line: SourceLine, key: LayoutKey): string {
  return line.values[key]?.[0] ?? '';
}
