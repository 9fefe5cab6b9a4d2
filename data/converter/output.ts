import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatasetError } from '../../src/hcpcs/dataset-format';
import { releaseLabel, type ReleaseInfo } from '../../src/hcpcs/release';
import { ReleaseError } from './release-error';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DATASET = join(DATA_DIR, 'hcpcs-dataset.tsv');
/** Field positions of the bundled release's layout (converter/layout-positions.ts). */
export const DEFAULT_LAYOUT = join(DATA_DIR, 'hcpcs-layout.json');
/** What changed from the release before the bundled one (changes-cli.ts). */
export const DEFAULT_CHANGES = join(DATA_DIR, 'hcpcs-changes.tsv');
const README = join(DATA_DIR, 'README.md');

/** Writes beside the target and renames, so a failure never leaves half a dataset. */
export function writeAtomically(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } finally {
    if (existsSync(temporary)) rmSync(temporary);
  }
}

/**
 * A CLI's answer to a failure: a release or dataset the converter refuses is
 * named, with the promise that nothing was written, and exits 1; anything
 * else is a bug and is thrown as it is.
 */
export function refused(error: unknown): number {
  if (!(error instanceof ReleaseError || error instanceof DatasetError)) throw error;
  console.error(`Refused: ${error.message}\nNothing was written.`);
  return 1;
}

const START = '<!-- release:start -->';
const END = '<!-- release:end -->';

/** Keeps data/README.md's description of the bundled release true after every update. */
export function updateDataReadme(release: ReleaseInfo): void {
  if (!existsSync(README)) return;
  const readme = readFileSync(README, 'utf8');
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from === -1 || to < from) return;
  const block = [
    START,
    `| | |`,
    `|---|---|`,
    `| Release | CMS HCPCS ${releaseLabel(release)} (effective ${release.effective}) |`,
    `| Converted from | \`${release.sourceFile}\` |`,
    `| sha256 of that file | \`${release.sourceSha256}\` |`,
    `| Record layout | \`${release.layoutFile}\` |`,
    `| Processing notes | ${release.notesFile ? `\`${release.notesFile}\`` : 'none shipped with this release'} |`,
    `| Records | ${release.codes} codes, ${release.modifiers} modifiers |`,
    END,
  ].join('\n');
  writeAtomically(README, readme.slice(0, from) + block + readme.slice(to + END.length));
}
