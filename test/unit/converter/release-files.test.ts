/**
 * The converter takes a file, CMS's zip, or a folder (newest release wins),
 * finds the layout and notes beside it, and never leaves half a dataset.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { findReleaseFiles } from '../../../data/converter/release-files';
import { writeAtomically } from '../../../data/converter/output';
import { ReleaseError } from '../../../data/converter/release-error';
import { decodeDataset } from '../../../src/hcpcs/dataset-open';
import { CMS_FIXTURES } from '../support/sample-release';

const ROOT = new URL('../../../', import.meta.url).pathname;

/** A folder laid out as CMS's download is: release files under their CMS names. */
function releaseFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hcpcs-release-'));
  for (const [name, fixture] of Object.entries(files)) copyFileSync(CMS_FIXTURES + fixture, join(dir, name));
  return dir;
}

const LAYOUT = { 'HCPC2026_recordlayout.txt': 'sample-recordlayout.txt' };

describe('finding the release', () => {
  it('takes the newest quarter in a folder, with its own notes', () => {
    const dir = releaseFolder({
      ...LAYOUT,
      'HCPC2025_OCT_ANWEB.xlsx': 'sample-anweb.xlsx',
      'HCPC2026_JAN_ANWEB_01122026.txt': 'sample-anweb.txt',
      'proc_notes_JAN2026.txt': 'sample-proc-notes.txt',
      'proc_notes_OCT2025.txt': 'sample-proc-notes.txt',
    });
    const files = findReleaseFiles(dir);
    expect(files).toMatchObject({ year: 2026, quarter: 1 });
    expect(files.data.name).toBe('HCPC2026_JAN_ANWEB_01122026.txt');
    expect(files.layout.name).toBe('HCPC2026_recordlayout.txt');
    expect(files.notes?.name).toBe('proc_notes_JAN2026.txt');
  });

  it('prefers a re-issue (_v2) within a quarter, and no notes from another quarter', () => {
    const dir = releaseFolder({ ...LAYOUT, 'HCPC2025_OCT_ANWEB.xlsx': 'sample-anweb.xlsx', 'HCPC2025_OCT_ANWEB_v2.xlsx': 'sample-anweb.xlsx', 'proc_notes_JAN2026.txt': 'sample-proc-notes.txt' });
    const files = findReleaseFiles(dir);
    expect(files.data.name).toBe('HCPC2025_OCT_ANWEB_v2.xlsx');
    expect(files.notes).toBeUndefined();
  });

  it('reads CMS’s zip as downloaded, ignoring its other workbooks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcpcs-zip-'));
    const zip = join(dir, 'january-2026-alpha-numeric-hcpcs-file.zip');
    writeFileSync(
      zip,
      zipSync({
        'HCPC2026_JAN_ANWEB_01122026.txt': readFileSync(CMS_FIXTURES + 'sample-anweb.txt'),
        'HCPC2026_JAN_ANWEB_Transaction Report_12292025.xlsx': readFileSync(CMS_FIXTURES + 'sample-anweb.xlsx'),
        'HCPC2026_recordlayout.txt': readFileSync(CMS_FIXTURES + 'sample-recordlayout.txt'),
        'proc_notes_JAN2026.txt': readFileSync(CMS_FIXTURES + 'sample-proc-notes.txt'),
      }),
    );
    const files = findReleaseFiles(zip);
    expect(files.data.origin).toBe(`${zip} › HCPC2026_JAN_ANWEB_01122026.txt`);
    expect(files.notes?.name).toBe('proc_notes_JAN2026.txt');
  });

  it('takes the layout of the nearest year', () => {
    const dir = releaseFolder({ 'HCPCS2019_recordlayout.txt': 'sample-recordlayout.txt', ...LAYOUT, 'HCPC2025_OCT_ANWEB.xlsx': 'sample-anweb.xlsx' });
    expect(findReleaseFiles(dir).layout.name).toBe('HCPC2026_recordlayout.txt');
  });

  it('says what it looked for when there is no release', () => {
    const dir = releaseFolder(LAYOUT);
    expect(() => findReleaseFiles(dir)).toThrow(ReleaseError);
    expect(() => findReleaseFiles(dir)).toThrow(/no CMS Alpha-Numeric HCPCS file found/);
    expect(() => findReleaseFiles(join(dir, 'nope.txt'))).toThrow(/no such file or folder/);
  });
});

function runCli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'data/converter/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('npm run data:build', () => {
  it('converts a release folder and writes a dataset that decodes', () => {
    const dir = releaseFolder({ ...LAYOUT, 'HCPC2026_JAN_ANWEB_01122026.txt': 'sample-anweb.txt', 'proc_notes_JAN2026.txt': 'sample-proc-notes.txt' });
    const out = join(dir, 'out.tsv');
    const run = runCli(dir, '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/CMS HCPCS 2026 Q1, 29 codes and 16 modifiers/);
    expect(decodeDataset(readFileSync(out, 'utf8')).records).toHaveLength(45);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a malformed release, names the fault, and leaves the old dataset untouched', () => {
    const dir = releaseFolder(LAYOUT);
    const good = readFileSync(CMS_FIXTURES + 'sample-anweb.txt', 'latin1').split('\r\n');
    const at = good.findIndex((l) => l.startsWith('E1392'));
    good[at] = good[at]!.slice(0, 100);
    writeFileSync(join(dir, 'HCPC2026_JAN_ANWEB.txt'), good.join('\r\n'), 'latin1');
    const out = join(dir, 'out.tsv');
    writeFileSync(out, 'previous dataset');
    const run = runCli(dir, '--out', out);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Refused: HCPC2026_JAN_ANWEB\.txt, line \d+: line is 100 columns, too short for its fields \(short, columns 92-119, is cut off\)/);
    expect(run.stderr).toMatch(/Nothing was written\./);
    expect(readFileSync(out, 'utf8')).toBe('previous dataset');
  });

  it('explains its usage', () => {
    const run = runCli();
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^usage: npm run data:build -- /);
  });
});

describe('atomic writes', () => {
  it('leave neither a partial file nor a temporary one when the write fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcpcs-atomic-'));
    expect(() => writeAtomically(join(dir, 'missing-folder', 'out.tsv'), 'x')).toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});
