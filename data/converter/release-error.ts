/**
 * A release file the converter refuses. The message names the file, the line
 * or row, and the field, so whoever updates the dataset can find the fault.
 */
export class ReleaseError extends Error {
  override name = 'ReleaseError';
  constructor(
    readonly file: string,
    readonly where: string | undefined,
    readonly problem: string,
  ) {
    super(where ? `${file}, ${where}: ${problem}` : `${file}: ${problem}`);
  }
}

/** A value the converter keeps but the layout's code tables do not explain. */
export interface ReleaseWarning {
  where: string;
  message: string;
}

/** One line per distinct warning, so a release with one odd value everywhere is still readable. */
export function summariseWarnings(warnings: readonly ReleaseWarning[]): string[] {
  const byMessage = new Map<string, string[]>();
  for (const w of warnings) byMessage.set(w.message, [...(byMessage.get(w.message) ?? []), w.where]);
  return [...byMessage].map(([message, where]) =>
    where.length === 1 ? `${where[0]}: ${message}` : `${message} (${where.length} records, first ${where[0]})`,
  );
}
