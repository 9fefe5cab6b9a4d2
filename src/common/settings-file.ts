/**
 * Settings as a file the user keeps: export writes the values they changed,
 * import reads a file back through the same checks as storage, so a file
 * from an older version is migrated and a damaged one cannot set bad values.
 */
import { readSettings, type ReadResult, type StoredSettings } from './settings';

const FORMAT = 'hcpcs-lens-settings';
/** A settings file is a few kilobytes; anything far larger is not one. */
export const MAX_SETTINGS_FILE_BYTES = 256 * 1024;
const TOO_LARGE = 'This file is too large to be an HCPCS Lens settings file.';

/** Checked on the file's size before it is read: a huge file picked by mistake is never read into memory. */
export function settingsFileSizeProblem(bytes: number): string | undefined {
  return bytes > MAX_SETTINGS_FILE_BYTES ? TOO_LARGE : undefined;
}

/**
 * Whether this browser syncs is a choice made per browser, so it is neither
 * exported nor imported.
 */
const PER_BROWSER = ['syncSettings'] as const;

export function settingsFileText(stored: StoredSettings, exportedAt: Date): string {
  const changed: Record<string, unknown> = { ...stored.changed };
  for (const key of PER_BROWSER) delete changed[key];
  return `${JSON.stringify({ format: FORMAT, version: stored.version, exported: exportedAt.toISOString(), changed }, null, 2)}\n`;
}

export type ImportResult = { ok: true; read: ReadResult } | { ok: false; error: string };

export function readSettingsFile(text: string): ImportResult {
  if (text.length > MAX_SETTINGS_FILE_BYTES) return { ok: false, error: TOO_LARGE };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not an HCPCS Lens settings file (it is not JSON).' };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== FORMAT) {
    return { ok: false, error: 'This file is not an HCPCS Lens settings file.' };
  }
  const { version, changed } = data as { version?: unknown; changed?: unknown };
  const read = readSettings({ version, changed });
  for (const key of PER_BROWSER) delete (read.stored.changed as Record<string, unknown>)[key];
  return { ok: true, read };
}
