/**
 * Finds the files of a CMS release on disk for `npm run data:build`: one
 * file, the zip CMS publishes, or a folder holding either; in a folder the
 * newest release wins, so a new quarter dropped beside the old ones is picked
 * up by the same command. Which file is which is release-pick.ts's rule,
 * shared with the options page's import.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ReleaseError } from './release-error';
import { filesInZip, pickReleaseFiles, type ReleaseFiles, type SourceFile } from './release-pick';

export type { ReleaseFiles, SourceFile } from './release-pick';

export interface FindOptions {
  layout?: string;
  notes?: string;
}

/** The release found, with a layout (node has no bundled one to fall back on). */
export type FoundRelease = ReleaseFiles & { layout: SourceFile };

export function findReleaseFiles(input: string, options: FindOptions = {}): FoundRelease {
  let stats;
  try {
    stats = statSync(input);
  } catch {
    throw new ReleaseError(input, undefined, 'no such file or folder');
  }
  const own = stats.isDirectory() ? filesInFolder(input) : filesOf(input);
  const beside = stats.isDirectory() ? [] : filesInFolder(dirname(input)).filter((f) => f.origin !== input && !f.origin.startsWith(`${input} › `));
  const { files } = pickReleaseFiles(input, own, beside);
  const layout = options.layout ? readFile(options.layout) : files.layout;
  if (!layout) throw new ReleaseError(input, undefined, 'no record layout (HCPCyyyy_recordlayout.txt) beside the release; pass one with --layout');
  const notes = options.notes ? readFile(options.notes) : files.notes;
  return { ...files, layout, notes };
}

function readFile(path: string): SourceFile {
  try {
    return { name: basename(path), origin: path, bytes: readFileSync(path) };
  } catch {
    throw new ReleaseError(path, undefined, 'cannot be read');
  }
}

function filesOf(path: string): SourceFile[] {
  return /\.zip$/i.test(path) ? filesInZip(path, path, readFile(path).bytes) : [readFile(path)];
}

/** The files of a folder, with the contents of any zip in it. */
function filesInFolder(folder: string): SourceFile[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isFile() ? filesOf(path) : [];
    });
}
