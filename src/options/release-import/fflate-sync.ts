/**
 * fflate for read-excel-file in the import worker. read-excel-file's universal
 * entry unzips a workbook with fflate's asynchronous `unzip`, which inflates
 * large entries in workers it starts from blob: URLs; an extension page's
 * CSP (script-src 'self') refuses those. The conversion already runs off the
 * page's main thread, so inflating synchronously here costs nothing. The
 * build (vite.config.ts) resolves read-excel-file's `fflate` to this file.
 * An entry declaring more than 50 MB is refused before it is inflated.
 */
import { unzipSync, type FlateError, type UnzipFileInfo, type UnzipOptions } from 'fflate';
import { MAX_FILE_BYTES } from '../../../data/converter/release-pick';

export * from 'fflate';

type Callback = (error: FlateError | Error | null, files: Record<string, Uint8Array> | null) => void;

export function unzip(data: Uint8Array, options: UnzipOptions | Callback, callback?: Callback): () => void {
  const cb = (typeof options === 'function' ? options : callback)!;
  const filter = typeof options === 'function' ? undefined : options.filter;
  let files: Record<string, Uint8Array> | null = null;
  let error: Error | null = null;
  try {
    files = unzipSync(data, {
      filter(entry: UnzipFileInfo) {
        if (entry.originalSize > MAX_FILE_BYTES) throw new Error(`workbook part ${entry.name} would inflate past 50 MB`);
        return filter ? filter(entry) : true;
      },
    });
  } catch (e) {
    error = e as Error;
  }
  // fflate calls back asynchronously; callers may rely on it.
  queueMicrotask(() => cb(error, error ? null : files));
  return () => undefined;
}
