/**
 * The converter's entry for one file a user picked (the options page's import
 * worker): CMS's quarterly zip as published, or its .txt or .xlsx alone. The
 * same pick and conversion `npm run data:build` runs; what the extension
 * already has stands in for a missing layout or notes, and the result says so.
 */
import { convertRelease, type Conversion, type KnownAids } from './convert-release';
import { ReleaseError } from './release-error';
import { filesInZip, isZip, looksLike, MAX_FILE_BYTES, megabytes, pickReleaseFiles, type PickNotes, type SourceFile } from './release-pick';

export interface FileConversion extends Conversion, PickNotes {
  /** The names of the files used: the data file, the layout and the notes (from the input or the extension). */
  used: { data: string; layout: string; notes: string };
  /** The layout and notes were not in the input: the extension's own were used. */
  aidsFromExtension: boolean;
}

export type Stage = 'unpacking' | 'converting';

export async function convertFile(name: string, bytes: Uint8Array, known: KnownAids, onStage: (stage: Stage) => void = () => undefined): Promise<FileConversion> {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new ReleaseError(name, undefined, `is ${megabytes(bytes.length)}, past the ${megabytes(MAX_FILE_BYTES)} a CMS release can be`);
  }
  onStage('unpacking');
  const files = inputFiles(name, bytes);
  const picked = pickReleaseFiles(name, files);
  onStage('converting');
  const conversion = await convertRelease(picked.files, known);
  const { release } = conversion.dataset;
  return {
    ...conversion,
    ignored: picked.ignored,
    otherQuarters: picked.otherQuarters,
    used: { data: release.sourceFile, layout: release.layoutFile, notes: release.notesFile },
    aidsFromExtension: !picked.files.layout,
  };
}

function inputFiles(name: string, bytes: Uint8Array): SourceFile[] {
  if (/\.zip$/i.test(name)) return filesInZip(name, name, bytes);
  if (/\.(txt|xlsx)$/i.test(name)) return [{ name, origin: name, bytes }];
  if (isZip(bytes)) return filesInZip(name, name, bytes);
  throw new ReleaseError(name, undefined, `is not a CMS release: expected the quarterly zip, or its HCPCyyyy_<MON>_ANWEB .txt or .xlsx file (this one is ${looksLike(bytes)})`);
}
